import { checkInRange } from "../internal/check.ts";
import type { Schedule } from "../types.ts";

/** The same value at every step: `lr(t) = value`. */
export function constantSchedule(value: number): Schedule {
  checkInRange("constantSchedule", "value", value, -Infinity, Infinity, { openMin: true, openMax: true });
  return () => value;
}
