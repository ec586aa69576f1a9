import type { Matrix, Rng, Vector } from "@calcml/math";
import * as lesson from "@lesson/04-gradient-descent";
import { it } from "vitest";
import {
  type Call,
  check,
  describeValue,
  expectClose,
  expectForAll,
  fail,
  fc,
  finite as finiteDouble,
  formatNumber,
  frozen,
  isClose,
  labelled,
  learnerCalls,
  norm,
  portable,
  runInSandbox,
  suiteRng,
  TODO_PREFIX,
  task,
  withSpectrum,
  wrapLearnerError,
} from "../src/checks/index.ts";

const LESSON = "04-gradient-descent";
const learner = learnerCalls(lesson);

/** The defaults the lesson contract and the numeric rules (docs/) fix for every descent. */
const DEFAULT_MAX_ITERATIONS = 10_000;
const DEFAULT_TOLERANCE = 1e-8;
/** One step `x − η·g` is a single rounding per entry: any correct order of operations agrees to this. */
const STEP_RTOL = 1e-12;
/** How close a converged run must land to the known minimiser (the tolerance is on the step, not on x). */
const MINIMUM_RTOL = 1e-5;
/** Eigenvalues from a library agree with a matrix built from known eigenvalues to about 1e-10·‖H‖. */
const EIGEN_RTOL = 1e-8;

type Run = { x: number[]; iterations: number; converged: boolean; path: number[][] };
type Gradient = (x: Vector) => number[];
type Options = { learningRate: number; maxIterations?: number; tolerance?: number };

const finite = (v: Vector): boolean => v.every((vi) => Number.isFinite(vi));
const stepBetween = (a: Vector, b: Vector): number[] => b.map((bi, i) => bi - a[i]!);
const show = (v: unknown): string => describeValue(v);

// Test problems, with their minimisers known by construction. Their gradients run inside the sandbox
// (portable): descents call them thousands of times, and no test counts the calls.

/** f(x) = ½(x − c)ᵀH(x − c) with H = Q·diag(λ)·Qᵀ (withSpectrum): eigenvalues λ, exactly symmetric. */
function bowl(rng: Rng, lambdas: readonly number[]) {
  const { A: H } = withSpectrum(rng, lambdas);
  const c = rng.normalVector(lambdas.length, 2);
  const grad = labelled(
    `∇ of ½(x − c)ᵀA(x − c), eigenvalues of A ${show(lambdas)}, c = ${show(c)}`,
    portable((x: Vector) => H.map((row) => row.reduce((s, hij, j) => s + hij * (x[j]! - c[j]!), 0)), {
      H,
      c,
    }),
  );
  return { H, c, grad, lambdas };
}

/** ∇ of Rosenbrock's (1 − x)² + 100(y − x²)². */
const rosenbrockGrad = labelled(
  "∇ Rosenbrock (a = 1, b = 100)",
  portable((p: Vector) => [
    -2 * (1 - p[0]!) - 400 * p[0]! * (p[1]! - p[0]! ** 2),
    200 * (p[1]! - p[0]! ** 2),
  ]),
);

const scalarOf = new WeakMap<Gradient, (x: number) => number>();
/** The 1-D view of a one-input gradient: `f'(x) = grad([x])[0]`, labelled like it (and portable with it). */
function toScalar(grad: Gradient): (x: number) => number {
  let df = scalarOf.get(grad);
  if (df === undefined) {
    df = labelled(
      describeValue(grad).replace(/^∇/, "d/dx"),
      portable((x: number) => grad([x])[0]!, { grad }),
    );
    scalarOf.set(grad, df);
  }
  return df;
}

// Both descent tasks seen through one shape: vectors everywhere (1-D runs use length-1 vectors).

type AnyCall = ((...args: unknown[]) => Call<unknown>) & {
  called(...args: unknown[]): string;
  raw(...args: unknown[]): unknown;
  rangeError(problem: string, ...args: unknown[]): void;
};

