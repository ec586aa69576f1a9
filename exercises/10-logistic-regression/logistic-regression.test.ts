// Visible tests: a few worked examples to try while you work (`pnpm visible 10`).
// Your grade comes from the hidden suite (`pnpm grade 10`), which checks much more than these.
import { describe, expect, it } from "vitest";
import {
  accuracy,
  logisticLossAndGradient,
  predictProbability,
  trainLogisticRegression,
} from "./logistic-regression.ts";

/** Relative tolerance for numbers that went through a few roundings. */
const RTOL = 1e-9;
const expectNear = (actual: number, expected: number, rtol = RTOL) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(expected)));

// The README's worked example: x = (1, −2), y = (1, 0).
const X = [[1], [-2]];
const y = [1, 0];

describe("predictProbability", () => {
  it("gives σ(0) = 1/2 and σ(log 3) = 3/4", () => {
    const [half, threeQuarters] = predictProbability([[0], [Math.log(3)]], [1], 0);
    expectNear(half!, 0.5);
    expectNear(threeQuarters!, 0.75);
  });

  it("gives 1 and 0, never NaN, for logits of +1000 and −1000", () => {
    expect(predictProbability([[1], [-1]], [1000], 0)).toEqual([1, 0]);
  });
});

describe("logisticLossAndGradient", () => {
  it("gives loss log 2, gradW −0.75 and gradB 0 at w = 0, b = 0", () => {
    const { loss, gradW, gradB } = logisticLossAndGradient(X, y, [0], 0);
    expectNear(loss, Math.LN2);
    expectNear(gradW[0]!, -0.75);
    expectNear(gradB, 0);
  });

  it("adds ½·l2·w² to the loss and l2·w to gradW, but leaves gradB alone", () => {
    const plain = logisticLossAndGradient(X, y, [2], 1);
    const penalised = logisticLossAndGradient(X, y, [2], 1, 0.5);
    expectNear(penalised.loss - plain.loss, 1);
    expectNear(penalised.gradW[0]! - plain.gradW[0]!, 1);
    expect(penalised.gradB).toBe(plain.gradB);
  });

  it("charges about 1000 for a confident mistake instead of Infinity", () => {
    const { loss } = logisticLossAndGradient([[1]], [0], [1000], 0);
    expectNear(loss, 1000);
  });
});

describe("trainLogisticRegression", () => {
  it("takes the README's first step: w = 0.75 after one epoch at learning rate 1", () => {
    const { w, b, lossHistory } = trainLogisticRegression(X, y, { learningRate: 1, epochs: 1 });
    expectNear(w[0]!, 0.75);
    expectNear(b, 0);
    expect(lossHistory).toHaveLength(1);
  });

  it("separates two groups of points and its loss goes down", () => {
    const points = [[-2], [-1.5], [-1], [1], [1.5], [2]];
    const labels = [0, 0, 0, 1, 1, 1];
    const { w, b, lossHistory } = trainLogisticRegression(points, labels, {
      learningRate: 0.5,
      epochs: 50,
      batchSize: 2,
      seed: 1,
    });
    expect(accuracy(predictProbability(points, w, b), labels)).toBe(1);
    expect(lossHistory.at(-1)!).toBeLessThan(lossHistory[0]!);
  });
});

describe("accuracy", () => {
  it("gets 3 of 4 right when 0.5 (exactly at the threshold) predicts 1", () => {
    expect(accuracy([0.9, 0.4, 0.5, 0.2], [1, 0, 0, 0])).toBe(0.75);
  });

  it("uses the threshold it is given", () => {
    expect(accuracy([0.7, 0.3], [1, 0], 0.8)).toBe(0.5);
  });

  it("refuses empty inputs", () => {
    expect(() => accuracy([], [])).toThrow(RangeError);
  });
});
