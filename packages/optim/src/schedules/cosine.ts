import { checkInRange, checkPositive } from "../internal/check.ts";
import type { Schedule } from "../types.ts";

/** Options of {@link cosineSchedule}. */
export interface CosineScheduleOptions {
  /** `lr₀`, the peak value (at `t = 0`, or at the end of the warm-up). */
  readonly initial: number;
  /** `T`, the step at which the decay ends, counted from 0 and including any warm-up, `> 0`. */
  readonly decaySteps: number;
  /** `α`, the final value as a fraction of `lr₀`. Default `0`. */
  readonly alpha?: number;
  /** `W`, the number of linear warm-up steps, `0 ≤ W < T`. Default `0` (no warm-up). */
  readonly warmup?: number;
  /** The value at `t = 0` when warming up. Default `0`. */
  readonly warmupInitial?: number;
}

/**
 * Cosine decay (SGDR / optax `cosine_decay_schedule`):
 * `lr(t) = α·lr₀ + (1 − α)·lr₀·½(1 + cos(πt/T))` for `t ≤ T`, then `α·lr₀`.
 *
 * With `warmup = W > 0` the value first rises linearly from `warmupInitial` (at `t = 0`) to `lr₀`
 * (at `t = W`), then the cosine runs over the remaining `T − W` steps with `t − W` in place of `t`
 * (optax `warmup_cosine_decay_schedule`).
 */
export function cosineSchedule({
  initial,
  decaySteps,
  alpha = 0,
  warmup = 0,
  warmupInitial = 0,
}: CosineScheduleOptions): Schedule {
  const where = "cosineSchedule";
  checkInRange(where, "initial", initial, -Infinity, Infinity, { openMin: true, openMax: true });
  checkPositive(where, "decaySteps", decaySteps);
  checkInRange(where, "alpha", alpha, 0, 1);
  checkInRange(where, "warmup", warmup, 0, decaySteps, { openMax: true });
  checkInRange(where, "warmupInitial", warmupInitial, -Infinity, Infinity, { openMin: true, openMax: true });
  const span = decaySteps - warmup;
  return (t) => {
    if (t < warmup) return warmupInitial + ((initial - warmupInitial) * t) / warmup;
    const s = t - warmup;
    if (s >= span) return alpha * initial;
    return alpha * initial + (1 - alpha) * initial * 0.5 * (1 + Math.cos((Math.PI * s) / span));
  };
}
