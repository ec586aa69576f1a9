/** Known bug: each tensor is clipped by its own norm, which changes the combined direction. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "clip-by-global-norm", feedback: /all tensors together/ };

export function clipByGlobalNorm(grads: readonly Vector[], maxNorm: number) {
  if (!(maxNorm > 0)) throw new RangeError("clipByGlobalNorm: maxNorm must be > 0");
  const norms = grads.map((t) => Math.sqrt(t.reduce((s, x) => s + x * x, 0)));
  const norm = Math.sqrt(norms.reduce((s, n) => s + n * n, 0));
  return { clipped: grads.map((t, i) => t.map((x) => x * Math.min(1, maxNorm / norms[i]!))), norm };
}
