import { describe, expect, it } from "vitest";
import { relativeError, withinTolerance } from "../src/index.ts";

describe("withinTolerance", () => {
  it("applies |a − n| ≤ atol + rtol·max(|a|, |n|)", () => {
    expect(withinTolerance(1.00001, 1, 1e-4, 1e-6)).toBe(true);
    expect(withinTolerance(1.01, 1, 1e-4, 1e-6)).toBe(false);
    expect(withinTolerance(5e-7, 0, 1e-4, 1e-6)).toBe(true);
  });

  it("never lets an infinity or a NaN through, except the same infinity", () => {
    expect(withinTolerance(Number.POSITIVE_INFINITY, 1, 1e-4, 1e-6)).toBe(false);
    expect(withinTolerance(1, Number.NEGATIVE_INFINITY, 1e-4, 1e-6)).toBe(false);
    expect(withinTolerance(Number.NaN, Number.NaN, 1e-4, 1e-6)).toBe(false);
    expect(withinTolerance(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 1e-4, 1e-6)).toBe(true);
  });
});

describe("relativeError", () => {
  it("is the CS231n ratio |a − n| / max(1e-8, |a| + |n|)", () => {
    expect(relativeError(3, 1)).toBe(0.5);
    expect(relativeError(0, 0)).toBe(0);
  });
});
