/**
 * Replays a learner's mini-batch training from its per-epoch loss history, without its generator: the
 * rule "one shuffle per epoch from one generator for the whole run, one step per batch with that batch's
 * mean gradient" is judged for any shuffle. Used by the training checks of lessons 09 and 10.
 */
import type { Matrix, Vector } from "@calcml/math";
import { isClose } from "./close.ts";

/** Every permutation of 0 … n−1 (n ≤ 6 or so: n! of them). */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]),
  );
}

/**
 * Every way one epoch can cut a shuffled 0 … n−1 into consecutive batches of `size` (the last one
 * shorter): the batches in order, each as a sorted set (the order inside a batch does not change its
 * mean gradient).
 */
export function orderedPartitions(n: number, size: number): number[][][] {
  const found = new Map<string, number[][]>();
  for (const order of permutations(n)) {
    const batches: number[][] = [];
    for (let start = 0; start < n; start += size)
      batches.push(order.slice(start, start + size).sort((a, b) => a - b));
    found.set(JSON.stringify(batches), batches);
  }
  return [...found.values()];
}

/** A run to replay: the data, the step, and the oracles of the loss and its gradient. */
export interface MiniBatchRun {
  X: Matrix;
  y: Vector;
  learningRate: number;
  batchSize: number;
  /** The learner's loss after each epoch, on all the data. */
  history: readonly number[];
  /** The mean gradient over a batch, [∂w…, ∂b], at weights w and bias b. */
  gradient: (X: Matrix, y: Vector, w: Vector, b: number) => number[];
  /** The loss on the given data at weights w and bias b. */
  loss: (X: Matrix, y: Vector, w: Vector, b: number) => number;
}

/** States kept per epoch: enough for the ties of tiny data sets, bounded for speed. */
const MAX_STATES = 64;

/**
 * Replays the run from zero weights: at each epoch, tries every ordered partition into batches (one
 * step per batch) from every state still possible, and keeps the states whose whole-data loss is the
 * learner's (to 1e-9 relative). Returns, per epoch, the partitions that fit, a partition that fits every
 * epoch (a run whose batches never change: a generator made afresh each epoch, or one shuffle for the
 * whole run), and the final states; or the first epoch that no partition explains.
 */
export function replayMiniBatchRun(
  run: MiniBatchRun,
): { fits: Set<string>[]; sameEveryEpoch: string | undefined; finals: number[][] } | { unexplained: number } {
  const { X, y, learningRate } = run;
  const d = X[0]?.length ?? 0;
  const partitions = orderedPartitions(X.length, run.batchSize);
  let states: number[][] = [new Array<number>(d + 1).fill(0)];
  const fits: Set<string>[] = [];
  for (const [epoch, loss] of run.history.entries()) {
    const next: number[][] = [];
    const fit = new Set<string>();
    for (const start of states) {
      for (const batches of partitions) {
        let theta = start;
        for (const batch of batches) {
          const g = run.gradient(
            batch.map((i) => X[i] as Vector),
            batch.map((i) => y[i] as number),
            theta.slice(0, d),
            theta[d] as number,
          );
          theta = theta.map((t, j) => t - learningRate * (g[j] as number));
        }
        const reached = run.loss(X, y, theta.slice(0, d), theta[d] as number);
        if (!isClose(loss, reached, 1e-9, 1e-14)) continue;
        fit.add(JSON.stringify(batches));
        if (!next.some((s) => s.every((v, j) => isClose(theta[j] as number, v, 1e-12, 1e-14))))
          next.push(theta);
      }
    }
    if (next.length === 0) return { unexplained: epoch };
    fits.push(fit);
    states = next.slice(0, MAX_STATES);
  }
  const sameEveryEpoch = [...(fits[0] ?? [])].find((key) => fits.every((fit) => fit.has(key)));
  return { fits, sameEveryEpoch, finals: states };
}
