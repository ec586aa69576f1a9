import { checkInRange } from "../internal/check.ts";
import type { GradientTransformation, Params } from "../types.ts";

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
  return {
    init: () => ({ kind: "scale" }),
    update(grads: Params, state: ScaleState) {
      const n = grads.length;
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = factor * grads[i]!;
      return [out, state];
    },
  };
}
