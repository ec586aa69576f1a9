import { checkLength } from "./internal/check.ts";
import type { Params } from "./types.ts";

/**
 * Apply updates to parameters: `θ + u`, a new array (the inputs are not mutated).
 *
 * Updates are added, so descent transformations (`scaleByLearningRate`) return `−γ·g`.
 *
 * @throws RangeError when the lengths differ.
 */
export function applyUpdates(params: Params, updates: Params): number[] {
  const n = params.length;
  checkLength("applyUpdates", "updates", updates, n);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = params[i]! + updates[i]!;
  return out;
}
