/** Known bug: ∂L/∂W1 computed as dZ1ᵀ·X (hidden × inputs) instead of Xᵀ·dZ1 (inputs × hidden). */
import type { Matrix } from "@calcml/math";
import {
  type Activation,
  backward as correct,
  type ReadonlyForwardCache,
  type ReadonlyMLPParams,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "backward", feedback: /grads\.W1 looks transposed/ };

export function backward(
  params: ReadonlyMLPParams,
  cache: ReadonlyForwardCache,
  X: Matrix,
  Y: Matrix,
  activation: Activation,
) {
  const { loss, grads } = correct(params, cache, X, Y, activation);
  const W1 = grads.W1[0]!.map((_, j) => grads.W1.map((row) => row[j]!));
  return { loss, grads: { ...grads, W1 } };
}
