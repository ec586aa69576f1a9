/**
 * Lesson 08: losses and their gradients.
 *
 * Every batch loss here is a **mean** over the batch, and every gradient is the gradient of that mean
 * with respect to the predictions (or logits): one entry per prediction. Run `pnpm grade 08`;
 * stuck? `pnpm hint 08 <task>`.
 */
import type { Vector } from "@calcml/math";

/**
 * Checks that a batch of predictions and its targets are non-empty and the same length.
 * Given to you: call it first in every batch function, with that function's name.
 *
 * @throws RangeError `name: predictions and targets differ in length (3 vs 4)` or `name: empty batch`.
 */
function checkBatch(name: string, pred: Vector, target: Vector): void {
  if (pred.length !== target.length) {
    throw new RangeError(
      `${name}: predictions and targets differ in length (${pred.length} vs ${target.length})`,
    );
  }
  if (pred.length === 0) throw new RangeError(`${name}: empty batch (no predictions)`);
}

/**
 * Task 1a. Mean squared error: `(1/n) Σᵢ (predᵢ − targetᵢ)²`.
 *
 * @throws RangeError when the lengths differ or the batch is empty.
 * @example mse([1, 2, 3], [1, 0, 0]) // (0 + 4 + 9) / 3 = 13/3
 */
export function mse(pred: Vector, target: Vector): number {
  // TODO: check the batch, then average the squared residuals.
  throw new Error("TODO: implement mse");
}

/**
 * Task 1b. Gradient of {@link mse} with respect to `pred`: `2·(predᵢ − targetᵢ)/n`.
 *
 * @throws RangeError when the lengths differ or the batch is empty.
 * @example mseGradient([1, 2, 3], [1, 0, 0]) // [0, 4/3, 2]
 */
export function mseGradient(pred: Vector, target: Vector): number[] {
  // TODO: check the batch; each entry is 2·residual / n.
  throw new Error("TODO: implement mseGradient");
}

/**
 * Task 2a. Mean absolute error: `(1/n) Σᵢ |predᵢ − targetᵢ|`.
 *
 * @throws RangeError when the lengths differ or the batch is empty.
 * @example mae([1, 2, 3], [1, 0, 0]) // (0 + 2 + 3) / 3 = 5/3
 */
export function mae(pred: Vector, target: Vector): number {
  // TODO: check the batch, then average the absolute residuals.
  throw new Error("TODO: implement mae");
}

/**
 * Task 2b. (Sub)gradient of {@link mae} with respect to `pred`: `sign(predᵢ − targetᵢ)/n`, and
 * exactly 0 at a tie (`predᵢ === targetᵢ`), the minimum-norm subgradient.
 *
 * @throws RangeError when the lengths differ or the batch is empty.
 * @example maeGradient([1, 2, -3], [1, 0, 0]) // [0, 1/3, -1/3]
 */
export function maeGradient(pred: Vector, target: Vector): number[] {
  // TODO: check the batch; each entry is sign(residual) / n, with 0 at a tie.
  throw new Error("TODO: implement maeGradient");
}

/**
 * Task 3a. Huber loss, the mean over the batch of, with residual `r = pred − target`:
 * `½r²` when `|r| ≤ δ`, else `δ·(|r| − ½δ)` (quadratic near 0, linear with slope ±δ far away).
 *
 * @param delta where the loss turns from quadratic to linear; default 1; must be > 0.
 * @throws RangeError when the lengths differ, the batch is empty, or `delta <= 0`.
 * @example huber([0.5, 3], [0, 0]) // (0.125 + 2.5) / 2 = 1.3125
 */
export function huber(pred: Vector, target: Vector, delta = 1): number {
  // TODO: check the batch and delta, then average the piecewise loss of each residual.
  throw new Error("TODO: implement huber");
}

/**
 * Task 3b. Gradient of {@link huber} with respect to `pred`: `rᵢ/n` when `|rᵢ| ≤ δ`, else `δ·sign(rᵢ)/n`
 * (the residual, clipped to [−δ, δ], over n).
 *
 * @param delta default 1; must be > 0.
 * @throws RangeError when the lengths differ, the batch is empty, or `delta <= 0`.
 * @example huberGradient([0.5, 3], [0, 0]) // [0.25, 0.5]
 */
export function huberGradient(pred: Vector, target: Vector, delta = 1): number[] {
  // TODO: check the batch and delta; each entry is the residual clipped to [−δ, δ], over n.
  throw new Error("TODO: implement huberGradient");
}

