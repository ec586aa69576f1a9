import { checkInRange, checkPositive } from "../internal/check.ts";
import type { Schedule } from "../types.ts";

/** Options of {@link exponentialSchedule}. */
export interface ExponentialScheduleOptions {
  /** `lr₀`, the value at `t = 0`. */
  readonly initial: number;
  /** `r`, the factor reached after `T` steps, `> 0`. */
  readonly decayRate: number;
  /** `T`, the number of steps over which the value is multiplied by `r`, `> 0`. */
  readonly transitionSteps: number;
}

/** Smooth exponential decay: `lr(t) = lr₀ · r^(t/T)` (optax `exponential_decay`, not staircase). */
export function exponentialSchedule({
  initial,
  decayRate,
  transitionSteps,
}: ExponentialScheduleOptions): Schedule {
  checkInRange("exponentialSchedule", "initial", initial, -Infinity, Infinity, {
    openMin: true,
    openMax: true,
  });
  checkPositive("exponentialSchedule", "decayRate", decayRate);
  checkPositive("exponentialSchedule", "transitionSteps", transitionSteps);
  return (t) => initial * decayRate ** (t / transitionSteps);
}
