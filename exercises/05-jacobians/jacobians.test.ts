// Visible tests: worked examples from the README to try while you work.
// Your grade comes from the hidden suite (`pnpm grade 05`), which checks much more than these.
import { describe, expect, it } from "vitest";
import {
  chainJacobians,
  jacobianDeterminant2x2,
  jvp,
  numericalJacobian,
  polarToCartesianJacobian,
  softmax,
  softmaxJacobian,
  vjp,
} from "./jacobians.ts";

/** The README's example F(x, y) = (x²y, 5x + sin y); its Jacobian at (1, 0) is [[0, 1], [5, 1]]. */
const F = (p: readonly number[]): number[] => [p[0]! ** 2 * p[1]!, 5 * p[0]! + Math.sin(p[1]!)];

/** Entry-by-entry closeness with a relative tolerance (absolute near zero). */
function expectClose(actual: readonly (number | readonly number[])[], expected: typeof actual, rtol = 1e-6) {
  const a = actual.flat();
  const e = expected.flat();
  expect(a).toHaveLength(e.length);
  e.forEach((ei, k) => {
    expect(Math.abs(a[k]! - ei)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(ei)));
  });
}

describe("numericalJacobian", () => {
  it("finds [[0, 1], [5, 1]] for the README's example at (1, 0)", () => {
    expectClose(numericalJacobian(F, [1, 0]), [
      [0, 1],
      [5, 1],
    ]);
  });

  it("puts outputs in rows: 3 outputs of 2 inputs give a 3×2 matrix", () => {
    const J = numericalJacobian((p) => [p[0]!, p[1]!, p[0]! * p[1]!], [2, 3]);
    expect(J).toHaveLength(3);
    expectClose(J, [
      [1, 0],
      [0, 1],
      [3, 2],
    ]);
  });
});

describe("polarToCartesianJacobian and jacobianDeterminant2x2", () => {
  it("gives [[0, −2], [1, 0]] at r = 2, θ = π/2", () => {
    expectClose(polarToCartesianJacobian([2, Math.PI / 2]), [
      [0, -2],
      [1, 0],
    ]);
  });

  it("finds the determinant 1·4 − 2·3 = −2", () => {
    expect(
      jacobianDeterminant2x2([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(-2);
  });

  it("gives det J = r: polar coordinates stretch areas by r", () => {
    expect(jacobianDeterminant2x2(polarToCartesianJacobian([3, 0.7]))).toBeCloseTo(3, 12);
  });
});

describe("softmax", () => {
  it("turns [0, ln 3] into [1/4, 3/4]", () => {
    expectClose(softmax([0, Math.log(3)]), [0.25, 0.75], 1e-12);
  });

  it("does not overflow at z = [1000, 1000]", () => {
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
  });
});

describe("softmaxJacobian", () => {
  it("is [[3/16, −3/16], [−3/16, 3/16]] at z = [0, ln 3]", () => {
    expectClose(
      softmaxJacobian([0, Math.log(3)]),
      [
        [3 / 16, -3 / 16],
        [-3 / 16, 3 / 16],
      ],
      1e-12,
    );
  });
});

describe("jvp", () => {
  it("gives J·v = [2, 7] for the README's example with v = [1, 2]", () => {
    expectClose(jvp(F, [1, 0], [1, 2]), [2, 7]);
  });

  it("calls F only twice", () => {
    let calls = 0;
    const counted = (p: readonly number[]) => {
      calls += 1;
      return F(p);
    };
    jvp(counted, [1, 0], [1, 2]);
    expect(calls).toBe(2);
  });
});

describe("vjp", () => {
  it("gives uᵀ·J = [5, 2] for J = [[0, 1], [5, 1]] and u = [1, 1]", () => {
    expect(
      vjp(
        [
          [0, 1],
          [5, 1],
        ],
        [1, 1],
      ),
    ).toEqual([5, 2]);
  });

  it("has one entry per column of J", () => {
    expect(vjp([[1, 2, 3]], [2])).toEqual([2, 4, 6]);
  });
});

describe("chainJacobians", () => {
  it("chains G(a, b) = a + b after F: [1, 1]·[[0, 1], [5, 1]] = [[5, 2]]", () => {
    expect(
      chainJacobians(
        [[1, 1]],
        [
          [0, 1],
          [5, 1],
        ],
      ),
    ).toEqual([[5, 2]]);
  });

  it("refuses shapes that do not chain", () => {
    expect(() => chainJacobians([[1, 2, 3]], [[1], [2]])).toThrow(RangeError);
  });
});
