import type { Rng } from "../random/rng.ts";
import type { Vector } from "../types.ts";
import { assertCount, type Dataset, toRng } from "./dataset.ts";

/**
 * Regression data from a known linear model: `X` has standard normal entries and
 * `y = X·weights + bias + noise`, noise ~ N(0, noise²). A fitted model should recover `weights` and
 * `bias` to about `noise / √n`.
 *
 * @param rngOrSeed an `Rng` or a seed.
 * @param options defaults: n = 100, weights = [2, −3], bias = 0.5, noise = 0.1.
 * @example
 * const { X, y } = linearData(42, { n: 200, weights: [1, 2, 3] });
 */
export function linearData(
  rngOrSeed: Rng | number,
  options: { n?: number; weights?: Vector; bias?: number; noise?: number } = {},
): Dataset {
  const { n = 100, weights = [2, -3], bias = 0.5, noise = 0.1 } = options;
  assertCount("linearData", n);
  const rng = toRng(rngOrSeed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.normalVector(weights.length);
    X.push(x);
    y.push(x.reduce((s, v, j) => s + v * (weights[j] as number), bias) + rng.normal(0, noise));
  }
  return { X, y };
}
