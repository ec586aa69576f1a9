/** Known bug: the nesterov option is ignored, so Nesterov momentum is plain momentum. */
import type { Vector } from "@calcml/math";
import type { MomentumOptions, MomentumState } from "../../../../solutions/13-optimizers/optimizers.ts";

export * from "../../../../solutions/13-optimizers/optimizers.ts";
export const knownBug = { task: "momentum-step", feedback: /Nesterov's first step is \(1 \+ μ\)/ };

export function momentumStep(
  params: Vector,
  grad: Vector,
  state: MomentumState | undefined,
  options: MomentumOptions,
) {
  const mu = options.momentum ?? 0.9;
  const velocity = grad.map((g, i) => (state ? mu * (state.velocity[i] as number) + g : g));
  return {
    params: params.map((p, i) => p - options.learningRate * (velocity[i] as number)),
    state: { velocity },
  };
}
