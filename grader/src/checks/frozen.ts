/**
 * A deep-frozen copy of `value`. Hidden suites pass these to learner functions: COURSE.md says
 * functions never mutate their inputs, and a frozen array makes any attempt throw a TypeError.
 */
export function frozen<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map((v) => frozen(v))) as T;
  if (value !== null && typeof value === "object" && !(value instanceof Function)) {
    const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozen(v)]));
    return Object.freeze(copy) as T;
  }
  return value;
}
