import { checkInRange, checkLength } from "../internal/check.ts";
import { withFastPath } from "../internal/fast-path.ts";
import type { GradientTransformation, Params } from "../types.ts";

/** State of {@link scaleByRms}: the running average of squared gradients `v`. */
export interface RmsState {
  readonly kind: "rms";
  readonly v: readonly number[];
}

/** Options of {@link scaleByRms}. */
export interface RmsOptions {
  /** Smoothing constant `α` (PyTorch `alpha`). Default `0.99`. */
  readonly alpha?: number;
  /** `ε`, added after the square root. Default `1e-8` (PyTorch). */
  readonly eps?: number;
}

/** RMSprop scaling (PyTorch form, `v₀ = 0`): `v ← α·v + (1 − α)·g²`, `u = g / (√v + ε)`. */
export function scaleByRms({ alpha = 0.99, eps = 1e-8 }: RmsOptions = {}): GradientTransformation<RmsState> {
  checkInRange("scaleByRms", "alpha", alpha, 0, 1);
  checkInRange("scaleByRms", "eps", eps, 0, Infinity, { openMax: true });
  return withFastPath(
    {
      init: (params: Params) => ({ kind: "rms", v: new Array<number>(params.length).fill(0) }),
      update(grads: Params, state: RmsState) {
        const n = grads.length;
        const v = state.v;
        checkLength("scaleByRms", "gradient", grads, v.length);
        const next = new Array<number>(n);
        const out = new Array<number>(n);
        for (let i = 0; i < n; i++) {
          const g = grads[i]!;
          const vi = alpha * v[i]! + (1 - alpha) * g * g;
          next[i] = vi;
          out[i] = g / (Math.sqrt(vi) + eps);
        }
        return [out, { kind: "rms", v: next }];
      },
    },
    { fresh: true },
  );
}
