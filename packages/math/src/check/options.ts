import type { CheckOptions } from "./types.ts";

/** Tolerances and step for first-order checks (docs/numerics.md): rtol 1e-4, atol 1e-6·max(1,‖n‖∞), h 1e-5. */
export const FIRST_ORDER = { rtol: 1e-4, atol: 1e-6, h: 1e-5 } as const;
/** Tolerances and step for second-order checks (differences of a gradient): rtol 1e-3, atol 1e-5, h 1e-4. */
export const SECOND_ORDER = { rtol: 1e-3, atol: 1e-5, h: 1e-4 } as const;
/** Inputs up to this size are checked coordinate by coordinate (2n evaluations). */
export const DEFAULT_FULL_CHECK_LIMIT = 100;
/** Coordinates checked in sampled mode (docs/numerics.md, sampled mode). */
export const SAMPLED_COORDINATES = 10;
/** Random-direction checks in sampled mode (PyTorch fast mode; JAX uses one). */
export const RANDOM_DIRECTIONS = 3;

/** Options with every default filled in; `atolFactor` is the unscaled absolute tolerance. */
export interface ResolvedOptions {
  rtol: number;
  atolFactor: number;
  h: number;
  fullCheckLimit: number;
  seed: number;
  kinks: boolean;
  shape: readonly number[] | undefined;
  /** Only used for the hint. */
  batchSize: number | undefined;
}

/**
 * Fills in defaults and rejects nonsense (negative tolerances, a zero step) with a `RangeError`
 * naming the calling check: a bad option is the caller's bug, not a gradient mismatch.
 *
 * @example
 * resolveOptions("gradcheck", { seed: 3 }, FIRST_ORDER).rtol; // 1e-4
 */
export function resolveOptions(
  fn: string,
  options: CheckOptions,
  defaults: { rtol: number; atol: number; h: number },
): ResolvedOptions {
  const r: ResolvedOptions = {
    rtol: options.rtol ?? defaults.rtol,
    atolFactor: options.atol ?? defaults.atol,
    h: options.h ?? defaults.h,
    fullCheckLimit: options.fullCheckLimit ?? DEFAULT_FULL_CHECK_LIMIT,
    seed: options.seed ?? 0,
    kinks: options.kinks ?? true,
    shape: options.shape,
    batchSize: options.batchSize,
  };
  if (!(r.rtol >= 0) || !(r.atolFactor >= 0)) throw new RangeError(`${fn}: rtol and atol must be >= 0`);
  if (!(r.h > 0) || !Number.isFinite(r.h))
    throw new RangeError(`${fn}: h must be a positive number (got ${r.h})`);
  if (!Number.isInteger(r.fullCheckLimit) || r.fullCheckLimit < 0) {
    throw new RangeError(`${fn}: fullCheckLimit must be a non-negative integer (got ${r.fullCheckLimit})`);
  }
  if (!Number.isInteger(r.seed)) throw new RangeError(`${fn}: seed must be an integer (got ${r.seed})`);
  return r;
}

/**
 * Throws a `RangeError` unless every entry of the probe point is a finite number: the point comes from
 * the caller (the grader), so a bad one is a bug to surface, not a learner failure.
 *
 * @example
 * assertFinitePoint("gradcheck", [1, 2]); // passes
 */
export function assertFinitePoint(fn: string, x: readonly number[]): void {
  if (!Array.isArray(x)) throw new RangeError(`${fn}: the point must be an array of numbers`);
  x.forEach((xi, i) => {
    if (typeof xi !== "number" || !Number.isFinite(xi)) {
      throw new RangeError(`${fn}: the point has a non-finite entry at [${i}] (${String(xi)})`);
    }
  });
}