function descent(oneD: boolean) {
  const fn = (oneD ? learner.gradientDescent1D : learner.gradientDescent) as unknown as AnyCall;
  const args = (grad: Gradient, x0: Vector, options: Options): unknown[] =>
    oneD ? [toScalar(grad), x0[0], options] : [grad, x0, options];
  return {
    oneD,
    called: (grad: Gradient, x0: Vector, options: Options) => fn.called(...args(grad, x0, options)),
    run(grad: Gradient, x0: Vector, options: Options): Run {
      const { value, called } = fn(...args(grad, x0, options));
      return asRun(value, called, oneD);
    },
    /** Runs a descent that must return a result even if the iterates blow up: a throw is the bug. */
    runExpectingResult(grad: Gradient, x0: Vector, options: Options): Run {
      const called = this.called(grad, x0, options);
      let got: unknown;
      try {
        got = fn.raw(...args(grad, x0, options).map((a) => frozen(a)));
      } catch (error) {
        if (error instanceof Error && error.message.startsWith(TODO_PREFIX)) throw error;
        fail({
          called,
          got: `it threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
          expected: "a result with converged: false",
          why: "divergence is a result, not an exception: when an iterate is no longer finite, stop and return converged: false",
        });
      }
      return asRun(got, called, oneD);
    },
    rangeError: (problem: string, grad: Gradient, x0: Vector, options: Options) =>
      fn.rangeError(problem, ...args(grad, x0, options)),
  };
}
type Descent = ReturnType<typeof descent>;

const isNumber = (v: unknown): v is number => typeof v === "number";

function asRun(got: unknown, called: string, oneD: boolean): Run {
  const r = got as Partial<Record<keyof Run, unknown>> | null;
  const shape = oneD
    ? "{ x: number, iterations, converged, path: number[] }"
    : "{ x: number[], iterations, converged, path: number[][] }";
  const ok =
    typeof r === "object" &&
    r !== null &&
    Number.isInteger(r.iterations) &&
    typeof r.converged === "boolean" &&
    Array.isArray(r.path) &&
    (oneD
      ? isNumber(r.x) && r.path.every(isNumber)
      : Array.isArray(r.x) &&
        r.x.every(isNumber) &&
        r.path.every((p) => Array.isArray(p) && p.every(isNumber)));
  check(ok, { called, got: describeValue(got), expected: `a result ${shape}` });
  if (!oneD) return got as Run;
  const run = got as { x: number; iterations: number; converged: boolean; path: number[] };
  return { x: [run.x], iterations: run.iterations, converged: run.converged, path: run.path.map((p) => [p]) };
}

// What every run must satisfy.

/** path[0] is x0, one entry per step, every step is x − η·∇f(x), and x is the last entry. */
function checkPath(d: Descent, run: Run, grad: Gradient, x0: Vector, options: Options): void {
  const called = d.called(grad, x0, options);
  const { path } = run;
  const eta = options.learningRate;
  check(path.length === run.iterations + 1, {
    called,
    got: `iterations = ${run.iterations} and ${path.length} entries in path`,
    expected: `path.length = iterations + 1 = ${run.iterations + 1}`,
    why:
      path.length === run.iterations
        ? "the path is missing the start: path[0] must be the start x0, then one entry per step"
        : "path holds the start x0 and then one entry per step taken",
  });
  const first = path[0]!;
  check(first.length === x0.length && first.every((v, i) => v === x0[i]), () => {
    const g = grad(x0);
    const stepped = x0.map((xi, i) => xi - eta * g[i]!);
    const isFirstStep = first.every((v, i) => isClose(v, stepped[i]!, STEP_RTOL, STEP_RTOL));
    return {
      called,
      got: `path[0] = ${show(first)}`,
      expected: `path[0] = x0 = ${show(x0)}`,
      why: isFirstStep
        ? "the path is missing the start: path[0] must be the start x0, not the first step"
        : "the path starts with x0",
    };
  });
  if (!d.oneD) {
    check(new Set(path).size === path.length, {
      called,
      got: "the same array appears more than once in path",
      expected: "a fresh array for every iterate",
      why: "an array that is pushed and then changed in place changes every entry that points to it: record a copy",
    });
  }
  for (let k = 0; k + 1 < path.length; k++) {
    const [from, to] = [path[k]!, path[k + 1]!];
    if (!finite(to)) {
      check(k + 2 === path.length, {
        called,
        got: `path[${k + 1}] = ${show(to)} is not finite, yet the run went on for ${path.length - k - 2} more steps`,
        expected: "the run to stop at the first non-finite iterate",
        why: "a non-finite iterate ends the run (converged: false)",
      });
      break;
    }
    const g = grad(from);
    const want = from.map((xi, i) => xi - eta * g[i]!);
    const atol = (i: number) => STEP_RTOL * Math.max(1, Math.abs(from[i]!), Math.abs(eta * g[i]!));
    const same = (w: Vector) =>
      to.length === w.length &&
      to.every((v, i) => Math.abs(v - w[i]!) <= atol(i) + STEP_RTOL * Math.abs(w[i]!));
    if (!same(want)) {
      const why = same(from.map((xi, i) => xi + eta * g[i]!))
        ? "the step went uphill, along +∇f (gradient ascent): gradient descent moves against the gradient, x − η·∇f(x)"
        : same(from.map((xi, i) => xi - g[i]!))
          ? "the step is not scaled by the learning rate: x − η·∇f(x)"
          : "each step is x_{k+1} = x_k − η·∇f(x_k), with ∇f evaluated at the current iterate";
      fail({
        called,
        got: `path[${k + 1}] = ${show(to)} after path[${k}] = ${show(from)}`,
        expected: `path[${k + 1}] = ${show(want)} (x − η·∇f(x) with η = ${eta}), within ${STEP_RTOL} relative`,
        why,
      });
    }
  }
  const last = path[path.length - 1]!;
  check(run.x.length === last.length && run.x.every((v, i) => Object.is(v, last[i]) || v === last[i]), {
    called,
    got: `x = ${show(run.x)}`,
    expected: `x = the last entry of path, ${show(last)}`,
    why: "x is the last iterate",
  });
}

/** The stopping rule: converged exactly when a step shorter than the tolerance was found. */
function checkStop(d: Descent, run: Run, grad: Gradient, x0: Vector, options: Options): void {
  const called = d.called(grad, x0, options);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const eta = options.learningRate;
  const steps = run.path.slice(1).map((p, k) => norm(stepBetween(run.path[k]!, p)));
  const nextStep = eta * norm(grad(run.x));
  const recordedLast = steps.at(-1);
  const early = steps.slice(0, -1).findIndex((s) => s < tolerance);
  if (early >= 0) {
    const gradNorm = norm(grad(run.path[early]!));
    fail({
      called,
      got: `step ${early + 1} had length ${formatNumber(steps[early]!)} < tolerance ${tolerance}, but the run went on to ${run.iterations} steps`,
      expected: "the run to stop at the first step shorter than the tolerance",
      why:
        gradNorm >= tolerance
          ? `stop on the step's length ‖step‖ = η·‖∇f‖, not on ‖∇f‖ (‖∇f‖ = ${formatNumber(gradNorm)} was still ≥ the tolerance there)`
          : "stop as soon as ‖step‖ < tolerance",
    });
  }
  if (run.converged) {
    const gradNorm = norm(grad(run.x));
    check((recordedLast !== undefined && recordedLast < tolerance) || nextStep < tolerance, {
      called,
      got: `converged: true after ${run.iterations} steps; the last step had length ${formatNumber(recordedLast ?? Number.NaN)}`,
      expected: `converged: true only once a step is shorter than the tolerance ${tolerance}`,
      why:
        gradNorm < tolerance
          ? `stop on the step's length ‖step‖ = η·‖∇f(x)‖, not on ‖∇f(x)‖ (= ${formatNumber(gradNorm)} at the end; η = ${eta})`
          : "converged means the last step was shorter than the tolerance",
    });
    return;
  }
  const blewUp = !finite(run.x) || !finite(run.x.map((xi, i) => xi - eta * grad(run.x)[i]!));
  check(blewUp || run.iterations === maxIterations, {
    called,
    got: `converged: false after ${run.iterations} steps (last step length ${formatNumber(recordedLast ?? Number.NaN)})`,
    expected: `either a step shorter than ${tolerance} (converged: true), a non-finite iterate, or all ${maxIterations} steps`,
    why: "the run stops only for one of those three reasons",
  });
}

/** A random 2- or 3-D bowl with eigenvalues in [1, 10]. */
function randomBowl(rng: Rng) {
  const n = 2 + rng.int(2);
  const lambdas = Array.from({ length: n }, (_, i) =>
    i === 0 ? 1 : i === n - 1 ? 10 : 1 + 9 * rng.uniform(),
  );
  return bowl(rng, lambdas);
}

/** ∇ of the README's worked example (x − 3)², run inside the sandbox. */
const workedGrad = labelled(
  "∇ of (x − 3)²",
  portable((x: Vector) => [2 * (x[0]! - 3)]),
);
/** ∇ of the plot's x² + 10y² (README, "What a plot shows"). */
const plotGrad = labelled(
  "∇ of x² + 10y²",
  portable((p: Vector) => [2 * p[0]!, 20 * p[1]!]),
);

/** Checks a run's step count and convergence flag against counts the README states. */
function expectCount(
  d: Descent,
  grad: Gradient,
  x0: Vector,
  options: Options,
  steps: number,
  oracle: string,
) {
  const run = d.run(grad, x0, options);
  const called = d.called(grad, x0, options);
  checkPath(d, run, grad, x0, options);
  check(run.iterations === steps && run.converged, {
    called,
    got: `iterations = ${run.iterations}, converged: ${run.converged}`,
    expected: `iterations = ${steps}, converged: true (${oracle})`,
    why:
      run.iterations === steps && !run.converged
        ? "step number maxIterations was already shorter than the tolerance: test the step (rule 2) before the cap (rule 3), so the run converged"
        : run.iterations < steps
          ? "the run stopped early: stop at the first step whose length is below the tolerance, not before"
          : "the run went on after a step shorter than the tolerance",
  });
}

/** The tests of one descent task, shared by the 1-D and the n-D version. */
function descentTests(d: Descent, salt: string): void {
  const problem = (rng: Rng) => (d.oneD ? bowl(rng, [1 + 9 * rng.uniform()]) : randomBowl(rng));

  it("descends a bowl to its minimum", () => {
    const rng = suiteRng(`${salt} bowl`);
    for (let k = 0; k < 3; k++) {
      const { c, grad, lambdas } = problem(rng);
      const options = { learningRate: 1 / Math.max(...lambdas) };
      const x0 = c.map((ci) => ci + rng.normal(0, 3));
      const run = d.run(grad, x0, options);
      const distance = norm(stepBetween(c, run.x));
      check(run.converged && distance <= MINIMUM_RTOL * Math.max(1, norm(c)), () => {
        const g = grad(x0);
        const uphill =
          run.path.length > 1 &&
          isClose(run.path[1]![0]!, x0[0]! + options.learningRate * g[0]!, STEP_RTOL, STEP_RTOL);
        return {
          called: d.called(grad, x0, options),
          got: `x = ${show(run.x)}, converged: ${run.converged}, after ${run.iterations} steps`,
          expected: `converged: true near the minimum ${show(c)} (within ${MINIMUM_RTOL} relative)`,
          why: uphill
            ? "the first step went uphill, along +∇f (gradient ascent): gradient descent moves against the gradient, x − η·∇f(x)"
            : "with η = 1/λmax every step shrinks the distance to the minimum, so the run converges there",
        };
      });
    }
  });

  it("records the start and every iterate in the path", () => {
    const rng = suiteRng(`${salt} path`);
    const { c, grad } = problem(rng);
    const x0 = c.map((ci) => ci + rng.normal(0, 3));
    const bowlOptions = { learningRate: 0.05 };
    checkPath(d, d.run(grad, x0, bowlOptions), grad, x0, bowlOptions);
    const curved = d.oneD
      ? labelled(
          "∇ of x⁴/4 + sin x",
          portable((x: Vector) => [x[0]! ** 3 + Math.cos(x[0]!)]),
        )
      : rosenbrockGrad;
    const start = d.oneD ? [1.5] : [-1.2, 1];
    const curvedOptions = { learningRate: 1e-3, maxIterations: 200 };
    checkPath(d, d.run(curved, start, curvedOptions), curved, start, curvedOptions);
  });

  it("stops as soon as a step is shorter than the tolerance", () => {
    const rng = suiteRng(`${salt} stop`);
    // Curvature 1: with η = 0.01 the step is 100× shorter than ∇f; with η = 1.9 it is longer.
    const lambdas = d.oneD ? [1] : [1, 1];
    for (const [learningRate, tolerance] of [
      [0.01, 1e-3],
      [1.9, 1e-3],
      [0.01, undefined],
      [1.9, undefined],
    ] as const) {
      const { c, grad } = bowl(rng, lambdas);
      const x0 = c.map((ci) => ci + (rng.uniform() < 0.5 ? -1 : 1) * (1 + rng.uniform()));
      const options = tolerance === undefined ? { learningRate } : { learningRate, tolerance };
      const run = d.run(grad, x0, options);
      checkStop(d, run, grad, x0, options);
      check(run.converged, {
        called: d.called(grad, x0, options),
        got: `converged: false after ${run.iterations} steps`,
        expected: "converged: true (this bowl converges in a few hundred steps)",
      });
    }
  });

  it("stops after maxIterations without claiming convergence", () => {
    const rng = suiteRng(`${salt} max iterations`);
    // maxIterations = 1 is a positive integer too: one step, then stop.
    for (const [learningRate, maxIterations] of [
      [1e-4, 50],
      [1e-5, undefined],
      [1e-4, 1],
    ] as const) {
      const { c, grad } = problem(rng);
      const x0 = c.map((ci) => ci + 1 + rng.uniform());
      const options = maxIterations === undefined ? { learningRate } : { learningRate, maxIterations };
      const run = d.run(grad, x0, options);
      const want = maxIterations ?? DEFAULT_MAX_ITERATIONS;
      const called = d.called(grad, x0, options);
      check(run.iterations === want && !run.converged, {
        called,
        got: `iterations = ${run.iterations}, converged: ${run.converged}`,
        expected: `iterations = ${want}${maxIterations === undefined ? " (the default maxIterations)" : ""}, converged: false: every step is still longer than the tolerance`,
      });
      checkStop(d, run, grad, x0, options);
      check(run.path.length === want + 1, {
        called,
        got: `${run.path.length} entries in path`,
        expected: `${want + 1}: the start, then one entry per step`,
      });
    }
  });

  if (d.oneD) {
    it("reproduces the worked example: (x − 3)² from 0 with η = 0.25 stops after 29 steps", () => {
      // Distance to 3 after k steps: 3·2⁻ᵏ; step k has length 3·2⁻ᵏ too, first < 1e-8 at k = 29.
      expectCount(
        d,
        workedGrad,
        [0],
        { learningRate: 0.25 },
        29,
        "step k has length 3·2⁻ᵏ, first below 1e-8 at k = 29",
      );
    });
  } else {
    it("reproduces the README's counts on x² + 10y² from (1, 1): 720 steps at η = 0.01, 88 at η = 0.09", () => {
      expectCount(
        d,
        plotGrad,
        [1, 1],
        { learningRate: 0.01 },
        720,
        "the first step shorter than 1e-8 is step 720",
      );
      expectCount(
        d,
        plotGrad,
        [1, 1],
        { learningRate: 0.09 },
        88,
        "the first step shorter than 1e-8 is step 88",
      );
    });
  }

  it("lets a short last step win over maxIterations: converged: true", () => {
    // The step that uses up maxIterations is the first one shorter than the tolerance (rule 2 before rule 3).
    if (d.oneD) {
      expectCount(
        d,
        workedGrad,
        [0],
        { learningRate: 0.25, maxIterations: 29 },
        29,
        "step 29 is shorter than 1e-8",
      );
    } else {
      expectCount(
        d,
        plotGrad,
        [1, 1],
        { learningRate: 0.09, maxIterations: 88 },
        88,
        "step 88 is shorter than 1e-8",
      );
    }
  });

  it("does not stop on a step exactly as long as the tolerance (shorter means strictly shorter)", () => {
    // f(x) = x₀ (a slope, no minimum): every step is −η·e₀, of length exactly η = the tolerance here,
    // and at a minimum (∇f = 0) every step has length 0, which is not shorter than a tolerance of 0.
    const n = d.oneD ? 1 : 2;
    const slope = labelled(
      "∇ of x₀ (a constant slope)",
      portable((x: Vector) => x.map((_, i) => (i === 0 ? 1 : 0))),
    );
    const flat = labelled(
      "∇ of a constant function (zero everywhere)",
      portable((x: Vector) => x.map(() => 0)),
    );
    for (const [grad, options, why] of [
      [
        slope,
        { learningRate: 0.5, tolerance: 0.5, maxIterations: 4 },
        "every step has length exactly 0.5, which is not shorter than the tolerance 0.5",
      ],
      [
        flat,
        { learningRate: 0.1, tolerance: 0, maxIterations: 3 },
        "every step has length 0, which is not shorter than the tolerance 0",
      ],
    ] as const) {
      const x0 = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : -2));
      const run = d.run(grad, x0, options);
      check(run.iterations === options.maxIterations && !run.converged, {
        called: d.called(grad, x0, options),
        got: `iterations = ${run.iterations}, converged: ${run.converged}`,
        expected: `iterations = ${options.maxIterations}, converged: false`,
        why: `${why}: stop with converged: true only when ‖step‖ < tolerance, strictly`,
      });
      checkPath(d, run, grad, x0, options);
    }
  });

  if (!d.oneD) {
    it("keeps path[0] its own copy: changing x0 after the run leaves the path as it was", () => {
      // Runs inside the sandbox, where x0 is the caller's own (unfrozen) array.
      const probe = labelled(
        "x0 = [1, 2]; run = gradientDescent(∇ of ½‖x‖², x0, { learningRate: 0.5, maxIterations: 2 }); x0[0] = 99; x0[1] = 99",
        portable((gd: (grad: (x: number[]) => number[], x0: number[], o: Options) => Run) => {
          const x0 = [1, 2];
          const run = gd((x) => x.map((xi) => xi), x0, { learningRate: 0.5, maxIterations: 2 });
          x0[0] = 99;
          x0[1] = 99;
          return { first: run.path[0], x: run.x };
        }),
      );
      const called = describeValue(probe);
      let got: { first: unknown; x: unknown };
      try {
        got = runInSandbox(LESSON, probe, lesson.gradientDescent);
      } catch (error) {
        throw wrapLearnerError(error, called);
      }
      const same = (v: unknown, want: number[]) =>
        Array.isArray(v) && v.length === want.length && v.every((vi, i) => vi === want[i]);
      check(same(got.first, [1, 2]) && same(got.x, [0.25, 0.5]), {
        called,
        got: `path[0] = ${show(got.first)}, x = ${show(got.x)}`,
        expected: "path[0] = [1, 2] and x = [0.25, 0.5], whatever the caller does to x0 afterwards",
        why: "path[0] is the caller's x0 itself: record a copy of the start (x0.slice()), so that every entry of path is its own array",
      });
    });
  }

  it("takes every step x − η·∇f(x) from any start (property)", () => {
    // Three steps with tolerance 0 on a random axis-aligned bowl: the path must be the update, exactly.
    const n = d.oneD ? 1 : 2;
    expectForAll(
      `${salt} every step`,
      [
        fc.array(finiteDouble(0.1, 10), { minLength: n, maxLength: n }),
        fc.array(finiteDouble(-5, 5), { minLength: n, maxLength: n }),
        fc.array(finiteDouble(-10, 10), { minLength: n, maxLength: n }),
        finiteDouble(1e-3, 0.15),
      ],
      (a, c, x0, learningRate) => {
        const grad = labelled(
          `∇ of Σ ½aᵢ(xᵢ − cᵢ)², a = ${show(a)}, c = ${show(c)}`,
          portable((x: Vector) => x.map((xi, i) => a[i]! * (xi - c[i]!)), { a, c }),
        );
        const options = { learningRate, maxIterations: 3, tolerance: 0 };
        const run = d.run(grad, x0, options);
        checkPath(d, run, grad, x0, options);
        check(run.iterations === 3 && !run.converged, {
          called: d.called(grad, x0, options),
          got: `iterations = ${run.iterations}, converged: ${run.converged}`,
          expected:
            "iterations = 3, converged: false: with tolerance 0 no step is shorter than the tolerance",
        });
      },
      { numRuns: 25 },
    );
  });

  it("reports a divergent run as a result with converged: false", () => {
    const rng = suiteRng(`${salt} diverge`);
    // η·λ = 5 along the stiffest direction: each step multiplies that component by 1 − 5 = −4.
    const { c, grad } = bowl(rng, d.oneD ? [10] : [1, 10]);
    const x0 = c.map((ci) => ci + 1 + rng.uniform());
    const options = { learningRate: 0.5 };
    const run = d.runExpectingResult(grad, x0, options);
    const called = d.called(grad, x0, options);
    check(!run.converged, {
      called,
      got: `converged: true with x = ${show(run.x)} after ${run.iterations} steps`,
      expected: "converged: false",
      why: "a divergent run is reported as converged: the iterates blew up (η·λmax = 5 > 2); a non-finite iterate means converged: false",
    });
    check(run.iterations < DEFAULT_MAX_ITERATIONS, {
      called,
      got: `${run.iterations} steps`,
      expected: "the run to stop at the first non-finite iterate (after about 500 steps here)",
      why: "once x is Infinity or NaN nothing useful can follow: stop there",
    });
    checkPath(d, run, grad, x0, options);
    checkStop(d, run, grad, x0, options);
  });

  it("rejects invalid options with a RangeError", () => {
    const grad = labelled("∇ of ½x²", (x: Vector) => x.map((xi) => xi));
    const x0 = d.oneD ? [1] : [1, 2];
    const bad: [Options, string][] = [
      [{ learningRate: 0 }, "learningRate must be positive"],
      [{ learningRate: -0.1 }, "learningRate must be positive"],
      [{ learningRate: Number.NaN }, "learningRate must be a number"],
      [{ learningRate: Number.POSITIVE_INFINITY }, "learningRate must be finite"],
      [{ learningRate: 0.1, maxIterations: 0 }, "maxIterations must be a positive integer"],
      [{ learningRate: 0.1, maxIterations: 2.5 }, "maxIterations must be a positive integer"],
      [{ learningRate: 0.1, tolerance: -1 }, "tolerance must be ≥ 0"],
    ];
    for (const [options, problem] of bad) d.rangeError(problem, grad, x0, options);
    if (!d.oneD) learner.gradientDescent.rangeError("x0 is empty", grad, [], { learningRate: 0.1 });
  });
}

