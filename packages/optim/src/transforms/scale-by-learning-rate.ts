import { checkInRange } from "../internal/check.ts";
import type { GradientTransformation, Params, Schedule } from "../types.ts";

/** State of {@link scaleByLearningRate}: how many updates have been made (the schedule's step). */
export interface ScaleByLearningRateState {
  readonly kind: "scale-by-learning-rate";
  readonly count: number;
}

/**
 * Scale by minus the learning rate: `u = −γ_t·g`, so that adding `u` descends.
 *
 * @param learningRate - a constant `γ`, or a {@link Schedule} evaluated at the step count `t = 0, 1, …`
 *   (the first update uses `schedule(0)`).
 */
export function scaleByLearningRate(
  learningRate: number | Schedule,
): GradientTransformation<ScaleByLearningRateState> {
  if (typeof learningRate === "number") {
    checkInRange("scaleByLearningRate", "learningRate", learningRate, -Infinity, Infinity, {
      openMin: true,
      openMax: true,
    });
  }
  return {
    init: () => ({ kind: "scale-by-learning-rate", count: 0 }),
    update(grads: Params, state: ScaleByLearningRateState) {
      const lr = typeof learningRate === "number" ? learningRate : learningRate(state.count);
      if (!Number.isFinite(lr)) {
        throw new RangeError(`scaleByLearningRate: the schedule returned ${lr} at step ${state.count}`);
      }
      const step = -lr;
      const n = grads.length;
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = step * grads[i]!;
      return [out, { kind: "scale-by-learning-rate", count: state.count + 1 }];
    },
  };
}