/**
 * Task 4. The logistic sigmoid `σ(z) = 1 / (1 + e^(−z))`, computed so that no intermediate overflows:
 * finite and correct for |z| up to 1e4 (`σ(1e4) = 1`, `σ(−1e4) = 0` in floating point, never NaN).
 *
 * @example sigmoid(0) // 0.5
 */
export function sigmoid(z: number): number {
  // TODO: only ever exponentiate a non-positive number: e^(−z) for z ≥ 0, e^z for z < 0.
  throw new Error("TODO: implement sigmoid");
}

/**
 * Task 5a. Binary cross-entropy on logits, the mean over the batch of
 * `−[yᵢ·log σ(zᵢ) + (1 − yᵢ)·log(1 − σ(zᵢ))]`, computed stably as `max(z, 0) − z·y + log(1 + e^(−|z|))`.
 * Labels are 0 or 1. Finite and correct for logits of ±1000.
 *
 * @throws RangeError when the lengths differ or the batch is empty.
 * @example binaryCrossEntropyWithLogits([0], [1]) // log 2 ≈ 0.6931
 */
export function binaryCrossEntropyWithLogits(logits: Vector, labels: Vector): number {
  // TODO: check the batch, then average max(z, 0) − z·y + log1p(e^(−|z|)).
  throw new Error("TODO: implement binaryCrossEntropyWithLogits");
}

/**
 * Task 5b. Gradient of {@link binaryCrossEntropyWithLogits} with respect to the logits:
 * `(σ(zᵢ) − yᵢ)/n`.
 *
 * @throws RangeError when the lengths differ or the batch is empty.
 * @example binaryCrossEntropyWithLogitsGradient([0, 0], [1, 0]) // [-0.25, 0.25]
 */
export function binaryCrossEntropyWithLogitsGradient(logits: Vector, labels: Vector): number[] {
  // TODO: check the batch; each entry is (σ(z) − y) / n, using your stable sigmoid.
  throw new Error("TODO: implement binaryCrossEntropyWithLogitsGradient");
}

/**
 * Task 6. `log Σᵢ e^(zᵢ)`, computed stably by shifting by the largest entry m:
 * `m + log Σᵢ e^(zᵢ − m)`. Finite and correct for entries of ±1000.
 *
 * @throws RangeError when `z` is empty.
 * @example logSumExp([1000, 1000]) // 1000 + log 2 ≈ 1000.6931
 */
export function logSumExp(z: Vector): number {
  // TODO: reject an empty vector, find the largest entry m, return m + log Σ e^(zᵢ − m).
  throw new Error("TODO: implement logSumExp");
}

/** Throws unless `label` is a class index of `logits`. */
function checkLabel(name: string, logits: Vector, label: number): void {
  if (logits.length === 0) throw new RangeError(`${name}: empty logits`);
  if (!Number.isInteger(label) || label < 0 || label >= logits.length) {
    throw new RangeError(`${name}: label must be an integer in [0, ${logits.length}) (got ${label})`);
  }
}

/**
 * Task 7a. Softmax cross-entropy of one example: `−log softmax(z)[label] = logSumExp(z) − z[label]`.
 * Finite and correct for logits of ±1000.
 *
 * @param label the index of the true class, an integer in `[0, logits.length)`.
 * @throws RangeError when `logits` is empty or `label` is not a valid class index.
 * @example softmaxCrossEntropy([0, 0], 1) // log 2 ≈ 0.6931
 */
export function softmaxCrossEntropy(logits: Vector, label: number): number {
  // TODO: check the label, then return logSumExp(z) − z[label].
  throw new Error("TODO: implement softmaxCrossEntropy");
}

/**
 * Task 7b. Gradient of {@link softmaxCrossEntropy} with respect to the logits:
 * `softmax(z) − onehot(label)`, where `softmax(z)ᵢ = e^(zᵢ − m) / Σⱼ e^(zⱼ − m)` (m the largest entry).
 *
 * @throws RangeError when `logits` is empty or `label` is not a valid class index.
 * @example softmaxCrossEntropyGradient([0, 0], 1) // [0.5, -0.5]
 */
export function softmaxCrossEntropyGradient(logits: Vector, label: number): number[] {
  // TODO: check the label, compute a stable softmax, then subtract 1 at the label.
  throw new Error("TODO: implement softmaxCrossEntropyGradient");
}
