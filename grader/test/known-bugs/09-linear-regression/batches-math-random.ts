/** Known bug: shuffles with Math.random, so a seed cannot replay the batches. */
import { createRng, type Rng } from "@calcml/math";
import { miniBatches as correct } from "../../../../solutions/09-linear-regression/linear-regression.ts";

export * from "../../../../solutions/09-linear-regression/linear-regression.ts";
export const knownBug = { task: "mini-batches", feedback: /Math\.random/ };

export function miniBatches(n: number, batchSize: number, _rng: Rng): number[][] {
  correct(n, batchSize, createRng(0)); // keeps the input checks
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const batches: number[][] = [];
  for (let start = 0; start < n; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
}
