import { expect } from "vitest";

/**
 * Asserts `|actual − expected| ≤ rtol · max(1, |expected|)` entrywise (the mixed relative/absolute
 * test of the golden trajectories in docs/numerics.md), with a message naming the index and the tolerance.
 */
export function expectRelClose(
  actual: number | readonly number[] | readonly (readonly number[])[],
  expected: number | readonly number[] | readonly (readonly number[])[],
  rtol: number,
): void {
  const a = [actual].flat(2) as number[];
  const e = [expected].flat(2) as number[];
  expect(a.length, "length").toBe(e.length);
  for (let i = 0; i < e.length; i++) {
    const ai = a[i] as number;
    const ei = e[i] as number;
    const tol = rtol * Math.max(1, Math.abs(ei));
    if (!(Math.abs(ai - ei) <= tol)) {
      expect.fail(`entry ${i}: ${ai} differs from ${ei} by ${Math.abs(ai - ei)} > ${tol} (rtol ${rtol})`);
    }
  }
}

/** Deep-freezes an array (and nested arrays), as hidden suites do, to catch mutation. */
export function frozen<T>(x: T): T {
  if (Array.isArray(x)) {
    for (const v of x) frozen(v);
    Object.freeze(x);
  }
  return x;
}
