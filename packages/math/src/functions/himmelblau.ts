import type { Vector } from "../types.ts";
import { assertDimension, type TestFunction } from "./test-function.ts";

const at = (x: Vector): [number, number] => {
  assertDimension("himmelblau", x, 2);
  return [x[0] as number, x[1] as number];
};

/**
 * Himmelblau's function `f(x, y) = (x² + y − 11)² + (x + y² − 7)²`: four global minima (value 0),
 * so where descent ends depends on where it starts. Start (0, 0) leads to (3, 2) under small steps.
 * The three irrational minima are given to 15 digits (Newton-polished; gradient ≤ 1e-13 there).
 *
 * @example
 * himmelblau.f([3, 2]); // 0
 */
export const himmelblau: TestFunction = {
  name: "himmelblau",
  dimension: 2,
  f: (p) => {
    const [x, y] = at(p);
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
  },
  gradient: (p) => {
    const [x, y] = at(p);
    const u = x * x + y - 11;
    const w = x + y * y - 7;
    return [4 * x * u + 2 * w, 2 * u + 4 * y * w];
  },
  hessian: (p) => {
    const [x, y] = at(p);
    const u = x * x + y - 11;
    const w = x + y * y - 7;
    return [
      [4 * u + 8 * x * x + 2, 4 * x + 4 * y],
      [4 * x + 4 * y, 2 + 4 * w + 8 * y * y],
    ];
  },
  minima: [
    [3, 2],
    [-2.805118086952745, 3.131312518250573],
    [-3.779310253377747, -3.28318599128617],
    [3.5844283403304917, -1.8481265269644036],
  ],
  minimumValue: 0,
  start: [0, 0],
};
