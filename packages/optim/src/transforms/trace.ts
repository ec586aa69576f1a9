import { checkInRange, checkLength } from "../internal/check.ts";
import { withFastPath } from "../internal/fast-path.ts";
import type { GradientTransformation, Params } from "../types.ts";

/** State of {@link trace}: the momentum buffer `b`. */
export interface TraceState {
  readonly kind: "trace";
  readonly buffer: readonly number[];
}

/** Options of {@link trace}. */
export interface TraceOptions {
  /** Momentum `μ`. Default `0.9`. */
  readonly decay?: number;
  /** Use the Nesterov form `g + μ·b_t`. Default `false`. */
  readonly nesterov?: boolean;
}

/**
 * Momentum (PyTorch form, dampening 0): `b_t = μ·b_{t−1} + g`, starting from `b₁ = g`; the update is
 * `b_t`, or `g + μ·b_t` with Nesterov.
 *
 * The buffer is initialised to zeros, which gives exactly `b₁ = μ·0 + g = g`, PyTorch's start. Chained
 * with `scaleByLearningRate(γ)`, step 1 equals plain SGD (`γ·g`), or `(1 + μ)·γ·g` with Nesterov.
 */
export function trace({
  decay = 0.9,
  nesterov = false,
}: TraceOptions = {}): GradientTransformation<TraceState> {
  checkInRange("trace", "decay", decay, 0, 1);
  return withFastPath(
    {
      init: (params: Params) => ({ kind: "trace", buffer: new Array<number>(params.length).fill(0) }),
      update(grads: Params, state: TraceState) {
        const n = grads.length;
        const b = state.buffer;
        checkLength("trace", "gradient", grads, b.length);
        const buffer = new Array<number>(n);
        const out = nesterov ? new Array<number>(n) : buffer;
        for (let i = 0; i < n; i++) {
          const g = grads[i]!;
          const bi = decay * b[i]! + g;
          buffer[i] = bi;
          if (nesterov) out[i] = g + decay * bi;
        }
        // Without Nesterov the update *is* the buffer; hand out a copy so callers cannot alias the state.
        return [nesterov ? out : buffer.slice(), { kind: "trace", buffer }];
      },
    },
    { fresh: true },
  );
}
