// Visible tests: a few worked examples to try while you work (`pnpm visible 04`).
// Your grade comes from the hidden suite (`pnpm grade 04`), which checks much more than these.
import { describe, expect, it } from "vitest";
import {
  classifyLearningRate,
  gradientDescent,
  gradientDescent1D,
  maxStableLearningRate,
} from "./gradient-descent.ts";

/** Relative closeness: `toBeCloseTo` is an absolute test, wrong for large or tiny numbers. */
function expectNear(actual: number, expected: number, rtol = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(expected)));
}

describe("gradientDescent1D", () => {
  // f(x) = (x − 3)², f'(x) = 2(x − 3): the README's worked example.
  const df = (x: number) => 2 * (x - 3);

  it("takes the README's first steps from 0 with η = 0.25: 1.5, 2.25, 2.625", () => {
    const run = gradientDescent1D(df, 0, { learningRate: 0.25, maxIterations: 3 });
    expect(run.path).toEqual([0, 1.5, 2.25, 2.625]);
    expect(run.iterations).toBe(3);
    expect(run.converged).toBe(false);
  });

  it("walks down to the minimum at 3 and says it converged", () => {
    const run = gradientDescent1D(df, 0, { learningRate: 0.25 });
    expect(run.converged).toBe(true);
    expectNear(run.x, 3, 1e-6);
    expect(run.path.length).toBe(run.iterations + 1);
  });

  it("reports a learning rate that is too large as diverged, without throwing", () => {
    const run = gradientDescent1D(df, 0, { learningRate: 1.5 });
    expect(run.converged).toBe(false);
  });
});

describe("gradientDescent", () => {
  // f(x, y) = x² + 10y²: a long, narrow bowl.
  const grad = (p: readonly number[]) => [2 * p[0]!, 20 * p[1]!];

  it("takes the step −η·∇f: from (1, 1) with η = 0.05 it lands on (0.9, 0)", () => {
    const run = gradientDescent(grad, [1, 1], { learningRate: 0.05, maxIterations: 1 });
    expect(run.path[0]).toEqual([1, 1]);
    expectNear(run.path[1]![0]!, 0.9);
    expectNear(run.path[1]![1]!, 0);
  });

  it("finds the minimum (0, 0)", () => {
    const run = gradientDescent(grad, [1, 1], { learningRate: 0.05 });
    expect(run.converged).toBe(true);
    expect(Math.hypot(run.x[0]!, run.x[1]!)).toBeLessThan(1e-6);
  });

  it("stops after maxIterations without claiming convergence", () => {
    const run = gradientDescent(grad, [1, 1], { learningRate: 1e-4, maxIterations: 20 });
    expect(run.iterations).toBe(20);
    expect(run.path.length).toBe(21);
    expect(run.converged).toBe(false);
  });

  it("returns converged: false when η is above 2/λmax = 0.1", () => {
    const run = gradientDescent(grad, [1, 1], { learningRate: 0.11 });
    expect(run.converged).toBe(false);
  });
});

describe("classifyLearningRate", () => {
  it("sorts the learning rates of f(x) = ½·4·x² into the four regimes", () => {
    expect(classifyLearningRate(4, 0.1)).toBe("converges");
    expect(classifyLearningRate(4, 0.25)).toBe("one-step");
    expect(classifyLearningRate(4, 0.4)).toBe("oscillates");
    expect(classifyLearningRate(4, 0.6)).toBe("diverges");
  });

  it("calls the boundary η = 2/a 'oscillates'", () => {
    expect(classifyLearningRate(4, 0.5)).toBe("oscillates");
  });

  it("refuses a curvature that is not positive", () => {
    expect(() => classifyLearningRate(0, 0.1)).toThrow(RangeError);
  });
});

describe("maxStableLearningRate", () => {
  it("gives 2/100 for a diagonal Hessian with eigenvalues 1 and 100", () => {
    expectNear(
      maxStableLearningRate([
        [1, 0],
        [0, 100],
      ]),
      0.02,
    );
  });

  it("uses eigenvalues, not diagonal entries: [[3, 1], [1, 3]] has eigenvalues 2 and 4", () => {
    expectNear(
      maxStableLearningRate([
        [3, 1],
        [1, 3],
      ]),
      0.5,
    );
  });

  it("refuses a Hessian that is not positive definite", () => {
    expect(() =>
      maxStableLearningRate([
        [1, 0],
        [0, -1],
      ]),
    ).toThrow(RangeError);
  });
});
