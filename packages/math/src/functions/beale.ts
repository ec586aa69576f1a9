import type { Vector } from "../types.ts";
import { assertDimension, type TestFunction } from "./test-function.ts";

/** The constants of Beale's three terms `cᵢ − x + x·yⁱ`. */
const C = [1.5, 2.25, 2.625] as const;

const at = (x: Vector): [number, number] => {
  assertDimension("beale", x, 2);
  return [x[0] as number, x[1] as number];
};

/**
 * Beale's function `f(x, y) = Σᵢ₌₁³ (cᵢ − x + x yⁱ)²` with c = (1.5, 2.25, 2.625): flat plateaus and
 * sharp ridges. Minimum 0 at (3, 0.5); start (1, 1). Derivatives come from the terms
 * `tᵢ = cᵢ − x + x yⁱ`: ∇f = Σ 2tᵢ∇tᵢ and ∇²f = Σ 2(∇tᵢ∇tᵢᵀ + tᵢ∇²tᵢ).
 *
 * @example
 * beale.f([3, 0.5]); // 0
 */
export const beale: TestFunction = {
  name: "beale",
  dimension: 2,
  f: (p) => {
    const [x, y] = at(p);
    return C.reduce((s, c, k) => s + (c - x + x * y ** (k + 1)) ** 2, 0);
  },
  gradient: (p) => {
    const [x, y] = at(p);
    const g = [0, 0];
    C.forEach((c, k) => {
      const i = k + 1;
      const t = c - x + x * y ** i;
      g[0] = (g[0] as number) + 2 * t * (y ** i - 1);
      g[1] = (g[1] as number) + 2 * t * i * x * y ** (i - 1);
    });
    return g;
  },
  hessian: (p) => {
    const [x, y] = at(p);
    let hxx = 0;
    let hxy = 0;
    let hyy = 0;
    C.forEach((c, k) => {
      const i = k + 1;
      const t = c - x + x * y ** i;
      const tx = y ** i - 1;
      const ty = i * x * y ** (i - 1);
      hxx += 2 * tx * tx;
      hxy += 2 * (tx * ty + t * i * y ** (i - 1));
      hyy += 2 * (ty * ty + t * i * (i - 1) * x * (i >= 2 ? y ** (i - 2) : 0));
    });
    return [
      [hxx, hxy],
      [hxy, hyy],
    ];
  },
  minima: [[3, 0.5]],
  minimumValue: 0,
  start: [1, 1],
};
