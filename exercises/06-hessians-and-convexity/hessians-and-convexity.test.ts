// Visible tests: worked examples from the README to try while you work.
// Your grade comes from the hidden suite (`pnpm grade 06`), which checks much more than these.
import { describe, expect, it } from "vitest";
import {
  classifyCriticalPoint,
  conditionNumber,
  eigenvaluesSymmetric2x2,
  isConvexQuadratic,
  numericalHessian,
  quadraticHessian,
  rosenbrock,
  rosenbrockGradient,
  rosenbrockHessian,
} from "./hessians-and-convexity.ts";

/** Entry-by-entry closeness with a relative tolerance (absolute near zero). */
function expectClose(actual: readonly (number | readonly number[])[], expected: typeof actual, rtol = 1e-9) {
  const a = actual.flat();
  const e = expected.flat();
  expect(a).toHaveLength(e.length);
  e.forEach((ei, k) => {
    expect(Math.abs(a[k]! - ei)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(ei)));
  });
}

describe("numericalHessian", () => {
  it("finds [[6, 0], [0, 2]] for x³ − 3x + y² at its minimum (1, 0)", () => {
    const f = (p: readonly number[]) => p[0]! ** 3 - 3 * p[0]! + p[1]! ** 2;
    expectClose(
      numericalHessian(f, [1, 0]),
      [
        [6, 0],
        [0, 2],
      ],
      1e-5,
    );
  });

  it("is exactly symmetric", () => {
    const H = numericalHessian((p) => Math.sin(p[0]! * p[1]!) + p[0]! * p[2]!, [0.3, -1.2, 2]);
    expect(H[0]![1]).toBe(H[1]![0]);
    expect(H[0]![2]).toBe(H[2]![0]);
    expect(H[1]![2]).toBe(H[2]![1]);
  });
});

describe("quadraticHessian", () => {
  it("turns A = [[2, 4], [0, 6]] into (A + Aᵀ)/2 = [[2, 2], [2, 6]]", () => {
    expect(
      quadraticHessian([
        [2, 4],
        [0, 6],
      ]),
    ).toEqual([
      [2, 2],
      [2, 6],
    ]);
  });
});

describe("rosenbrock, rosenbrockGradient, rosenbrockHessian", () => {
  it("is 24.2 at the classic start (−1.2, 1) and 0 at the minimum (1, 1)", () => {
    expectClose([rosenbrock([-1.2, 1])], [24.2], 1e-12);
    expect(rosenbrock([1, 1])).toBe(0);
  });

  it("has a zero gradient at the minimum", () => {
    expectClose(rosenbrockGradient([1, 1]), [0, 0]);
  });

  it("has the Hessian [[802, −400], [−400, 200]] at the minimum", () => {
    expect(rosenbrockHessian([1, 1])).toEqual([
      [802, -400],
      [-400, 200],
    ]);
  });
});

describe("eigenvaluesSymmetric2x2", () => {
  it("finds 1 and 3 for [[2, 1], [1, 2]], smaller first", () => {
    expectClose(
      eigenvaluesSymmetric2x2([
        [2, 1],
        [1, 2],
      ]),
      [1, 3],
    );
  });

  it("finds −1 and 3 for [[1, 2], [2, 1]], whose diagonal is positive", () => {
    expectClose(
      eigenvaluesSymmetric2x2([
        [1, 2],
        [2, 1],
      ]),
      [-1, 3],
    );
  });

  it("refuses a matrix that is not symmetric", () => {
    expect(() =>
      eigenvaluesSymmetric2x2([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(RangeError);
  });
});

describe("classifyCriticalPoint", () => {
  it("classifies the two critical points of x³ − 3x + y²", () => {
    expect(
      classifyCriticalPoint([
        [6, 0],
        [0, 2],
      ]),
    ).toBe("minimum");
    expect(
      classifyCriticalPoint([
        [-6, 0],
        [0, 2],
      ]),
    ).toBe("saddle");
  });

  it("sees the saddle in [[1, 2], [2, 1]] and the maximum in −I", () => {
    expect(
      classifyCriticalPoint([
        [1, 2],
        [2, 1],
      ]),
    ).toBe("saddle");
    expect(
      classifyCriticalPoint([
        [-1, 0],
        [0, -1],
      ]),
    ).toBe("maximum");
  });

  it("calls a zero curvature degenerate", () => {
    expect(
      classifyCriticalPoint([
        [0, 0],
        [0, 2],
      ]),
    ).toBe("degenerate");
  });
});

describe("isConvexQuadratic and conditionNumber", () => {
  it("judges the symmetric part: [[1, 4], [0, 1]] is not convex, [[2, 4], [0, 6]] is", () => {
    expect(
      isConvexQuadratic([
        [1, 4],
        [0, 1],
      ]),
    ).toBe(false);
    expect(
      isConvexQuadratic([
        [2, 4],
        [0, 6],
      ]),
    ).toBe(true);
  });

  it("gives κ = 3 + 2√2 for [[2, 2], [2, 6]]", () => {
    expectClose(
      [
        conditionNumber([
          [2, 2],
          [2, 6],
        ]),
      ],
      [3 + 2 * Math.SQRT2],
    );
  });

  it("refuses a matrix that is not positive definite", () => {
    expect(() =>
      conditionNumber([
        [1, 0],
        [0, 0],
      ]),
    ).toThrow(RangeError);
  });
});
