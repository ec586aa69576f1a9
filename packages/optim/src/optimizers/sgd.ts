import { chain } from "../chain.ts";
import { scaleByLearningRate } from "../transforms/scale-by-learning-rate.ts";
import { trace } from "../transforms/trace.ts";
import type { Schedule } from "../types.ts";

/** Options of {@link sgd}. */
export interface SgdOptions {
  /** `γ`, a constant or a schedule. Default `1e-3` (PyTorch). */
  readonly learningRate?: number | Schedule;
}

/** Options of {@link momentum} and {@link nesterov}. */
export interface MomentumOptions extends SgdOptions {
  /** `μ`. Default `0.9`. */
  readonly momentum?: number;
}

/** Plain gradient descent: `θ ← θ − γ·g`. Defaults: `γ = 1e-3`. */
export function sgd({ learningRate = 1e-3 }: SgdOptions = {}) {
  return chain(scaleByLearningRate(learningRate));
}

/**
 * SGD with (heavy-ball) momentum, PyTorch form: `b₁ = g`, `b_t = μ·b_{t−1} + g`, `θ ← θ − γ·b_t`.
 * Defaults: `γ = 1e-3`, `μ = 0.9`. Step 1 equals plain SGD.
 */
export function momentum({ learningRate = 1e-3, momentum = 0.9 }: MomentumOptions = {}) {
  return chain(trace({ decay: momentum }), scaleByLearningRate(learningRate));
}

/**
 * SGD with Nesterov momentum, PyTorch form: `b_t = μ·b_{t−1} + g`, `θ ← θ − γ·(g + μ·b_t)`.
 * Defaults: `γ = 1e-3`, `μ = 0.9`. Step 1 is `(1 + μ)·γ·g`.
 */
export function nesterov({ learningRate = 1e-3, momentum = 0.9 }: MomentumOptions = {}) {
  return chain(trace({ decay: momentum, nesterov: true }), scaleByLearningRate(learningRate));
}
