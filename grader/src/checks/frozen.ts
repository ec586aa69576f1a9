/**
 * A deep-frozen copy of `value`'s arrays and plain objects. Hidden suites pass these to learner
 * functions: the course's rule is that functions never mutate their inputs, and a frozen array makes
 * any attempt throw a TypeError. Functions and objects of classes (a learner's `Value`, a generator)
 * are passed as they are.
 */
export function frozen<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map((v) => frozen(v))) as T;
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozen(v)]));
    return Object.freeze(copy) as T;
  }
  return value;
}
