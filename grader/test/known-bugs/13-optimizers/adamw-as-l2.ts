/** Known bug: "AdamW" that adds λθ to the gradient: that is Adam with L2, and the decay is rescaled by Adam. */
import type { Vector } from "@calcml/math";
import type { AdamState, AdamWOptions } from "../../../../solutions/13-optimizers/optimizers.ts";
import { adamStep } from "../../../../solutions/13-optimizers/optimizers.ts";

export * from "../../../../solutions/13-optimizers/optimizers.ts";
export const knownBug = { task: "adamw-step", feedback: /Adam with L2, not AdamW/ };

export function adamwStep(
  params: Vector,
  grad: Vector,
  state: AdamState | undefined,
  options: AdamWOptions = {},
) {
  const { weightDecay = 1e-2, ...adam } = options;
  return adamStep(
    params,
    grad.map((g, i) => g + weightDecay * (params[i] as number)),
    state,
    adam,
  );
}
