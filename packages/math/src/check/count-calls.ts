/** A function wrapped with a call counter. */
export interface CountedFunction<A extends unknown[], R> {
  /** Call this instead of the original; it forwards every argument and the result. */
  fn: (...args: A) => R;
  /** Calls so far. */
  count(): number;
  /** Sets the count back to 0. */
  reset(): void;
}

/**
 * Wraps a function in a call counter (docs/numerics.md, "Call counting"): hand the learner the wrapped `f`
 * and check afterwards that an "analytic" gradient did not evaluate f 2n times, which would be
 * numerical differentiation in disguise.
 *
 * @example
 * const counted = countCalls((x: readonly number[]) => x[0]! ** 2);
 * counted.fn([3]);
 * counted.count(); // 1
 */
export function countCalls<A extends unknown[], R>(f: (...args: A) => R): CountedFunction<A, R> {
  let calls = 0;
  return {
    fn: (...args: A): R => {
      calls++;
      return f(...args);
    },
    count: () => calls,
    reset: () => {
      calls = 0;
    },
  };
}
