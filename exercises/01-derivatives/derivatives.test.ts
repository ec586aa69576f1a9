// Visible tests: a few worked examples to try while you work (`pnpm visible 01`).
// Your grade comes from the hidden suite (`pnpm grade 01`), which checks much more than these.
import { describe, expect, it } from "vitest";
import {
  centralDifference,
  forwardDifference,
  polyDerivative,
  polyEval,
  stepSizeErrors,
  tangentLine,
} from "./derivatives.ts";

const square = (x: number) => x * x;
const cube = (x: number) => x * x * x;

/** Relative closeness: |a − b| ≤ rtol·max(1, |b|). */
function expectNear(actual: number, expected: number, rtol = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(expected)));
}

describe("forwardDifference", () => {
  it("estimates the slope of x³ at 1 as 3.31 with h = 0.1 (the true slope is 3)", () => {
    expectNear(forwardDifference(cube, 1, 0.1), 3.31);
  });

  it("gets within about h of the slope of x² when h is small", () => {
    expectNear(forwardDifference(square, 3, 1e-6), 6, 1e-5);
  });
});

describe("centralDifference", () => {
  it("estimates the slope of x³ at 1 as 3.01 with h = 0.1", () => {
    expectNear(centralDifference(cube, 1, 0.1), 3.01);
  });

  it("is exact for a parabola, whatever the step", () => {
    expectNear(centralDifference(square, 3, 0.5), 6);
  });

  it("finds cos(0) = 1 as the slope of sin at 0 with the default step", () => {
    expectNear(centralDifference(Math.sin, 0), 1, 1e-9);
  });
});

describe("polyEval", () => {
  it("evaluates 3x³ + 2x² − 4x + 7, stored as [7, -4, 2, 3], at x = 2 to get 31", () => {
    expect(polyEval([7, -4, 2, 3], 2)).toBe(31);
  });

  it("gives the constant term at x = 0", () => {
    expect(polyEval([7, -4, 2, 3], 0)).toBe(7);
  });
});

describe("polyDerivative", () => {
  it("turns 3x³ + 2x² − 4x + 7 into 9x² + 4x − 4", () => {
    expect(polyDerivative([7, -4, 2, 3])).toEqual([-4, 4, 9]);
  });

  it("gives [0] for a constant", () => {
    expect(polyDerivative([5])).toEqual([0]);
  });
});

describe("tangentLine", () => {
  it("finds y = 6x − 9 as the tangent of y = x² at x0 = 3", () => {
    const line = tangentLine(square, (x) => 2 * x, 3);
    expectNear(line.slope, 6);
    expectNear(line.intercept, -9);
  });

  it("finds y = 40x − 49 for 3x³ + 2x² − 4x + 7 at x0 = 2", () => {
    const p = [7, -4, 2, 3];
    const line = tangentLine(
      (x) => polyEval(p, x),
      (x) => polyEval(polyDerivative(p), x),
      2,
    );
    expect(line).toEqual({ slope: 40, intercept: -49 });
  });
});

describe("stepSizeErrors", () => {
  it("gives one error per step, in order: forward h and central 0 for x²", () => {
    const { forward, central } = stepSizeErrors(square, (x) => 2 * x, 3, [0.5, 0.25]);
    expect(forward).toHaveLength(2);
    expectNear(forward[0]!, 0.5);
    expectNear(forward[1]!, 0.25);
    expect(central).toEqual([0, 0]);
  });

  it("shows the central difference far ahead of the forward one at h = 1e-3", () => {
    const { forward, central } = stepSizeErrors(Math.exp, Math.exp, 1, [1e-3]);
    expect(central[0]!).toBeLessThan(forward[0]! / 100);
  });
});
