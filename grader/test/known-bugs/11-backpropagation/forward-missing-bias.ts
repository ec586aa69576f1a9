/** Known bug: the hidden layer's bias b1 is never added (Z1 = X·W1). */
import type { Matrix } from "@calcml/math";
import {
  type Activation,
  forward as correct,
  type ReadonlyMLPParams,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "forward", feedback: /b1 is missing/ };

export function forward(params: ReadonlyMLPParams, X: Matrix, activation: Activation) {
  return correct({ ...params, b1: params.b1.map(() => 0) }, X, activation);
}
