import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  backwardDifference,
  centralDifference,
  fivePointDifference,
  forwardDifference,
  jvpByDifferences,
  numericalGradient,
  numericalHessian,
  numericalJacobian,
  stepSize,
} from "../src/index.ts";
import { expectRelClose, frozen } from "./helpers.ts";

describe("stepSize", () => {
  it("scales h by max(1, |x|)", () => {
    expect(stepSize(0)).toBe(1e-5);
    expectRelClose(stepSize(1000), 1e-2, 1e-12);
  });
  it("is exactly representable: (x + s) − x === s (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const s = stepSize(x);
        expect(x + s - x).toBe(s);
        expect(s).toBeGreaterThan(0);
      }),
    );
  });
});

describe("forwardDifference", () => {
  it("is first order: error ≈ h·f''/2", () => {
    // oracle: exp'(0) = 1; error ≈ h/2 = 5e-7 at h = 1e-6
    expectRelClose(forwardDifference(Math.exp, 0), 1, 1e-6);
    expect(Math.abs(forwardDifference(Math.exp, 0) - 1)).toBeGreaterThan(1e-7);
  });
});

describe("backwardDifference", () => {
  it("sees the left slope at a kink", () => {
    expect(backwardDifference(Math.abs, 0)).toBe(-1);
    expect(forwardDifference(Math.abs, 0)).toBe(1);
  });
});

describe("centralDifference", () => {
  it("matches sin' = cos to 1e-9 (oracle: cos)", () => {
    for (const x of [-2, 0, 0.5, 3]) expectRelClose(centralDifference(Math.sin, x), Math.cos(x), 1e-9);
  });
  it("converges at second order: halving h quarters the error", () => {
    const err = (h: number) => Math.abs(centralDifference(Math.exp, 1, h) - Math.E);
    const ratio = err(1e-2) / err(5e-3);
    expect(ratio).toBeGreaterThan(3.8);
    expect(ratio).toBeLessThan(4.2);
  });
});

describe("fivePointDifference", () => {
  it("reaches 1e-10 on smooth functions (oracle: exp' = exp)", () => {
    expectRelClose(fivePointDifference(Math.exp, 1), Math.E, 1e-10);
  });
  it("converges at fourth order: halving h divides the error by 16", () => {
    const err = (h: number) => Math.abs(fivePointDifference(Math.exp, 1, h) - Math.E);
    const ratio = err(0.1) / err(0.05);
    expect(ratio).toBeGreaterThan(15);
    expect(ratio).toBeLessThan(17);
  });
});

describe("numericalGradient", () => {
  it("matches the analytic gradient of x²y + 3y² to 1e-8", () => {
    const f = (p: readonly number[]) => p[0]! ** 2 * p[1]! + 3 * p[1]! ** 2;
    expectRelClose(numericalGradient(f, frozen([3, 2])), [12, 21], 1e-8);
  });
  it("perturbs one coordinate at a time with a scaled step", () => {
    const seen: number[][] = [];
    numericalGradient(
      (p) => {
        seen.push([...p]);
        return 0;
      },
      [1000, 0],
    );
    expect(seen).toHaveLength(4);
    expect(seen[0]![1]).toBe(0);
    expect(seen[0]![0]! - 1000).toBe(stepSize(1000)); // exact: the step is representable
  });
});

describe("numericalJacobian", () => {
  it("puts outputs in rows and inputs in columns", () => {
    const F = (p: readonly number[]) => [p[0]! * p[1]!, Math.sin(p[0]!), p[1]!];
    expectRelClose(
      numericalJacobian(F, [2, 3]),
      [
        [3, 2],
        [Math.cos(2), 0],
        [0, 1],
      ],
      1e-8,
    );
  });
});

describe("numericalHessian", () => {
  it("matches the analytic Hessian and is exactly symmetric", () => {
    const f = (p: readonly number[]) => p[0]! ** 2 * p[1]! + Math.exp(p[0]! * p[1]!);
    const x = [0.5, -0.7];
    const e = Math.exp(x[0]! * x[1]!);
    const H = numericalHessian(f, x);
    const expected = [
      [2 * x[1]! + x[1]! ** 2 * e, 2 * x[0]! + e + x[0]! * x[1]! * e],
      [2 * x[0]! + e + x[0]! * x[1]! * e, x[0]! ** 2 * e],
    ];
    expectRelClose(H, expected, 1e-6); // second differences: error ≈ h² + ε/h² ≈ 1e-8
    expect(H[0]![1]).toBe(H[1]![0]);
  });
});

describe("jvpByDifferences", () => {
  it("gives J·v from two evaluations", () => {
    let calls = 0;
    const F = (p: readonly number[]) => {
      calls++;
      return [p[0]! * p[1]!, p[0]!];
    };
    expectRelClose(jvpByDifferences(F, [2, 3], [1, -1]), [3 - 2, 1], 1e-8);
    expect(calls).toBe(2);
  });
  it("returns zeros for a zero direction", () => {
    expect(jvpByDifferences((p) => [p[0]!, p[0]!], [1], [0])).toEqual([0, 0]);
  });
});

describe("convergence orders (property)", () => {
  it("central differences are second order and the 5-point stencil fourth order at random points", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (x, a) => {
          const f = (t: number) => Math.exp(a * t);
          const exact = a * Math.exp(a * x);
          const order = (d: (h: number) => number, h: number) =>
            Math.log2(Math.abs(d(h) - exact) / Math.abs(d(h / 2) - exact));
          // steps large enough that truncation dominates rounding; observed order within ±0.3 of theory
          expect(Math.abs(order((h) => centralDifference(f, x, h), 1e-2) - 2)).toBeLessThan(0.3);
          expect(Math.abs(order((h) => fivePointDifference(f, x, h), 0.1) - 4)).toBeLessThan(0.3);
          expect(Math.abs(order((h) => forwardDifference(f, x, h), 1e-3) - 1)).toBeLessThan(0.3);
        },
      ),
    );
  });
});
