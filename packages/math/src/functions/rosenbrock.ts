import type { Vector } from "../types.ts";
import { assertDimension, type TestFunction } from "./test-function.ts";

const at = (x: Vector): [number, number] => {
  assertDimension("rosenbrock", x, 2);
  return [x[0] as number, x[1] as number];
};

/**
 * Rosenbrock's banana, `f(x, y) = (1 − x)² + 100 (y − x²)²` (a = 1, b = 100): a curved, narrow
 * valley that gradient descent crawls along. Minimum 0 at (1, 1); the classic start is (−1.2, 1).
 *
 * @example
 * rosenbrock.f([1, 1]); // 0
 * rosenbrock.gradient([-1.2, 1]); // [-215.6, -88]
 */
export const rosenbrock: TestFunction = {
  name: "rosenbrock",
  dimension: 2,
  f: (p) => {
    const [x, y] = at(p);
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  },
  gradient: (p) => {
    const [x, y] = at(p);
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
  },
  hessian: (p) => {
    const [x, y] = at(p);
    return [
      [2 - 400 * y + 1200 * x * x, -400 * x],
      [-400 * x, 200],
    ];
  },
  minima: [[1, 1]],
  minimumValue: 0,
  start: [-1.2, 1],
};
