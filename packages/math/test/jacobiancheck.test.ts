import { describe, expect, it } from "vitest";
import { createRng, jacobiancheck, type Vector } from "../src/index.ts";

const softmax = (z: Vector): number[] => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};
const softmaxJacobian = (z: Vector): number[][] => {
  const s = softmax(z);
  return s.map((si, i) => s.map((sj, j) => (i === j ? si : 0) - si * sj));
};

describe("jacobiancheck", () => {
  it("passes the softmax Jacobian diag(s) − s·sᵀ", () => {
    const r = jacobiancheck(softmax, softmaxJacobian, [0.5, -1, 2, 0]);
    expect(r).toMatchObject({
      ok: true,
      reason: "ok",
      mode: "full",
      checkedComponents: 16,
      expectedShape: [4, 4],
    });
    expect(r.evaluations).toBe(1 + 2 * 4);
  });

  it("catches an error that the sum of the outputs would hide", () => {
    // softmax outputs sum to 1, so ∂(Σ out)/∂z = 0 whatever the Jacobian: sum-based checks see nothing
    const wrong = (z: Vector) => softmaxJacobian(z).map((row) => row.map((v) => 2 * v));
    const r = jacobiancheck(softmax, wrong, [0.5, -1, 2, 0]);
    expect(r.ok).toBe(false);
    expect(r.hint).toMatch(/missing ½/);
  });

  it("labels entries [row][col] and names a transposed square Jacobian", () => {
    const F = (p: Vector) => [p[0]! + 2 * p[1]!, 3 * p[0]! + 4 * p[1]!];
    const r = jacobiancheck(
      F,
      [
        [1, 3],
        [2, 4],
      ],
      [0, 0],
    );
    expect(r.failingIndices).toEqual([1, 2]);
    expect(r.worst.map((c) => c.label).sort()).toEqual(["[0][1]", "[1][0]"]);
    expect(r.hint).toMatch(/^transposed/);
  });

  it("reports a transposed non-square Jacobian as a shape error with a hint", () => {
    const F = (p: Vector) => [p[0]! + p[1]! + p[2]!];
    const r = jacobiancheck(F, [[1], [1], [1]], [0, 0, 0]);
    expect(r).toMatchObject({ reason: "shape", expectedShape: [1, 3], actualShape: [3, 1] });
    expect(r.hint).toMatch(/transposed/);
  });

  it("reports ragged rows", () => {
    const r = jacobiancheck((p) => [p[0]!, p[1]!], [[1, 0], [0]], [0, 0]);
    expect(r.reason).toBe("shape");
    expect(r.hint).toMatch(/row 1 has 1 entries/);
  });

  it("checks sampled columns and projected directions for many inputs", () => {
    const n = 300;
    const W = Array.from({ length: 4 }, (_, i) => createRng(i).normalVector(n));
    const F = (x: Vector) => W.map((w) => Math.tanh(w.reduce((s, v, j) => s + v * x[j]!, 0) / 10));
    const J = (x: Vector) =>
      W.map((w) => {
        const z = w.reduce((s, v, j) => s + v * x[j]!, 0) / 10;
        const d = 1 - Math.tanh(z) ** 2;
        return w.map((v) => (d * v) / 10);
      });
    const x = createRng(7).normalVector(n, 0.5);
    const r = jacobiancheck(F, J, x);
    expect(r).toMatchObject({ ok: true, mode: "sampled", checkedComponents: 40 });
    expect(r.directional).toHaveLength(3);
  });
});
