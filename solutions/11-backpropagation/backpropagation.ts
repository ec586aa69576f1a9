/**
 * Lesson 11: a two-layer network, by hand.
 *
 * X (n × inputs) → Z1 = X·W1 + b1 → A1 = act(Z1) → Z2 = A1·W2 + b2 → output = Z2,
 * loss = (1/n) Σᵢ Σₖ (outputᵢₖ − Yᵢₖ)². Fill in each function, then run `pnpm grade 11`.
 * You may write small helpers of your own (a matrix product, a transpose) anywhere in this file, or
 * import `matmul` and `transpose` from `@calcml/math` (only `@calcml/optim` is off limits here).
 */
import { createRng, type Matrix, type Rng, type Vector } from "@calcml/math";

/** The hidden layer's nonlinearity. */
export type Activation = "sigmoid" | "tanh" | "relu";

/** The network's parameters: `W1` is inputs × hidden, `b1` hidden, `W2` hidden × outputs, `b2` outputs. */
export type MLPParams = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };

/** The same parameters, read-only: what the functions accept (they never change their inputs). */
export type ReadonlyMLPParams = {
  readonly W1: Matrix;
  readonly b1: Vector;
  readonly W2: Matrix;
  readonly b2: Vector;
};

/** Every intermediate of the forward pass, one row per example. `output` holds the same numbers as `Z2`. */
export type ForwardCache = { Z1: number[][]; A1: number[][]; Z2: number[][]; output: number[][] };

/** The forward cache, read-only: what `backward` accepts. */
export type ReadonlyForwardCache = {
  readonly Z1: Matrix;
  readonly A1: Matrix;
  readonly Z2: Matrix;
  readonly output: Matrix;
};
// BEGIN HIDE

/** `A·B` for an n×k and a k×m matrix. */
function matmul(A: Matrix, B: Matrix, columns: number): number[][] {
  return A.map((row) => {
    const out = new Array<number>(columns).fill(0);
    row.forEach((a, k) => {
      const Bk = B[k]!;
      for (let j = 0; j < columns; j++) out[j]! += a * Bk[j]!;
    });
    return out;
  });
}

function transpose(A: Matrix, columns: number): number[][] {
  return Array.from({ length: columns }, (_, j) => A.map((row) => row[j]!));
}

function columnSums(A: Matrix, columns: number): number[] {
  const sums = new Array<number>(columns).fill(0);
  for (const row of A) for (let j = 0; j < columns; j++) sums[j]! += row[j]!;
  return sums;
}

function stableSigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function activate(z: number, activation: Activation): number {
  if (activation === "sigmoid") return stableSigmoid(z);
  if (activation === "tanh") return Math.tanh(z);
  return Math.max(z, 0);
}

/** act'(z), written with a = act(z) where that is simpler: σ' = a(1 − a), tanh' = 1 − a², ReLU' = [z > 0]. */
function activationDerivative(z: number, a: number, activation: Activation): number {
  if (activation === "sigmoid") return a * (1 - a);
  if (activation === "tanh") return 1 - a * a;
  return z > 0 ? 1 : 0;
}

function checkActivation(name: string, activation: string): void {
  if (activation !== "sigmoid" && activation !== "tanh" && activation !== "relu") {
    throw new RangeError(`${name}: unknown activation "${activation}" (use "sigmoid", "tanh" or "relu")`);
  }
}

function checkLayerSize(name: string, what: string, size: number): void {
  if (!Number.isInteger(size) || size <= 0) {
    throw new RangeError(`${name}: ${what} must be a positive integer (got ${size})`);
  }
}
// END HIDE

/**
 * Task 1. A fresh network: every weight drawn from `rng` as N(0, 1/fan_in), where fan_in is the
 * number of inputs of that layer (`inputs` for W1, `hidden` for W2); both biases start at 0.
 * Scaling by 1/√fan_in keeps the pre-activations of order 1 however wide the layer.
 *
 * @throws RangeError when a size is not a positive integer.
 * @example initMLP(2, 3, 1, createRng(0)) // { W1: 2×3, b1: [0, 0, 0], W2: 3×1, b2: [0] }
 */
