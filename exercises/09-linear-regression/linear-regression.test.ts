// Visible tests: a few worked examples to try while you work (`pnpm visible 09`).
// Your grade comes from the hidden suite (`pnpm grade 09`), which checks much more than these.
import { createRng } from "@calcml/math";
import { describe, expect, it } from "vitest";
import {
  linearLossAndGradient,
  miniBatches,
  normalEquation,
  predictLinear,
  trainLinearRegression,
} from "./linear-regression.ts";

/** Relative tolerance for numbers that went through a few roundings. */
const RTOL = 1e-9;
const expectNear = (actual: number, expected: number, rtol = RTOL) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(expected)));

// The README's worked example: x = (1, 2, 3), y = (2, 3, 6).
const X = [[1], [2], [3]];
const y = [2, 3, 6];

describe("predictLinear", () => {
  it("predicts 1·10 + 2·1 + 0.5 = 12.5 and 3·10 + 4·1 + 0.5 = 34.5", () => {
    expect(
      predictLinear(
        [
          [1, 2],
          [3, 4],
        ],
        [10, 1],
        0.5,
      ),
    ).toEqual([12.5, 34.5]);
  });

  it("predicts just the bias when the weights are zero", () => {
    expect(predictLinear(X, [0], 7)).toEqual([7, 7, 7]);
  });

  it("refuses a row with the wrong number of features", () => {
    expect(() => predictLinear([[1, 2], [3]], [1, 1], 0)).toThrow(RangeError);
  });
});

describe("linearLossAndGradient", () => {
  it("gives loss 11/3, gradW −8 and gradB −10/3 at w = 1, b = 0", () => {
    const { loss, gradW, gradB } = linearLossAndGradient(X, y, [1], 0);
    expectNear(loss, 11 / 3);
    expectNear(gradW[0]!, -8);
    expectNear(gradB, -10 / 3);
  });

  it("has a zero gradient at the least-squares fit w = 2, b = −1/3", () => {
    const { loss, gradW, gradB } = linearLossAndGradient(X, y, [2], -1 / 3);
    expectNear(loss, 2 / 9);
    expectNear(gradW[0]!, 0);
    expectNear(gradB, 0);
  });

  it("refuses empty data", () => {
    expect(() => linearLossAndGradient([], [], [1], 0)).toThrow(RangeError);
  });
});

describe("miniBatches", () => {
  it("cuts 10 indices into batches of 4, 4 and 2", () => {
    const batches = miniBatches(10, 4, createRng(0));
    expect(batches.map((batch) => batch.length)).toEqual([4, 4, 2]);
  });

  it("uses every index exactly once", () => {
    const batches = miniBatches(10, 4, createRng(1));
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("gives the same batches for the same seed", () => {
    expect(miniBatches(10, 3, createRng(42))).toEqual(miniBatches(10, 3, createRng(42)));
  });
});

describe("trainLinearRegression", () => {
  const line = { X: [[0], [1], [2], [3]], y: [1, 3, 5, 7] }; // y = 2x + 1 exactly

  it("records one loss per epoch", () => {
    const { lossHistory } = trainLinearRegression(line.X, line.y, { learningRate: 0.1, epochs: 5 });
    expect(lossHistory).toHaveLength(5);
    expect(lossHistory[4]!).toBeLessThan(lossHistory[0]!);
  });

  it("takes one plain gradient-descent step per epoch by default", () => {
    // At w = 0, b = 0 the residuals are −y: gradW = (2/3)·(−2 − 6 − 18), gradB = (2/3)·(−11).
    const { w, b } = trainLinearRegression(X, y, { learningRate: 0.1, epochs: 1 });
    expectNear(w[0]!, (0.1 * 2 * 26) / 3);
    expectNear(b, (0.1 * 2 * 11) / 3);
  });

  it("finds y = 2x + 1 with mini-batches of 2", () => {
    const { w, b } = trainLinearRegression(line.X, line.y, { learningRate: 0.05, epochs: 500, batchSize: 2 });
    expectNear(w[0]!, 2, 1e-6);
    expectNear(b, 1, 1e-6);
  });
});

describe("normalEquation", () => {
  it("solves the README's example: w = 2, b = −1/3", () => {
    const { w, b } = normalEquation(X, y);
    expectNear(w[0]!, 2);
    expectNear(b, -1 / 3);
  });

  it("recovers the plane y = 3x₁ − x₂ + 4 exactly", () => {
    const points = [
      [0, 0],
      [1, 0],
      [0, 1],
      [2, 3],
      [-1, 5],
    ];
    const { w, b } = normalEquation(
      points,
      points.map(([x1, x2]) => 3 * x1! - x2! + 4),
    );
    expectNear(w[0]!, 3);
    expectNear(w[1]!, -1);
    expectNear(b, 4);
  });
});
