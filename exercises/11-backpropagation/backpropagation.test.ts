// Visible tests: a few worked examples to try while you work (`pnpm visible 11`).
// Your grade comes from the hidden suite (`pnpm grade 11`), which checks much more than these.
import { createRng } from "@calcml/math";
import { describe, expect, it } from "vitest";
import { backward, forward, initMLP, trainXor, XOR_INPUTS } from "./backpropagation.ts";

/** The README's worked example: one example, 2 inputs, 2 hidden units, 1 output. */
const params = {
  W1: [
    [1, -1],
    [0.5, 1],
  ],
  b1: [0, -2],
  W2: [[1.5], [3]],
  b2: [0.5],
};
const X = [[1, 2]];
const Y = [[1]];

describe("initMLP", () => {
  it("gives W1 inputs × hidden, W2 hidden × outputs and zero biases", () => {
    const p = initMLP(2, 3, 1, createRng(0));
    expect(p.W1.map((row) => row.length)).toEqual([3, 3]);
    expect(p.W2.map((row) => row.length)).toEqual([1, 1, 1]);
    expect(p.b1).toEqual([0, 0, 0]);
    expect(p.b2).toEqual([0]);
  });

  it("gives the same weights for the same seed", () => {
    expect(initMLP(2, 3, 1, createRng(5))).toEqual(initMLP(2, 3, 1, createRng(5)));
  });
});

describe("forward", () => {
  it("computes the worked example: Z1 = [2, −1], A1 = [2, 0], output 3.5", () => {
    const { Z1, A1, output } = forward(params, X, "relu");
    expect(Z1).toEqual([[2, -1]]);
    expect(A1).toEqual([[2, 0]]);
    expect(output).toEqual([[3.5]]);
  });

  it("keeps the output layer linear: output equals Z2", () => {
    const { Z2, output } = forward(params, X, "tanh");
    expect(output).toEqual(Z2);
  });
});

describe("backward", () => {
  it("computes the worked example's loss and gradients", () => {
    const { loss, grads } = backward(params, forward(params, X, "relu"), X, Y, "relu");
    expect(loss).toBe(6.25);
    expect(grads.W2).toEqual([[10], [0]]);
    expect(grads.b2).toEqual([5]);
    expect(grads.W1).toEqual([
      [7.5, 0],
      [15, 0],
    ]);
    expect(grads.b1).toEqual([7.5, 0]);
  });

  it("agrees with a central difference on one entry of W1, for tanh", () => {
    const lossAt = (w: number) => {
      const p = {
        ...params,
        W1: [
          [w, -1],
          [0.5, 1],
        ],
      };
      return backward(p, forward(p, X, "tanh"), X, Y, "tanh").loss;
    };
    const h = 1e-5;
    const numeric = (lossAt(1 + h) - lossAt(1 - h)) / (2 * h);
    const analytic = backward(params, forward(params, X, "tanh"), X, Y, "tanh").grads.W1[0]![0]!;
    expect(Math.abs(analytic - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
  });
});

describe("trainXor", () => {
  it("learns XOR with tanh: outputs round to 0, 1, 1, 0", () => {
    const { params: trained, lossHistory } = trainXor({
      hidden: 8,
      activation: "tanh",
      learningRate: 0.2,
      epochs: 1000,
      seed: 1,
    });
    expect(lossHistory).toHaveLength(1000);
    const outputs = forward(trained, XOR_INPUTS, "tanh").output.map((row) => (row[0]! >= 0.5 ? 1 : 0));
    expect(outputs).toEqual([0, 1, 1, 0]);
  });
});