export function initMLP(inputs: number, hidden: number, outputs: number, rng: Rng): MLPParams {
  // BEGIN SOLUTION: check the sizes, then draw W1 (std 1/√inputs) and W2 (std 1/√hidden) from rng; zero biases.
  checkLayerSize("initMLP", "inputs", inputs);
  checkLayerSize("initMLP", "hidden", hidden);
  checkLayerSize("initMLP", "outputs", outputs);
  const draw = (rows: number, columns: number): number[][] =>
    Array.from({ length: rows }, () => rng.normalVector(columns, 1 / Math.sqrt(rows)));
  const W1 = draw(inputs, hidden);
  const W2 = draw(hidden, outputs);
  return { W1, b1: new Array<number>(hidden).fill(0), W2, b2: new Array<number>(outputs).fill(0) };
  // END SOLUTION
}

/**
 * Task 2. The forward pass, one row per example: `Z1 = X·W1 + b1`, `A1 = act(Z1)`,
 * `Z2 = A1·W2 + b2`, `output = Z2` (a linear output layer). The bias row is added to every row.
 * σ(z) = 1/(1 + e^(−z)), tanh, ReLU(z) = max(0, z); all must stay finite for |z| up to 1000.
 *
 * An empty X gives empty results (`{ Z1: [], A1: [], Z2: [], output: [] }`); `backward` refuses it.
 *
 * @throws RangeError when a row of X does not have one entry per row of W1, or the activation is unknown.
 * @example forward({ W1: [[1]], b1: [0], W2: [[2]], b2: [1] }, [[3]], "relu").output // [[7]]
 */
export function forward(params: ReadonlyMLPParams, X: Matrix, activation: Activation): ForwardCache {
  // BEGIN SOLUTION: compute Z1, A1, Z2 and output row by row (check that X's columns match W1's rows).
  checkActivation("forward", activation);
  const { W1, b1, W2, b2 } = params;
  X.forEach((row, i) => {
    if (row.length !== W1.length) {
      throw new RangeError(`forward: row ${i} of X has ${row.length} entries but W1 has ${W1.length} rows`);
    }
  });
  const Z1 = matmul(X, W1, b1.length).map((row) => row.map((z, j) => z + b1[j]!));
  const A1 = Z1.map((row) => row.map((z) => activate(z, activation)));
  const Z2 = matmul(A1, W2, b2.length).map((row) => row.map((z, k) => z + b2[k]!));
  return { Z1, A1, Z2, output: Z2.map((row) => [...row]) };
  // END SOLUTION
}

/**
 * Task 3. The backward pass: the loss `(1/n) Σᵢ Σₖ (outputᵢₖ − Yᵢₖ)²` (mean over the n examples, sum over
 * the outputs, no ½) and its gradient with respect to every parameter, each with its parameter's shape:
 * `dZ2 = (2/n)(output − Y)`, `dW2 = A1ᵀ·dZ2`, `db2 = Σᵢ dZ2ᵢ`, `dZ1 = (dZ2·W2ᵀ) ⊙ act'(Z1)`,
 * `dW1 = Xᵀ·dZ1`, `db1 = Σᵢ dZ1ᵢ`. The activation's derivative is taken at the pre-activation Z1
 * (σ'(Z1) = A1(1 − A1), tanh'(Z1) = 1 − A1², ReLU'(Z1) = 1 where Z1 > 0, else 0).
 *
 * @param cache what `forward(params, X, activation)` returned.
 * @throws RangeError when X is empty, or Y does not have the output's shape (one row per example).
 * @example
 * const p = { W1: [[1]], b1: [0], W2: [[2]], b2: [1] };
 * backward(p, forward(p, [[3]], "relu"), [[3]], [[5]], "relu") // loss 4, grads.W2 [[12]], grads.W1 [[24]]
 */
