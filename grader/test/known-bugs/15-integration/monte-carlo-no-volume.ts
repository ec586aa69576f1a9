/** Known bug: the Monte Carlo estimate is the mean of f, not multiplied by the box's volume. */
import type { Rng, ScalarField, Vector } from "@calcml/math";

export * from "../../../../solutions/15-integration/integration.ts";
export const knownBug = { task: "monte-carlo", feedback: /multiply the mean of f by the volume/ };

export function monteCarloIntegral(f: ScalarField, lower: Vector, upper: Vector, samples: number, rng: Rng) {
  if (lower.length !== upper.length || samples < 2) throw new RangeError("monteCarloIntegral: bad input");
  const values = Array.from({ length: samples }, () =>
    f(lower.map((low, i) => low + ((upper[i] as number) - low) * rng.uniform())),
  );
  const mean = values.reduce((s, v) => s + v, 0) / samples;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (samples - 1);
  return { estimate: mean, standardError: (2 * Math.sqrt(variance)) / Math.sqrt(samples) };
}
