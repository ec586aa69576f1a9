/** Known bug: the activation is applied to the output layer too (output = act(Z2)), which should be linear. */
import type { Matrix } from "@calcml/math";
import {
  type Activation,
  forward as correct,
  type ReadonlyMLPParams,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "forward", feedback: /output layer is linear/ };

const act: Record<Activation, (z: number) => number> = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  relu: (z) => Math.max(z, 0),
};

export function forward(params: ReadonlyMLPParams, X: Matrix, activation: Activation) {
  const cache = correct(params, X, activation);
  const Z2 = cache.Z2.map((row) => row.map(act[activation]));
  return { ...cache, Z2, output: Z2.map((row) => [...row]) };
}
