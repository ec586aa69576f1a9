import { checkPositive } from "../internal/check.ts";
import { elementwise } from "../internal/elementwise.ts";
import type { GradientTransformation } from "../types.ts";

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
  return elementwise<ClipByValueState>(
    () => ({ kind: "clip-by-value" }),
    (src, dst, state) => {
      for (let i = 0; i < src.length; i++) dst[i] = Math.min(maxDelta, Math.max(-maxDelta, src[i]!));
      return state;
    },
  );
}