task("gradient-descent-1d", () => descentTests(descent(true), "1d"));

task("gradient-descent", () => descentTests(descent(false), "nd"));

type Regime = "converges" | "oscillates" | "one-step" | "diverges";
const REGIME_WHY: Record<Regime, string> = {
  converges: "η·a < 1: each step multiplies x by 1 − η·a, which is in (0, 1): 'converges' (monotonically)",
  "one-step": "η·a = 1: the factor 1 − η·a is 0, so the first step lands on the minimum: 'one-step'",
  oscillates:
    "1 < η·a ≤ 2: the factor 1 − η·a is in [−1, 0), so x flips sign each step without growing: 'oscillates'",
  diverges: "η·a > 2: the factor 1 − η·a is below −1, so |x| grows every step: 'diverges'",
};

function expectRegime(a: number, eta: number, want: Regime): void {
  const { value, called } = learner.classifyLearningRate(a, eta);
  check(value === want, {
    called,
    got: describeValue(value),
    expected: `${JSON.stringify(want)} (η·a = ${formatNumber(eta * a)})`,
    why: REGIME_WHY[want],
  });
}

task("classify-learning-rate", () => {
  it("names each regime for random curvatures and learning rates", () => {
    const rng = suiteRng("classify random");
    const bands: [number, number, Regime][] = [
      [0.02, 0.98, "converges"],
      [1.02, 1.98, "oscillates"],
      [2.02, 20, "diverges"],
    ];
    for (let k = 0; k < 4; k++) {
      for (const [low, high, regime] of bands) {
        const a = 10 ** (4 * rng.uniform() - 2);
        const product = low + (high - low) * rng.uniform();
        expectRegime(a, product / a, regime);
      }
    }
  });

  it("names the regime of η·a for any positive curvature and learning rate (property)", () => {
    // η·a is drawn away from the boundaries 1 and 2, so every way of forming the product agrees.
    const awayFromBoundaries = finiteDouble(1e-3, 6).filter(
      (p) => Math.abs(p - 1) > 1e-6 && Math.abs(p - 2) > 1e-6,
    );
    expectForAll(
      "classify any positive",
      [finiteDouble(1e-3, 1e3), awayFromBoundaries],
      (a, product) => {
        const eta = product / a;
        const exact = eta * a;
        expectRegime(a, eta, exact < 1 ? "converges" : exact <= 2 ? "oscillates" : "diverges");
      },
      { numRuns: 40 },
    );
  });

  it("calls η = 1/a 'one-step' and the boundary η = 2/a 'oscillates'", () => {
    // These pairs are exact in Float64: η·a, 1/a and 1 − η·a all come out exactly 1 (or 2, −1).
    for (const a of [1, 2, 4, 0.5, 5, 10, 100]) {
      expectRegime(a, 1 / a, "one-step");
      expectRegime(a, 2 / a, "oscillates");
    }
  });

  it("rejects a curvature or learning rate that is not positive", () => {
    for (const [a, eta] of [
      [0, 0.1],
      [-1, 0.1],
      [Number.NaN, 0.1],
      [1, 0],
      [1, -0.5],
      [1, Number.NaN],
    ] as const) {
      learner.classifyLearningRate.rangeError("curvature and learning rate must be positive", a, eta);
    }
  });
});

