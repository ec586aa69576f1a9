import { isClose } from "./close.ts";

/** A wrong formula learners often use, its value for the call at hand, and what to say when it matches. */
export interface Suspect<T = number> {
  value: T;
  why: string;
}

/** How close an answer must be to a suspect's value to be named after it. */
export const SUSPECT_RTOL = 1e-6;

/**
 * A `why` for `expectClose`: names the first suspect that the learner's answer matches and the right
 * answer does not (so a coincidence never blames a correct answer).
 */
export function whyFrom(suspects: readonly Suspect[], atol = 1e-12) {
  return (got: number, expected: number): string | undefined =>
    suspects.find(
      (s) => isClose(got, s.value, SUSPECT_RTOL, atol) && !isClose(expected, s.value, SUSPECT_RTOL, atol),
    )?.why;
}
