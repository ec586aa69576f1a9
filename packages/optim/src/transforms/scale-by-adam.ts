import { checkInRange, checkLength } from "../internal/check.ts";
import { withFastPath } from "../internal/fast-path.ts";
import type { GradientTransformation, Params } from "../types.ts";

/** State of {@link scaleByAdam}: the step count `t` and the two moment estimates. */
export interface AdamState {
  readonly kind: "adam";
  /** Number of updates made so far (`t − 1` during the update that computes step `t`). */
  readonly count: number;
  /** First moment `m` (running mean of gradients). */
  readonly m: readonly number[];
  /** Second moment `v` (running mean of squared gradients). */
  readonly v: readonly number[];
}

/** Options of {@link scaleByAdam}. */
export interface AdamOptions {
  /** `β₁`. Default `0.9`. */
  readonly beta1?: number;
  /** `β₂`. Default `0.999`. */
  readonly beta2?: number;
  /** `ε`, added after the square root of `v̂`. Default `1e-8`. */
  readonly eps?: number;
}

/**
 * Adam scaling with bias correction: `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`,
 * `u = m̂ / (√v̂ + ε)` with `m̂ = m/(1−β₁ᵗ)`, `v̂ = v/(1−β₂ᵗ)`, `t = 1, 2, …`.
 */
export function scaleByAdam({
  beta1 = 0.9,
  beta2 = 0.999,
  eps = 1e-8,
}: AdamOptions = {}): GradientTransformation<AdamState> {
  checkInRange("scaleByAdam", "beta1", beta1, 0, 1, { openMax: true });
  checkInRange("scaleByAdam", "beta2", beta2, 0, 1, { openMax: true });
  checkInRange("scaleByAdam", "eps", eps, 0, Infinity, { openMax: true });
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  return withFastPath(
    {
      init: (params: Params) => {
        const n = params.length;
        return { kind: "adam", count: 0, m: new Array<number>(n).fill(0), v: new Array<number>(n).fill(0) };
      },
      update(grads: Params, state: AdamState) {
        const n = grads.length;
        const { m, v } = state;
        checkLength("scaleByAdam", "gradient", grads, m.length);
        const t = state.count + 1;
        // PyTorch's arrangement: m̂ = m/(1−β₁ᵗ), √v̂ = √v/√(1−β₂ᵗ), with the two constants hoisted.
        const invBc1 = 1 / (1 - beta1 ** t);
        const invSqrtBc2 = 1 / Math.sqrt(1 - beta2 ** t);
        const nextM = new Array<number>(n);
        const nextV = new Array<number>(n);
        const out = new Array<number>(n);
        for (let i = 0; i < n; i++) {
          const g = grads[i]!;
          const mi = beta1 * m[i]! + c1 * g;
          const vi = beta2 * v[i]! + c2 * g * g;
          nextM[i] = mi;
          nextV[i] = vi;
          out[i] = (mi * invBc1) / (Math.sqrt(vi) * invSqrtBc2 + eps);
        }
        return [out, { kind: "adam", count: t, m: nextM, v: nextV }];
      },
    },
    { fresh: true },
  );
}
