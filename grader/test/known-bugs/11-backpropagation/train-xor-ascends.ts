/** Known bug: trainXor adds learningRate · gradient, climbing the loss instead of descending it. */
import { createRng } from "@calcml/math";
import {
  type Activation,
  backward,
  forward,
  initMLP,
  type MLPParams,
  XOR_INPUTS,
  XOR_TARGETS,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "train-xor", feedback: /loss grew/ };

export function trainXor(options: {
  hidden: number;
  activation: Activation;
  learningRate: number;
  epochs: number;
  seed: number;
}): { params: MLPParams; lossHistory: number[] } {
  const { hidden, activation, learningRate, epochs, seed } = options;
  let params = initMLP(2, hidden, 1, createRng(seed));
  const lossHistory: number[] = [];
  const up = (p: number, g: number) => p + learningRate * g;
  for (let e = 0; e < epochs; e++) {
    const { loss, grads } = backward(
      params,
      forward(params, XOR_INPUTS, activation),
      XOR_INPUTS,
      XOR_TARGETS,
      activation,
    );
    lossHistory.push(loss);
    params = {
      W1: params.W1.map((row, i) => row.map((w, j) => up(w, grads.W1[i]![j]!))),
      b1: params.b1.map((b, j) => up(b, grads.b1[j]!)),
      W2: params.W2.map((row, i) => row.map((w, k) => up(w, grads.W2[i]![k]!))),
      b2: params.b2.map((b, k) => up(b, grads.b2[k]!)),
    };
  }
  return { params, lossHistory };
}
