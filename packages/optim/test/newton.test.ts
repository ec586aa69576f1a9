/** Newton's method with the Hessian modification (docs/numerics.md; Nocedal & Wright, Alg. 3.3). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newtonDirection, newtonMinimize } from "../src/index.ts";
import { expectVectorClose } from "./support/close.ts";
import { quadratic, rosenbrock } from "./support/problems.ts";

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const matvec = (M: readonly (readonly number[])[], x: readonly number[]) => M.map((row) => dot(row, x));

/** A random SPD matrix `BBᵀ + I` (condition bounded), with a right-hand side. */
const spdProblem = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    B: fc.array(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n }), {
      minLength: n,
      maxLength: n,
    }),
    b: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
    x0: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
  }),
);

describe("newtonDirection", () => {
  it("solves H·p = −g with no shift when H is positive definite", () => {
    const g = quadratic.grad(quadratic.x0);
    const { direction, shift, factorizations } = newtonDirection(g, quadratic.A);
    expect(shift).toBe(0);
    expect(factorizations).toBe(1);
    expectVectorClose(
      matvec(quadratic.A, direction),
      g.map((x) => -x),
      1e-13,
    );
  });

  it("adds τI with τ = 1e-3·2ᵏ, the first that makes Cholesky succeed, for an indefinite H", () => {
    // Eigenvalues 2 and −1: τ must exceed 1, and the first of 1e-3·2ᵏ above 1 is 1.024 (k = 10).
    const { direction, shift, factorizations } = newtonDirection(
      [1, 1],
      [
        [2, 0],
        [0, -1],
      ],
    );
    expect(shift).toBe(1.024);
    expect(factorizations).toBe(12);
    expectVectorClose(direction, [-1 / 3.024, -1 / 0.024], 1e-14);
    expect(dot(direction, [1, 1])).toBeLessThan(0);
  });

  it("always returns a descent direction, whatever the symmetric H", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })),
        ([a, b, c], g) => {
          fc.pre(Math.hypot(...g) > 1e-6);
          const { direction } = newtonDirection(g, [
            [a!, b!],
            [b!, c!],
          ]);
          return dot(direction, g) < 0;
        },
      ),
    );
  });

  it("symmetrises a slightly asymmetric Hessian (from differences) instead of failing", () => {
    const { shift } = newtonDirection(
      [1, 0],
      [
        [2, 1 + 1e-9],
        [1 - 1e-9, 2],
      ],
    );
    expect(shift).toBe(0);
  });

  it("rejects mismatched shapes and non-finite entries", () => {
    expect(() => newtonDirection([1, 2], [[1]])).toThrow(/newtonDirection: the Hessian must be 2×2/);
    expect(() => newtonDirection([1], [[Number.NaN]])).toThrow(/must be finite/);
  });
});

describe("newtonMinimize", () => {
  it("solves any strictly convex quadratic in one step", () => {
    fc.assert(
      fc.property(spdProblem, ({ B, b, x0 }) => {
        const n = b.length;
        const A = B.map((_, i) => B.map((_, j) => dot(B[i]!, B[j]!) + (i === j ? 1 : 0)));
        const f = (x: readonly number[]) => 0.5 * dot(x, matvec(A, x)) - dot(b, x);
        const grad = (x: readonly number[]) => matvec(A, x).map((v, i) => v - b[i]!);
        const r = newtonMinimize(f, grad, () => A, x0, { tolerance: 1e-7 });
        const residual = Math.hypot(...grad(r.x));
        return (
          r.iterations <= 1 &&
          r.converged &&
          residual <= 1e-7 &&
          r.x.length === n &&
          r.shifts.every((s) => s === 0)
        );
      }),
    );
  });

  it("lands on A⁻¹b of the golden quadratic after exactly one step", () => {
    const { f, grad, hessian, x0, minimizer } = quadratic;
    const r = newtonMinimize(f, grad, hessian, x0);
    expect(r.iterations).toBe(1);
    expect(r.reason).toBe("tolerance");
    expectVectorClose(r.x, minimizer, 1e-13);
  });

  it("reaches Rosenbrock's minimum from (−1.2, 1) within 25 iterations (damped by Armijo)", () => {
    const { f, grad, hessian, x0, minimizer } = rosenbrock;
    const r = newtonMinimize(f, grad, hessian, x0);
    expect(r.reason).toBe("tolerance");
    expect(r.iterations).toBeLessThanOrEqual(25);
    expectVectorClose(r.x, minimizer, 1e-9);
  });

  it("escapes a saddle, where plain Newton would jump to it", () => {
    // f = x² − y² + y⁴/4 has a saddle at the origin and minima at (0, ±√2).
    const f = (v: readonly number[]) => v[0]! ** 2 - v[1]! ** 2 + v[1]! ** 4 / 4;
    const grad = (v: readonly number[]) => [2 * v[0]!, -2 * v[1]! + v[1]! ** 3];
    const hess = (v: readonly number[]) => [
      [2, 0],
      [0, -2 + 3 * v[1]! ** 2],
    ];
    const r = newtonMinimize(f, grad, hess, [0.5, 0.1]);
    expect(r.converged).toBe(true);
    expect(r.shifts[0]).toBeGreaterThan(0);
    expectVectorClose(r.x, [0, Math.SQRT2], 1e-9);
  });

  it("takes full steps when lineSearch is false", () => {
    const steps: number[] = [];
    newtonMinimize(rosenbrock.f, rosenbrock.grad, rosenbrock.hessian, rosenbrock.x0, {
      lineSearch: false,
      maxIterations: 3,
      onStep: (s) => steps.push(s.step),
    });
    expect(steps).toEqual([1, 1, 1]);
  });
});
