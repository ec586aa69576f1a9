// Visible tests: worked examples to try while you work (`pnpm visible 13`).
// Your grade comes from the hidden suite (`pnpm grade 13`), which checks much more than these.
import { describe, expect, it } from "vitest";
import {
  adagradStep,
  adamStep,
  adamwStep,
  type MomentumState,
  minimizeWith,
  momentumStep,
  rmspropStep,
} from "./optimizers.ts";

describe("momentumStep", () => {
  it("takes a plain gradient step first", () => {
    const { params } = momentumStep([1], [2], undefined, { learningRate: 0.1 });
    expect(params[0]).toBeCloseTo(0.8, 12);
  });

  it("goes further on the second step when the gradient keeps its sign", () => {
    const first = momentumStep([1], [2], undefined, { learningRate: 0.1 });
    const second = momentumStep(first.params, [2], first.state, { learningRate: 0.1 });
    // buffer = 0.9·2 + 2 = 3.8, so θ = 0.8 − 0.38
    expect(second.params[0]).toBeCloseTo(0.42, 12);
  });
});

describe("adagradStep", () => {
  it("divides the first step by |g|: θ = 1 − 0.01·2/2", () => {
    expect(adagradStep([1], [2], undefined).params[0]).toBeCloseTo(0.99, 9);
  });
});

describe("rmspropStep", () => {
  it("takes a first step of γ·g/√(0.01·g²) = 10γ", () => {
    expect(rmspropStep([1], [2], undefined).params[0]).toBeCloseTo(0.9, 6);
  });
});

describe("adamStep", () => {
  it("moves by almost exactly the learning rate on its first step", () => {
    expect(adamStep([1], [5], undefined, {}).params[0]).toBeCloseTo(0.999, 9);
  });
});

describe("adamwStep", () => {
  it("shrinks θ by (1 − γλ) when the gradient is zero", () => {
    expect(adamwStep([1], [0], undefined, { learningRate: 0.1 }).params[0]).toBeCloseTo(0.999, 12);
  });
});

describe("minimizeWith", () => {
  it("returns the start and one point per iteration", () => {
    const path = minimizeWith<MomentumState>(
      (p, g, s) => momentumStep(p, g, s, { learningRate: 0.1 }),
      ([x]) => [2 * (x as number)],
      [1],
      2,
    );
    expect(path).toHaveLength(3);
    expect(path[0]).toEqual([1]);
  });
});
