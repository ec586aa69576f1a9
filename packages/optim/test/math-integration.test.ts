/**
 * Working with @calcml/math's test functions (TestFunction: f, gradient, hessian, minima, start): the
 * shapes fit without adapters, and Newton reaches a listed minimiser within a stated budget.
 */
import { quadratic, testFunctions } from "@calcml/math";
import { describe, expect, it } from "vitest";
import { adam, minimize, newtonMinimize } from "../src/index.ts";
import { isClose } from "./support/close.ts";
import { quadratic as golden } from "./support/problems.ts";

/** Distance from `x` to the nearest listed minimiser. */
const distanceToMinima = (x: readonly number[], minima: readonly (readonly number[])[]) =>
  Math.min(...minima.map((m) => Math.hypot(...m.map((mi, i) => mi - x[i]!))));

describe("newtonMinimize on @calcml/math test functions", () => {
  // Budgets ≈ measured iterations + a margin: rosenbrock 21, himmelblau 8, beale 7, booth 1.
  const budgets = { rosenbrock: 25, himmelblau: 12, beale: 10, booth: 1 } as const;
  for (const [name, budget] of Object.entries(budgets)) {
    it(`reaches a minimiser of ${name} from its start within ${budget} iterations`, () => {
      const fn = testFunctions[name as keyof typeof budgets];
      const r = newtonMinimize(fn.f, fn.gradient, fn.hessian, fn.start);
      expect(r.reason).toBe("tolerance");
      expect(r.iterations).toBeLessThanOrEqual(budget);
      expect(distanceToMinima(r.x, fn.minima)).toBeLessThan(1e-6);
    });
  }

  it("does not claim convergence on the saddle, which is unbounded below", () => {
    const { f, gradient, hessian, start } = testFunctions.saddle;
    const r = newtonMinimize(f, gradient, hessian, start);
    expect(r.converged).toBe(false);
    expect(r.values.at(-1)! < f(start) || !Number.isFinite(r.values.at(-1)!)).toBe(true);
  });

  it("solves math's quadratic(A, b) in one step, to its listed minimiser", () => {
    const q = quadratic(golden.A, golden.b);
    const r = newtonMinimize(q.f, q.gradient, q.hessian, q.start);
    expect(r.iterations).toBe(1);
    r.x.forEach((xi, i) => {
      expect(isClose(xi, q.minima[0]![i]!, 1e-13)).toBe(true);
    });
  });
});

describe("minimize on @calcml/math test functions", () => {
  it("takes Adam (γ = 0.02) to Rosenbrock's minimum within 5 000 iterations", () => {
    const { f, gradient, start, minima } = testFunctions.rosenbrock;
    const r = minimize(f, gradient, start, adam({ learningRate: 0.02 }), { maxIterations: 5000 });
    expect(r.reason).toBe("tolerance");
    expect(distanceToMinima(r.x, minima)).toBeLessThan(1e-5);
  });
});
