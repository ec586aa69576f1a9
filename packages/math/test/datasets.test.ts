import { describe, expect, it } from "vitest";
import { blobs, createRng, linearData, solve, twoMoons, xorData } from "../src/index.ts";

describe("linearData", () => {
  it("is reproducible from a seed or an Rng", () => {
    expect(linearData(3)).toEqual(linearData(createRng(3)));
    expect(linearData(3)).not.toEqual(linearData(4));
  });
  it("lets least squares recover the weights and bias", () => {
    const { X, y } = linearData(5, { n: 400, weights: [1, -2, 3], bias: 0.5, noise: 0.1 });
    const A = X.map((row) => [...row, 1]);
    const AtA = A[0]!.map((_, i) => A[0]!.map((_, j) => A.reduce((s, r) => s + r[i]! * r[j]!, 0)));
    const Aty = A[0]!.map((_, i) => A.reduce((s, r, k) => s + r[i]! * y[k]!, 0));
    const w = solve(AtA, Aty);
    // standard error ≈ noise/√n = 0.005; tolerance 0.03 is 6 of them
    for (const [i, t] of [1, -2, 3, 0.5].entries()) expect(Math.abs(w[i]! - t)).toBeLessThan(0.03);
  });
  it("rejects a bad n", () => expect(() => linearData(1, { n: 0 })).toThrow(/linearData: n must be/));
});

describe("blobs", () => {
  it("is separable by x + y = 0 with the defaults", () => {
    for (const seed of [0, 1, 2, 3]) {
      const { X, y } = blobs(seed);
      expect(X).toHaveLength(100);
      for (const [i, x] of X.entries()) expect(x[0]! + x[1]! > 0 ? 1 : 0).toBe(y[i]);
    }
  });
});

describe("xorData", () => {
  it("labels each corner with x₀ XOR x₁", () => {
    const { X, y } = xorData(0, { n: 4, noise: 0 });
    expect(X).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(y).toEqual([0, 1, 1, 0]);
  });
});

describe("twoMoons", () => {
  it("puts ⌈n/2⌉ points on the upper moon, label 0", () => {
    const { X, y } = twoMoons(0, { n: 7, noise: 0 });
    expect(y).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(X[0]![0]).toBeCloseTo(1, 12); // absolute: t = 0 on the unit circle
    for (const [a, b] of X.slice(0, 4)) expect(Math.abs(Math.hypot(a!, b!) - 1)).toBeLessThan(1e-12);
  });
});
