/** Internal argument checks shared by the transforms (short `RangeError`s that name the caller). */

/** Throw a `RangeError` unless `actual` has length `expected`. */
export function checkLength(where: string, what: string, actual: readonly unknown[], expected: number): void {
  if (actual.length !== expected) {
    throw new RangeError(`${where}: ${what} has length ${actual.length}, expected ${expected}`);
  }
}

/** Throw a `RangeError` unless `value` is a finite number within `[min, max]` (or `(min, max)`). */
export function checkInRange(
  where: string,
  name: string,
  value: number,
  min: number,
  max: number,
  { openMin = false, openMax = false } = {},
): void {
  const ok =
    Number.isFinite(value) &&
    (openMin ? value > min : value >= min) &&
    (openMax ? value < max : value <= max);
  if (!ok) {
    const lo = openMin ? "(" : "[";
    const hi = openMax ? ")" : "]";
    throw new RangeError(`${where}: ${name} must lie in ${lo}${min}, ${max}${hi}, got ${value}`);
  }
}

/** Throw a `RangeError` unless `value` is a finite number `> 0` (or `≥ 0` when `allowZero`). */
export function checkPositive(where: string, name: string, value: number, allowZero = false): void {
  checkInRange(where, name, value, 0, Number.POSITIVE_INFINITY, { openMin: !allowZero, openMax: true });
}

/** True when every entry of `v` is finite. */
export function allFinite(v: readonly number[]): boolean {
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) return false;
  }
  return true;
}

/** Throw a `RangeError` unless `value` is an integer `≥ min` (a count, a budget). */
export function checkCount(where: string, name: string, value: number, min = 0): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${where}: ${name} must be an integer ≥ ${min}, got ${value}`);
  }
}
