import { checkInRange, checkPositive } from "../internal/check.ts";
import type { Schedule } from "../types.ts";

/** Options of {@link stepSchedule}. */
export interface StepScheduleOptions {
  /** `lr₀`, the value at `t = 0`. */
  readonly initial: number;
  /** `k`, the number of steps between two drops (PyTorch `step_size`), `> 0`. */
  readonly stepSize: number;
  /** `γ`, the factor applied at each drop. Default `0.1` (PyTorch `StepLR`). */
  readonly decayRate?: number;
}

/** Piecewise-constant decay: `lr(t) = lr₀ · γ^⌊t/k⌋`. */
export function stepSchedule({ initial, stepSize, decayRate = 0.1 }: StepScheduleOptions): Schedule {
  checkInRange("stepSchedule", "initial", initial, -Infinity, Infinity, { openMin: true, openMax: true });
  checkPositive("stepSchedule", "stepSize", stepSize);
  checkPositive("stepSchedule", "decayRate", decayRate, true);
  return (t) => initial * decayRate ** Math.floor(t / stepSize);
}
