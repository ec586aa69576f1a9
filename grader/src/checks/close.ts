import { withinTolerance } from "@calcml/math";
import { check } from "./check-error.ts";
import { describeValue, formatNumber } from "./describe-value.ts";

/** Default relative tolerance of value comparisons (an oracle computed in Float64 by other means). */
export const DEFAULT_RTOL = 1e-9;
/** Default absolute floor, so that values near zero are compared sensibly. */
export const DEFAULT_ATOL = 1e-12;

export interface CloseOptions {
  /** The call that produced `actual`, described (see `describeCall`). */
  called: string;
  /** Where the expected value comes from, e.g. "exact derivative 3x²". */
  oracle: string;
  rtol?: number;
  atol?: number;
  /** The rule a mismatch breaks, or a diagnosis computed from the values. */
  why?: string | ((actual: number, expected: number) => string | undefined);
}

/**
 * docs/numerics.md's rule `|a − e| ≤ atol + rtol·max(|a|, |e|)` (math's `withinTolerance`), extended to
 * expected values that are NaN or infinite, which must then be matched exactly.
 */
export function isClose(actual: number, expected: number, rtol = DEFAULT_RTOL, atol = DEFAULT_ATOL): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return withinTolerance(actual, expected, rtol, atol);
}

/**
 * `got` and `want` as text: short when they print differently, in full with their relative difference
 * when the short forms look alike (so a failure never shows two identical numbers).
 */
function showPair(got: number, want: number): [string, string] {
  const [a, b] = [formatNumber(got), formatNumber(want)];
  if (a !== b || got === want) return [a, b];
  const relative = Math.abs(got - want) / Math.max(Math.abs(got), Math.abs(want));
  return [`${got} (relative difference ${relative.toExponential(2)})`, String(want)];
}

/** The tolerance in words: "exactly", "±0.05", "within 1e-9 relative", or both parts. */
export function tolerance(options: CloseOptions): string {
  const rtol = options.rtol ?? DEFAULT_RTOL;
  const atol = options.atol ?? DEFAULT_ATOL;
  if (rtol === 0 && atol === 0) return "exactly";
  if (rtol === 0) return `±${formatNumber(atol)}`;
  if (atol === 0) return `within ${formatNumber(rtol)} relative`;
  return `within ${formatNumber(rtol)} relative (absolute floor ${formatNumber(atol)})`;
}

/** Checks one number against an oracle. */
export function expectClose(actual: unknown, expected: number, options: CloseOptions): void {
  check(typeof actual === "number", () => ({
    called: options.called,
    got: describeValue(actual),
    expected: `a number, ${formatNumber(expected)} (${options.oracle})`,
  }));
  const value = actual as number;
  check(isClose(value, expected, options.rtol, options.atol), () => {
    const [got, want] = showPair(value, expected);
    return {
      called: options.called,
      got,
      expected: `${want} (${options.oracle}), ${tolerance(options)}`,
      ...whyOf(options, value, expected),
    };
  });
}

/** Said of a non-finite answer where a finite one was expected, unless the check has a better diagnosis. */
export const NOT_FINITE_WHY =
  "the result must be a finite number: something overflowed, divided by zero or took log(0)";

function whyOf(options: CloseOptions, actual: number, expected: number): { why?: string } {
  const why = typeof options.why === "function" ? options.why(actual, expected) : options.why;
  if (why !== undefined) return { why };
  return Number.isFinite(expected) && !Number.isFinite(actual) ? { why: NOT_FINITE_WHY } : {};
}

/** Checks an array of numbers entry by entry, reporting the first entry that differs. */
export function expectVectorClose(actual: unknown, expected: readonly number[], options: CloseOptions): void {
  checkArray(actual, expected.length, options, expected);
  const values = actual as readonly unknown[];
  expected.forEach((e, i) => {
    const a = values[i];
    check(typeof a === "number" && isClose(a, e, options.rtol, options.atol), () => {
      const [got, want] = typeof a === "number" ? showPair(a, e) : [describeValue(a), formatNumber(e)];
      return {
        called: options.called,
        got: `${describeValue(values)}; entry [${i}] is ${got}`,
        expected: `${describeValue(expected)}; entry [${i}] = ${want} (${options.oracle}), ${tolerance(options)}`,
        ...(typeof a === "number" ? whyOf(options, a, e) : {}),
      };
    });
  });
}

/** Checks a matrix (array of rows) entry by entry. */
export function expectMatrixClose(
  actual: unknown,
  expected: readonly (readonly number[])[],
  options: CloseOptions,
): void {
  checkArray(actual, expected.length, options, expected, "rows");
  const rows = actual as readonly unknown[];
  expected.forEach((row, i) => {
    const actualRow = rows[i];
    checkArray(actualRow, row.length, { ...options, called: `${options.called}, row [${i}]` }, row);
    row.forEach((e, j) => {
      const a = (actualRow as readonly unknown[])[j];
      check(typeof a === "number" && isClose(a, e, options.rtol, options.atol), () => ({
        called: options.called,
        got: `entry [${i}][${j}] is ${describeValue(a)} (whole result ${describeValue(rows)})`,
        expected: `${formatNumber(e)} at [${i}][${j}] (${options.oracle}), ${tolerance(options)}`,
        ...(typeof a === "number" ? whyOf(options, a, e) : {}),
      }));
    });
  });
}

function checkArray(
  actual: unknown,
  length: number,
  options: CloseOptions,
  expected: unknown,
  unit = "entries",
): void {
  check(Array.isArray(actual), () => ({
    called: options.called,
    got: describeValue(actual),
    expected: `an array like ${describeValue(expected)} (${options.oracle})`,
  }));
  check((actual as unknown[]).length === length, () => ({
    called: options.called,
    got: `${describeValue(actual)} with ${(actual as unknown[]).length} ${unit}`,
    expected: `${length} ${unit} (${options.oracle})`,
  }));
}
