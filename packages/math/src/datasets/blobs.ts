import type { Rng } from "../random/rng.ts";
import type { Matrix } from "../types.ts";
import { assertCount, type Dataset, toRng } from "./dataset.ts";

/**
 * Gaussian blobs around given centres, labelled by centre index (0, 1, …), classes interleaved
 * (example i belongs to centre i mod k). With the defaults, two blobs 4√2 ≈ 5.7 apart with spread
 * 0.5 are linearly separable by the line x + y = 0 for every seed in practice (≥ 5.6σ margin).
 *
 * @param rngOrSeed an `Rng` or a seed.
 * @param options defaults: n = 100 (total), centers = [[−2, −2], [2, 2]], std = 0.5.
 * @example
 * const { X, y } = blobs(7, { n: 50 }); // y ∈ {0, 1}
 */
export function blobs(
  rngOrSeed: Rng | number,
  options: { n?: number; centers?: Matrix; std?: number } = {},
): Dataset {
  const {
    n = 100,
    centers = [
      [-2, -2],
      [2, 2],
    ],
    std = 0.5,
  } = options;
  assertCount("blobs", n);
  if (centers.length === 0) throw new RangeError("blobs: at least one center is needed");
  const rng = toRng(rngOrSeed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % centers.length;
    const c = centers[label] as readonly number[];
    X.push(c.map((ci) => rng.normal(ci, std)));
    y.push(label);
  }
  return { X, y };
}
