import { checkInRange } from "../internal/check.ts";
import { elementwise } from "../internal/elementwise.ts";
import type { GradientTransformation } from "../types.ts";

/** State of {@link scale}: nothing to remember. */
export interface ScaleState {
  readonly kind: "scale";
}

/**
 * Multiply every gradient entry by a constant: `u = c·g`.
 *
 * @param factor - the constant `c` (any finite number; no default).
 */
export function scale(factor: number): GradientTransformation<ScaleState> {
  checkInRange("scale", "factor", factor, -Infinity, Infinity, { openMin: true, openMax: true });
  return elementwise<ScaleState>(
    () => ({ kind: "scale" }),
    (src, dst, state) => {
      for (let i = 0; i < src.length; i++) dst[i] = factor * src[i]!;
      return state;
    },
  );
}
