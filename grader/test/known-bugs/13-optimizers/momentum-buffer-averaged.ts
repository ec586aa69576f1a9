/** Known bug: the momentum buffer is an average, b ← μb + (1 − μ)g, so the first step is 10× too short. */
import type { Vector } from "@calcml/math";
import type { MomentumOptions, MomentumState } from "../../../../solutions/13-optimizers/optimizers.ts";

export * from "../../../../solutions/13-optimizers/optimizers.ts";
export const knownBug = { task: "momentum-step", feedback: /the first buffer is g itself/ };

export function momentumStep(
  params: Vector,
  grad: Vector,
  state: MomentumState | undefined,
  options: MomentumOptions,
) {
  const mu = options.momentum ?? 0.9;
  const velocity = grad.map((g, i) => mu * (state?.velocity[i] ?? 0) + (1 - mu) * g);
  return {
    params: params.map((p, i) => p - options.learningRate * (velocity[i] as number)),
    state: { velocity },
  };
}
