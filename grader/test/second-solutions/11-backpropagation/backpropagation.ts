/**
 * Second solution of lesson 11, written from the README and the stub only: it must earn full marks.
 * Matrix products from `@calcml/math` (the README allows `matmul` and `transpose`), He-style spread
 * √(2/fan_in) (inside the accepted band), and the loss recorded after each update (accepted too).
 */
import { createRng, type Matrix, matmul, type Rng, transpose, type Vector } from "@calcml/math";

export type Activation = "sigmoid" | "tanh" | "relu";
export type MLPParams = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
export type ReadonlyMLPParams = {
  readonly W1: Matrix;
  readonly b1: Vector;
  readonly W2: Matrix;
  readonly b2: Vector;
};
export type ForwardCache = { Z1: number[][]; A1: number[][]; Z2: number[][]; output: number[][] };
export type ReadonlyForwardCache = {
  readonly Z1: Matrix;
  readonly A1: Matrix;
  readonly Z2: Matrix;
  readonly output: Matrix;
};

function size(name: string, v: number): void {
  if (!(Number.isInteger(v) && v > 0))
    throw new RangeError(`initMLP: ${name} must be a positive integer (got ${v})`);
}

export function initMLP(inputs: number, hidden: number, outputs: number, rng: Rng): MLPParams {
  size("inputs", inputs);
  size("hidden", hidden);
  size("outputs", outputs);
  const layer = (fanIn: number, fanOut: number) => {
    const std = Math.sqrt(2 / fanIn);
    return Array.from({ length: fanIn }, () => rng.normalVector(fanOut, std));
  };
  const W1 = layer(inputs, hidden);
  const W2 = layer(hidden, outputs);
  return { W1, b1: new Array<number>(hidden).fill(0), W2, b2: new Array<number>(outputs).fill(0) };
}

const ACTIVATIONS: Record<Activation, (z: number) => number> = {
  sigmoid: (z) => (z < 0 ? Math.exp(z) / (1 + Math.exp(z)) : 1 / (1 + Math.exp(-z))),
  tanh: Math.tanh,
  relu: (z) => Math.max(z, 0),
};

function activationOf(name: string, activation: Activation): (z: number) => number {
  if (!Object.hasOwn(ACTIVATIONS, activation))
    throw new RangeError(`${name}: unknown activation "${String(activation)}"`);
  return ACTIVATIONS[activation];
}

function plusRow(M: number[][], b: Vector): number[][] {
  return M.map((row) => row.map((v, j) => v + (b[j] as number)));
}

export function forward(params: ReadonlyMLPParams, X: Matrix, activation: Activation): ForwardCache {
  const act = activationOf("forward", activation);
  for (const row of X)
    if (row.length !== params.W1.length)
      throw new RangeError(
        `forward: a row of X has ${row.length} entries but W1 has ${params.W1.length} rows`,
      );
  if (X.length === 0) return { Z1: [], A1: [], Z2: [], output: [] };
  const Z1 = plusRow(matmul(X, params.W1), params.b1);
  const A1 = Z1.map((row) => row.map(act));
  const Z2 = plusRow(matmul(A1, params.W2), params.b2);
  return { Z1, A1, Z2, output: Z2.map((row) => row.slice()) };
}

function columnSums(M: number[][], width: number): number[] {
  const s = new Array<number>(width).fill(0);
  for (const row of M) for (let j = 0; j < width; j++) s[j] = (s[j] as number) + (row[j] as number);
  return s;
}

export function backward(
  params: ReadonlyMLPParams,
  cache: ReadonlyForwardCache,
  X: Matrix,
  Y: Matrix,
  activation: Activation,
): { loss: number; grads: MLPParams } {
  activationOf("backward", activation);
  const n = X.length;
  if (n === 0) throw new RangeError("backward: X is empty (the mean loss needs an example)");
  const outputs = params.b2.length;
  if (Y.length !== n || Y.some((row) => row.length !== outputs))
    throw new RangeError(`backward: Y must be ${n} × ${outputs}`);
  let loss = 0;
  const dZ2 = cache.output.map((row, i) =>
    row.map((o, k) => {
      const r = o - (Y[i]![k] as number);
      loss += r * r;
      return (2 / n) * r;
    }),
  );
  loss /= n;
  const dW2 = matmul(transpose(cache.A1), dZ2);
  const db2 = columnSums(dZ2, outputs);
  const dA1 = matmul(dZ2, transpose(params.W2));
  const dZ1 = dA1.map((row, i) =>
    row.map((g, j) => {
      const a = cache.A1[i]![j] as number;
      const z = cache.Z1[i]![j] as number;
      const slope =
        activation === "sigmoid" ? a * (1 - a) : activation === "tanh" ? 1 - a * a : z > 0 ? 1 : 0;
      return g * slope;
    }),
  );
  const dW1 = matmul(transpose(X), dZ1);
  const db1 = columnSums(dZ1, params.b1.length);
  return { loss, grads: { W1: dW1, b1: db1, W2: dW2, b2: db2 } };
}

export const XOR_INPUTS: Matrix = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_TARGETS: Matrix = [[0], [1], [1], [0]];

export function trainXor(options: {
  hidden: number;
  activation: Activation;
  learningRate: number;
  epochs: number;
  seed: number;
}): { params: MLPParams; lossHistory: number[] } {
  const { hidden, activation, learningRate, epochs, seed } = options;
  if (!(Number.isInteger(epochs) && epochs >= 0))
    throw new RangeError(`trainXor: epochs must be a whole number ≥ 0 (got ${epochs})`);
  if (!(learningRate > 0))
    throw new RangeError(`trainXor: learningRate must be positive (got ${learningRate})`);
  let params = initMLP(2, hidden, 1, createRng(seed));
  const step = (p: number[][], g: number[][]) =>
    p.map((row, i) => row.map((v, j) => v - learningRate * g[i]![j]!));
  const stepV = (p: number[], g: number[]) => p.map((v, j) => v - learningRate * g[j]!);
  const lossHistory: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const { grads } = backward(
      params,
      forward(params, XOR_INPUTS, activation),
      XOR_INPUTS,
      XOR_TARGETS,
      activation,
    );
    params = {
      W1: step(params.W1, grads.W1),
      b1: stepV(params.b1, grads.b1),
      W2: step(params.W2, grads.W2),
      b2: stepV(params.b2, grads.b2),
    };
    // Recorded after the update (the README accepts this too).
    const out = forward(params, XOR_INPUTS, activation).output;
    lossHistory.push(out.reduce((s, row, i) => s + (row[0]! - XOR_TARGETS[i]![0]!) ** 2, 0) / out.length);
  }
  return { params, lossHistory };
}
