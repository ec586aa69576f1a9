import { chain } from "../chain.ts";
import { addDecayedWeights } from "../transforms/add-decayed-weights.ts";
import { type AdamOptions, scaleByAdam } from "../transforms/scale-by-adam.ts";
import { scaleByLearningRate } from "../transforms/scale-by-learning-rate.ts";
import type { Schedule } from "../types.ts";

/** Options of {@link adam}. */
export interface AdamOptimizerOptions extends AdamOptions {
  /** `γ`, a constant or a schedule. Default `1e-3`. */
  readonly learningRate?: number | Schedule;
}

/** Options of {@link adamw}. */
export interface AdamwOptions extends AdamOptimizerOptions {
  /** Decoupled weight decay `λ`. Default `1e-2`. */
  readonly weightDecay?: number;
}

/**
 * Adam with bias correction: `θ ← θ − γ·m̂ / (√v̂ + ε)`.
 * Defaults: `γ = 1e-3`, `β₁ = 0.9`, `β₂ = 0.999`, `ε = 1e-8`. Step 1 moves each coordinate by ≈ γ.
 */
export function adam({ learningRate = 1e-3, ...options }: AdamOptimizerOptions = {}) {
  return chain(scaleByAdam(options), scaleByLearningRate(learningRate));
}

/**
 * AdamW (decoupled weight decay): `θ ← θ − γλθ`, then the Adam step. Defaults: those of {@link adam} and
 * `λ = 1e-2`. With a zero gradient it shrinks `θ` by exactly `(1 − γλ)`. `update` needs `params`.
 */
export function adamw({ learningRate = 1e-3, weightDecay = 1e-2, ...options }: AdamwOptions = {}) {
  return chain(scaleByAdam(options), addDecayedWeights(weightDecay), scaleByLearningRate(learningRate));
}
