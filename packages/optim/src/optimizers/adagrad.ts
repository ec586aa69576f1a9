import { chain } from "../chain.ts";
import { type AdagradOptions, scaleByAdagrad } from "../transforms/scale-by-adagrad.ts";
import { scaleByLearningRate } from "../transforms/scale-by-learning-rate.ts";
import type { Schedule } from "../types.ts";

/** Options of {@link adagrad}. */
export interface AdagradOptimizerOptions extends AdagradOptions {
  /** `γ`, a constant or a schedule. Default `1e-2` (PyTorch). */
  readonly learningRate?: number | Schedule;
}

/**
 * Adagrad: `s ← s + g²`, `θ ← θ − γ·g / (√s + ε)`.
 * Defaults (PyTorch): `γ = 1e-2`, `ε = 1e-10`, accumulator starting at `0`.
 */
export function adagrad({ learningRate = 1e-2, ...options }: AdagradOptimizerOptions = {}) {
  return chain(scaleByAdagrad(options), scaleByLearningRate(learningRate));
}
