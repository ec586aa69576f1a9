/** Known bug: the bias gradients average dZ over the examples instead of summing it (1/n twice). */
import type { Matrix } from "@calcml/math";
import {
  type Activation,
  backward as correct,
  type ReadonlyForwardCache,
  type ReadonlyMLPParams,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "backward", feedback: /bias gradient/ };

export function backward(
  params: ReadonlyMLPParams,
  cache: ReadonlyForwardCache,
  X: Matrix,
  Y: Matrix,
  activation: Activation,
) {
  const n = X.length;
  const { loss, grads } = correct(params, cache, X, Y, activation);
  return { loss, grads: { ...grads, b1: grads.b1.map((g) => g / n), b2: grads.b2.map((g) => g / n) } };
}
