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

/**
 * Task 1. A fresh network: every weight drawn from `rng` as N(0, 1/fan_in), where fan_in is the
 * number of inputs of that layer (`inputs` for W1, `hidden` for W2); both biases start at 0.
 * Scaling by 1/√fan_in keeps the pre-activations of order 1 however wide the layer.
 *
 * @throws RangeError when a size is not a positive integer.
 * @example initMLP(2, 3, 1, createRng(0)) // { W1: 2×3, b1: [0, 0, 0], W2: 3×1, b2: [0] }
 */
export function initMLP(inputs: number, hidden: number, outputs: number, rng: Rng): MLPParams {
  // TODO: check the sizes, then draw W1 (std 1/√inputs) and W2 (std 1/√hidden) from rng; zero biases.
  throw new Error("TODO: implement initMLP");
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
  // TODO: compute Z1, A1, Z2 and output row by row (check that X's columns match W1's rows).
  throw new Error("TODO: implement forward");
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
  // TODO: compute the loss, then dZ2, dW2, db2, dZ1, dW1, db1 from the output back to the input.
  throw new Error("TODO: implement backward");
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
  // TODO: initialise with initMLP, then loop: forward, backward, record the loss, step downhill.
  throw new Error("TODO: implement trainXor");
}
