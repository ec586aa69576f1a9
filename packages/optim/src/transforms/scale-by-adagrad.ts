import { checkInRange, checkLength } from "../internal/check.ts";
import { withFastPath } from "../internal/fast-path.ts";
import type { GradientTransformation, Params } from "../types.ts";

/** State of {@link scaleByAdagrad}: the running sum of squared gradients `s`. */
export interface AdagradState {
  readonly kind: "adagrad";
  readonly sumOfSquares: readonly number[];
}

/** Options of {@link scaleByAdagrad}. */
export interface AdagradOptions {
  /** `ε`, added after the square root. Default `1e-10` (PyTorch). */
  readonly eps?: number;
  /** Starting value of the accumulator `s`. Default `0` (PyTorch). */
  readonly initialAccumulator?: number;
}

/** Adagrad scaling: `s ← s + g²`, `u = g / (√s + ε)`. */
export function scaleByAdagrad({
  eps = 1e-10,
  initialAccumulator = 0,
}: AdagradOptions = {}): GradientTransformation<AdagradState> {
  checkInRange("scaleByAdagrad", "eps", eps, 0, Infinity, { openMax: true });
  checkInRange("scaleByAdagrad", "initialAccumulator", initialAccumulator, 0, Infinity, { openMax: true });
  return withFastPath(
    {
      init: (params: Params) => ({
        kind: "adagrad",
        sumOfSquares: new Array<number>(params.length).fill(initialAccumulator),
      }),
      update(grads: Params, state: AdagradState) {
        const n = grads.length;
        const s = state.sumOfSquares;
        checkLength("scaleByAdagrad", "gradient", grads, s.length);
        const next = new Array<number>(n);
        const out = new Array<number>(n);
        for (let i = 0; i < n; i++) {
          const g = grads[i]!;
          const si = s[i]! + g * g;
          next[i] = si;
          out[i] = g / (Math.sqrt(si) + eps);
        }
        return [out, { kind: "adagrad", sumOfSquares: next }];
      },
    },
    { fresh: true },
  );
}
