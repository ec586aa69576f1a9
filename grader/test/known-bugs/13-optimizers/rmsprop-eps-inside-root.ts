/** Known bug: RMSprop adds ε inside the square root instead of after it. */
import type { Vector } from "@calcml/math";
import type { RmspropOptions, RmspropState } from "../../../../solutions/13-optimizers/optimizers.ts";

export * from "../../../../solutions/13-optimizers/optimizers.ts";
export const knownBug = { task: "rmsprop-step", feedback: /ε goes after the square root/ };

export function rmspropStep(
  params: Vector,
  grad: Vector,
  state: RmspropState | undefined,
  options: RmspropOptions = {},
) {
  const { learningRate = 1e-2, decay = 0.99, eps = 1e-8 } = options;
  const meanSquare = grad.map((g, i) => decay * (state?.meanSquare[i] ?? 0) + (1 - decay) * g * g);
  return {
    params: params.map(
      (p, i) => p - (learningRate * (grad[i] as number)) / Math.sqrt((meanSquare[i] as number) + eps),
    ),
    state: { meanSquare },
  };
}
