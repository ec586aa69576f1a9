import type { Vector } from "../types.ts";
import { assertDimension, type TestFunction } from "./test-function.ts";

const at = (x: Vector): [number, number] => {
  assertDimension("saddle", x, 2);
  return [x[0] as number, x[1] as number];
};

/**
 * The saddle `f(x, y) = x² − y²`: a critical point at the origin that is neither a minimum nor a
 * maximum (Hessian eigenvalues −2 and 2), and no minimum at all (`minima` is empty, `minimumValue`
 * is −∞). The start (1, 1e-3) sits near the stable manifold, so descent first approaches the saddle and
 * then escapes along y.
 *
 * @example
 * saddle.hessian([0, 0]); // [[2, 0], [0, -2]]
 */
export const saddle: TestFunction = {
  name: "saddle",
  dimension: 2,
  f: (p) => {
    const [x, y] = at(p);
    return x * x - y * y;
  },
  gradient: (p) => {
    const [x, y] = at(p);
    return [2 * x, -2 * y];
  },
  hessian: (p) => {
    at(p);
    return [
      [2, 0],
      [0, -2],
    ];
  },
  minima: [],
  minimumValue: Number.NEGATIVE_INFINITY,
  start: [1, 1e-3],
};
