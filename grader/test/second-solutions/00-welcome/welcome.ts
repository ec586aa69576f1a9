/**
 * Second solution of lesson 00, written from the README and the stub only: it must earn full marks.
 */
import type { ScalarFn } from "@calcml/math";

/** x². */
export function square(x: number): number {
  return x ** 2;
}

/** Rise over run through (a, f(a)) and (b, f(b)); a === b has no secant. */
export function secantSlope(f: ScalarFn, a: number, b: number): number {
  const run = b - a;
  if (a === b) throw new RangeError(`secantSlope: a and b are equal (${a})`);
  const rise = f(b) - f(a);
  return rise / run;
}
