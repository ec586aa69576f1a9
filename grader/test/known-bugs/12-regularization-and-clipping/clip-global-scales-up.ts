/** Known bug: the gradient is always rescaled to norm maxNorm, even when it is already smaller. */
import type { Vector } from "@calcml/math";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "clip-by-global-norm", feedback: /never scale a small gradient up/ };

export function clipByGlobalNorm(grads: readonly Vector[], maxNorm: number) {
  if (!(maxNorm > 0)) throw new RangeError("clipByGlobalNorm: maxNorm must be > 0");
  const norm = Math.sqrt(grads.reduce((s, t) => s + t.reduce((u, x) => u + x * x, 0), 0));
  return { clipped: grads.map((t) => t.map((x) => (x * maxNorm) / norm)), norm };
}
