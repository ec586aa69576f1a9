/** Known bug: below the limit the input arrays themselves are returned, not copies. */
import type { Vector } from "@calcml/math";
import { clipByGlobalNorm as correct } from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";

export * from "../../../../solutions/12-regularization-and-clipping/regularization-and-clipping.ts";
export const knownBug = { task: "clip-by-global-norm", feedback: /fresh arrays/ };

export function clipByGlobalNorm(grads: readonly Vector[], maxNorm: number) {
  const result = correct(grads, maxNorm);
  return result.norm <= maxNorm ? { clipped: grads as number[][], norm: result.norm } : result;
}
