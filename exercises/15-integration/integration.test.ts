// Visible tests: worked examples to try while you work (`pnpm visible 15`).
// Your grade comes from the hidden suite (`pnpm grade 15`), which checks much more than these.
import { createRng } from "@calcml/math";
import { describe, expect, it } from "vitest";
import {
  cumulativeIntegral,
  expectation,
  monteCarloIntegral,
  rocAuc,
  simpson,
  trapezoid,
} from "./integration.ts";

describe("trapezoid", () => {
  it("gives 0.375 for x² on [0, 1] with two subintervals (the exact area is 1/3)", () => {
    expect(trapezoid((x) => x * x, 0, 1, 2)).toBeCloseTo(0.375, 12);
  });
});

describe("simpson", () => {
  it("is exact for x³ on [0, 2], even with n = 2", () => {
    expect(simpson((x) => x ** 3, 0, 2, 2)).toBeCloseTo(4, 12);
  });

  it("refuses an odd number of subintervals", () => {
    expect(() => simpson((x) => x, 0, 1, 3)).toThrow(RangeError);
  });
});

describe("monteCarloIntegral", () => {
  it("estimates the area under y = x on [0, 2] (exactly 2) within a few standard errors", () => {
    const { estimate, standardError } = monteCarloIntegral(
      ([x]) => x as number,
      [0],
      [2],
      4000,
      createRng(1),
    );
    expect(Math.abs(estimate - 2)).toBeLessThan(4 * standardError);
  });
});

describe("expectation", () => {
  it("finds the mean of a uniform variable on [0, 1]", () => {
    expect(
      expectation(
        () => 1,
        (x) => x,
        0,
        1,
      ),
    ).toBeCloseTo(0.5, 8);
  });
});

describe("rocAuc", () => {
  it("gives 0.75 when 3 of the 4 positive-negative pairs are ranked right", () => {
    expect(rocAuc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0])).toBeCloseTo(0.75, 12);
  });

  it("gives 0.5 when every score ties", () => {
    expect(rocAuc([1, 1, 1, 1], [1, 0, 1, 0])).toBeCloseTo(0.5, 12);
  });
});

describe("cumulativeIntegral", () => {
  it("turns cos into sin", () => {
    const [zero, one] = cumulativeIntegral(Math.cos, 0, [0, Math.PI / 2]);
    expect(zero).toBeCloseTo(0, 12);
    expect(one).toBeCloseTo(1, 4);
  });
});
