import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, dot, norm, scale, sub, zeros } from "../src/index.ts";
import { expectRelClose, frozen } from "./helpers.ts";

const vec = (n: number) =>
  fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n });

describe("add", () => {
  it("adds entrywise without touching its inputs", () => {
    expect(add(frozen([1, 2]), frozen([10, 20]))).toEqual([11, 22]);
  });
  it("names itself and both lengths on a mismatch", () => {
    expect(() => add([1], [1, 2])).toThrow(new RangeError("add: vectors differ in length (1 vs 2)"));
  });
});

describe("sub", () => {
  it("subtracts entrywise", () => expect(sub([5, 5], [1, 2])).toEqual([4, 3]));
  it("rejects different lengths", () => expect(() => sub([1, 2, 3], [1])).toThrow(/sub: .*\(3 vs 1\)/));
});

describe("scale", () => {
  it("multiplies every entry by the scalar", () => expect(scale(frozen([1, -2]), 3)).toEqual([3, -6]));
});

describe("dot", () => {
  it("sums products", () => expect(dot([1, 2, 3], [4, 5, 6])).toBe(32));
  it("says which lengths differ", () => {
    expect(() => dot([1, 2, 3], [1, 2, 3, 4])).toThrow("dot: vectors differ in length (3 vs 4)");
  });
  it("is symmetric and bilinear (property)", () => {
    fc.assert(
      fc.property(vec(5), vec(5), fc.double({ min: -10, max: 10, noNaN: true }), (a, b, s) => {
        expect(dot(a, b)).toBe(dot(b, a));
        // oracle: s·(a·b); rounding only, bounded by 1e-12 relative to Σ|s aᵢ bᵢ|
        const scaleOfTerms = a.reduce((t, ai, i) => t + Math.abs(s * ai * b[i]!), 0);
        expect(Math.abs(dot(scale(a, s), b) - s * dot(a, b))).toBeLessThanOrEqual(
          1e-12 * Math.max(1, scaleOfTerms),
        );
      }),
    );
  });
});

describe("norm", () => {
  it("computes the 1, 2 and ∞ norms", () => {
    expect(norm([3, -4])).toBe(5);
    expect(norm([3, -4], 1)).toBe(7);
    expect(norm([3, -4], "inf")).toBe(4);
    expect(norm([])).toBe(0);
  });
  it("does not overflow for huge entries", () => {
    expectRelClose(norm([1e200, 1e200]), Math.SQRT2 * 1e200, 1e-15 * 1e200);
  });
  it("orders the norms: ‖v‖∞ ≤ ‖v‖₂ ≤ ‖v‖₁ (property)", () => {
    fc.assert(
      fc.property(vec(4), (v) => {
        const slack = 1 + 1e-12; // rounding of the scaled 2-norm
        expect(norm(v, "inf")).toBeLessThanOrEqual(norm(v) * slack);
        expect(norm(v)).toBeLessThanOrEqual(norm(v, 1) * slack);
      }),
    );
  });
});

describe("zeros", () => {
  it("makes n zeros", () => expect(zeros(3)).toEqual([0, 0, 0]));
  it("rejects a negative or fractional n", () => {
    expect(() => zeros(-1)).toThrow(RangeError);
    expect(() => zeros(1.5)).toThrow(RangeError);
  });
});
