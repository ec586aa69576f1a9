import type { ResolvedOptions } from "./options.ts";
import type { CheckResult } from "./types.ts";
import type { Validation } from "./validate.ts";

/**
 * A `CheckResult` for a check that stopped before comparing values (wrong shape, non-finite entries):
 * nothing was checked, so every count is zero and `ok` is false.
 *
 * @example
 * earlyResult({ reason: "shape", mode: "full", point: [0], h: 1e-5, rtol: 1e-4, atol: 1e-6, hint: "…",
 *   evaluations: 0, expectedShape: [1], actualShape: [2] }).ok; // false
 */
export function earlyResult(fields: {
  reason: "shape" | "non-finite";
  mode: "full" | "sampled";
  point: number[];
  h: number;
  rtol: number;
  atol: number;
  hint: string;
  evaluations: number;
  expectedShape: number[];
  actualShape: number[];
}): CheckResult {
  return {
    ...fields,
    ok: false,
    checkedComponents: 0,
    failingComponents: 0,
    failingIndices: [],
    worst: [],
    directional: [],
    kinkComponents: [],
    maxRelativeError: Number.NaN,
  };
}

/**
 * Describes a value that should be a number but is not, for hints: `"NaN"`, `"Infinity"`, `"a string"`.
 *
 * @example
 * describeBadNumber(undefined); // "undefined"
 */
export function describeBadNumber(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (v === undefined || v === null) return String(v);
  if (Array.isArray(v)) return "an array";
  return `a ${typeof v}`;
}

/**
 * The early result for a derivative that failed validation: the one place gradcheck, jacobiancheck and
 * hessiancheck turn a wrong shape or a non-finite entry into a `CheckResult`.
 */
export function rejected(
  v: Exclude<Validation, { ok: true }>,
  context: {
    n: number;
    point: number[];
    options: ResolvedOptions;
    evaluations: number;
    expectedShape: number[];
  },
): CheckResult {
  const { n, point, options, evaluations, expectedShape } = context;
  return earlyResult({
    ...v,
    mode: n > options.fullCheckLimit ? "sampled" : "full",
    point,
    h: options.h,
    rtol: options.rtol,
    atol: options.atolFactor,
    evaluations,
    expectedShape,
    actualShape: v.reason === "non-finite" ? expectedShape : v.actualShape,
  });
}
