/**
 * Golden trajectories (docs/numerics.md): 5 and 50 steps on ½xᵀAx − bᵀx (A SPD, condition 10), every
 * hyperparameter pinned, against the PyTorch-form references of support/reference.ts, to
 * |x − x_ref| ≤ 1e-12·max(1, |x_ref|).
 */
import { describe, expect, it } from "vitest";
import {
  adagrad,
  adam,
  adamw,
  applyUpdates,
  type GradientTransformation,
  momentum,
  nesterov,
  rmsprop,
  sgd,
  stepSchedule,
} from "../src/index.ts";
import { expectVectorClose } from "./support/close.ts";
import { quadratic } from "./support/problems.ts";
import { refAdagrad, refAdam, refMomentum, refRmsprop, refSgd } from "./support/reference.ts";

/** Iterates x₀ … x_steps of an optimiser on the quadratic. */
function trajectory<S>(opt: GradientTransformation<S>, steps: number): number[][] {
  let x = quadratic.x0.slice();
  let state = opt.init(x);
  const path = [x];
  for (let t = 0; t < steps; t++) {
    const [u, s] = opt.update(quadratic.grad(x), state, x);
    state = s;
    x = applyUpdates(x, u);
    path.push(x);
  }
  return path;
}

const { x0, grad } = quadratic;
const cases: [string, () => GradientTransformation<unknown>, (steps: number) => number[][]][] = [
  ["sgd", () => sgd({ learningRate: 0.15 }), (n) => refSgd(x0, n, grad, 0.15)],
  [
    "sgd with a step schedule",
    () => sgd({ learningRate: stepSchedule({ initial: 0.15, stepSize: 7, decayRate: 0.5 }) }),
    (n) => refSgd(x0, n, grad, (t) => 0.15 * 0.5 ** Math.floor(t / 7)),
  ],
  [
    "momentum",
    () => momentum({ learningRate: 0.03, momentum: 0.85 }),
    (n) => refMomentum(x0, n, grad, 0.03, 0.85, false),
  ],
  [
    "nesterov",
    () => nesterov({ learningRate: 0.03, momentum: 0.85 }),
    (n) => refMomentum(x0, n, grad, 0.03, 0.85, true),
  ],
  ["adagrad", () => adagrad({ learningRate: 0.4, eps: 1e-10 }), (n) => refAdagrad(x0, n, grad, 0.4, 1e-10)],
  [
    "rmsprop",
    () => rmsprop({ learningRate: 0.02, alpha: 0.95, eps: 1e-8 }),
    (n) => refRmsprop(x0, n, grad, 0.02, 0.95, 1e-8),
  ],
  [
    "adam",
    () => adam({ learningRate: 0.1, beta1: 0.8, beta2: 0.99, eps: 1e-8 }),
    (n) => refAdam(x0, n, grad, { lr: 0.1, beta1: 0.8, beta2: 0.99, eps: 1e-8 }),
  ],
  [
    "adamw",
    () => adamw({ learningRate: 0.1, beta1: 0.8, beta2: 0.99, eps: 1e-8, weightDecay: 0.2 }),
    (n) => refAdam(x0, n, grad, { lr: 0.1, beta1: 0.8, beta2: 0.99, eps: 1e-8, weightDecay: 0.2 }),
  ],
];

for (const [name, make, reference] of cases) {
  describe(`${name} (golden trajectory)`, () => {
    for (const steps of [5, 50]) {
      it(`matches the PyTorch-form reference at every one of ${steps} steps`, () => {
        const ours = trajectory(make(), steps);
        const ref = reference(steps);
        expect(ours).toHaveLength(steps + 1);
        ours.forEach((x, t) => {
          expectVectorClose(x, ref[t]!, undefined, `${name}, x_${t}`);
        });
      });
    }

    it("moves: the 50-step point differs from the start", () => {
      const last = trajectory(make(), 50).at(-1)!;
      expect(last.some((xi, i) => Math.abs(xi - x0[i]!) > 1e-3)).toBe(true);
    });
  });
}
