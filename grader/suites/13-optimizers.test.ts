import * as lesson from "@lesson/13-optimizers";
import { it } from "vitest";
import {
  CheckError,
  check,
  expectForAll,
  expectVectorClose,
  fail,
  fc,
  finite,
  formatNumber,
  frozen,
  isClose,
  type LearnerCall,
  labelled,
  learnerCalls,
  MUTATION_WHY,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

/** docs/numerics.md: golden trajectories compare `|x − x_ref| ≤ 1e-12·max(1, |x_ref|)`. */
const GOLDEN_TOLERANCE = { rtol: 1e-12, atol: 1e-12 };
const STEPS = 50;

/**
 * The bowl f(x) = ½xᵀAx − bᵀx with a symmetric positive-definite A of condition number 10
 * (eigenvalues 1 and 10, rotated by 30°), so ∇f(x) = Ax − b.
 */
const c = Math.cos(Math.PI / 6);
const s = Math.sin(Math.PI / 6);
const A = [
  [1 * c * c + 10 * s * s, (1 - 10) * c * s],
  [(1 - 10) * c * s, 1 * s * s + 10 * c * c],
] as const;
const b = [1, -2] as const;
const bowlGradient = (x: readonly number[]) => [
  A[0][0] * x[0]! + A[0][1] * x[1]! - b[0],
  A[1][0] * x[0]! + A[1][1] * x[1]! - b[1],
];

/** One reference update in the docs/numerics.md form; `state` holds whatever buffers the optimiser needs. */
type Reference = (theta: number[], g: readonly number[], state: Record<string, number[]>, t: number) => void;

/** One common slip a reference can make on purpose, to recognise it in a learner's trajectory. */
type Slip = "none" | "dampened" | "eps-inside" | "no-bias-correction" | "decay-after" | "decay-without-lr";

/** `g / (√s + ε)`, or with ε inside the root when that slip is asked for. */
function scaled(g: number, s: number, eps: number, slip: Slip): number {
  return slip === "eps-inside" ? g / Math.sqrt(s + eps) : g / (Math.sqrt(s) + eps);
}

const references = {
  momentum:
    (lr: number, mu: number, nesterov: boolean, slip: Slip = "none"): Reference =>
    (theta, g, state, t) => {
      const buf = (state.buf ??= g.map(() => 0));
      g.forEach((gi, i) => {
        if (slip === "dampened") buf[i] = mu * buf[i]! + (1 - mu) * gi;
        else buf[i] = t === 1 ? gi : mu * buf[i]! + gi;
        theta[i]! -= lr * (nesterov ? gi + mu * buf[i]! : buf[i]!);
      });
    },
  adagrad:
    (lr: number, eps: number, slip: Slip = "none"): Reference =>
    (theta, g, state) => {
      const sum = (state.sum ??= g.map(() => 0));
      g.forEach((gi, i) => {
        sum[i]! += gi * gi;
        theta[i]! -= lr * scaled(gi, sum[i]!, eps, slip);
      });
    },
  rmsprop:
    (lr: number, alpha: number, eps: number, slip: Slip = "none"): Reference =>
    (theta, g, state) => {
      const sq = (state.sq ??= g.map(() => 0));
      g.forEach((gi, i) => {
        sq[i] = alpha * sq[i]! + (1 - alpha) * gi * gi;
        theta[i]! -= lr * scaled(gi, sq[i]!, eps, slip);
      });
    },
  adam:
    (lr: number, b1: number, b2: number, eps: number, decay = 0, slip: Slip = "none"): Reference =>
    (theta, g, state, t) => {
      const m = (state.m ??= g.map(() => 0));
      const v = (state.v ??= g.map(() => 0));
      const shrink = slip === "decay-without-lr" ? decay : lr * decay;
      g.forEach((gi, i) => {
        if (slip !== "decay-after") theta[i]! -= shrink * theta[i]!;
        m[i] = b1 * m[i]! + (1 - b1) * gi;
        v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
        const [mHat, vHat] =
          slip === "no-bias-correction" ? [m[i]!, v[i]!] : [m[i]! / (1 - b1 ** t), v[i]! / (1 - b2 ** t)];
        theta[i]! -= lr * scaled(mHat, vHat, eps, slip);
        if (slip === "decay-after") theta[i]! -= shrink * theta[i]!;
      });
    },
};

/** The slips the suites name, with what to tell the learner. */
const WHY = {
  epsInside: "ε goes after the square root: divide by √v + ε, not by √(v + ε)",
  dampened: "the buffer is b_t = μ·b_{t−1} + g, with no (1 − μ) factor on g (b₁ = g)",
  noBiasCorrection: "divide m by (1 − β₁ᵗ) and v by (1 − β₂ᵗ): the bias correction is missing",
  decayAfter: "shrink θ first, then take Adam's step from the shrunk θ",
  decayWithoutLr: "the decay is θ ← θ − γ·λ·θ: multiply λ by the learning rate",
} as const;

type StepName = "momentumStep" | "adagradStep" | "rmspropStep" | "adamStep" | "adamwStep";
type Step = (
  params: readonly number[],
  grad: readonly number[],
  state: unknown,
  options?: object,
) => { params: number[]; state: unknown };
const steps = learner as unknown as Record<StepName, LearnerCall<Step>>;

/** A common slip in the equations, as its own trajectory, and what to say when the learner's matches it. */
type Suspect = { reference: Reference; why: string };

/** Iterates of a reference run for STEPS steps from `start` on the bowl. */
function trajectory(reference: Reference, start: readonly number[]): number[][] {
  const theta = [...start];
  const state: Record<string, number[]> = {};
  const path: number[][] = [];
  for (let t = 1; t <= STEPS; t++) {
    reference(theta, bowlGradient(theta), state, t);
    path.push([...theta]);
  }
  return path;
}

/**
 * One learner step (its inputs frozen). A write to the frozen state is named as such: the same call with
 * an unfrozen copy of the state alone must then go through.
 */
function takeStep(name: StepName, called: string, args: Parameters<Step>): ReturnType<Step> {
  try {
    return steps[name](...args).value;
  } catch (error) {
    const [params, grad, state, ...options] = args;
    if (!(error instanceof CheckError) || !error.message.includes(MUTATION_WHY) || state === undefined)
      throw error;
    try {
      steps[name].raw(frozen(params), frozen(grad), structuredClone(state), ...options);
    } catch {
      throw error;
    }
    fail({
      called,
      got: "the state passed in was changed",
      expected: "a fresh state object; the step must not change its inputs",
    });
  }
}

/**
 * Runs the learner's step for STEPS steps on the bowl next to the reference, comparing every iterate.
 * The learner's state is only ever passed back as it was returned, and must not be changed by the step
 * that receives it. When an iterate is off and matches one of the `suspects` (the same equations with
 * one common slip), the failure says which slip. Without `options` the step is called with three
 * arguments (its defaults).
 */
function expectGolden(
  name: StepName,
  options: object | undefined,
  reference: Reference,
  suspects: readonly Suspect[] = [],
  diagnose?: (t: number) => string | undefined,
): void {
  const rng = suiteRng(`${name} golden ${JSON.stringify(options ?? {})}`);
  let params = rng.normalVector(2, 2);
  const expected = trajectory(reference, params);
  const suspected = suspects.map((s) => ({ path: trajectory(s.reference, params), why: s.why }));
  const extra: [] | [object] = options === undefined ? [] : [options];
  let state: unknown;
  for (let t = 1; t <= STEPS; t++) {
    const g = bowlGradient(params);
    const shownState = t === 1 ? undefined : `(the state your step ${t - 1} returned)`;
    const called = `${steps[name].called(params, g, shownState, options ?? {})}, step ${t} of ${STEPS} on ½xᵀAx − bᵀx`;
    const result = takeStep(name, called, [params, g, state, ...extra]);
    const matching = (got: readonly number[]) =>
      suspected.find((s) => s.path[t - 1]!.every((v, i) => isClose(got[i] as number, v, 1e-9, 1e-12)))?.why;
    expectVectorClose(result?.params, expected[t - 1]!, {
      called,
      oracle: "the equations of the lesson README, run in the test",
      ...GOLDEN_TOLERANCE,
      why: () => (Array.isArray(result?.params) ? matching(result.params) : undefined) ?? diagnose?.(t),
    });
    params = result.params;
    state = result.state;
  }
}

/** The step taken on the very first call, from a random point and gradient. */
function firstStep(name: StepName, options: object): { delta: number[]; grad: number[] } {
  const rng = suiteRng(`${name} first step`);
  const params = rng.normalVector(4, 1);
  const grad = rng.normalVector(4, 3);
  const { value } = steps[name](params, grad, undefined, options);
  return { delta: value.params.map((p, i) => p - params[i]!), grad };
}

/** A gradient entry of either sign and any size from 1e-7 to 10 (log-uniform), never 0. */
const signedMagnitude = fc
  .tuple(fc.boolean(), finite(-7, 1))
  .map(([negative, exponent]) => (negative ? -1 : 1) * 10 ** exponent);

/**
 * The learner's step run on the given gradients from `start` next to a reference, every iterate compared
 * (the state only passed back as returned). For property checks: the gradients are data, not a bowl.
 */
function expectSteps(
  name: StepName,
  options: object | undefined,
  start: readonly number[],
  gradients: readonly (readonly number[])[],
  reference: Reference,
  suspects: readonly Suspect[] = [],
): void {
  const run = (r: Reference) => {
    const theta = [...start];
    const state: Record<string, number[]> = {};
    return gradients.map((g, t) => {
      r(theta, g, state, t + 1);
      return [...theta];
    });
  };
  const expected = run(reference);
  const suspected = suspects.map((x) => ({ path: run(x.reference), why: x.why }));
  const extra: [] | [object] = options === undefined ? [] : [options];
  let params: number[] = [...start];
  let state: unknown;
  gradients.forEach((g, k) => {
    const shownState = k === 0 ? undefined : `(the state your step ${k} returned)`;
    const called = `${steps[name].called(params, [...g], shownState, options ?? {})}, step ${k + 1} of ${gradients.length}`;
    const result = takeStep(name, called, [params, [...g], state, ...extra]);
    expectVectorClose(result?.params, expected[k]!, {
      called,
      oracle: "the equations of the lesson README, run in the test",
      ...GOLDEN_TOLERANCE,
      why: () =>
        Array.isArray(result?.params)
          ? suspected.find((x) =>
              x.path[k]!.every((v, i) => isClose(result.params[i] as number, v, 1e-9, 1e-12)),
            )?.why
          : undefined,
    });
    params = result.params;
    state = result.state;
  });
}

task("momentum-step", () => {
  it("takes a plain gradient step first: the buffer starts at the gradient", () => {
    const { delta, grad } = firstStep("momentumStep", { learningRate: 0.1, momentum: 0.9 });
    expectVectorClose(
      delta,
      grad.map((g) => -0.1 * g),
      {
        called: "momentumStep(θ, g, undefined, { learningRate: 0.1, momentum: 0.9 }), the change in θ",
        oracle: "−γg: PyTorch's buffer starts at b₁ = g",
        rtol: 1e-12,
        why: (got, want) =>
          isClose(got, 0.1 * want, 1e-9) ? "the first buffer is g itself, not (1 − μ)·g" : undefined,
      },
    );
  });

  it("follows the reference trajectory for 50 steps", () => {
    expectGolden(
      "momentumStep",
      { learningRate: 0.05, momentum: 0.9 },
      references.momentum(0.05, 0.9, false),
      [{ reference: references.momentum(0.05, 0.9, false, "dampened"), why: WHY.dampened }],
    );
  });

  it("follows the Nesterov reference trajectory for 50 steps", () => {
    expectGolden(
      "momentumStep",
      { learningRate: 0.05, momentum: 0.8, nesterov: true },
      references.momentum(0.05, 0.8, true),
      [{ reference: references.momentum(0.05, 0.8, true, "dampened"), why: WHY.dampened }],
      (t) => (t === 1 ? "Nesterov's first step is (1 + μ)·γ·g: step along g + μ·b_t" : undefined),
    );
  });

  it("uses the defaults μ = 0.9 and nesterov = false when only the learning rate is given", () => {
    expectGolden("momentumStep", { learningRate: 0.05 }, references.momentum(0.05, 0.9, false), [
      { reference: references.momentum(0.05, 0.9, false, "dampened"), why: WHY.dampened },
    ]);
  });

  it("beats plain gradient descent on an ill-conditioned bowl", () => {
    // f(x) = ½(x₁² + 100x₂²); γ = 0.01 is stable for both. Plain GD: x₁ shrinks by 0.99 a step.
    const grad = (x: readonly number[]) => [x[0]!, 100 * x[1]!];
    const f = (x: readonly number[]) => 0.5 * (x[0]! ** 2 + 100 * x[1]! ** 2);
    let x = [1, 1];
    let state: unknown;
    for (let k = 0; k < 100; k++) {
      ({ params: x, state } = steps.momentumStep(x, grad(x), state, { learningRate: 0.01 }).value);
    }
    const plain = 0.5 * 0.99 ** 200;
    check(f(x) < 0.1 * plain, {
      called: "momentumStep 100 times on f(x) = ½(x₁² + 100x₂²) from (1, 1), γ = 0.01, μ = 0.9 (the default)",
      got: `f = ${formatNumber(f(x))}`,
      expected: `well below plain gradient descent's ${formatNumber(plain)} (less than a tenth of it)`,
      why: "momentum keeps building speed along the flat direction; check the default μ = 0.9",
    });
  });

  it("rejects params and grad of different lengths with a RangeError", () => {
    learner.momentumStep.rangeError("lengths differ", [1, 2], [1], undefined, { learningRate: 0.1 });
  });
});

task("adagrad-step", () => {
  it("follows the reference trajectory for 50 steps", () => {
    expectGolden("adagradStep", { learningRate: 0.5, eps: 1e-10 }, references.adagrad(0.5, 1e-10), [
      { reference: references.adagrad(0.5, 1e-10, "eps-inside"), why: WHY.epsInside },
    ]);
  });

  it("uses the defaults γ = 1e-2 and ε = 1e-10 when no options are given", () => {
    expectGolden("adagradStep", undefined, references.adagrad(1e-2, 1e-10), [
      { reference: references.adagrad(1e-2, 1e-10, "eps-inside"), why: WHY.epsInside },
    ]);
  });

  it("follows s ← s + g², θ ← θ − γg/(√s + ε) over two steps, for gradients large and tiny", () => {
    // Gradients from 1e-7 to 10 in size: near √ε = 1e-5, ε inside the root changes the step completely.
    expectForAll(
      "adagrad two steps for all",
      [
        fc.array(signedMagnitude, { minLength: 2, maxLength: 2 }),
        fc.array(signedMagnitude, { minLength: 2, maxLength: 2 }),
      ],
      (g1, g2) => {
        const reference = references.adagrad(0.1, 1e-10);
        const suspect = references.adagrad(0.1, 1e-10, "eps-inside");
        expectSteps("adagradStep", { learningRate: 0.1, eps: 1e-10 }, [0.5, -1.5], [g1, g2], reference, [
          { reference: suspect, why: WHY.epsInside },
        ]);
      },
      { numRuns: 30 },
    );
  });

  it("rejects params and grad of different lengths, naming adagradStep", () => {
    learner.adagradStep.rangeError("lengths differ", [1, 2], [1], undefined, {});
  });
});

task("rmsprop-step", () => {
  it("follows the reference trajectory for 50 steps", () => {
    expectGolden(
      "rmspropStep",
      { learningRate: 0.02, decay: 0.9, eps: 1e-8 },
      references.rmsprop(0.02, 0.9, 1e-8),
      [{ reference: references.rmsprop(0.02, 0.9, 1e-8, "eps-inside"), why: WHY.epsInside }],
    );
  });

  it("uses the defaults γ = 1e-2, α = 0.99 and ε = 1e-8 when no options are given", () => {
    expectGolden("rmspropStep", undefined, references.rmsprop(1e-2, 0.99, 1e-8), [
      { reference: references.rmsprop(1e-2, 0.99, 1e-8, "eps-inside"), why: WHY.epsInside },
    ]);
  });

  it("moves by γ·g/(√((1 − α)g²) + ε) on its first step, for gradients large and tiny", () => {
    // The README's example: g = 1e-4 moves 9.99γ with ε after the root, 0.995γ with it inside.
    expectForAll(
      "rmsprop first step for all",
      [fc.array(signedMagnitude, { minLength: 1, maxLength: 3 })],
      (g) => {
        const reference = references.rmsprop(0.01, 0.99, 1e-8);
        const suspect = references.rmsprop(0.01, 0.99, 1e-8, "eps-inside");
        expectSteps(
          "rmspropStep",
          undefined,
          g.map(() => 1),
          [g],
          reference,
          [{ reference: suspect, why: WHY.epsInside }],
        );
      },
      { numRuns: 30 },
    );
  });

  it("rejects params and grad of different lengths, naming rmspropStep", () => {
    learner.rmspropStep.rangeError("lengths differ", [1, 2], [1], undefined, {});
  });
});

task("adam-step", () => {
  it("moves every coordinate by almost exactly the learning rate on its first step", () => {
    const { delta, grad } = firstStep("adamStep", { learningRate: 0.01 });
    // Oracle: with m̂ = g and v̂ = g², the step is γ·|g|/(|g| + ε).
    expectVectorClose(
      delta.map(Math.abs),
      grad.map((g) => (0.01 * Math.abs(g)) / (Math.abs(g) + 1e-8)),
      {
        called: "adamStep(θ, g, undefined, { learningRate: 0.01 }), the size of the change in θ",
        oracle: "γ·|g|/(|g| + ε) ≈ γ, from the bias-corrected m̂ = g and v̂ = g²",
        rtol: 1e-9,
        why: (got, want) =>
          isClose(got, want * Math.sqrt(1000) * 0.1, 1e-3) ? WHY.noBiasCorrection : undefined,
      },
    );
  });

  it("follows the reference trajectory for 50 steps", () => {
    expectGolden(
      "adamStep",
      { learningRate: 0.1, beta1: 0.8, beta2: 0.99, eps: 1e-8 },
      references.adam(0.1, 0.8, 0.99, 1e-8),
      [
        { reference: references.adam(0.1, 0.8, 0.99, 1e-8, 0, "eps-inside"), why: WHY.epsInside },
        {
          reference: references.adam(0.1, 0.8, 0.99, 1e-8, 0, "no-bias-correction"),
          why: WHY.noBiasCorrection,
        },
      ],
    );
  });

  it("uses the defaults γ = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8", () => {
    expectGolden("adamStep", undefined, references.adam(1e-3, 0.9, 0.999, 1e-8), [
      { reference: references.adam(1e-3, 0.9, 0.999, 1e-8, 0, "eps-inside"), why: WHY.epsInside },
    ]);
  });

  it("rejects params and grad of different lengths, naming adamStep", () => {
    learner.adamStep.rangeError("lengths differ", [1, 2], [1], undefined, {});
  });
});

task("adamw-step", () => {
  it("shrinks the parameters by exactly (1 − γλ) when the gradient is zero", () => {
    const params = suiteRng("adamw zero gradient").normalVector(3, 2);
    const { value, called } = learner.adamwStep(params, [0, 0, 0], undefined, {
      learningRate: 0.1,
      weightDecay: 0.5,
    });
    expectVectorClose(
      value.params,
      params.map((p) => p * (1 - 0.1 * 0.5)),
      {
        called,
        oracle: "θ·(1 − γλ): decoupled decay, then an Adam step of size 0",
        rtol: 1e-12,
        why: (got, want) =>
          Math.abs(got - want) > 1e-3
            ? "decay the weights directly (θ ← θ − γλθ); adding λθ to the gradient is Adam with L2, not AdamW"
            : undefined,
      },
    );
  });

  it("follows the reference trajectory for 50 steps", () => {
    expectGolden(
      "adamwStep",
      { learningRate: 0.05, weightDecay: 0.1 },
      references.adam(0.05, 0.9, 0.999, 1e-8, 0.1),
      [
        { reference: references.adam(0.05, 0.9, 0.999, 1e-8, 0.1, "decay-after"), why: WHY.decayAfter },
        {
          reference: references.adam(0.05, 0.9, 0.999, 1e-8, 0.1, "decay-without-lr"),
          why: WHY.decayWithoutLr,
        },
      ],
    );
  });

  it("uses the default weight decay λ = 1e-2", () => {
    expectGolden("adamwStep", { learningRate: 0.05 }, references.adam(0.05, 0.9, 0.999, 1e-8, 1e-2));
  });

  it("passes Adam's options β₁, β₂ and ε on to the Adam step", () => {
    expectGolden(
      "adamwStep",
      { learningRate: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0.1 },
      references.adam(0.05, 0.8, 0.99, 1e-6, 0.1),
      [{ reference: references.adam(0.05, 0.8, 0.99, 1e-6, 0.1, "decay-after"), why: WHY.decayAfter }],
    );
  });

  it("uses γ = 1e-3 and λ = 1e-2 when no options are given", () => {
    expectGolden("adamwStep", undefined, references.adam(1e-3, 0.9, 0.999, 1e-8, 1e-2), [
      {
        reference: references.adam(1e-3, 0.9, 0.999, 1e-8, 1e-2, "decay-without-lr"),
        why: WHY.decayWithoutLr,
      },
    ]);
  });

  it("rejects params and grad of different lengths, naming adamwStep", () => {
    learner.adamwStep.rangeError("lengths differ", [1, 2], [1], undefined, {});
  });
});

task("minimize-with", () => {
  const step = labelled(
    "a step whose size grows with its state",
    (p: readonly number[], g: readonly number[], state: unknown) => {
      const count = ((state as { count?: number } | undefined)?.count ?? 0) + 1;
      // 0.03·count: (I − 0.03·k·A) is never singular for k ≤ 3 (A's eigenvalues are 1 and 10), so no
      // step lands on the minimum, where the gradient would vanish and hide a state not fed back.
      return { params: p.map((x, i) => x - 0.03 * g[i]! * count), state: { count } };
    },
  );
  const gradient = labelled("∇f", bowlGradient);

  it("returns iterations + 1 points, the start first, feeding each step its own state back", () => {
    const { value: path, called } = learner.minimizeWith(step, gradient, [1, -2], 3);
    const expected: number[][] = [[1, -2]];
    for (let k = 1; k <= 3; k++) {
      const last = expected[k - 1]!;
      expected.push(last.map((x, i) => x - 0.03 * bowlGradient(last)[i]! * k));
    }
    check(Array.isArray(path) && path.length === 4, {
      called,
      got: Array.isArray(path) ? `${path.length} points` : String(path),
      expected: "4 points: the start, then one per iteration",
      why: Array.isArray(path) && path.length === 3 ? "put x0 itself first in the path" : undefined,
    });
    expected.forEach((point, k) => {
      expectVectorClose(path[k], point, {
        called: `${called}, point ${k}`,
        oracle: "the step applied by hand, with the state it returned fed back",
        rtol: 1e-12,
        why: () =>
          k === 0
            ? "the path starts at x0"
            : "pass each step the state the previous step returned, and the gradient at the current point",
      });
    });
  });

  it("returns just the start for zero iterations", () => {
    const { value: path, called } = learner.minimizeWith(step, gradient, [3, 4], 0);
    check(Array.isArray(path) && path.length === 1, {
      called,
      got: JSON.stringify(path),
      expected: "[[3, 4]]",
    });
    expectVectorClose(path[0], [3, 4], { called, oracle: "the start", rtol: 0 });
  });
});
