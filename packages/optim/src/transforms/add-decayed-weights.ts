import { checkInRange, checkLength } from "../internal/check.ts";
import { elementwise } from "../internal/elementwise.ts";
import type { GradientTransformation } from "../types.ts";

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
 * @param weightDecay - `λ ≥ 0`. Default `1e-2` (PyTorch AdamW).
 * @throws TypeError when `update` is called without `params`.
 */
export function addDecayedWeights(weightDecay = 1e-2): GradientTransformation<AddDecayedWeightsState> {
  checkInRange("addDecayedWeights", "weightDecay", weightDecay, 0, Infinity, { openMax: true });
  return elementwise<AddDecayedWeightsState>(
    () => ({ kind: "add-decayed-weights" }),
    (src, dst, state, params) => {
      if (params === undefined) {
        throw new TypeError("addDecayedWeights: update needs the current params as its third argument");
      }
      checkLength("addDecayedWeights", "params", params, src.length);
      for (let i = 0; i < src.length; i++) dst[i] = src[i]! + weightDecay * params[i]!;
      return state;
    },
  );
}
