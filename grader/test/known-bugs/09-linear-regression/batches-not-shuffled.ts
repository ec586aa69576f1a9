/** Known bug: the batches take the examples in their original order. */
import { createRng, type Rng } from "@calcml/math";
import { miniBatches as correct } from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "mini-batches", feedback: /must be shuffled/ };

export function miniBatches(n: number, batchSize: number, _rng: Rng): number[][] {
  correct(n, batchSize, createRng(0)); // keeps the input checks
  const batches: number[][] = [];
  for (let start = 0; start < n; start += batchSize) {
    batches.push(Array.from({ length: Math.min(batchSize, n - start) }, (_, k) => start + k));
  }
  return batches;
}
