/** Known bug: Adam updates its state object in place instead of returning a fresh one. */
import type { Vector } from "@calcml/math";
import type { AdamOptions, AdamState } from "../../../../solutions/13-optimizers/optimizers.ts";

export * from "../../../../solutions/13-optimizers/optimizers.ts";
export const knownBug = {
  task: "adam-step",
  feedback: /the state passed in was changed/,
  alsoAffects: ["adamw-step"],
};

export function adamStep(
  params: Vector,
  grad: Vector,
  state: AdamState | undefined,
  options: AdamOptions = {},
) {
  const { learningRate = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = options;
  const s = state ?? { m: grad.map(() => 0), v: grad.map(() => 0), t: 0 };
  s.t += 1;
  grad.forEach((g, i) => {
    s.m[i] = beta1 * (s.m[i] as number) + (1 - beta1) * g;
    s.v[i] = beta2 * (s.v[i] as number) + (1 - beta2) * g * g;
  });
  const next = params.map(
    (p, i) =>
      p -
      (learningRate * ((s.m[i] as number) / (1 - beta1 ** s.t))) /
        (Math.sqrt((s.v[i] as number) / (1 - beta2 ** s.t)) + eps),
  );
  return { params: next, state: s };
}
