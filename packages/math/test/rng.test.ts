import { describe, expect, it } from "vitest";
import { createRng } from "../src/index.ts";

describe("createRng", () => {
  it("gives the same stream for the same seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    const draw = (r: ReturnType<typeof createRng>) => [r.uniform(), r.normal(), r.int(10), r.uniform()];
    expect(draw(a)).toEqual(draw(b));
  });

  it("gives different streams for nearby seeds", () => {
    expect(createRng(0).uniform()).not.toBe(createRng(1).uniform());
    expect(createRng(2 ** 40).uniform()).not.toBe(createRng(0).uniform());
  });

  it("pins the first values of seed 42 (same on every machine)", () => {
    const r = createRng(42);
    expect([r.uniform(), r.uniform(), r.int(1000), r.normal()]).toEqual([
      0.4562558052254867, 0.5743777227769976, 208, 0.7534167464482421,
    ]);
  });

  it("keeps uniform in [0, 1) with mean ≈ 1/2", () => {
    const r = createRng(1);
    const us = Array.from({ length: 20000 }, () => r.uniform());
    expect(us.every((u) => u >= 0 && u < 1)).toBe(true);
    const s = us.reduce((a, b) => a + b, 0);
    // oracle: mean 1/2, standard error 1/sqrt(12·20000) ≈ 0.002; tolerance 5 standard errors
    expect(Math.abs(s / 20000 - 0.5)).toBeLessThan(0.01);
  });

  it("draws normals with the requested mean and standard deviation", () => {
    const r = createRng(2);
    const xs = Array.from({ length: 20000 }, () => r.normal(3, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    // standard errors: 2/sqrt(20000) ≈ 0.014 for the mean, ≈ 0.01 for sd; tolerance ≈ 5 of them
    expect(Math.abs(mean - 3)).toBeLessThan(0.07);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });

  it("draws every integer in [0, n) about equally often", () => {
    const r = createRng(3);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 7000; i++) counts[r.int(7)]! += 1;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });

  it("rejects a non-integer seed and a bad n", () => {
    expect(() => createRng(0.5)).toThrow(RangeError);
    expect(() => createRng(1).int(0)).toThrow(/int: n must be/);
    expect(() => createRng(1).sample([1, 2], 3)).toThrow(RangeError);
  });

  it("shuffles into a new array holding the same elements", () => {
    const xs = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const s = createRng(4).shuffle(xs);
    expect(s).not.toBe(xs);
    expect([...s].sort()).toEqual([...xs]);
    expect(createRng(4).shuffle(xs)).toEqual(s);
  });

  it("samples k distinct elements", () => {
    const s = createRng(5).sample([..."abcdefgh"], 4);
    expect(s).toHaveLength(4);
    expect(new Set(s).size).toBe(4);
  });

  it("fills vectors of the requested length and range", () => {
    const r = createRng(6);
    expect(r.normalVector(5)).toHaveLength(5);
    const u = r.uniformVector(100, -2, 3);
    expect(u.every((v) => v >= -2 && v < 3)).toBe(true);
  });
});
