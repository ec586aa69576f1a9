import { checkPositive } from "../internal/check.ts";
import type { GradientTransformation, Params } from "../types.ts";

/** State of {@link clipByValue}: nothing to remember. */
export interface ClipByValueState {
  readonly kind: "clip-by-value";
}

/**
 * Clamp each entry to `[−maxDelta, maxDelta]` (PyTorch `clip_grad_value_`). NaN entries stay NaN.
 *
 * @param maxDelta - the bound, `> 0` (no default).
 */
export function clipByValue(maxDelta: number): GradientTransformation<ClipByValueState> {
  checkPositive("clipByValue", "maxDelta", maxDelta);
  return {
    init: () => ({ kind: "clip-by-value" }),
    update(grads: Params, state: ClipByValueState) {
      const n = grads.length;
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        out[i] = Math.min(maxDelta, Math.max(-maxDelta, grads[i]!));
      }
      return [out, state];
    },
  };
}
