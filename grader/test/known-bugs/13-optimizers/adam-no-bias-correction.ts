/** Known bug: Adam without bias correction: its first step is about 3.16 γ. */
import type { Vector } from "@calcml/math";
import type { AdamOptions, AdamState } from "../../../../solutions/13-optimizers/optimizers.ts";

export * from "../../../../solutions/13-optimizers/optimizers.ts";
export const knownBug = {
  task: "adam-step",
  feedback: /bias correction is missing/,
  alsoAffects: ["adamw-step"],
};

export function adamStep(
  params: Vector,
  grad: Vector,
  state: AdamState | undefined,
  options: AdamOptions = {},
) {
  const { learningRate = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = options;
  const t = (state?.t ?? 0) + 1;
  const m = grad.map((g, i) => beta1 * (state?.m[i] ?? 0) + (1 - beta1) * g);
  const v = grad.map((g, i) => beta2 * (state?.v[i] ?? 0) + (1 - beta2) * g * g);
  return {
    params: params.map((p, i) => p - (learningRate * (m[i] as number)) / (Math.sqrt(v[i] as number) + eps)),
    state: { m, v, t },
  };
}
