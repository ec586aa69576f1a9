import type { Rng } from "../random/rng.ts";
import { assertCount, type Dataset, toRng } from "./dataset.ts";

/**
 * Two interleaving half circles (scikit-learn's `make_moons` layout): the upper moon
 * `(cos t, sin t)` labelled 0 and the lower moon `(1 − cos t, ½ − sin t)` labelled 1, t evenly spaced
 * over [0, π], plus Gaussian noise. The first ⌈n/2⌉ examples are the upper moon.
 *
 * @param rngOrSeed an `Rng` or a seed.
 * @param options defaults: n = 100, noise = 0.1.
 * @example
 * const { X, y } = twoMoons(0, { n: 200, noise: 0.05 });
 */
export function twoMoons(rngOrSeed: Rng | number, options: { n?: number; noise?: number } = {}): Dataset {
  const { n = 100, noise = 0.1 } = options;
  assertCount("twoMoons", n);
  const rng = toRng(rngOrSeed);
  const upper = Math.ceil(n / 2);
  const lower = n - upper;
  const spaced = (k: number, i: number): number => (k === 1 ? 0 : (Math.PI * i) / (k - 1));
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < upper; i++) {
    const t = spaced(upper, i);
    X.push([Math.cos(t) + rng.normal(0, noise), Math.sin(t) + rng.normal(0, noise)]);
    y.push(0);
  }
  for (let i = 0; i < lower; i++) {
    const t = spaced(lower, i);
    X.push([1 - Math.cos(t) + rng.normal(0, noise), 0.5 - Math.sin(t) + rng.normal(0, noise)]);
    y.push(1);
  }
  return { X, y };
}
