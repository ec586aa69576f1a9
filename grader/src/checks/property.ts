/**
 * Property-based checks: a rule stated for every input ("a gradient matches central differences at
 * every point", "softmax sums to 1", "a step never changes its inputs"), tried by fast-check on inputs
 * it draws under the grade's seed. When the rule fails, fast-check shrinks the input to the smallest
 * one it can find that still fails, and the learner sees that input in the usual Called / Got / Expected
 * form: the property's own CheckError for the shrunk input, plus one line saying it was shrunk.
 *
 *   expectForAll("softmax sums to 1", [fc.array(finite(-50, 50), { minLength: 1, maxLength: 8 })], (z) => {
 *     const { value, called } = learner.softmax(z);
 *     expectClose(sum(value), 1, { called, oracle: "probabilities sum to 1", rtol: 1e-12 });
 *   });
 */
import fc from "fast-check";
import { FAULT_NAMES } from "../sandbox/fault.ts";
import { TODO_PREFIX } from "./call-learner.ts";
import { CheckError } from "./check-error.ts";
import { suiteSeed } from "./seed.ts";

export { fc };

/** Inputs drawn per property when the check does not say (each is a round trip into the sandbox). */
export const PROPERTY_RUNS = 60;

/** Options of {@link expectForAll}. */
export interface ForAllOptions {
  /** Inputs to draw (default {@link PROPERTY_RUNS}). */
  numRuns?: number;
}

/** A finite double in [min, max], never NaN, ±∞ or −0 (a sensible default for calculus inputs). */
export function finite(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
}

/** The 32-bit seed of one property: the grade's seed mixed with the property's name. */
function propertySeed(salt: string): number {
  let hash = 2166136261;
  for (let i = 0; i < salt.length; i++) hash = Math.imul(hash ^ salt.charCodeAt(i), 16777619);
  return (suiteSeed() ^ hash) | 0;
}

const FAULTS = new Set<string>(Object.values(FAULT_NAMES));

/** Errors that must reach the grader unchanged: a stub's TODO, a sandbox fault (timeout, crash…). */
function passesThrough(error: unknown): error is Error {
  return error instanceof Error && (error.message.startsWith(TODO_PREFIX) || FAULTS.has(error.name));
}

/**
 * Checks `property` on inputs drawn from `arbitraries` under the grade's seed (`salt`, e.g. the test's
 * name, keeps properties independent). `property` fails by throwing a CheckError (use the usual
 * `expectClose`, `check`, learner calls…). On failure, throws the CheckError of the smallest failing
 * input fast-check found, with a line saying how it was found.
 */
export function expectForAll<Ts extends [unknown, ...unknown[]]>(
  salt: string,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  property: (...args: Ts) => void,
  options: ForAllOptions = {},
): void {
  // A stub's TODO or a sandbox fault ends the property at once: shrinking it would only repeat it.
  let passThrough: Error | undefined;
  const guarded = (...args: Ts): boolean => {
    if (passThrough) return true;
    try {
      property(...args);
      return true;
    } catch (error) {
      if (passesThrough(error)) {
        passThrough = error;
        return true;
      }
      throw error;
    }
  };
  const details = fc.check(
    fc.property(
      ...(arbitraries as unknown as [fc.Arbitrary<unknown>]),
      guarded as unknown as (x: unknown) => boolean,
    ),
    { seed: propertySeed(salt), numRuns: options.numRuns ?? PROPERTY_RUNS },
  );
  if (passThrough) throw passThrough;
  if (!details.failed) return;
  const error = details.errorInstance;
  const found = `the smallest failing input fast-check found (${details.numRuns} inputs tried, ${details.numShrinks} shrinking steps)`;
  if (error instanceof CheckError) {
    throw new CheckError(`${error.message}\nShrunk:   ${found}`);
  }
  throw error instanceof Error ? error : new CheckError(`The property failed for ${found}: ${String(error)}`);
}
