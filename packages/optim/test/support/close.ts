import { expect } from "vitest";

/** Golden-trajectory rule of docs/numerics.md: `|x − x_ref| ≤ 1e-12 · max(1, |x_ref|)`. */
export const GOLDEN_TOLERANCE = 1e-12;

/** True when `|a − e| ≤ tol · max(1, |e|)`. */
export function isClose(actual: number, expected: number, tol = GOLDEN_TOLERANCE): boolean {
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}

/** Assert that two vectors agree entry by entry under {@link isClose}, naming the worst entry. */
export function expectVectorClose(
  actual: readonly number[],
  expected: readonly number[],
  tol = GOLDEN_TOLERANCE,
  label = "vector",
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  let worst = -1;
  let worstErr = 0;
  actual.forEach((a, i) => {
    const e = expected[i]!;
    const err = Math.abs(a - e) / Math.max(1, Math.abs(e));
    if (!(err <= worstErr) || worst < 0) {
      worst = i;
      worstErr = err;
    }
  });
  const a = actual[worst];
  const e = expected[worst];
  expect(
    actual.every((x, i) => isClose(x, expected[i]!, tol)),
    `${label}: entry ${worst} is ${a}, expected ${e} (scaled error ${worstErr.toExponential(2)} > ${tol})`,
  ).toBe(true);
}
