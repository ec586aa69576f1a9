// Visible tests: a few worked examples to try while you work (`pnpm visible 02`).
// Your grade comes from the hidden suite (`pnpm grade 02`), which checks much more than these.
import { describe, expect, it } from "vitest";
import {
  directionalDerivative,
  gradSumOfSquares,
  gradXSquaredYPlus3YSquared,
  numericalGradient,
  partialDerivative,
  steepestAscent,
} from "./gradients.ts";

/** f(x, y) = x²y + 3y², the lesson's running example. */
const f = (p: readonly number[]) => p[0]! * p[0]! * p[1]! + 3 * p[1]! * p[1]!;

/** Entry by entry, |a − b| ≤ tol·max(1, |b|). */
function expectNear(actual: readonly number[], expected: readonly number[], tol = 1e-9): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    expect(Math.abs(actual[i]! - e)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  });
}

describe("partialDerivative", () => {
  it("finds ∂f/∂x = 2xy = 4 at (1, 2)", () => {
    expectNear([partialDerivative(f, [1, 2], 0)], [4], 1e-8);
  });

  it("finds ∂f/∂y = x² + 6y = 13 at (1, 2), exactly with h = 0.1 since f is a parabola in y", () => {
    expectNear([partialDerivative(f, [1, 2], 1, 0.1)], [13]);
  });

  it("leaves the point unchanged", () => {
    const x = Object.freeze([1, 2]);
    expect(() => partialDerivative(f, x, 0)).not.toThrow();
  });

  it("refuses an index that is not a coordinate", () => {
    expect(() => partialDerivative(f, [1, 2], 2)).toThrow(RangeError);
  });
});

describe("numericalGradient", () => {
  it("estimates ∇f(1, 2) = (4, 13)", () => {
    expectNear(numericalGradient(f, [1, 2]), [4, 13], 1e-8);
  });

  it("has one entry per coordinate", () => {
    const sumOfCubes = (p: readonly number[]) => p.reduce((s, v) => s + v ** 3, 0);
    expectNear(numericalGradient(sumOfCubes, [1, -1, 2]), [3, 3, 12], 1e-8);
  });
});

describe("gradXSquaredYPlus3YSquared", () => {
  it("gives (4, 13) at (1, 2)", () => {
    expect(gradXSquaredYPlus3YSquared([1, 2])).toEqual([4, 13]);
  });

  it("gives (0, 6y) on the line x = 0, where only 3y² is left", () => {
    expect(gradXSquaredYPlus3YSquared([0, 5])).toEqual([0, 30]);
  });
});

describe("gradSumOfSquares", () => {
  it("gives (2, −4, 6) at (1, −2, 3)", () => {
    expect(gradSumOfSquares([1, -2, 3])).toEqual([2, -4, 6]);
  });

  it("works in one dimension: the slope of x² is 2x", () => {
    expect(gradSumOfSquares([-4])).toEqual([-8]);
  });
});

describe("directionalDerivative", () => {
  it("gives 12.8 for the gradient (4, 13) along (3, 4)", () => {
    expectNear([directionalDerivative([4, 13], [3, 4])], [12.8]);
  });

  it("gives the same slope for a longer arrow in the same direction", () => {
    expectNear([directionalDerivative([4, 13], [30, 40])], [12.8]);
  });

  it("refuses the zero direction", () => {
    expect(() => directionalDerivative([4, 13], [0, 0])).toThrow(RangeError);
  });
});

describe("steepestAscent", () => {
  it("turns the gradient (3, 4) into the unit vector (0.6, 0.8)", () => {
    expectNear(steepestAscent([3, 4]), [0.6, 0.8]);
  });

  it("refuses a zero gradient", () => {
    expect(() => steepestAscent([0, 0])).toThrow(RangeError);
  });
});
