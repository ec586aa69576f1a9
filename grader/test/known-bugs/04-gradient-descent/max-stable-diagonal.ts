/** Known bug: λmax read off the diagonal of H (right only for a diagonal Hessian). */
import type { Matrix } from "@calcml/math";
import { maxStableLearningRate as reference } from "../../../../solutions/04-gradient-descent/gradient-descent.ts";

export * from "../../../../solutions/04-gradient-descent/gradient-descent.ts";
export const knownBug = { task: "max-stable-learning-rate", feedback: /diagonal entry/ };

export function maxStableLearningRate(hessian: Matrix): number {
  // The reference checks the input; the bug is only in the value returned.
  reference(hessian);
  return 2 / Math.max(...hessian.map((row, i) => row[i]!));
}
