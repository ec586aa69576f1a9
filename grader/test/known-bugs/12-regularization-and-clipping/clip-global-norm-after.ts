/** Known bug: the reported norm is the one after clipping. */
import type { Vector } from "@calcml/math";
import { clipByGlobalNorm as correct } from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "clip-by-global-norm", feedback: /norm before clipping/ };

export function clipByGlobalNorm(grads: readonly Vector[], maxNorm: number) {
  const { clipped, norm } = correct(grads, maxNorm);
  return { clipped, norm: Math.min(norm, maxNorm) };
}
