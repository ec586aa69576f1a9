/** Line searches: the accepted step satisfies the stated inequalities; non-descent directions are refused. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { armijoBacktracking, strongWolfe } from "../src/index.ts";
import { quadratic, rosenbrock } from "./support/problems.ts";

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const neg = (v: readonly number[]) => v.map((x) => -x);
const point = fc.tuple(
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.double({ min: -1, max: 3, noNaN: true }),
);

describe("armijoBacktracking", () => {
  it("accepts a step with f(x + αp) ≤ f(x) + c₁α∇f·p (c₁ = 1e-4), halving from α = 1", () => {
    fc.assert(
      fc.property(point, (x) => {
        const { f, grad } = rosenbrock;
        const p = neg(grad(x));
        fc.pre(dot(grad(x), p) < 0);
        const r = armijoBacktracking(f, grad, x, p);
        const halvings = Math.log2(1 / r.step);
        return (
          r.success &&
          r.value <= f(x) + 1e-4 * r.step * dot(grad(x), p) &&
          Number.isInteger(halvings) &&
          // the previous (twice as long) step failed the test, unless α = 1
          (r.step === 1 ||
            !(f(x.map((xi, i) => xi + 2 * r.step * p[i]!)) <= f(x) + 2e-4 * r.step * dot(grad(x), p)))
        );
      }),
    );
  });

  it("accepts the full step α = 1 for Newton's direction on a quadratic", () => {
    const { f, grad, x0, minimizer } = quadratic;
    const p = minimizer.map((m, i) => m - x0[i]!);
    const r = armijoBacktracking(f, grad, x0, p);
    expect(r.step).toBe(1);
    expect(r.functionEvaluations).toBe(2);
  });

  it("uses the value and gradient it is given instead of evaluating them", () => {
    const { f, grad, x0 } = quadratic;
    let gradCalls = 0;
    const counted = (x: readonly number[]) => {
      gradCalls++;
      return grad(x);
    };
    const r = armijoBacktracking(f, counted, x0, neg(grad(x0)), { value: f(x0), gradient: grad(x0) });
    expect(gradCalls).toBe(0);
    expect(r.gradientEvaluations).toBe(0);
  });

  it("refuses a non-descent direction with a RangeError that gives ∇f·p", () => {
    const { f, grad, x0 } = quadratic;
    const up = grad(x0);
    expect(() => armijoBacktracking(f, grad, x0, up)).toThrow(RangeError);
    expect(() => armijoBacktracking(f, grad, x0, up)).toThrow(
      new RegExp(`armijoBacktracking: p is not a descent direction: ∇f\\(x\\)·p = ${dot(up, up)}`),
    );
    expect(() => armijoBacktracking(f, grad, x0, [0, 0, 0])).toThrow(/∇f\(x\)·p = 0/);
  });

  it("reports failure, and does not move, when no step within 50 halvings decreases f", () => {
    // f increases along p at every resolvable step: a slope that lies (∇ says down, f goes up).
    const f = (x: readonly number[]) => Math.abs(x[0]!);
    const r = armijoBacktracking(f, () => [1], [0], [-1]);
    expect(r.success).toBe(false);
    expect(r.step).toBe(0);
    expect(r.x).toEqual([0]);
    expect(r.functionEvaluations).toBe(52);
  });
});

describe("strongWolfe", () => {
  it("accepts a step with sufficient decrease and |∇f(x + αp)·p| ≤ c₂|∇f·p| (c₂ = 0.9)", () => {
    fc.assert(
      fc.property(point, fc.double({ min: 1e-3, max: 10, noNaN: true }), (x, alpha0) => {
        const { f, grad } = rosenbrock;
        const g = grad(x);
        const p = neg(g);
        fc.pre(dot(g, p) < -1e-8);
        const r = strongWolfe(f, grad, x, p, { initialStep: alpha0 });
        const slope0 = dot(g, p);
        return (
          r.success &&
          r.step > 0 &&
          r.value <= f(x) + 1e-4 * r.step * slope0 &&
          Math.abs(dot(grad(r.x), p)) <= 0.9 * Math.abs(slope0) &&
          r.gradient.every((gi, i) => gi === grad(r.x)[i])
        );
      }),
    );
  });

  it("meets a tight curvature condition (c₂ = 0.1) by zooming", () => {
    const { f, grad } = rosenbrock;
    const x = [-1.2, 1];
    const p = neg(grad(x));
    const r = strongWolfe(f, grad, x, p, { c2: 0.1 });
    expect(r.success).toBe(true);
    expect(Math.abs(dot(grad(r.x), p))).toBeLessThanOrEqual(0.1 * Math.abs(dot(grad(x), p)));
  });

  it("expands the step when α = 1 is too short", () => {
    const f = (x: readonly number[]) => (x[0]! - 100) ** 2;
    const grad = (x: readonly number[]) => [2 * (x[0]! - 100)];
    const r = strongWolfe(f, grad, [0], [1]);
    expect(r.success).toBe(true);
    expect(r.step).toBeGreaterThan(1);
  });

  it("refuses a non-descent direction with a RangeError that gives ∇f·p", () => {
    const { f, grad, x0 } = quadratic;
    expect(() => strongWolfe(f, grad, x0, grad(x0))).toThrow(
      /strongWolfe: p is not a descent direction: ∇f\(x\)·p = \d/,
    );
  });

  it("rejects c₂ ≤ c₁", () => {
    const { f, grad, x0 } = quadratic;
    expect(() => strongWolfe(f, grad, x0, neg(grad(x0)), { c1: 0.5, c2: 0.4 })).toThrow(/c2 must lie in/);
  });
});