export function backward(
  params: ReadonlyMLPParams,
  cache: ReadonlyForwardCache,
  X: Matrix,
  Y: Matrix,
  activation: Activation,
): { loss: number; grads: MLPParams } {
  // BEGIN SOLUTION: compute the loss, then dZ2, dW2, db2, dZ1, dW1, db1 from the output back to the input.
  checkActivation("backward", activation);
  const n = X.length;
  if (n === 0) throw new RangeError("backward: X is empty; the mean loss needs at least one example");
  const { W1, b1, W2, b2 } = params;
  const outputs = b2.length;
  if (Y.length !== n || Y.some((row) => row.length !== outputs)) {
    throw new RangeError(`backward: Y must be ${n} × ${outputs} like the output (got ${Y.length} rows)`);
  }
  const { Z1, A1, output } = cache;
  let loss = 0;
  const dZ2 = output.map((row, i) =>
    row.map((o, k) => {
      const r = o - Y[i]![k]!;
      loss += r * r;
      return (2 / n) * r;
    }),
  );
  const dA1 = matmul(dZ2, transpose(W2, outputs), b1.length);
  const dZ1 = dA1.map((row, i) =>
    row.map((d, j) => d * activationDerivative(Z1[i]![j]!, A1[i]![j]!, activation)),
  );
  const grads: MLPParams = {
    W1: matmul(transpose(X, W1.length), dZ1, b1.length),
    b1: columnSums(dZ1, b1.length),
    W2: matmul(transpose(A1, b1.length), dZ2, outputs),
    b2: columnSums(dZ2, outputs),
  };
  return { loss: loss / n, grads };
  // END SOLUTION
}

/** The XOR data set: inputs and targets are 0/1, target = 1 when exactly one input is 1. */
export const XOR_INPUTS: Matrix = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_TARGETS: Matrix = [[0], [1], [1], [0]];

/**
 * Task 4. Learns XOR with full-batch gradient descent: start from `initMLP(2, hidden, 1, createRng(seed))`,
 * then `epochs` times run `forward` and `backward` on all four examples, record the loss, and move every
 * parameter by `−learningRate · gradient`. `lossHistory[e]` is the loss of epoch e's forward pass
 * (before that epoch's update), so `lossHistory.length === epochs`.
 *
 * @throws RangeError (naming `trainXor`) when `epochs` is not a non-negative integer or `learningRate` is
 * not positive; a bad `hidden` throws from `initMLP`, an unknown activation from `forward`.
 * @example trainXor({ hidden: 8, activation: "tanh", learningRate: 0.2, epochs: 1000, seed: 1 }) // outputs ≈ [0, 1, 1, 0]
 */
export function trainXor(options: {
  hidden: number;
  activation: Activation;
  learningRate: number;
  epochs: number;
  seed: number;
}): { params: MLPParams; lossHistory: number[] } {
  // BEGIN SOLUTION: initialise with initMLP, then loop: forward, backward, record the loss, step downhill.
  const { hidden, activation, learningRate, epochs, seed } = options;
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new RangeError(`trainXor: epochs must be a non-negative integer (got ${epochs})`);
  }
  if (!(learningRate > 0))
    throw new RangeError(`trainXor: learningRate must be positive (got ${learningRate})`);
  let params = initMLP(2, hidden, 1, createRng(seed));
  const lossHistory: number[] = [];
  const step = (p: number, g: number): number => p - learningRate * g;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cache = forward(params, XOR_INPUTS, activation);
    const { loss, grads } = backward(params, cache, XOR_INPUTS, XOR_TARGETS, activation);
    lossHistory.push(loss);
    params = {
      W1: params.W1.map((row, i) => row.map((w, j) => step(w, grads.W1[i]![j]!))),
      b1: params.b1.map((b, j) => step(b, grads.b1[j]!)),
      W2: params.W2.map((row, i) => row.map((w, k) => step(w, grads.W2[i]![k]!))),
      b2: params.b2.map((b, k) => step(b, grads.b2[k]!)),
    };
  }
  return { params, lossHistory };
  // END SOLUTION
}
