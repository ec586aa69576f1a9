import { describe, expect, it } from "vitest";
import { CheckError, check } from "../../src/checks/check-error.ts";
import { expectForAll, fc, finite } from "../../src/checks/property.ts";

describe("expectForAll", () => {
  it("passes when the property holds for every drawn input", () => {
    let runs = 0;
    expectForAll("holds", [finite(-10, 10)], (x) => {
      runs++;
      check(x * x >= 0, "a square is never negative");
    });
    expect(runs).toBeGreaterThan(10);
  });

  it("reports the shrunk counterexample in the Called / Got / Expected form", () => {
    const run = () =>
      expectForAll("fails", [fc.integer({ min: 0, max: 1000 })], (n) =>
        check(n < 37, { called: `f(${n})`, got: String(n), expected: "below 37" }),
      );
    expect(run).toThrow(CheckError);
    expect(run).toThrow(
      /Called: {3}f\(37\)\nGot: {6}37\nExpected: below 37\nShrunk: {3}the smallest failing input/,
    );
  });

  it("passes a stub's TODO through at once, without shrinking", () => {
    let calls = 0;
    const run = () =>
      expectForAll("todo", [finite(0, 1)], () => {
        calls++;
        throw new Error("TODO: implement f");
      });
    expect(run).toThrow(/^TODO: implement f$/);
    expect(run).not.toThrow(CheckError);
    expect(calls).toBe(2);
  });

  it("draws the same inputs under the same seed and name", () => {
    const draw = () => {
      const seen: number[] = [];
      expectForAll("same", [finite(0, 1)], (x) => void seen.push(x), { numRuns: 5 });
      return seen;
    };
    expect(draw()).toEqual(draw());
  });
});
