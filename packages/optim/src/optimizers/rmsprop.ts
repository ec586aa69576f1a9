import { chain } from "../chain.ts";
import { scaleByLearningRate } from "../transforms/scale-by-learning-rate.ts";
import { type RmsOptions, scaleByRms } from "../transforms/scale-by-rms.ts";
import type { Schedule } from "../types.ts";

/** Options of {@link rmsprop}. */
export interface RmspropOptions extends RmsOptions {
  /** `γ`, a constant or a schedule. Default `1e-2` (PyTorch). */
  readonly learningRate?: number | Schedule;
}

/**
 * RMSprop: `v ← α·v + (1 − α)·g²`, `θ ← θ − γ·g / (√v + ε)` (ε after the root).
 * Defaults (PyTorch): `γ = 1e-2`, `α = 0.99`, `ε = 1e-8`.
 */
export function rmsprop({ learningRate = 1e-2, ...options }: RmspropOptions = {}) {
  return chain(scaleByRms(options), scaleByLearningRate(learningRate));
}
