/** Known bug: dZ2 = (2/n)(Y − output): every gradient points uphill. */
import type { Matrix } from "@calcml/math";
import {
  type Activation,
  backward as correct,
  type ReadonlyForwardCache,
  type ReadonlyMLPParams,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "backward", feedback: /sign error/ };

export function backward(
  params: ReadonlyMLPParams,
  cache: ReadonlyForwardCache,
  X: Matrix,
  Y: Matrix,
  activation: Activation,
) {
  const { loss, grads } = correct(params, cache, X, Y, activation);
  const neg = (m: number[][]) => m.map((row) => row.map((g) => -g));
  return {
    loss,
    grads: { W1: neg(grads.W1), b1: grads.b1.map((g) => -g), W2: neg(grads.W2), b2: grads.b2.map((g) => -g) },
  };
}
