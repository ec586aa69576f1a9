// Visible tests: worked examples to try while you work (`pnpm visible 07`).
// Your grade comes from the hidden suite (`pnpm grade 07`), which checks much more than these:
// random quadratics, Rosenbrock, a non-convex function, quadratic convergence, and bad input.
import type { Vector } from "@calcml/math";
import { describe, expect, it } from "vitest";
import { backtrackingLineSearch, newtonRoot, newtonStep, newtonsMethod } from "./newtons-method.ts";

const square = (x: Vector) => x[0]! ** 2;

describe("newtonStep", () => {
  it("divides by the curvature for a diagonal Hessian: p = −g/h", () => {
    const p = newtonStep(
      [2, -3],
      [
        [4, 0],
        [0, 1.5],
      ],
    );
    expect(p[0]).toBeCloseTo(-0.5, 12);
    expect(p[1]).toBeCloseTo(2, 12);
  });

  it("jumps straight to the minimum of a quadratic", () => {
    // f(x, y) = x² + xy + y² − 3x: gradient (2x + y − 3, x + 2y), minimum at (2, −1).
    const [x, y] = [5, 5];
    const p = newtonStep(
      [2 * x + y - 3, x + 2 * y],
      [
        [2, 1],
        [1, 2],
      ],
    );
    expect(x + p[0]!).toBeCloseTo(2, 12);
    expect(y + p[1]!).toBeCloseTo(-1, 12);
  });

  it("refuses a singular Hessian", () => {
    expect(() =>
      newtonStep(
        [1, 1],
        [
          [1, 2],
          [2, 4],
        ],
      ),
    ).toThrow(RangeError);
  });
});

describe("backtrackingLineSearch", () => {
  it("keeps the full step when it already decreases f enough", () => {
    // From x = 1 along p = −1, x² drops from 1 to 0.
    expect(backtrackingLineSearch(square, [2], [1], [-1])).toBe(1);
  });

  it("halves an overshooting step: 1, ½, ¼ fail and ⅛ passes", () => {
    expect(backtrackingLineSearch(square, [2], [1], [-10])).toBe(0.125);
  });

  it("refuses a direction that goes uphill", () => {
    expect(() => backtrackingLineSearch(square, [2], [1], [1])).toThrow(RangeError);
  });
});

describe("newtonsMethod", () => {
  it("solves a bowl in one step and records the path from the start", () => {
    const f = (p: Vector) => p[0]! ** 2 + 3 * p[1]! ** 2;
    const grad = (p: Vector) => [2 * p[0]!, 6 * p[1]!];
    const hess = () => [
      [2, 0],
      [0, 6],
    ];
    const result = newtonsMethod(f, grad, hess, [1, 1]);
    expect(result.converged).toBe(true);
    expect(result.iterations).toBe(1);
    expect(result.path[0]).toEqual([1, 1]);
    expect(Math.abs(result.x[0]!) + Math.abs(result.x[1]!)).toBeLessThan(1e-12);
  });

  it("finds the minimum of Rosenbrock's valley in a few dozen steps", () => {
    const f = ([x, y]: Vector) => (1 - x!) ** 2 + 100 * (y! - x! ** 2) ** 2;
    const grad = ([x, y]: Vector) => [-2 * (1 - x!) - 400 * x! * (y! - x! ** 2), 200 * (y! - x! ** 2)];
    const hess = ([x, y]: Vector) => [
      [2 - 400 * y! + 1200 * x! ** 2, -400 * x!],
      [-400 * x!, 200],
    ];
    const result = newtonsMethod(f, grad, hess, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(50);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });
});

describe("newtonRoot", () => {
  it("finds √2 as the root of x² − 2", () => {
    const { root, converged } = newtonRoot(
      (x) => x * x - 2,
      (x) => 2 * x,
      1,
    );
    expect(converged).toBe(true);
    expect(root).toBeCloseTo(Math.SQRT2, 14);
  });

  it("takes exactly the steps it is allowed: 3 → 11/6 → 193/132", () => {
    const result = newtonRoot(
      (x) => x * x - 2,
      (x) => 2 * x,
      3,
      { maxIterations: 2 },
    );
    expect(result.iterations).toBe(2);
    expect(result.converged).toBe(false);
    expect(result.root).toBeCloseTo(193 / 132, 14);
  });

  it("reports failure instead of dividing by a zero derivative", () => {
    const result = newtonRoot(
      (x) => x * x - 1,
      (x) => 2 * x,
      0,
    );
    expect(result.converged).toBe(false);
  });
});
