/** Known bug: the standard error is the standard deviation of f, not divided by √N. */
import type { Rng, ScalarField, Vector } from "@calcml/math";

export * from "../../../../solutions/15-integration/integration.ts";
export const knownBug = { task: "monte-carlo", feedback: /divide the standard deviation by √N/ };

export function monteCarloIntegral(f: ScalarField, lower: Vector, upper: Vector, samples: number, rng: Rng) {
  if (lower.length !== upper.length || samples < 2) throw new RangeError("monteCarloIntegral: bad input");
  const volume = lower.reduce((v, low, i) => v * ((upper[i] as number) - low), 1);
  const values = Array.from({ length: samples }, () =>
    f(lower.map((low, i) => low + ((upper[i] as number) - low) * rng.uniform())),
  );
  const mean = values.reduce((s, v) => s + v, 0) / samples;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (samples - 1);
  return { estimate: volume * mean, standardError: volume * Math.sqrt(variance) };
}
