/**
 * Options shared by `gradcheck`, `jacobiancheck` and `hessiancheck`. Every field is optional; the
 * defaults are those of docs/numerics.md.
 *
 * @example
 * const options: CheckOptions = { seed: 7, shape: [3, 4] };
 */
export interface CheckOptions {
  /** Relative tolerance of the pass rule; default 1e-4 (second order: 1e-3). */
  rtol?: number;
  /** Absolute tolerance *factor*: the check uses `atol · max(1, ‖numeric‖∞)`; default 1e-6 (second order: 1e-5). */
  atol?: number;
  /** Relative finite-difference step; default 1e-5 (second order: 1e-4). */
  h?: number;
  /** Check every coordinate up to this many inputs, else sample; default 100. */
  fullCheckLimit?: number;
  /** Seed for the sampled coordinates, the random directions and the output projection; default 0. */
  seed?: number;
  /** Shape of the (flattened) input, used to label components like `[1][2]`; default `[n]`. */
  shape?: readonly number[];
  /** Accept an analytic value between the one-sided slopes where they disagree (a kink); default true. */
  kinks?: boolean;
  /** Batch size N of the loss, if any: lets the hint recognise a mean-vs-sum error (a/n ≈ N or 1/N). */
  batchSize?: number;
}

/**
 * One compared component: the analytic value, the finite-difference value and how far apart they are.
 *
 * @example
 * const c: ComponentReport = { index: 6, label: "[1][2]", analytic: 2, numeric: 1, difference: 1, relativeError: 1 / 3 };
 */
export interface ComponentReport {
  /** Flat index (row-major) of the component. */
  index: number;
  /** Human label: `"[3]"` for a vector, `"[1][2]"` for a matrix. */
  label: string;
  analytic: number;
  numeric: number;
  /** `analytic − numeric`. */
  difference: number;
  /** CS231n relative error `|a − n| / max(1e-8, |a| + |n|)`: reported, never graded on. */
  relativeError: number;
}

/** One random-direction comparison `rᵀ J v` (analytic) against a directional difference (numeric). */
export interface DirectionalReport {
  analytic: number;
  numeric: number;
  ok: boolean;
}

/**
 * Everything a check found: whether it passed, why not, where, and a hint. Plain data, so it can be
 * serialised into a grade report.
 *
 * @example
 * const r: CheckResult = gradcheck((x) => x[0]! ** 2, (x) => [2 * x[0]!], [3]);
 * r.ok; // true
 */
export interface CheckResult {
  ok: boolean;
  /** `"shape"`: wrong number of entries; `"non-finite"`: NaN/±Infinity; `"mismatch"`: values differ. */
  reason: "ok" | "shape" | "non-finite" | "mismatch";
  /** `"full"`: every component; `"sampled"`: a seeded subset plus random directions. */
  mode: "full" | "sampled";
  /** The probe point (a copy). */
  point: number[];
  /** Relative step used. */
  h: number;
  rtol: number;
  /** The absolute tolerance actually used: `atol · max(1, ‖numeric‖∞)`. */
  atol: number;
  checkedComponents: number;
  failingComponents: number;
  failingIndices: number[];
  /** Up to 3 worst failing components, or up to 3 with the largest relative error when ok. */
  worst: ComponentReport[];
  directional: DirectionalReport[];
  /** Components that failed the central difference but lie between disagreeing one-sided slopes. */
  kinkComponents: number[];
  /** Largest CS231n relative error over the checked components. */
  maxRelativeError: number;
  hint: string | undefined;
  /** Calls of the function being differenced. */
  evaluations: number;
  expectedShape: number[];
  actualShape: number[];
}
