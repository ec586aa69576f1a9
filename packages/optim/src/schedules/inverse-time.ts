import { checkInRange, checkPositive } from "../internal/check.ts";
import type { Schedule } from "../types.ts";

/** Options of {@link inverseTimeSchedule}. */
export interface InverseTimeScheduleOptions {
  /** `lr₀`, the value at `t = 0`. */
  readonly initial: number;
  /** `k`, `≥ 0`; the value halves at `t = 1/k`. */
  readonly decayRate: number;
}

/** Inverse-time decay: `lr(t) = lr₀ / (1 + k·t)`. */
export function inverseTimeSchedule({ initial, decayRate }: InverseTimeScheduleOptions): Schedule {
  checkInRange("inverseTimeSchedule", "initial", initial, -Infinity, Infinity, {
    openMin: true,
    openMax: true,
  });
  checkPositive("inverseTimeSchedule", "decayRate", decayRate, true);
  return (t) => initial / (1 + decayRate * t);
}
