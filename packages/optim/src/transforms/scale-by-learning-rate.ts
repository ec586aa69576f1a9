import { checkInRange } from "../internal/check.ts";
import { elementwise } from "../internal/elementwise.ts";
import type { GradientTransformation, Schedule } from "../types.ts";

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
 * @throws RangeError when the constant, or a value returned by the schedule, is not finite.
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
  return elementwise<ScaleByLearningRateState>(
    () => ({ kind: "scale-by-learning-rate", count: 0 }),
    (src, dst, state) => {
      const lr = typeof learningRate === "number" ? learningRate : learningRate(state.count);
      if (!Number.isFinite(lr)) {
        throw new RangeError(`scaleByLearningRate: the schedule returned ${lr} at step ${state.count}`);
      }
      const step = -lr;
      for (let i = 0; i < src.length; i++) dst[i] = step * src[i]!;
      return { kind: "scale-by-learning-rate", count: state.count + 1 };
    },
  );
}
