/** Known bug: Adagrad accumulates |g| instead of g². */
import type { Vector } from "@calcml/math";
import type { AdagradOptions, AdagradState } from "../../../../solutions/13-optimizers/optimizers.ts";

export * from "../../../../solutions/13-optimizers/optimizers.ts";
export const knownBug = { task: "adagrad-step", feedback: /equations of the lesson README/ };

export function adagradStep(
  params: Vector,
  grad: Vector,
  state: AdagradState | undefined,
  options: AdagradOptions = {},
) {
  const { learningRate = 1e-2, eps = 1e-10 } = options;
  const sumOfSquares = grad.map((g, i) => (state?.sumOfSquares[i] ?? 0) + Math.abs(g));
  return {
    params: params.map(
      (p, i) => p - (learningRate * (grad[i] as number)) / (Math.sqrt(sumOfSquares[i] as number) + eps),
    ),
    state: { sumOfSquares },
  };
}
