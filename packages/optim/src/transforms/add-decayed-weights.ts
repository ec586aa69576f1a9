import { checkInRange, checkLength } from "../internal/check.ts";
import type { GradientTransformation, Params } from "../types.ts";

/** State of {@link addDecayedWeights}: nothing to remember. */
export interface AddDecayedWeightsState {
  readonly kind: "add-decayed-weights";
}

/**
 * Decoupled weight decay: `u = g + λ·θ`, where `g` is the incoming update (not the raw gradient).
 *
 * Placed after `scaleByAdam` and before `scaleByLearningRate(γ)` it gives AdamW's `θ ← θ − γλθ − γ·adam`,
 * the same as PyTorch's `θ ← (1 − γλ)θ` followed by the Adam step. Needs `params` in `update`.
 *
 * @param weightDecay - `λ`. Default `1e-2` (PyTorch AdamW).
 */
export function addDecayedWeights(weightDecay = 1e-2): GradientTransformation<AddDecayedWeightsState> {
  checkInRange("addDecayedWeights", "weightDecay", weightDecay, 0, Infinity, { openMax: true });
  return {
    init: () => ({ kind: "add-decayed-weights" }),
    update(grads: Params, state: AddDecayedWeightsState, params?: Params) {
      if (params === undefined) {
        throw new TypeError("addDecayedWeights: update needs the current params as its third argument");
      }
      const n = grads.length;
      checkLength("addDecayedWeights", "params", params, n);
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = grads[i]! + weightDecay * params[i]!;
      return [out, state];
    },
  };
}
