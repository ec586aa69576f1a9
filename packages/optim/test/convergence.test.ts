/**
 * Convergence: each named optimiser reaches Rosenbrock's minimum from (−1.2, 1) (or the bowl's) within a
 * stated budget, at ‖∇f‖₂ ≤ 1e-6. Budgets are about 1.3× the iterations measured when they were set
 * (measured counts in the comments).
 */
import { describe, expect, it } from "vitest";
import {
  adagrad,
  adam,
  adamw,
  exponentialSchedule,
  type GradientTransformation,
  minimize,
  momentum,
  nesterov,
  rmsprop,
  sgd,
} from "../src/index.ts";
import { bowl, rosenbrock } from "./support/problems.ts";

const TOLERANCE = 1e-6;

function expectReachesRosenbrockMinimum<S>(opt: GradientTransformation<S>, budget: number) {
  const r = minimize(rosenbrock.f, rosenbrock.grad, rosenbrock.x0, opt, {
    maxIterations: budget,
    tolerance: TOLERANCE,
  });
  expect(r.reason, `stopped after ${r.iterations} iterations at ${r.x}`).toBe("tolerance");
  expect(r.iterations).toBeLessThanOrEqual(budget);
  // Near (1, 1) the Hessian's small eigenvalue is ≈ 0.4, so ‖∇f‖ ≤ 1e-6 puts x within ≈ 1e-5.
  r.x.forEach((xi) => {
    expect(Math.abs(xi - 1)).toBeLessThan(1e-5);
  });
  return r;
}

describe("convergence on Rosenbrock from (−1.2, 1)", () => {
  it("sgd (γ = 1e-3) within 40 000 iterations", () => {
    expectReachesRosenbrockMinimum(sgd({ learningRate: 1e-3 }), 40_000); // measured 32 076
  });

  it("momentum (γ = 1e-3, μ = 0.9) within 4 000 iterations", () => {
    expectReachesRosenbrockMinimum(momentum({ learningRate: 1e-3 }), 4_000); // measured 3 020
  });

  it("nesterov (γ = 1e-3, μ = 0.9) within 4 000 iterations", () => {
    expectReachesRosenbrockMinimum(nesterov({ learningRate: 1e-3 }), 4_000); // measured 3 066
  });

  it("adagrad (γ = 0.5) within 22 000 iterations", () => {
    expectReachesRosenbrockMinimum(adagrad({ learningRate: 0.5 }), 22_000); // measured 16 585
  });

  it("rmsprop (γ = 1e-2 decaying ×0.1 every 2 000 steps) within 18 000 iterations", () => {
    // A constant rate leaves RMSprop circling the minimum at ≈ γ (it normalises the step), so decay it.
    const learningRate = exponentialSchedule({ initial: 1e-2, decayRate: 0.1, transitionSteps: 2000 });
    expectReachesRosenbrockMinimum(rmsprop({ learningRate }), 18_000); // measured 13 495
  });

  it("adam (γ = 0.02) within 5 000 iterations", () => {
    expectReachesRosenbrockMinimum(adam({ learningRate: 0.02 }), 5_000); // measured 3 930
  });
});

describe("convergence on the bowl ½‖x‖²", () => {
  it("adamw (γ = 0.02, λ = 1e-2) within 900 iterations: decay and gradient share the minimum", () => {
    const r = minimize(bowl.f, bowl.grad, bowl.x0, adamw({ learningRate: 0.02 }), {
      maxIterations: 1500,
      tolerance: TOLERANCE,
    });
    expect(r.reason).toBe("tolerance");
    expect(Math.hypot(...r.x)).toBeLessThanOrEqual(TOLERANCE);
  });
});
