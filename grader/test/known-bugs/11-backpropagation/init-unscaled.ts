/** Known bug: every weight is drawn from N(0, 1), whatever the fan-in. */
import type { Rng } from "@calcml/math";
import {
  initMLP as correct,
  type MLPParams,
} from "../../../../solutions/11-backpropagation/backpropagation.ts";

export * from "../../../../solutions/11-backpropagation/backpropagation.ts";
export const knownBug = { task: "init-mlp", feedback: /not scaled/ };

export function initMLP(inputs: number, hidden: number, outputs: number, rng: Rng): MLPParams {
  const p = correct(inputs, hidden, outputs, rng);
  return {
    ...p,
    W1: p.W1.map((row) => row.map((w) => w * Math.sqrt(inputs))),
    W2: p.W2.map((row) => row.map((w) => w * Math.sqrt(hidden))),
  };
}
