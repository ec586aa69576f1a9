import { describe, expect, it } from "vitest";
import { hessiancheck, type Vector } from "../src/index.ts";

const rosen = (p: Vector) => (1 - p[0]!) ** 2 + 100 * (p[1]! - p[0]! ** 2) ** 2;
const rosenGrad = (p: Vector) => [
  -2 * (1 - p[0]!) - 400 * p[0]! * (p[1]! - p[0]! ** 2),
  200 * (p[1]! - p[0]! ** 2),
];
const rosenHess = (p: Vector) => [
  [2 - 400 * (p[1]! - 3 * p[0]! ** 2), -400 * p[0]!],
  [-400 * p[0]!, 200],
];

describe("hessiancheck", () => {
  it("passes Rosenbrock's Hessian from differences of f alone", () => {
    const r = hessiancheck(rosen, rosenHess, [-1.2, 1]);
    expect(r).toMatchObject({ ok: true, rtol: 1e-3, h: 1e-4 });
    expect(r.evaluations).toBe(2 * 2 * 2 * 2); // 2 columns × 2 gradients × 2n calls of f
  });

  it("passes Rosenbrock's Hessian from differences of the gradient", () => {
    const r = hessiancheck(rosen, rosenHess, [-1.2, 1], { gradient: rosenGrad });
    expect(r.ok).toBe(true);
    expect(r.evaluations).toBe(4);
  });

  it("fails a wrong entry and labels it", () => {
    const wrong = (p: Vector) => {
      const H = rosenHess(p);
      H[1]![1] = 100;
      return H;
    };
    const r = hessiancheck(rosen, wrong, [-1.2, 1], { gradient: rosenGrad });
    expect(r.ok).toBe(false);
    expect(r.worst[0]!.label).toBe("[1][1]");
    expect(r.hint).toMatch(/extra ½/);
  });

  it("rejects a Hessian of the wrong shape", () => {
    expect(hessiancheck(rosen, [[1, 2]], [0, 0]).reason).toBe("shape");
  });
});
