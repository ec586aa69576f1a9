// Visible tests: a few worked examples to try while you work (`pnpm visible 00`).
// Your grade comes from the hidden suite (`pnpm grade 00`), which checks much more than these.
import { describe, expect, it } from "vitest";
import { secantSlope, square } from "./welcome.ts";

describe("square", () => {
  it("squares 3 to get 9", () => {
    expect(square(3)).toBe(9);
  });

  it("gives a positive result for a negative number", () => {
    expect(square(-4)).toBe(16);
  });
});

describe("secantSlope", () => {
  it("finds slope 4 between x = 1 and x = 3 on y = x²", () => {
    expect(secantSlope(square, 1, 3)).toBe(4);
  });

  it("finds the slope of a straight line whatever the two points", () => {
    const line = (x: number) => 2 * x + 1;
    expect(secantSlope(line, -5, 10)).toBe(2);
  });

  it("refuses two equal points", () => {
    expect(() => secantSlope(square, 2, 2)).toThrow(RangeError);
  });
});
