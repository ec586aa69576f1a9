import { cholesky, type Rng, solve, type Vector } from "@calcml/math";
import * as lesson from "@lesson/07-newtons-method";
import { it } from "vitest";
import {
  CheckError,
  check,
  describeValue,
  dot,
  expectClose,
  expectForAll,
  expectVectorClose,
  fail,
  finite,
  formatNumber,
  labelled,
  learnerCalls,
  matvec,
  maxAbs,
  portable,
  randomSpd,
  runInSandbox,
  suiteRng,
  task,
  wrapLearnerError,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

/** A linear solve of a well-conditioned system is exact to this, relative to the scale of the answer. */
const SOLVE_RTOL = 1e-9;
/** Where Newton's method should land: a minimiser or root to this accuracy (its tolerance is far tighter). */
const LANDING_TOL = 1e-6;
/** Line-search steps are powers of ρ times α₀: any way of forming them agrees to this. */
const STEP_RTOL = 1e-12;
/** docs/numerics.md and docs/lesson-contract.md defaults the README states. */
const DEFAULT_C1 = 1e-4;
const DEFAULT_MAX_HALVINGS = 50;
/** docs/lesson-contract.md: Newton on Rosenbrock from (−1.2, 1) converges in under this many iterations. */
const ROSENBROCK_BUDGET = 50;

// Test problems, written here independently of any learner or reference code.

type Problem = {
  f: (x: Vector) => number;
  grad: (x: Vector) => number[];
  hess: (x: Vector) => number[][];
};

/** `f(x) = ½xᵀAx + bᵀx` with its minimiser `x* = −A⁻¹b` chosen first, so the oracle is exact. */
function randomQuadratic(rng: Rng, n: number): Problem & { A: number[][]; xStar: number[] } {
  const A = randomSpd(rng, n);
  const xStar = rng.normalVector(n, 2);
  const b = matvec(A, xStar).map((v) => -v);
  return {
    A,
    xStar,
    f: labelled("x ↦ ½xᵀAx + bᵀx", (x: Vector) => 0.5 * dot(x, matvec(A, x)) + dot(b, x)),
    grad: labelled("x ↦ Ax + b", (x: Vector) => matvec(A, x).map((v, i) => v + b[i]!)),
    hess: labelled("x ↦ A", () => A.map((row) => row.slice())),
  };
}

const rosenbrock: Problem = {
  f: labelled("Rosenbrock", (p: Vector) => (1 - p[0]!) ** 2 + 100 * (p[1]! - p[0]! ** 2) ** 2),
  grad: labelled("∇Rosenbrock", (p: Vector) => [
    -2 * (1 - p[0]!) - 400 * p[0]! * (p[1]! - p[0]! ** 2),
    200 * (p[1]! - p[0]! ** 2),
  ]),
  hess: labelled("∇²Rosenbrock", (p: Vector) => [
    [2 - 400 * p[1]! + 1200 * p[0]! ** 2, -400 * p[0]!],
    [-400 * p[0]!, 200],
  ]),
};

/**
 * A double well in x and a bowl in y: minima (±1, 0) with value 0 (so f keeps its relative precision near
 * them and a line search can still see the decrease); the Hessian is indefinite for |x| < 1/√3.
 */
const doubleWell: Problem = {
  f: labelled("(x² − 1)²/4 + y²/2", (p: Vector) => (p[0]! ** 2 - 1) ** 2 / 4 + p[1]! ** 2 / 2),
  grad: labelled("(x³ − x, y)", (p: Vector) => [p[0]! ** 3 - p[0]!, p[1]!]),
  hess: labelled("diag(3x² − 1, 1)", (p: Vector) => [
    [3 * p[0]! ** 2 - 1, 0],
    [0, 1],
  ]),
};

/**
 * Σ (√(1 + xᵢ²) − 1), written as xᵢ²/(√(1 + xᵢ²) + 1) to avoid cancellation: convex, minimum 0 at 0,
 * but a full Newton step from |xᵢ| > 1 jumps to −xᵢ³.
 */
const pseudoHuber: Problem = {
  f: labelled("Σ (√(1 + xᵢ²) − 1)", (x: Vector) =>
    x.reduce((s, v) => s + (v * v) / (Math.sqrt(1 + v * v) + 1), 0),
  ),
  grad: labelled("xᵢ / √(1 + xᵢ²)", (x: Vector) => x.map((v) => v / Math.sqrt(1 + v * v))),
  hess: labelled("diag((1 + xᵢ²)^(−3/2))", (x: Vector) =>
    x.map((v, i) => x.map((_, j) => (i === j ? (1 + v * v) ** -1.5 : 0))),
  ),
};

/** Checks the DescentResult shape: x, iterations, converged, path with the start first and one entry per step. */
function checkResult(result: unknown, x0: Vector, called: string): lesson.DescentResult {
  const r = result as Partial<lesson.DescentResult> | undefined;
  const ok =
    r !== undefined &&
    Array.isArray(r.x) &&
    Number.isInteger(r.iterations) &&
    typeof r.converged === "boolean" &&
    Array.isArray(r.path);
  check(ok, () => ({
    called,
    got: describeValue(result),
    expected: "{ x: number[], iterations: integer, converged: boolean, path: number[][] }",
  }));
  const res = r as lesson.DescentResult;
  check(res.path.length === res.iterations + 1, () => ({
    called,
    got: `iterations ${res.iterations} and a path of ${res.path.length} points`,
    expected: `a path of iterations + 1 = ${res.iterations + 1} points`,
    why: "the path holds the start and then one point per step",
  }));
  expectExactly(
    res.path[0],
    x0,
    `${called}.path[0]`,
    "the start x0",
    "path[0] must be the starting point itself",
  );
  expectExactly(res.x, res.path[res.path.length - 1] ?? [], `${called}.x`, "the last point of the path");
  return res;
}

/** Vectors equal entry for entry (no tolerance: the same numbers must come back). */
function expectExactly(got: unknown, want: Vector, called: string, oracle: string, why?: string): void {
  check(
    Array.isArray(got) &&
      got.length === want.length &&
      want.every((w, i) => Object.is(got[i], w) || got[i] === w),
    () => ({
      called,
      got: describeValue(got),
      expected: `${describeValue(want)} (${oracle}), exactly`,
      ...(why === undefined ? {} : { why }),
    }),
  );
}

/** Vectors equal entry for entry to ±atol (an absolute tolerance: the oracle is near 0 or O(1)). */
function expectWithin(got: unknown, want: Vector, atol: number, called: string, oracle: string): void {
  check(
    Array.isArray(got) &&
      got.length === want.length &&
      want.every((w, i) => typeof got[i] === "number" && Math.abs((got[i] as number) - w) <= atol),
    () => ({
      called,
      got: describeValue(got),
      expected: `${describeValue(want)} (${oracle}), each entry ±${formatNumber(atol)}`,
    }),
  );
}

/** The docs/numerics.md backtracking rule, run by the suite: the first of α₀, α₀ρ, … (≤ 50 halvings) that `accept`s, else 0. */
function firstStep(accept: (alpha: number) => boolean, initialStep: number, shrink: number): number {
  let alpha = initialStep;
  for (let k = 0; k <= DEFAULT_MAX_HALVINGS; k++, alpha *= shrink) if (accept(alpha)) return alpha;
  return 0;
}

/** Every step of a line-searched method satisfies Armijo, so f never increases along the path. */
function checkDescends(problem: Problem, path: readonly Vector[], called: string): void {
  for (let k = 1; k < path.length; k++) {
    const [before, after] = [problem.f(path[k - 1]!), problem.f(path[k]!)];
    check(after <= before + 1e-12 * Math.abs(before), () => ({
      called,
      got: `f rose from ${formatNumber(before)} at path[${k - 1}] to ${formatNumber(after)} at path[${k}]`,
      expected: "f(path[k]) ≤ f(path[k − 1]) at every step",
      why: "each step is accepted by the Armijo line search, so f must go down; is the step the line search's α·p, and is p a descent direction (H made positive definite first)?",
    }));
  }
}

task("newton-step", () => {
  it("solves a diagonal system by hand: p = −g / h", () => {
    const { value, called } = learner.newtonStep(
      [2, -3],
      [
        [4, 0],
        [0, 1.5],
      ],
    );
    expectVectorClose(value, [-0.5, 2], {
      called,
      oracle: "(−2/4, 3/1.5)",
      why: (got, want) =>
        got === -want ? "the sign is flipped: the Newton step solves H·p = −g" : undefined,
    });
  });

  it("reproduces the worked example: p = (−3, −6) at (5, 5)", () => {
    const { value, called } = learner.newtonStep(
      [12, 15],
      [
        [2, 1],
        [1, 2],
      ],
    );
    expectVectorClose(value, [-3, -6], {
      called,
      oracle: "−⅓(2·12 − 15, −12 + 2·15)",
      rtol: SOLVE_RTOL,
      atol: SOLVE_RTOL,
    });
  });

  it("solves H·p = −g for any symmetric positive-definite 2×2 H and any g (property)", () => {
    // H = LLᵀ with L = [[l₁, 0], [l₂, l₃]], l₁, l₃ ≥ 0.5: positive definite, condition number ≤ ~1e3.
    expectForAll(
      "newton step any spd",
      [finite(0.5, 3), finite(-3, 3), finite(0.5, 3), finite(-10, 10), finite(-10, 10)],
      (l1, l2, l3, g0, g1) => {
        const H = [
          [l1 * l1, l1 * l2],
          [l1 * l2, l2 * l2 + l3 * l3],
        ];
        const g = [g0, g1];
        const { value: p, called } = learner.newtonStep(g, H);
        check(Array.isArray(p) && p.length === 2, () => ({
          called,
          got: describeValue(p),
          expected: "an array of 2 numbers",
        }));
        const residual = matvec(H, p).map((v, i) => v + g[i]!);
        const scale = maxAbs(g) + maxAbs(H.flat()) * maxAbs(p);
        check(maxAbs(residual) <= SOLVE_RTOL * Math.max(1, scale), () => ({
          called,
          got: `p = ${describeValue(p)}, with H·p + g = ${describeValue(residual)}`,
          expected: "H·p + g = 0",
          why: "the Newton step solves H·p = −g",
        }));
      },
      { numRuns: 30 },
    );
  });

  it("lands on the minimiser of a random quadratic in one step", () => {
    const rng = suiteRng("newton step quadratic");
    for (const n of [2, 3, 5]) {
      const q = randomQuadratic(rng, n);
      const x = rng.normalVector(n, 3);
      const g = q.grad(x);
      const { value: p, called } = learner.newtonStep(g, q.hess(x));
      check(Array.isArray(p) && p.length === n, () => ({
        called,
        got: describeValue(p),
        expected: `an array of ${n} numbers`,
      }));
      const landed = x.map((xi, i) => xi + (p[i] as number));
      expectVectorClose(landed, q.xStar, {
        called: `x + ${called}`,
        oracle: "the exact minimiser x* of ½xᵀAx + bᵀx, where the gradient Ax + b is 0",
        rtol: SOLVE_RTOL,
        atol: SOLVE_RTOL * maxAbs(q.xStar),
        why: () => {
          const away = x.map((xi, i) => xi - (p[i] as number));
          if (away.every((v, i) => Math.abs(v - q.xStar[i]!) <= 1e-6 * (1 + maxAbs(q.xStar))))
            return "x − p is the minimiser, so p has the wrong sign: solve H·p = −g";
          if (p.every((v, i) => Math.abs(v + g[i]!) <= 1e-9 * (1 + Math.abs(g[i]!))))
            return "p = −g is the gradient step: the Newton step solves H·p = −g, using the Hessian";
          return "one Newton step solves a quadratic exactly: p = −H⁻¹g";
        },
      });
    }
  });

  it("solves H·p = −g for a random symmetric Hessian that is not positive definite", () => {
    const rng = suiteRng("newton step indefinite");
    const n = 4;
    const S = randomSpd(rng, n);
    const H = S.map((row, i) => row.map((v, j) => (i === j ? v - 6 : v))); // eigenvalues of both signs, most likely
    const g = rng.normalVector(n, 2);
    const { value: p, called } = learner.newtonStep(g, H);
    check(Array.isArray(p) && p.length === n, () => ({
      called,
      got: describeValue(p),
      expected: `an array of ${n} numbers`,
    }));
    const residual = matvec(H, p).map((v, i) => v + g[i]!);
    const scale = maxAbs(g) + maxAbs(H.flat()) * maxAbs(p);
    check(maxAbs(residual) <= SOLVE_RTOL * scale, () => ({
      called,
      got: `p = ${describeValue(p)}, with H·p + g = ${describeValue(residual)}`,
      expected: `H·p + g = 0 (within ${formatNumber(SOLVE_RTOL)} of the scale ${formatNumber(scale)})`,
      why: "newtonStep solves the linear system whatever the signs of H's eigenvalues; making H positive definite is newtonsMethod's job",
    }));
  });

  it("rejects a singular Hessian or mismatched shapes with a RangeError", () => {
    const singular =
      "H is singular (its second row is twice the first); catch solve's error and throw your own";
    learner.newtonStep.rangeError(
      singular,
      [1, 1],
      [
        [1, 2],
        [2, 4],
      ],
    );
    learner.newtonStep.rangeError(
      "H is the zero matrix",
      [1, 2, 3],
      [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    );
    learner.newtonStep.rangeError(
      "a 2×2 Hessian for a gradient of length 3",
      [1, 2, 3],
      [
        [1, 0],
        [0, 1],
      ],
    );
  });
});

task("backtracking-line-search", () => {
  const square = labelled("x ↦ x²", (x: Vector) => x[0]! ** 2);

  it("halves an overshooting step until the Armijo inequality holds", () => {
    // f(1 − 10α): α = 1, ½, ¼ give 81, 16, 2.25 > 1 − 2e-3·α; α = ⅛ gives 0.0625. Accept ⅛.
    const { value, called } = learner.backtrackingLineSearch(square, [2], [1], [-10]);
    expectClose(value, 0.125, {
      called,
      oracle: "α = 1, ½, ¼ fail; ⅛ is the first with f(x + αp) ≤ f(x) + c₁α∇f·p",
    });
  });

  it("demands sufficient decrease, not just any decrease", () => {
    // f(1 − 2α): α = 1 gives f = 1, equal to f(x) but not below f(x) + c₁·1·(−4). α = ½ lands on 0.
    const { value, called } = learner.backtrackingLineSearch(square, [2], [1], [-2]);
    expectClose(value, 0.5, {
      called,
      oracle: `α = 1 gives f = 1 > 1 + ${DEFAULT_C1}·1·(−4); α = ½ gives f = 0`,
      why: (got) =>
        got === 1
          ? `f(x + p) = f(x) is no decrease: the Armijo test is f(x + αp) ≤ f(x) + c₁·α·∇f·p with c₁ = ${DEFAULT_C1}`
          : undefined,
    });
  });

  it("returns the first step α₀ρᵏ that satisfies the Armijo inequality, on random problems and options", () => {
    const rng = suiteRng("armijo random");
    const optionSets = [
      {},
      { c1: 0.3 },
      { initialStep: 2, shrink: 0.3 },
      { initialStep: 0.5, shrink: 0.7, c1: 0.1 },
    ];
    for (const options of optionSets) {
      for (let trial = 0; trial < 3; trial++) {
        const x = [rng.normal(0, 1.5), rng.normal(0, 1.5)];
        const g = rosenbrock.grad(x);
        const p = g.map((v) => -v); // steepest descent: far too long on Rosenbrock, so it must backtrack
        const { value: alpha, called } = learner.backtrackingLineSearch(rosenbrock.f, g, x, p, options);
        const { initialStep = 1, shrink = 0.5, c1 = DEFAULT_C1 } = options as lesson.LineSearchOptions;
        const fx = rosenbrock.f(x);
        const slope = dot(g, p);
        const along = (a: number) => rosenbrock.f(x.map((xi, i) => xi + a * p[i]!));
        const armijo = (a: number) => along(a) <= fx + c1 * a * slope;
        const want = firstStep(armijo, initialStep, shrink);
        const withoutAlpha = firstStep((a) => along(a) <= fx + c1 * slope, initialStep, shrink);
        expectClose(alpha, want, {
          called,
          oracle: `the first α in ${initialStep}·${shrink}ᵏ with f(x + αp) ≤ f(x) + ${c1}·α·∇f·p`,
          rtol: STEP_RTOL,
          atol: 0,
          why: (got) =>
            withoutAlpha !== want && Math.abs(got - withoutAlpha) <= STEP_RTOL * withoutAlpha
              ? "that is the step for f(x + αp) ≤ f(x) + c₁·∇f·p: the decrease demanded must scale with the step, f(x) + c₁·α·∇f·p"
              : !armijo(got)
                ? `the Armijo inequality fails at α = ${formatNumber(got)}: f(x + αp) > f(x) + c₁·α·∇f·p (is the α in the right-hand side, and is c₁ = ${c1} used?)`
                : got < want
                  ? "a smaller step than needed: return the first (largest) step that passes, starting from initialStep"
                  : "that step is not of the form initialStep·shrinkᵏ; start at initialStep and multiply by shrink",
        });
      }
    }
  });

  it("tries the steps α₀, α₀ρ, …, α₀ρ^maxHalvings, then returns 0", () => {
    // f(α) accepts exactly the steps α ≤ 1/32 = 2⁻⁵ along p = [1] from x = [0] with slope −1.
    const cliff = labelled("y ↦ (y ≤ 1/32 ? −y : 1)", (y: Vector) => (y[0]! <= 1 / 32 ? -y[0]! : 1));
    for (const [maxHalvings, want] of [
      [5, 1 / 32],
      [4, 0],
    ] as const) {
      const { value, called } = learner.backtrackingLineSearch(cliff, [-1], [0], [1], { maxHalvings });
      check(value === want, () => ({
        called,
        got: describeValue(value),
        expected: `${formatNumber(want)} exactly (${
          want === 0
            ? "the steps 1, ½, …, 1/16 all fail, and there are no more halvings"
            : "the fifth halving passes, and maxHalvings = 5 allows it"
        })`,
        why: "maxHalvings counts shrinks: the steps tried are α₀·ρᵏ for k = 0 … maxHalvings; when none passes, return 0",
      }));
    }
  });

  it("accepts a step where the Armijo inequality holds with equality (≤, not <)", () => {
    // f(y) = −c₁·y along p = [1] from x = [0] with ∇f = [−1]: f(x + αp) = −c₁α = f(x) + c₁·α·∇f·p exactly
    // for every α (all numbers here are exact in floating point), so α₀ = 1 passes with ≤ and every step fails with <.
    const line = labelled(`y ↦ −${DEFAULT_C1}·y`, (y: Vector) => -DEFAULT_C1 * y[0]!);
    const { value, called } = learner.backtrackingLineSearch(line, [-1], [0], [1]);
    check(value === 1, () => ({
      called,
      got: describeValue(value),
      expected: `1 exactly: f(x + 1·p) = −${DEFAULT_C1} equals f(x) + c₁·1·∇f·p = −${DEFAULT_C1}`,
      why: "the Armijo test accepts equality: f(x + αp) ≤ f(x) + c₁·α·∇f·p, with ≤ (a strict < rejects every step here)",
    }));
  });

  it("rejects a direction that does not descend, or lengths that differ, with a RangeError", () => {
    const bowl = labelled("x ↦ ‖x‖²", (x: Vector) => dot(x, x));
    learner.backtrackingLineSearch.rangeError("∇f·p = 2 > 0: uphill", bowl, [2, 2], [1, 1], [1, 0]);
    learner.backtrackingLineSearch.rangeError("∇f·p = 0: level", bowl, [2, 2], [1, 1], [1, -1]);
    learner.backtrackingLineSearch.rangeError("p has length 1, x has 2", bowl, [2, 2], [1, 1], [-1]);
    learner.backtrackingLineSearch.rangeError(
      "the gradient has length 3, x and p have 2",
      bowl,
      [2, 2, 2],
      [1, 1],
      [-1, -1],
    );
  });
});

task("newtons-method", () => {
  it("returns fresh arrays: x and every path entry are its own, untouched by later changes to x0 or to x", () => {
    // Runs inside the sandbox, where the arrays are the caller's own (a result crossing to the grader
    // is a copy, so aliasing can only be seen there). Bowl ½‖x‖²: from (0, 0) it converges at once,
    // from (1, 2) in one Newton step.
    const probe = labelled(
      "for x0 = [0, 0] and x0 = [1, 2] on ½‖x‖²: run = newtonsMethod(f, ∇f, I, x0); then x0[0] = 99 and run.x[1] = 77",
      portable(
        (
          newton: (
            f: (x: number[]) => number,
            g: (x: number[]) => number[],
            h: (x: number[]) => number[][],
            x0: number[],
          ) => { x: number[]; path: number[][] },
        ) =>
          [
            [0, 0],
            [1, 2],
          ].map((start) => {
            const x0 = start.slice();
            const result = newton(
              (x) => 0.5 * (x[0]! * x[0]! + x[1]! * x[1]!),
              (x) => x.slice(),
              () => [
                [1, 0],
                [0, 1],
              ],
              x0,
            );
            x0[0] = 99;
            result.x[1] = 77;
            return { path: result.path, x: result.x };
          }),
      ),
    );
    const called = describeValue(probe);
    let got: { path: number[][]; x: number[] }[];
    try {
      got = runInSandbox("07-newtons-method", probe, lesson.newtonsMethod);
    } catch (error) {
      throw wrapLearnerError(error, called);
    }
    const want = [
      { path: [[0, 0]], x: [0, 77] },
      {
        path: [
          [1, 2],
          [0, 0],
        ],
        x: [0, 77],
      },
    ];
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    check(same(got, want), {
      called,
      got: JSON.stringify(got),
      expected: `${JSON.stringify(want)}: only run.x changed, x0's change reached nothing`,
      why: "the result shares an array with x0, or x with a path entry: start from x0.slice(), and push a copy of x (x.slice()) onto path",
    });
  });

  /**
   * Calls newtonsMethod on a problem and checks the result's shape. If the call throws, `hint` says what
   * usually makes it throw on this problem.
   */
  const run = (
    problem: Problem,
    x0: Vector,
    hint: string,
    options?: lesson.NewtonOptions,
  ): { r: lesson.DescentResult; called: string } => {
    try {
      const { value, called } =
        options === undefined
          ? learner.newtonsMethod(problem.f, problem.grad, problem.hess, x0)
          : learner.newtonsMethod(problem.f, problem.grad, problem.hess, x0, options);
      return { r: checkResult(value, x0, called), called };
    } catch (error) {
      if (error instanceof CheckError && error.message.includes("it threw"))
        fail(`${error.message}\nHint:     ${hint}`);
      throw error;
    }
  };
  const SHIFT_HINT =
    "where H is not positive definite the Newton direction can point uphill (∇f·p ≥ 0) and the line search refuses it: add τI to H (τ = 1e-3, doubling) until Cholesky accepts H + τI";

  it("lands on the minimiser of a random quadratic with its first step", () => {
    const rng = suiteRng("newton quadratic");
    for (const n of [2, 4]) {
      const q = randomQuadratic(rng, n);
      const { r, called } = run(
        q,
        rng.normalVector(n, 3),
        "a positive-definite quadratic needs no shift, and α = 1 passes Armijo",
      );
      check(r.converged && r.path.length >= 2, () => ({
        called,
        got: `converged ${r.converged} after ${r.iterations} iterations`,
        expected: "converged: true after one step",
      }));
      expectVectorClose(r.path[1], q.xStar, {
        called: `${called}.path[1]`,
        oracle: "the exact minimiser x* = −A⁻¹b",
        rtol: SOLVE_RTOL,
        atol: SOLVE_RTOL * maxAbs(q.xStar),
        why: "for a positive-definite quadratic the full Newton step (α = 1, accepted by Armijo) lands on x*",
      });
    }
  });

  it("converges on Rosenbrock from (−1.2, 1) in under 50 iterations", () => {
    const { r, called } = run(rosenbrock, [-1.2, 1], SHIFT_HINT);
    check(r.converged && r.iterations < ROSENBROCK_BUDGET, () => ({
      called,
      got: `converged ${r.converged} after ${r.iterations} iterations, at ${describeValue(r.x)}`,
      expected: `converged: true in under ${ROSENBROCK_BUDGET} iterations (damped Newton needs about 20; gradient descent needs thousands)`,
    }));
    expectWithin(r.x, [1, 1], LANDING_TOL, `${called}.x`, "Rosenbrock's minimum (1, 1)");
    checkDescends(rosenbrock, r.path, called);
  });

  it("damps the step with the line search where a full Newton step would overshoot", () => {
    const overshoot =
      "a full Newton step on Σ (√(1 + xᵢ²) − 1) maps each xᵢ to −xᵢ³: from (2, −3) to (−8, 27), then further out. Scale each step by the line search's α";
    const { r, called } = run(pseudoHuber, [2, -3], overshoot);
    check(r.converged, () => ({
      called,
      got: `converged false after ${r.iterations} iterations, at ${describeValue(r.x)}`,
      expected: "converged: true at the minimum (0, 0)",
      why: overshoot,
    }));
    expectWithin(r.x, [0, 0], LANDING_TOL, `${called}.x`, "the minimum (0, 0)");
    checkDescends(pseudoHuber, r.path, called);
  });

  it("shifts a Hessian that is not positive definite and still goes downhill to a minimum", () => {
    const rng = suiteRng("newton nonconvex");
    const starts = [
      [0.1, 0],
      [-0.3, 1],
      [rng.normal(0, 0.3), rng.normal(0, 1)],
    ];
    for (const start of starts) {
      const { r, called } = run(doubleWell, start, SHIFT_HINT);
      checkDescends(doubleWell, r.path, called);
      const [x, y] = [r.x[0] ?? Number.NaN, r.x[1] ?? Number.NaN];
      check(r.converged && Math.abs(Math.abs(x) - 1) <= LANDING_TOL && Math.abs(y) <= LANDING_TOL, () => ({
        called,
        got: `converged ${r.converged} at ${describeValue(r.x)}`,
        expected: "converged: true at a minimum (±1, 0)",
        why:
          Math.abs(x) < 0.5
            ? `it stopped near the saddle (0, 0), where H = diag(−1, 1): the plain Newton step heads for any stationary point. ${SHIFT_HINT}`
            : SHIFT_HINT,
      }));
    }
  });

  it("shifts H by the first τ in 0, 1e-3, 2e-3, 4e-3, … that Cholesky accepts", () => {
    // One step (maxIterations: 1), so path[1] is x0 + α·p with p from the shifted Hessian. The suite
    // runs the README's rule itself: τ = 0, then 1e-3·2ᵏ, the first for which cholesky succeeds; then the
    // Armijo search from α = 1. At (0.1, 0) the README's example gives τ = 1.024; the second problem
    // needs τ = 1e-3·2¹⁶ ≈ 65.5 (its H has −49.97 on the diagonal), so the cap must be generous.
    const deepWell: Problem = {
      f: labelled("x⁴/4 − 25x² + y²/2", (p: Vector) => p[0]! ** 4 / 4 - 25 * p[0]! ** 2 + p[1]! ** 2 / 2),
      grad: labelled("(x³ − 50x, y)", (p: Vector) => [p[0]! ** 3 - 50 * p[0]!, p[1]!]),
      hess: labelled("diag(3x² − 50, 1)", (p: Vector) => [
        [3 * p[0]! ** 2 - 50, 0],
        [0, 1],
      ]),
    };
    for (const [problem, x0, tauWant] of [
      [doubleWell, [0.1, 0], 1.024],
      [doubleWell, [-0.3, 1], 1.024],
      [deepWell, [0.1, 0.5], 1e-3 * 2 ** 16],
    ] as const) {
      const H = problem.hess(x0);
      let tau = 0;
      for (let k = 0; k <= 200; k++) {
        tau = k === 0 ? 0 : 1e-3 * 2 ** (k - 1);
        const shifted = H.map((row, i) => row.map((v, j) => v + (i === j ? tau : 0)));
        try {
          cholesky(shifted);
          break;
        } catch {
          // not positive definite: next τ
        }
      }
      const g = problem.grad(x0);
      const p = solve(
        H.map((row, i) => row.map((v, j) => v + (i === j ? tau : 0))),
        g.map((v) => -v),
      );
      const fx = problem.f(x0);
      const slope = dot(g, p);
      const alpha = firstStep(
        (a) => problem.f(x0.map((xi, i) => xi + a * p[i]!)) <= fx + DEFAULT_C1 * a * slope,
        1,
        0.5,
      );
      const want = x0.map((xi, i) => xi + alpha * p[i]!);
      const { r, called } = run(problem, x0, SHIFT_HINT, { maxIterations: 1 });
      check(r.path.length === 2, () => ({
        called,
        got: `a path of ${r.path.length} points (iterations ${r.iterations}, converged ${r.converged})`,
        expected: "a path of 2 points: the start and one step",
        why: SHIFT_HINT,
      }));
      expectVectorClose(r.path[1], want, {
        called: `${called}.path[1]`,
        oracle: `x0 + α·p with p solving (H + τI)p = −g for τ = ${formatNumber(tau)} (README: ${formatNumber(tauWant)}) and α = ${formatNumber(alpha)} from the Armijo search`,
        rtol: 1e-9,
        atol: 1e-12,
        why: `τ is the first of 0, 1e-3, 2e-3, 4e-3, … (doubling, allowing well over 17 doublings) for which cholesky(H + τI) succeeds; here H = ${describeValue(H)}`,
      });
    }
  });

  it("stops with converged: false and adds nothing to path when the line search fails", () => {
    // The supplied gradient says +1, so p = −1, but f = −x rises along p: every trial step fails Armijo.
    const flat: Problem = {
      f: labelled("x ↦ −x", (x: Vector) => -x[0]!),
      grad: labelled("x ↦ [1] (not f's gradient)", () => [1]),
      hess: labelled("x ↦ [[1]]", () => [[1]]),
    };
    const { r, called } = run(
      flat,
      [2],
      "a failed line search (α = 0) is a result: stop with converged: false",
    );
    check(!r.converged && r.iterations === 0 && r.path.length === 1, () => ({
      called,
      got: `converged ${r.converged}, iterations ${r.iterations}, path ${describeValue(r.path)}`,
      expected: "converged: false, iterations 0, path [[2]]",
      why: "when the line search returns 0 the run stops where it is: the failed step adds nothing to path and is not counted",
    }));
  });

  it("reports converged: true when the step that uses up maxIterations reaches the tolerance", () => {
    // One full Newton step lands on a quadratic's minimiser; the gradient test (rule 1) runs before the cap (rule 2).
    const q = randomQuadratic(suiteRng("newton both rules"), 3);
    const x0 = q.xStar.map((v) => v + 1.5);
    const { r, called } = run(q, x0, "a positive-definite quadratic needs no shift", { maxIterations: 1 });
    check(r.converged && r.iterations === 1, () => ({
      called,
      got: `iterations ${r.iterations}, converged ${r.converged}`,
      expected: "iterations 1, converged true: after the one allowed step ‖∇f‖ is below the tolerance",
      why: "the gradient test comes before the iteration cap, so it wins when both hold",
    }));
  });

  it("stops with converged: false when it runs out of iterations", () => {
    const { r, called } = run(rosenbrock, [-1.2, 1], SHIFT_HINT, { maxIterations: 3 });
    check(r.iterations === 3 && !r.converged, () => ({
      called,
      got: `iterations ${r.iterations}, converged ${r.converged}`,
      expected: "iterations 3, converged false (3 steps are not enough on Rosenbrock)",
      why: "maxIterations caps the number of steps; running out is a result with converged: false, not success",
    }));
  });

  it("stops at once, converged, when started at the minimum", () => {
    const q = randomQuadratic(suiteRng("newton at minimum"), 3);
    const { r, called } = run(
      q,
      q.xStar,
      "at the minimum ∇f = 0, so any direction is level and the line search refuses it: test ‖∇f‖ before stepping",
    );
    check(r.converged && r.iterations === 0, () => ({
      called,
      got: `iterations ${r.iterations}, converged ${r.converged}`,
      expected: "iterations 0, converged true: ‖∇f(x0)‖ is already below the tolerance 1e-10",
      why: "test the gradient at every iterate, the start included, before taking a step",
    }));
  });

  it("stops only when ‖∇f‖ is strictly below the tolerance", () => {
    // ½‖x‖² from (0.5, 0): ‖∇f(x0)‖ = 0.5 exactly, equal to the tolerance, so rule 1 does not stop it; one
    // Newton step lands on (0, 0), where ∇f = 0.
    const half: Problem = {
      f: labelled("½‖x‖²", (x: Vector) => 0.5 * dot(x, x)),
      grad: labelled("x ↦ x", (x: Vector) => x.slice()),
      hess: labelled("x ↦ I", () => [
        [1, 0],
        [0, 1],
      ]),
    };
    const { r, called } = run(half, [0.5, 0], "a positive-definite quadratic needs no shift", {
      tolerance: 0.5,
    });
    check(r.converged && r.iterations === 1, () => ({
      called,
      got: `iterations ${r.iterations}, converged ${r.converged}, path ${describeValue(r.path)}`,
      expected:
        "iterations 1, converged true: ‖∇f(x0)‖ = 0.5 is not below the tolerance 0.5, so one step is taken",
      why: "the stopping test is ‖∇f(x)‖ < tolerance, strictly: a gradient norm equal to the tolerance does not stop the run",
    }));
  });

  it("stops before a step, with converged: false, where the gradient or the Hessian is not finite", () => {
    const bowl = {
      f: labelled("½‖x‖²", (x: Vector) => 0.5 * dot(x, x)),
      grad: labelled("x ↦ x", (x: Vector) => x.slice()),
      hess: labelled("x ↦ I", () => [
        [1, 0],
        [0, 1],
      ]),
    };
    const cases: [Problem, string][] = [
      [{ ...bowl, grad: labelled("x ↦ (NaN, x₂)", (x: Vector) => [Number.NaN, x[1]!]) }, "∇f(x0) = (NaN, 1)"],
      [
        {
          ...bowl,
          hess: labelled("x ↦ [[∞, 0], [0, 1]]", () => [
            [Number.POSITIVE_INFINITY, 0],
            [0, 1],
          ]),
        },
        "∇²f(x0) = [[∞, 0], [0, 1]]",
      ],
    ];
    for (const [problem, what] of cases) {
      const { r, called } = run(
        problem,
        [1, 1],
        "a non-finite gradient or Hessian is a result (converged: false), not an exception",
      );
      check(!r.converged && r.iterations === 0, () => ({
        called,
        got: `iterations ${r.iterations}, converged ${r.converged}, path ${describeValue(r.path)}`,
        expected: `iterations 0, converged false, path [[1, 1]] (${what})`,
        why: "a non-finite gradient or Hessian at the current point stops the run before a step, with converged: false",
      }));
    }
  });

  it("stops with converged: false when no shift τ makes H positive definite", () => {
    // H = diag(−MAX_VALUE, 1): −MAX_VALUE + τ < 0 for every finite τ, and cholesky refuses non-finite entries,
    // so however far τ may grow (any finite cap), no shift is accepted.
    const M = Number.MAX_VALUE;
    const cliff: Problem = {
      f: labelled("−(MAX_VALUE/2)·x² + y²/2", (p: Vector) => -(M / 2) * p[0]! ** 2 + p[1]! ** 2 / 2),
      grad: labelled("(−MAX_VALUE·x, y)", (p: Vector) => [-M * p[0]!, p[1]!]),
      hess: labelled("diag(−MAX_VALUE, 1)", () => [
        [-M, 0],
        [0, 1],
      ]),
    };
    const { r, called } = run(
      cliff,
      [0.5, 0.5],
      "when no τ in the schedule makes H + τI positive definite, stop with converged: false (no exception)",
    );
    check(!r.converged && r.iterations === 0, () => ({
      called,
      got: `iterations ${r.iterations}, converged ${r.converged}, path ${describeValue(r.path)}`,
      expected: "iterations 0, converged false, path [[0.5, 0.5]]",
      why: "try τ = 0, 1e-3, 2e-3, … up to a cap; when none is accepted, stop where you are with converged: false",
    }));
  });

  it("records an iterate that comes out non-finite as the last entry of path and stops", () => {
    // With X = 1e308 and S = 1e307, f = S·(2e^(1 − x/X) − x/X) + (S/X²)·y² at (X, 1) has ∇f = (−0.3, 2e-309) and
    // H = diag(2e-309, 2e-309), both finite: the Newton step (1.5e308, −1) is finite too, but X + 1.5e308
    // overflows, and Armijo accepts α = 1 since f(∞, 0) = −∞. (There the gradient (−0.1, 0) is finite: a run
    // that carried on would keep stepping.)
    const X = 1e308;
    const S = 1e307;
    const k = S / X / X;
    const runaway: Problem = {
      f: labelled(
        "S·(2e^(1 − x/X) − x/X) + (S/X²)·y², X = 1e308, S = 1e307",
        (p: Vector) => S * (2 * Math.exp(1 - p[0]! / X) - p[0]! / X) + k * p[1]! ** 2,
      ),
      grad: labelled("((S/X)·(−2e^(1 − x/X) − 1), 2(S/X²)·y)", (p: Vector) => [
        (S / X) * (-2 * Math.exp(1 - p[0]! / X) - 1),
        2 * k * p[1]!,
      ]),
      hess: labelled("diag((S/X²)·2e^(1 − x/X), 2S/X²)", (p: Vector) => [
        [(S / X / X) * 2 * Math.exp(1 - p[0]! / X), 0],
        [0, 2 * k],
      ]),
    };
    const x0 = [X, 1];
    const { r, called } = run(
      runaway,
      x0,
      "a non-finite iterate is a result (converged: false), not an exception",
    );
    const last = r.path[r.path.length - 1] ?? [];
    check(
      !r.converged &&
        r.iterations === 1 &&
        last.length === 2 &&
        last[0] === Number.POSITIVE_INFINITY &&
        Math.abs((last[1] as number) ?? Number.NaN) <= 1e-12,
      () => ({
        called,
        got: `iterations ${r.iterations}, converged ${r.converged}, path ${describeValue(r.path)}`,
        expected: "iterations 1, converged false, path [[1e308, 1], [∞, 0]]",
        why: "an iterate that comes out non-finite is recorded in path (as its last entry) and then stops the run with converged: false",
      }),
    );
  });
});

task("newton-root", () => {
  type RootResult = { root: number; iterations: number; converged: boolean };
  /** Calls newtonRoot and checks the result's shape. */
  const callRoot = (
    f: (x: number) => number,
    df: (x: number) => number,
    x0: number,
    options?: lesson.RootOptions,
  ): { r: RootResult; called: string } => {
    const { value, called } =
      options === undefined ? learner.newtonRoot(f, df, x0) : learner.newtonRoot(f, df, x0, options);
    const r = value as Partial<RootResult> | undefined;
    check(
      r !== undefined &&
        typeof r.root === "number" &&
        Number.isInteger(r.iterations) &&
        typeof r.converged === "boolean",
      () => ({
        called,
        got: describeValue(r),
        expected: "{ root: number, iterations: integer, converged: boolean }",
      }),
    );
    return { r: r as RootResult, called };
  };

  it("finds √2 as the root of x² − 2", () => {
    const f = labelled("x ↦ x² − 2", (x: number) => x * x - 2);
    const df = labelled("x ↦ 2x", (x: number) => 2 * x);
    const { r, called } = callRoot(f, df, 1);
    check(r.converged && r.iterations === 6, () => ({
      called,
      got: describeValue(r),
      expected: "converged: true after 6 steps (step 5 is 1.6e-12 long, above 1e-12·√2; step 6 is below)",
    }));
    expectClose(r.root, Math.SQRT2, {
      called: `${called}.root`,
      oracle: "√2",
      rtol: 1e-14,
      why: (got) => (got === 1 ? "the iterate never moved: x ← x − f(x)/f'(x)" : undefined),
    });
  });

  it("finds the root of random functions from nearby starts", () => {
    const rng = suiteRng("newton root random");
    for (let k = 0; k < 5; k++) {
      const r0 = rng.normal(0, 3);
      // (x − r)·(2 + sin x): one real root r, where f' = 2 + sin r ≥ 1.
      const f = labelled(
        `x ↦ (x − ${formatNumber(r0)})·(2 + sin x)`,
        (x: number) => (x - r0) * (2 + Math.sin(x)),
      );
      const df = labelled("its derivative", (x: number) => 2 + Math.sin(x) + (x - r0) * Math.cos(x));
      const x0 = r0 + rng.normal(0, 0.3);
      const { r, called } = callRoot(f, df, x0);
      check(r.converged, () => ({ called, got: describeValue(r), expected: "converged: true" }));
      expectClose(r.root, r0, { called: `${called}.root`, oracle: "the root r", rtol: 1e-12, atol: 1e-12 });
    }
  });

  it("converges quadratically: the error is squared at each step near the root", () => {
    // For x² − a from x0 > √a, Newton's error obeys e_{k+1} = e_k² / (2x_k) ≤ e_k² / (2√a).
    const rng = suiteRng("newton root quadratic");
    const a = 2 + 3 * rng.uniform();
    const s = Math.sqrt(a);
    const f = labelled(`x ↦ x² − ${formatNumber(a)}`, (x: number) => x * x - a);
    const df = labelled("x ↦ 2x", (x: number) => 2 * x);
    const x0 = s + 1;
    const runs = [1, 2, 3, 4, 5, 6].map((k) => callRoot(f, df, x0, { maxIterations: k }));
    let prev = 1; // e_0 = x0 − √a
    runs.forEach(({ r, called }, i) => {
      const e = Math.abs(r.root - s);
      const bound = (prev * prev) / (2 * s);
      const slack = 1e-12 * bound + 8 * Number.EPSILON * s;
      if (e > bound * 1.01 + slack) {
        fail({
          called,
          got: `error ${formatNumber(e)} after ${i + 1} steps, from ${formatNumber(prev)} one step before`,
          expected: `at most e² / (2√a) = ${formatNumber(bound)}: the digits double at every step`,
          why: "Newton's error is squared at each step near a simple root; linear convergence means the step is not f(x)/f'(x) at the current x (a fixed slope, or the derivative at the start?)",
        });
      }
      prev = e;
    });
  });

  it("returns a root it starts on, converged", () => {
    const f = labelled("x ↦ x³ − 8", (x: number) => x ** 3 - 8);
    const df = labelled("x ↦ 3x²", (x: number) => 3 * x * x);
    const { r, called } = callRoot(f, df, 2);
    check(r.converged && r.root === 2 && r.iterations === 0, () => ({
      called,
      got: describeValue(r),
      expected: "{ root: 2, iterations: 0, converged: true }",
      why: "f(x0) is exactly 0: stop at once, before any step, so iterations is 0",
    }));
  });

  it("stops before stepping, not converged, where f'(x) is 0 or not finite", () => {
    const cases = [
      [
        labelled("x ↦ x² − 1", (x: number) => x * x - 1),
        labelled("x ↦ 2x", (x: number) => 2 * x),
        "f'(0) = 0",
      ],
      [
        labelled("x ↦ ∛x − 1", (x: number) => Math.cbrt(x) - 1),
        labelled("x ↦ 1 / (3·∛x²)", (x: number) => 1 / (3 * Math.cbrt(x) ** 2)),
        "f'(0) = 1/0 = ∞",
      ],
    ] as const;
    for (const [f, df, what] of cases) {
      const { r, called } = callRoot(f, df, 0);
      check(!r.converged && r.iterations === 0 && r.root === 0, () => ({
        called,
        got: describeValue(r),
        expected: `{ root: 0, iterations: 0, converged: false } (${what}: no Newton step exists)`,
        why: "a zero or non-finite f'(x) stops the run before a step: root is still x0, no step was taken, and it did not converge",
      }));
    }
  });

  it("stops with converged: false when an iterate overflows", () => {
    // x² + 1 from 1e-310: f'(x0) = 2e-310, so the step 1/(2e-310) overflows and x1 = −∞.
    const f = labelled("x ↦ x² + 1", (x: number) => x * x + 1);
    const df = labelled("x ↦ 2x", (x: number) => 2 * x);
    const { r, called } = callRoot(f, df, 1e-310);
    check(!r.converged && r.iterations === 1 && r.root === Number.NEGATIVE_INFINITY, () => ({
      called,
      got: describeValue(r),
      expected: "{ root: −∞, iterations: 1, converged: false }: x1 = 1e-310 − 1/(2e-310) overflows",
      why: "an iterate that is not finite stops the run with converged: false; root is that last iterate and the step counts",
    }));
  });

  it("stops when the step is at most tolerance·max(1, |x|)", () => {
    // Double roots, where Newton halves the error: every number below is exact in floating point.
    // (x − 1000)² from 1016, tolerance 1e-3: steps 8, 4, 2, 1; the last is ≤ 1e-3·1001, the one before is not.
    // x² from 2, tolerance 0.25: steps 1, 0.5, 0.25; the last equals 0.25·max(1, 0.25) and passes (≤).
    const cases = [
      [(x: number) => (x - 1000) ** 2, (x: number) => 2 * (x - 1000), "(x − 1000)²", 1016, 1e-3, 1001, 4],
      [(x: number) => x * x, (x: number) => 2 * x, "x²", 2, 0.25, 0.25, 3],
    ] as const;
    for (const [fn, dfn, name, x0, tolerance, root, iterations] of cases) {
      const { r, called } = callRoot(labelled(`x ↦ ${name}`, fn), labelled("its derivative", dfn), x0, {
        tolerance,
      });
      check(r.converged && r.iterations === iterations && r.root === root, () => ({
        called,
        got: describeValue(r),
        expected: `{ root: ${root}, iterations: ${iterations}, converged: true }`,
        why: "stop after the first step with |Δx| ≤ tolerance·max(1, |x|): relative to |x| when |x| > 1, absolute otherwise, with ≤",
      }));
    }
  });

  it("stops with converged: false, without throwing, when there is no root or f' = 0", () => {
    const noRoot = labelled("x ↦ x² + 1", (x: number) => x * x + 1);
    const flatAtZero = labelled("x ↦ x² − 1", (x: number) => x * x - 1);
    const df = labelled("x ↦ 2x", (x: number) => 2 * x);
    for (const [f, x0, options, what] of [
      [noRoot, 0.5, undefined, "x² + 1 has no real root"],
      [noRoot, 0.5, { maxIterations: 7 }, "x² + 1 has no real root"],
      [flatAtZero, 0, undefined, "f'(0) = 0: no Newton step exists"],
    ] as const) {
      const { r, called } = callRoot(f, df, x0, options);
      const max = options?.maxIterations ?? 50;
      check(!r.converged && r.iterations <= max, () => ({
        called,
        got: describeValue(r),
        expected: `converged: false after at most ${max} iterations (${what})`,
        why: "running out of iterations or meeting f'(x) = 0 is a result with converged: false, never success or an exception",
      }));
    }
  });

  it("lets a small last step win over maxIterations: converged: true", () => {
    // From 1 on x² − 2, step 6 is the first below 1e-12·max(1, |x|); with maxIterations 6 it still converges.
    const f = labelled("x ↦ x² − 2", (x: number) => x * x - 2);
    const df = labelled("x ↦ 2x", (x: number) => 2 * x);
    const { r, called } = callRoot(f, df, 1, { maxIterations: 6 });
    check(r.converged && r.iterations === 6, () => ({
      called,
      got: describeValue(r),
      expected: "{ iterations: 6, converged: true }",
      why: "the step test comes right after each step, so a small step number maxIterations still counts as converged",
    }));
  });

  it("stops after maxIterations steps", () => {
    const f = labelled("x ↦ x² − 2", (x: number) => x * x - 2);
    const df = labelled("x ↦ 2x", (x: number) => 2 * x);
    const { r, called } = callRoot(f, df, 3, { maxIterations: 2 });
    // x1 = 3 − 7/6 = 11/6, x2 = 11/6 − (121/36 − 2)/(11/3) = 193/132.
    check(r.iterations === 2 && !r.converged, () => ({
      called,
      got: describeValue(r),
      expected: "iterations 2, converged false (the second step is still about 0.37 long)",
    }));
    expectClose(r.root, 193 / 132, {
      called,
      oracle: "x₂ = 193/132, two Newton steps from 3",
      rtol: 1e-14,
    });
  });
});
