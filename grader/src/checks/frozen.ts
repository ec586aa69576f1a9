/**
 * A deep-frozen copy of `value`'s arrays and plain objects. Hidden suites pass these to learner
 * functions: the course's rule is that functions never mutate their inputs, and a frozen array makes
 * any attempt throw a TypeError. Functions, objects of classes (a learner's `Value`, a generator) and
 * objects marked with a symbol (a portable or labelled Rng) are passed as they are.
 */
export function frozen<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map((v) => frozen(v))) as T;
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    // Class instances, and objects that carry a recipe or a label (a portable Rng), are not copies' business.
    if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(value).length > 0)
      return value;
    const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozen(v)]));
    return Object.freeze(copy) as T;
  }
  return value;
}
