import type { Vector } from "../types.ts";
import { assertDimension, type TestFunction } from "./test-function.ts";

const at = (x: Vector): [number, number] => {
  assertDimension("booth", x, 2);
  return [x[0] as number, x[1] as number];
};

/**
 * Booth's function `f(x, y) = (x + 2y − 7)² + (2x + y − 5)²`: a convex quadratic with Hessian
 * [[10, 8], [8, 10]] (eigenvalues 2 and 18, condition 9). Minimum 0 at (1, 3); start (0, 0).
 *
 * @example
 * booth.gradient([1, 3]); // [0, 0]
 */
export const booth: TestFunction = {
  name: "booth",
  dimension: 2,
  f: (p) => {
    const [x, y] = at(p);
    return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2;
  },
  gradient: (p) => {
    const [x, y] = at(p);
    return [10 * x + 8 * y - 34, 8 * x + 10 * y - 38];
  },
  hessian: (p) => {
    at(p);
    return [
      [10, 8],
      [8, 10],
    ];
  },
  minima: [[1, 3]],
  minimumValue: 0,
  start: [0, 0],
};
