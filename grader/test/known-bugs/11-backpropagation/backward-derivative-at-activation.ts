/** Known bug: the hidden layer's derivative is act'(A1) (taken at the activation) instead of act'(Z1). */
import type { Matrix } from "@calcml/math";
import {
  type Activation,
  backward as correct,
  type ReadonlyForwardCache,
  type ReadonlyMLPParams,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "backward", feedback: /taken at the activation A1/ };

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const derivative: Record<Activation, (z: number) => number> = {
  sigmoid: (z) => sigmoid(z) * (1 - sigmoid(z)),
  tanh: (z) => 1 - Math.tanh(z) ** 2,
  relu: (z) => (z > 0 ? 1 : 0),
};

export function backward(
  params: ReadonlyMLPParams,
  cache: ReadonlyForwardCache,
  X: Matrix,
  Y: Matrix,
  activation: Activation,
) {
  const { loss, grads } = correct(params, cache, X, Y, activation);
  const n = X.length;
  const dZ2 = cache.output.map((row, i) => row.map((o, k) => (2 / n) * (o - Y[i]![k]!)));
  const dZ1 = cache.A1.map((row, i) =>
    row.map((a, j) => dZ2[i]!.reduce((s, d, k) => s + d * params.W2[j]![k]!, 0) * derivative[activation](a)),
  );
  const W1 = params.W1.map((row, k) =>
    row.map((_, j) => dZ1.reduce((s, dz, i) => s + X[i]![k]! * dz[j]!, 0)),
  );
  const b1 = params.b1.map((_, j) => dZ1.reduce((s, dz) => s + dz[j]!, 0));
  return { loss, grads: { ...grads, W1, b1 } };
}
