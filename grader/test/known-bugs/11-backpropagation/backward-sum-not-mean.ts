/** Known bug: the loss and its gradients sum over the examples instead of averaging. */
import type { Matrix } from "@calcml/math";
import {
  type Activation,
  backward as correct,
  type ReadonlyForwardCache,
  type ReadonlyMLPParams,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "backward", feedback: /too large.*mean over the examples/ };

export function backward(
  params: ReadonlyMLPParams,
  cache: ReadonlyForwardCache,
  X: Matrix,
  Y: Matrix,
  activation: Activation,
) {
  const n = X.length;
  const { loss, grads } = correct(params, cache, X, Y, activation);
  const times = (m: number[][]) => m.map((row) => row.map((g) => g * n));
  return {
    loss: loss * n,
    grads: {
      W1: times(grads.W1),
      b1: grads.b1.map((g) => g * n),
      W2: times(grads.W2),
      b2: grads.b2.map((g) => g * n),
    },
  };
}
