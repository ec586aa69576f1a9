import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, gradcheck, type Vector } from "../src/index.ts";
import { frozen } from "./helpers.ts";

/** A random polynomial Σ c·Π xᵢ^pᵢ with its exact gradient: the oracle. */
interface Poly {
  terms: { c: number; powers: number[] }[];
}
const polyArb = (n: number): fc.Arbitrary<Poly> =>
  fc.record({
    terms: fc.array(
      fc.record({
        c: fc.double({ min: -3, max: 3, noNaN: true }),
        powers: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  });
const evalPoly = (p: Poly) => (x: Vector) =>
  p.terms.reduce((s, t) => s + t.c * t.powers.reduce((q, k, i) => q * x[i]! ** k, 1), 0);
const gradPoly = (p: Poly) => (x: Vector) =>
  x.map((_, j) =>
    p.terms.reduce((s, t) => {
      const k = t.powers[j]!;
      if (k === 0) return s;
      return s + t.c * k * t.powers.reduce((q, e, i) => q * (i === j ? x[i]! ** (k - 1) : x[i]! ** e), 1);
    }, 0),
  );
const pointArb = (n: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0.5, 3))
    .map(([seed, std]) => createRng(seed).normalVector(n, std));

describe("gradcheck", () => {
  it("passes the analytic gradient of random polynomials at typical and large points (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(polyArb(n), pointArb(n))),
        ([p, x]) => {
          const r = gradcheck(evalPoly(p), gradPoly(p), x);
          expect(r.ok, `${r.reason} ${JSON.stringify(r.worst)}`).toBe(true);
          expect(r.evaluations).toBe(2 * x.length);
        },
      ),
    );
  });

  it("fails when the largest component is perturbed by 1 % (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(polyArb(n), pointArb(n))),
        ([p, x]) => {
          const g = gradPoly(p)(x);
          const j = g.reduce((best, v, i) => (Math.abs(v) > Math.abs(g[best]!) ? i : best), 0);
          fc.pre(Math.abs(g[j]!) > 1e-3);
          g[j] = g[j]! * 1.01;
          const r = gradcheck(evalPoly(p), g, x);
          expect(r.ok).toBe(false);
          expect(r.reason).toBe("mismatch");
          expect(r.failingIndices).toEqual([j]);
          expect(r.worst[0]!.index).toBe(j);
        },
      ),
    );
  });

  it("reports the shape when the gradient has the wrong length", () => {
    const r = gradcheck((x) => x[0]! + x[1]!, [1], [0, 0]);
    expect(r).toMatchObject({ ok: false, reason: "shape", expectedShape: [2], actualShape: [1] });
    expect(r.hint).toMatch(/1 entries but f takes 2 inputs/);
  });

  it("reports non-finite entries", () => {
    const r = gradcheck((x) => x[0]!, [Number.NaN], [1]);
    expect(r).toMatchObject({ ok: false, reason: "non-finite" });
    expect(r.hint).toMatch(/NaN at \[0\]/);
    expect(gradcheck((x) => Math.log(x[0]!), [1], [0]).reason).toBe("non-finite");
  });

  it("accepts a subgradient at a kink and records it", () => {
    const relu = (x: Vector) => x.reduce((s, v) => s + Math.max(0, v), 0);
    const r = gradcheck(relu, [0, 1, 0], [0, 2, -1]);
    expect(r.ok).toBe(true);
    expect(r.kinkComponents).toEqual([0]);
    expect(r.hint).toMatch(/kink/);
    expect(gradcheck(relu, [0, 1, 0], [0, 2, -1], { kinks: false }).ok).toBe(false);
  });

  it("still fails a value outside the one-sided slopes at a kink", () => {
    const r = gradcheck((x) => Math.abs(x[0]!), [2], [0]);
    expect(r.ok).toBe(false);
  });

  it("labels components by the given shape", () => {
    const f = (x: Vector) => x.reduce((s, v, i) => s + (i + 1) * v * v, 0);
    const x = [0, 1, 1, 1, 1, 1];
    const g = [0, 4, 6, 8, 10, 0]; // exact: 2(i+1)xᵢ, with the last entry (12) dropped
    const r = gradcheck(f, g, x, { shape: [2, 3] });
    expect(r.failingIndices).toEqual([5]);
    expect(r.worst[0]!.label).toBe("[1][2]");
  });

  it("samples 10 coordinates and 3 random directions above fullCheckLimit", () => {
    const n = 1000;
    const f = (x: Vector) => x.reduce((s, v, i) => s + Math.sin(v) * (1 + (i % 3)), 0);
    const g = (x: Vector) => x.map((v, i) => Math.cos(v) * (1 + (i % 3)));
    const x = createRng(1).normalVector(n);
    const r = gradcheck(f, g, x, { seed: 9 });
    expect(r).toMatchObject({ ok: true, mode: "sampled", checkedComponents: 10 });
    expect(r.directional).toHaveLength(3);
    expect(r.evaluations).toBe(2 * 10 + 2 * 3);
    expect(gradcheck(f, g, x, { seed: 9 }).worst).toEqual(r.worst); // replayable
  });

  it("catches an error outside the sampled coordinates through the random directions", () => {
    const n = 500;
    const f = (x: Vector) => x.reduce((s, v) => s + v * v, 0);
    const x = createRng(2).normalVector(n);
    const wrong = x.map((v) => 2 * v * 1.05); // every component 5 % off
    const r = gradcheck(f, wrong, x);
    expect(r.ok).toBe(false);
    expect(r.directional.some((d) => !d.ok)).toBe(true);
  });

  it("does not mutate its inputs and passes f a copy", () => {
    const x = frozen([1, 2]);
    const r = gradcheck((p) => p[0]! * p[1]!, frozen([2, 1]), x);
    expect(r.ok).toBe(true);
    expect(r.point).not.toBe(x);
  });

  it("rejects a non-finite point and bad options as the caller's bug", () => {
    expect(() => gradcheck((x) => x[0]!, [1], [Number.NaN])).toThrow(RangeError);
    expect(() => gradcheck((x) => x[0]!, [1], [1], { h: 0 })).toThrow(/h must be/);
    expect(() => gradcheck((x) => x[0]!, [1], [1], { shape: [2] })).toThrow(/shape/);
  });

  it("scales atol by max(1, ‖n‖∞)", () => {
    const r = gradcheck((x) => 1e4 * x[0]! + x[1]!, [1e4, 1], [0, 0]);
    expect(r.atol).toBeCloseTo(1e-2, 10); // absolute: 1e-6 · 1e4
  });
});

describe("gradcheck hints", () => {
  it("recognises mean vs sum when given the batch size", () => {
    const data = [1, 2, 3, 4, 5, 6, 7, 8];
    const mean = (w: Vector) => data.reduce((s, d) => s + (w[0]! * d - 1) ** 2, 0) / data.length;
    const summed = (w: Vector) => [data.reduce((s, d) => s + 2 * d * (w[0]! * d - 1), 0)];
    const r = gradcheck(mean, summed, [0.7], { batchSize: 8 });
    expect(r.hint).toMatch(/^mean vs sum.*8×/);
  });
});
