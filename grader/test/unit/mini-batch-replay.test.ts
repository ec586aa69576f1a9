import type { Matrix, Vector } from "@calcml/math";
import { describe, expect, it } from "vitest";
import { orderedPartitions, replayMiniBatchRun } from "../../src/checks/mini-batch-replay.ts";

/** Mean squared error of y ≈ w·x + b, and its gradient: the oracles of a tiny linear regression. */
const loss = (X: Matrix, y: Vector, w: Vector, b: number) =>
  X.reduce((s, row, i) => s + (row[0]! * w[0]! + b - y[i]!) ** 2, 0) / X.length;
const gradient = (X: Matrix, y: Vector, w: Vector, b: number) => {
  const r = X.map((row, i) => row[0]! * w[0]! + b - y[i]!);
  return [
    (2 * r.reduce((s, ri, i) => s + ri * X[i]![0]!, 0)) / X.length,
    (2 * r.reduce((s, ri) => s + ri, 0)) / X.length,
  ];
};
const X = [[1], [2], [3]];
const y = [2, 3, 5];

/** Trains as the lessons' rule says, with the batches given per epoch. */
function train(epochs: number[][][]): number[] {
  let theta = [0, 0];
  return epochs.map((batches) => {
    for (const batch of batches) {
      const g = gradient(
        batch.map((i) => X[i]!),
        batch.map((i) => y[i]!),
        [theta[0]!],
        theta[1]!,
      );
      theta = theta.map((t, j) => t - 0.1 * g[j]!);
    }
    return loss(X, y, [theta[0]!], theta[1]!);
  });
}

describe("orderedPartitions", () => {
  it("lists every ordered split of 0 … n−1 into batches of a size, the last one shorter, once each", () => {
    expect(orderedPartitions(3, 2)).toHaveLength(3);
    expect(orderedPartitions(3, 2)).toContainEqual([[1, 2], [0]]);
    expect(orderedPartitions(3, 1)).toHaveLength(6);
    expect(orderedPartitions(4, 2)).toHaveLength(6);
  });
});

describe("replayMiniBatchRun", () => {
  const run = (history: number[]) =>
    replayMiniBatchRun({ X, y, learningRate: 0.1, batchSize: 2, history, gradient, loss });
  it("explains a history trained by the rule, whatever the shuffle, and says which splits fit", () => {
    const replay = run(
      train([
        [[0, 2], [1]],
        [[1, 2], [0]],
      ]),
    );
    expect("fits" in replay && replay.fits[1]?.has(JSON.stringify([[1, 2], [0]]))).toBe(true);
    expect("fits" in replay && replay.sameEveryEpoch).toBe(undefined);
  });
  it("names a split that fits every epoch (batches that never change)", () => {
    const same = [[0, 2], [1]];
    const replay = run(train([same, same, same]));
    expect("fits" in replay && replay.sameEveryEpoch).toBe(JSON.stringify(same));
  });
  it("names the first epoch no split explains (one step per epoch on all the data, say)", () => {
    expect(run(train([[[0, 1, 2]], [[0, 1, 2]]]))).toEqual({ unexplained: 0 });
  });
});
