import type { Vector } from "../types.ts";

/**
 * The step `t` and the points `x ± t·v` for a directional difference along `v`. The step is chosen so
 * the largest coordinate moves by `h · max(1, ‖x‖∞)`: scaling `v` then changes nothing but the
 * result's scale. Returns `t = 0` for a zero direction. (Internal helper of `jvpByDifferences` and the
 * random-direction checks.)
 *
 * @example
 * directionStep([0, 0], [2, 0], 1e-5); // { t: 5e-6, plus: [1e-5, 0], minus: [-1e-5, 0] }
 */
export function directionStep(
  x: Vector,
  v: Vector,
  h: number,
): { t: number; plus: number[]; minus: number[] } {
  let vmax = 0;
  let xmax = 0;
  for (const vi of v) vmax = Math.max(vmax, Math.abs(vi));
  for (const xi of x) xmax = Math.max(xmax, Math.abs(xi));
  if (vmax === 0) return { t: 0, plus: x.slice(), minus: x.slice() };
  const t = (h * Math.max(1, xmax)) / vmax;
  return {
    t,
    plus: x.map((xi, i) => xi + t * (v[i] as number)),
    minus: x.map((xi, i) => xi - t * (v[i] as number)),
  };
}
