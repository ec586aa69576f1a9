/** Known bug: the textbook (tr ± √(tr² − 4·det)) / 2, whose discriminant can round to a negative number. */
import type { Matrix } from "@calcml/math";

export * from "../../../../solutions/06-hessians-and-convexity/hessians-and-convexity.ts";
export const knownBug = { task: "eigenvalues-2x2", feedback: /sum of squares/i };

export function eigenvaluesSymmetric2x2(H: Matrix): [number, number] {
  if (H.length !== 2 || H.some((row) => row.length !== 2))
    throw new RangeError("eigenvaluesSymmetric2x2: not 2×2");
  const [[a, b], [c, d]] = H as [[number, number], [number, number]];
  if (Math.abs(b - c) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d))) {
    throw new RangeError("eigenvaluesSymmetric2x2: H is not symmetric");
  }
  const trace = a + d;
  const root = Math.sqrt(trace * trace - 4 * (a * d - b * c));
  return [(trace - root) / 2, (trace + root) / 2];
}
