/** Known bug: the largest stable learning rate given as 1/λmax (the one-step rate) instead of 2/λmax. */
import type { Matrix } from "@calcml/math";
import { maxStableLearningRate as reference } from "../../../../solutions/04-gradient-descent/gradient-descent.ts";

export * from "../../../../solutions/04-gradient-descent/gradient-descent.ts";
export const knownBug = { task: "max-stable-learning-rate", feedback: /1\/λmax/ };

export function maxStableLearningRate(hessian: Matrix): number {
  // The reference checks the input; the bug is only in the value returned (2/λmax halved).
  return reference(hessian) / 2;
}
