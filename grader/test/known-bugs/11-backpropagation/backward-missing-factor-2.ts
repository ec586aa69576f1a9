/** Known bug: dZ2 = (output − Y)/n, as if the loss had a ½: every gradient is half the true one. */
import type { Matrix } from "@calcml/math";
import {
  type Activation,
  backward as correct,
  type ReadonlyForwardCache,
  type ReadonlyMLPParams,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "backward", feedback: /extra ½/ };

export function backward(
  params: ReadonlyMLPParams,
  cache: ReadonlyForwardCache,
  X: Matrix,
  Y: Matrix,
  activation: Activation,
) {
  const { loss, grads } = correct(params, cache, X, Y, activation);
  const half = (m: number[][]) => m.map((row) => row.map((g) => g / 2));
  return {
    loss,
    grads: {
      W1: half(grads.W1),
      b1: grads.b1.map((g) => g / 2),
      W2: half(grads.W2),
      b2: grads.b2.map((g) => g / 2),
    },
  };
}
