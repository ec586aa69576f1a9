import { formatShape } from "./labels.ts";
import { describeBadNumber } from "./result.ts";

/** Outcome of validating an analytic derivative before any comparison. */
export type Validation =
  | { ok: true; flat: number[] }
  | { ok: false; reason: "shape" | "non-finite"; actualShape: number[]; hint: string };

/**
 * Checks that `value` is a vector of `n` finite numbers. Learner code may return anything, so this
 * never trusts the static type.
 *
 * @example
 * validateVector([1, 2], 2, "the gradient", "f takes 2 inputs"); // { ok: true, flat: [1, 2] }
 */
export function validateVector(value: unknown, n: number, what: string, why: string): Validation {
  if (!Array.isArray(value)) {
    return {
      ok: false,
      reason: "shape",
      actualShape: [],
      hint: `${what} is ${describeBadNumber(value)}, not an array of numbers`,
    };
  }
  if (value.length !== n) {
    return {
      ok: false,
      reason: "shape",
      actualShape: [value.length],
      hint: `${what} has ${value.length} entries but ${why}: return one entry per input coordinate`,
    };
  }
  return checkEntries(value, [n], what);
}

/**
 * Checks that `value` is an `m`×`n` matrix of finite numbers (rows, then columns) and flattens it
 * row-major. A matrix of the transposed shape gets a hint saying so.
 *
 * @example
 * validateMatrix([[1, 2]], 1, 2, "the Jacobian"); // { ok: true, flat: [1, 2] }
 */
export function validateMatrix(value: unknown, m: number, n: number, what: string): Validation {
  const expected = formatShape([m, n]);
  if (!Array.isArray(value)) {
    return {
      ok: false,
      reason: "shape",
      actualShape: [],
      hint: `${what} is ${describeBadNumber(value)}, not a matrix`,
    };
  }
  const rows: unknown[] = value;
  const cols = rows.map((r) => (Array.isArray(r) ? r.length : -1));
  const ragged = cols.some((c) => c !== cols[0]);
  const actualShape = [rows.length, ragged || rows.length === 0 ? -1 : (cols[0] as number)];
  if (rows.length !== m || cols.some((c) => c !== n)) {
    const bad = cols.findIndex((c) => c !== n);
    const detail =
      actualShape[0] === n && actualShape[1] === m && m !== n
        ? ` (it looks transposed: rows are outputs, columns are inputs)`
        : rows.length === m && bad >= 0
          ? ` (row ${bad} has ${cols[bad] === -1 ? "no array" : `${cols[bad]} entries`})`
          : "";
    const shown = ragged ? `${rows.length} rows of different lengths` : formatShape(actualShape);
    return {
      ok: false,
      reason: "shape",
      actualShape,
      hint: `${what} has shape ${shown}, expected ${expected}${detail}`,
    };
  }
  return checkEntries(rows.flat(), [m, n], what);
}

function checkEntries(flat: unknown[], shape: number[], what: string): Validation {
  const bad = flat.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
  if (bad < 0) return { ok: true, flat: flat as number[] };
  const v = flat[bad];
  const label =
    shape.length === 2
      ? `[${Math.floor(bad / (shape[1] as number))}][${bad % (shape[1] as number)}]`
      : `[${bad}]`;
  return typeof v === "number"
    ? {
        ok: false,
        reason: "non-finite",
        actualShape: shape,
        hint: `${what} has ${describeBadNumber(v)} at ${label}: look for 0/0, log(0) or an overflow`,
      }
    : {
        ok: false,
        reason: "shape",
        actualShape: shape,
        hint: `${what} has ${describeBadNumber(v)} at ${label}, not a number`,
      };
}