function rateWhy(lambdas: readonly number[], H: Matrix) {
  const max = Math.max(...lambdas);
  const min = Math.min(...lambdas);
  const near = (got: number, w: number) => Math.abs(got - w) <= 1e-6 * Math.abs(w);
  return (got: number): string | undefined => {
    if (near(got, 1 / max))
      return "that is 1/λmax, the rate that settles the stiffest direction in one step; the stability limit is 2/λmax";
    if (near(got, 2 / min) && min !== max)
      return "that uses the smallest eigenvalue; the stiffest direction (largest eigenvalue) limits the rate";
    if (near(got, max / 2)) return "that is λmax/2; the rate is 2/λmax";
    const diag = Math.max(...H.map((row, i) => row[i]!));
    if (near(got, 2 / diag) && diag !== max)
      return "the largest diagonal entry is not the largest eigenvalue unless H is diagonal: use eigSym";
    return undefined;
  };
}

function expectRate(H: number[][], lambdas: readonly number[], oracle: string): void {
  const { value, called } = learner.maxStableLearningRate(H);
  expectClose(value, 2 / Math.max(...lambdas), {
    called,
    oracle,
    rtol: EIGEN_RTOL,
    atol: 0,
    why: rateWhy(lambdas, H),
  });
}

task("max-stable-learning-rate", () => {
  it("gives 2/λmax for small Hessians worked by hand", () => {
    expectRate([[2]], [2], "2/2");
    expectRate(
      [
        [1, 0],
        [0, 100],
      ],
      [1, 100],
      "a diagonal matrix's eigenvalues are its diagonal: 2/100",
    );
    expectRate(
      [
        [3, 1],
        [1, 3],
      ],
      [2, 4],
      "eigenvalues 3 ± 1: 2/4",
    );
  });

  it("gives 2/λmax for random symmetric positive-definite Hessians", () => {
    const rng = suiteRng("max stable random");
    for (let n = 2; n <= 5; n++) {
      const lambdas = Array.from({ length: n }, () => 10 ** (3 * rng.uniform() - 1));
      const { A } = withSpectrum(rng, lambdas);
      expectRate(A, lambdas, `H = Q·diag(λ)·Qᵀ built from the eigenvalues ${show(lambdas)}: 2/max λ`);
    }
  });

  it("accepts a positive-definite Hessian whose smallest eigenvalue is just above the zero band", () => {
    // Band 1e-8·max(1, max|λ|): 1e-6 is above it for λmax = 3, 0.5 above it for λmax = 1e4.
    const rng = suiteRng("max stable near band");
    expectRate(withSpectrum(rng, [1e-6, 3]).A, [1e-6, 3], "eigenvalues 1e-6 and 3: 2/3");
    expectRate(
      [
        [1e4, 0],
        [0, 0.5],
      ],
      [0.5, 1e4],
      "a diagonal matrix's eigenvalues are its diagonal: 2/1e4",
    );
  });

  it("rejects Hessians that are not square, symmetric and positive definite", () => {
    const bad: [number[][], string][] = [
      [[], "the Hessian is empty"],
      [
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        "not square",
      ],
      [
        [
          [2, 1],
          [0, 2],
        ],
        "not symmetric",
      ],
      [
        [
          [1, 0],
          [0, -1],
        ],
        "not positive definite (eigenvalues 1 and −1)",
      ],
      [
        [
          [-2, 0],
          [0, -3],
        ],
        "not positive definite (negative definite)",
      ],
      [
        [
          [2, 0],
          [0, 5e-9],
        ],
        "not positive definite: 5e-9 ≤ 1e-8·max(1, 2), inside the zero band",
      ],
      [
        [
          [1e4, 0],
          [0, 5e-5],
        ],
        "not positive definite: 5e-5 ≤ 1e-8·max(1, 1e4) = 1e-4, the band grows with the largest eigenvalue",
      ],
      [
        [
          [1, 0],
          [0, 1e-8],
        ],
        "not positive definite: 1e-8 ≤ 1e-8·max(1, 1), exactly on the band's edge (≤ includes it)",
      ],
      [[[1e-8]], "not positive definite: 1e-8 ≤ 1e-8·max(1, 1e-8), exactly on the band's edge"],
    ];
    for (const [H, problem] of bad) learner.maxStableLearningRate.rangeError(problem, H);
  });
});
