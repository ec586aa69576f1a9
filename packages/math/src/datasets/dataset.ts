import { createRng, type Rng } from "../random/rng.ts";

/**
 * A labelled dataset: `X[i]` is the i-th example (a row), `y[i]` its target (a real number for
 * regression, 0 or 1 for classification).
 *
 * @example
 * const { X, y } = blobs(42);
 */
export interface Dataset {
  X: number[][];
  y: number[];
}

/**
 * Accepts either an `Rng` (to continue a stream) or a seed (to start one), so datasets compose with
 * the rest of a seeded experiment.
 *
 * @example
 * toRng(42).uniform() === createRng(42).uniform(); // true
 */
export function toRng(rngOrSeed: Rng | number): Rng {
  return typeof rngOrSeed === "number" ? createRng(rngOrSeed) : rngOrSeed;
}

/**
 * Throws a `RangeError` naming the dataset unless `n` is a positive integer.
 *
 * @example
 * assertCount("blobs", 100); // passes
 */
export function assertCount(fn: string, n: number): void {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${fn}: n must be a positive integer (got ${n})`);
}
