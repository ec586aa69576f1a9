import { centralDifference, type Rng, type ScalarField, type Vector } from "@calcml/math";
import * as lesson from "@lesson/02-gradients";
import { it } from "vitest";
import {
  check,
  describeValue,
  dot,
  expectClose,
  expectForAll,
  expectGradient,
  expectVectorClose,
  explained,
  fc,
  finite,
  formatNumber,
  isClose,
  labelled,
  learnerCalls,
  norm,
  probePoints,
  SUSPECT_RTOL,
  type Suspect,
  suiteRng,
  task,
  whyFrom,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

/** Machine epsilon, 2⁻⁵². */
const EPS = Number.EPSILON;
/** Steps of the closed-form checks: large enough that the central difference's own h² term shows. */
const EXPLICIT_STEPS = [0.1, 0.01] as const;
/** The default step of the lesson contract and the numeric rules (docs/). */
const DEFAULT_STEP = 1e-5;
/** Head-room on rounding error (each f value and x ± h round once; a few operations on top). */
const ROUNDING_SAFETY = 16;
/** Closed-form oracles: only rounding separates them from a correct answer. */
const CLOSED_FORM_RTOL = 1e-12;
/** An exact formula evaluated another way differs by a few roundings; a finite difference by ~1e-11. */
const EXACT_RTOL = 8 * EPS;
/** A unit vector's length may be off by rounding only. */
const UNIT_LENGTH_TOL = 1e-12;
/** docs/numerics.md pass rule, used where the suite compares with a finite difference itself. */
const FD_RTOL = 1e-4;
const FD_ATOL = 1e-6;

/** What the feedback says when an answer matches a known wrong formula. */
const WHY = {
  allAtOnce:
    "every coordinate was moved at once: that measures the rate of change along the vector (1, 1, …, 1), the sum of all partial derivatives (√n times the slope along the unit direction (1, 1, …, 1)/√n); a partial derivative moves coordinate i only",
  notNormalised:
    "the direction was not normalised: divide by ‖direction‖ first, so that only where it points counts, not how long it is",
  partialForward:
    "that is the one-sided forward difference; use the central one, (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h",
  partialTwice: "that is twice the central difference: the two points are 2h apart, so divide by 2h",
  gradientForward: "that is the one-sided forward difference in each coordinate; use central differences",
  gradientTwice: "each entry is twice the central difference: divide by 2h, not h",
  dropped3y2: "∂f/∂y is missing 6y: the term 3y² depends on y, and d/dy 3y² = 6y",
  sixYInX: "6y belongs to ∂f/∂y, not ∂f/∂x: 3y² does not change when x changes, so its x-derivative is 0",
  sixYInBoth: "∂f/∂x should not contain 6y: 3y² does not depend on x, so its x-derivative is 0",
  swapped: "the entries are swapped: entry 0 is ∂f/∂x = 2xy, entry 1 is ∂f/∂y = x² + 6y",
  threeY: "d/dy 3y² is 6y, not 3y",
  missingX2: "∂f/∂y is missing x²: with x held fixed, x²y is a constant times y",
  missingTwo: "the factor 2 is missing: d/dxᵢ xᵢ² = 2xᵢ",
  squaresNotSlopes: "those are the terms xᵢ² of f; the gradient holds their derivatives 2xᵢ",
  twoXSquared: "d/dxᵢ xᵢ² is 2xᵢ, not 2xᵢ²",
  rescaled:
    "that is the central difference for the step h·|xᵢ|: the step is h itself, as given (move coordinate i to xᵢ ± h, do not rescale it)",
  dividedTwice: "divided by ‖direction‖²: divide by ‖direction‖ once, to make it a unit vector",
  normalisedGradient:
    "the gradient was normalised instead of the direction: ∇f stays as it is, u = direction / ‖direction‖",
  cosine:
    "that is the cosine of the angle between ∇f and the direction: keep ∇f's length, normalise the direction only",
  notUnit: "that is the gradient itself: divide it by its length ‖∇f‖ to get a unit vector",
  downhill: "that points downhill (steepest descent): steepest ascent goes along +∇f",
  ascentDividedTwice: "divided by ‖∇f‖²: divide by ‖∇f‖ once",
  l1Norm: "divided by the sum of |gᵢ|; a unit vector has Euclidean length 1, so divide by √(Σ gᵢ²)",
} as const;

// Shared helpers.

const sameVector = (a: unknown, b: readonly number[], atol = 1e-12): boolean =>
  Array.isArray(a) &&
  a.length === b.length &&
  b.every((v, i) => typeof a[i] === "number" && isClose(a[i], v, SUSPECT_RTOL, atol));

/** The diagnosis for a vector answer: the first suspect it matches that the right answer does not. */
function vectorWhy(
  got: unknown,
  expected: readonly number[],
  suspects: readonly Suspect<readonly number[]>[],
) {
  return suspects.find((s) => sameVector(got, s.value) && !sameVector(expected, s.value))?.why;
}

const uniformPoint = (rng: Rng, n: number): number[] => rng.uniformVector(n, -1, 1);
const sum = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0);

/**
 * A cubic field `Σ cⱼ xⱼ³ + Σ_{j<k} dⱼₖ xⱼ xₖ`, whose central difference in coordinate i is known
 * exactly: `∂ᵢf + cᵢ·h²` (the h² term is f'''/6 along that coordinate).
 */
function cubicField(rng: Rng, n: number) {
  return cubicFieldOf(
    rng.normalVector(n),
    Array.from({ length: n }, () => rng.normalVector(n)),
    `a random cubic in ${n} variables`,
  );
}

/** The cubic field of coefficients `c` (cubes) and `d` (the products xⱼxₖ, j < k, read from d[j][k]). */
function cubicFieldOf(c: readonly number[], d: readonly (readonly number[])[], label: string) {
  const n = c.length;
  const f = labelled(label, (x: Vector) => {
    let s = 0;
    for (let j = 0; j < n; j++) {
      const xj = x[j] as number;
      s += (c[j] as number) * xj * xj * xj;
      for (let k = j + 1; k < n; k++) s += (d[j]?.[k] as number) * xj * (x[k] as number);
    }
    return s;
  });
  const partial = (x: Vector, i: number): number => {
    let s = 3 * (c[i] as number) * (x[i] as number) ** 2;
    for (let k = 0; k < n; k++)
      if (k !== i) s += (d[Math.min(i, k)]?.[Math.max(i, k)] as number) * (x[k] as number);
    return s;
  };
  /** Sizes of the terms of f and of its slope, which bound the rounding of a difference quotient. */
  const size = (x: Vector, h: number): number => {
    const r = Math.max(...x.map(Math.abs)) + h;
    return (sum(c.map(Math.abs)) + sum(d.flat().map(Math.abs))) * (r ** 3 + 3 * r ** 2 + 1);
  };
  return { f, c, partial, size };
}

/** The central difference of the cubic field and the usual wrong answers, at coordinate i. */
function cubicSuspects(field: ReturnType<typeof cubicFieldOf>, x: Vector, i: number, h: number) {
  const ci = field.c[i] as number;
  const exact = field.partial(x, i);
  const central = exact + ci * h * h;
  const allAtOnce = sum(x.map((_, j) => field.partial(x, j))) + sum(field.c) * h * h;
  const forward = exact + 3 * ci * (x[i] as number) * h + ci * h * h;
  return { central, allAtOnce, forward };
}

/** `f(x) = Σⱼ sin(xⱼ)·xⱼ₊₁ + ½‖x‖²` (indices wrap around) and its exact gradient. */
const wave = {
  f: labelled("x ↦ Σ sin(xⱼ)·xⱼ₊₁ + ½‖x‖²", (x: Vector): number => {
    const n = x.length;
    let s = 0;
    for (let j = 0; j < n; j++)
      s += Math.sin(x[j] as number) * (x[(j + 1) % n] as number) + 0.5 * (x[j] as number) ** 2;
    return s;
  }),
  grad: (x: Vector): number[] =>
    x.map(
      (xi, i) =>
        Math.cos(xi) * (x[(i + 1) % x.length] as number) +
        Math.sin(x[(i - 1 + x.length) % x.length] as number) +
        xi,
    ),
};

/** How far a correct central difference of `wave` at the default step may be from the exact partial. */
function waveBound(x: Vector, h: number): number {
  const X = Math.max(1, ...x.map(Math.abs));
  const H = h * X;
  const size = sum(x.map((v) => (Math.abs(v) + 1) ** 2));
  return (2 * H * H * (X + 3)) / 6 + (ROUNDING_SAFETY * EPS * size * (1 + X)) / h;
}

/** Wraps `f` so that every point it is called at is recorded. */
function recording(f: ScalarField) {
  const points: number[][] = [];
  const g = labelled(describeValue(f), (x: Vector) => {
    points.push([...x]);
    return f(x);
  });
  return { g, points };
}

/** The coordinates in which `p` differs from `x`. */
const movedCoordinates = (p: readonly number[], x: Vector): number[] =>
  x.flatMap((v, j) => (p[j] === v ? [] : [j]));

/** Round numbers in [−max, max] (two decimals): readable counterexamples, no subnormals. */
const roundNumber = (max: number) => fc.integer({ min: -100 * max, max: 100 * max }).map((k) => k / 100);

/**
 * A cubic field in 1 to 4 variables (labelled by its formula) and a point far from 0 too: what a
 * property over "any cubic, any point, any step" draws.
 */
const cubicAtPoint = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    c: fc.array(roundNumber(3), { minLength: n, maxLength: n }),
    d: fc.array(fc.array(roundNumber(3), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    x: fc.array(roundNumber(10), { minLength: n, maxLength: n }),
  }),
);

/** The formula of the cubic field `Σ cⱼ xⱼ³ + Σ_{j<k} dⱼₖ xⱼ xₖ`, for the learner's feedback. */
function cubicLabel(c: readonly number[], d: readonly (readonly number[])[]): string {
  const terms = c.map((cj, j) => `${cj}·x${j}³`);
  for (let j = 0; j < c.length; j++)
    for (let k = j + 1; k < c.length; k++) terms.push(`${d[j]?.[k]}·x${j}·x${k}`);
  return `x ↦ ${terms.join(" + ")}`;
}

const x2y3y2 = labelled("(x, y) ↦ x²y + 3y²", (p: Vector) => {
  const [x, y] = p as [number, number];
  return x * x * y + 3 * y * y;
});

task("partial-derivative", () => {
  it("matches (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h on a cubic field, for the step it is given", () => {
    const rng = suiteRng("partial cubic");
    for (const n of [2, 3, 4]) {
      const field = cubicField(rng, n);
      const x = uniformPoint(rng, n);
      for (let i = 0; i < n; i++) {
        for (const h of EXPLICIT_STEPS) {
          const { central, allAtOnce, forward } = cubicSuspects(field, x, i, h);
          const atol = (ROUNDING_SAFETY * EPS * field.size(x, h)) / h;
          const { value, called } = learner.partialDerivative(field.f, x, i, h);
          expectClose(value, central, {
            called,
            oracle: "∂f/∂xᵢ + cᵢ·h², the central difference of the cubic worked out by hand",
            rtol: CLOSED_FORM_RTOL,
            atol,
            why: whyFrom(
              [
                { value: allAtOnce, why: WHY.allAtOnce },
                { value: forward, why: WHY.partialForward },
                { value: 2 * central, why: WHY.partialTwice },
              ],
              atol,
            ),
          });
        }
      }
    }
  });

  it("gives 4 and 13 for x²y + 3y² at (1, 2) with h = 0.1 (the worked example)", () => {
    // The central difference of a parabola is exact: f(1.1, 2) − f(0.9, 2) = 0.8 and f(1, 2.1) − f(1, 1.9) = 2.6.
    for (const [i, want] of [
      [0, 4],
      [1, 13],
    ] as const) {
      const { value, called } = learner.partialDerivative(x2y3y2, [1, 2], i, 0.1);
      expectClose(value, want, {
        called,
        oracle: i === 0 ? "(14.42 − 13.62) / 0.2 = 2xy" : "(15.33 − 12.73) / 0.2 = x² + 6y",
        rtol: 1e-12,
        atol: 1e-12,
        why: whyFrom([{ value: (x2y3y2([1.1, 2.1]) - x2y3y2([0.9, 1.9])) / 0.2, why: WHY.allAtOnce }], 1e-9),
      });
    }
  });

  it("uses the step h as given in every coordinate of any cubic, at points far from 0 too", () => {
    expectForAll(
      "partial property",
      [cubicAtPoint, fc.nat(3), finite(1e-3, 0.5)],
      ({ c, d, x }, index, h) => {
        const field = cubicFieldOf(c, d, cubicLabel(c, d));
        const i = index % x.length;
        const { central, allAtOnce, forward } = cubicSuspects(field, x, i, h);
        const atol = (ROUNDING_SAFETY * EPS * field.size(x, h)) / h;
        const { value, called } = learner.partialDerivative(field.f, x, i, h);
        const H = h * Math.max(1, Math.abs(x[i] as number));
        expectClose(value, central, {
          called,
          oracle: "∂f/∂xᵢ + cᵢ·h², the central difference of the cubic worked out by hand",
          rtol: CLOSED_FORM_RTOL,
          atol,
          why: whyFrom(
            [
              { value: allAtOnce, why: WHY.allAtOnce },
              { value: forward, why: WHY.partialForward },
              { value: 2 * central, why: WHY.partialTwice },
              { value: cubicSuspects(field, x, i, H).central, why: WHY.rescaled },
            ],
            atol,
          ),
        });
      },
      { numRuns: 40 },
    );
  });

  it("moves coordinate i only", () => {
    const rng = suiteRng("partial moves one");
    const x = uniformPoint(rng, 4);
    for (let i = 0; i < x.length; i++) {
      const { g, points } = recording(wave.f);
      const { called } = learner.partialDerivative(g, x, i, 0.01);
      const stray = points.find((p) => p.length !== x.length || movedCoordinates(p, x).some((j) => j !== i));
      check(stray === undefined, () => ({
        called,
        got: `f was called at ${describeValue(stray)}, which differs from x in coordinates ${movedCoordinates(stray ?? [], x).join(", ")}`,
        expected: `points that differ from x = ${describeValue(x)} in coordinate ${i} only`,
        why: WHY.allAtOnce,
      }));
      check(
        points.some((p) => movedCoordinates(p, x).includes(i)),
        () => ({
          called,
          got: `f was called at ${describeValue(points)}`,
          expected: `at least one point with coordinate ${i} moved`,
          why: "a partial derivative compares f at points on either side of x along coordinate i",
        }),
      );
      check(
        points.every((p) => movedCoordinates(p, x).length > 0),
        () => ({
          called,
          got: `f was called at x = ${describeValue(x)} itself`,
          expected: `only points that differ from x in coordinate ${i}`,
          why: "a central difference needs f at x + h·eᵢ and x − h·eᵢ only; f(x) itself is not needed",
        }),
      );
    }
  });

  it("uses the default step h = 1e-5 when none is given", () => {
    // At x = (0.5, 0, 0) the difference f(x + h·e₁) − f(x − h·e₁) is exactly h³ − (−h³), so the answer is h².
    const f = labelled(
      "x ↦ x₁³ + x₀·x₂",
      (x: Vector) => (x[1] as number) ** 3 + (x[0] as number) * (x[2] as number),
    );
    const { value, called } = learner.partialDerivative(f, [0.5, 0, 0], 1);
    expectClose(value, DEFAULT_STEP ** 2, {
      called,
      oracle: "h² with h = 1e-5 (the central difference of x₁³ at x₁ = 0 is exactly h²)",
      rtol: 1e-9,
      why: (got) =>
        got > 0 && Number.isFinite(got)
          ? `that is the central difference for a step of about ${formatNumber(Math.sqrt(got))}; the default step is 1e-5`
          : "with no h given, the default h = 1e-5 must be used (keep the default in the signature)",
    });
  });

  it("approximates the partial derivatives of a smooth function at typical and large points", () => {
    const rng = suiteRng("partial smooth");
    for (const n of [1, 3, 5]) {
      for (const x of probePoints(rng, n)) {
        const exact = wave.grad(x);
        for (let i = 0; i < n; i++) {
          const { value, called } = learner.partialDerivative(wave.f, x, i);
          expectClose(value, exact[i] as number, {
            called,
            oracle: "the exact partial derivative",
            rtol: CLOSED_FORM_RTOL,
            atol: waveBound(x, DEFAULT_STEP),
            why: "with h = 1e-5 a central difference is within about h²·|f'''|/6 plus rounding of the exact partial",
          });
        }
      }
    }
  });

  it("rejects an index outside the point with a RangeError", () => {
    for (const i of [3, -1, 1.5]) {
      learner.partialDerivative.rangeError(
        `index ${i} is not a coordinate of a 3-entry point (an integer from 0 to 2)`,
        wave.f,
        [1, 2, 3],
        i,
      );
    }
  });
});

task("numerical-gradient", () => {
  it("matches the central difference in every coordinate on a cubic field, for the step it is given", () => {
    const rng = suiteRng("gradient cubic");
    for (const n of [1, 3, 5]) {
      const field = cubicField(rng, n);
      const x = uniformPoint(rng, n);
      for (const h of EXPLICIT_STEPS) {
        const rows = x.map((_, i) => cubicSuspects(field, x, i, h));
        const expected = rows.map((r) => r.central);
        const { value, called } = learner.numericalGradient(field.f, x, h);
        expectVectorClose(value, expected, {
          called,
          oracle: "∂f/∂xᵢ + cᵢ·h² in entry i, the central differences of the cubic worked out by hand",
          rtol: CLOSED_FORM_RTOL,
          atol: (ROUNDING_SAFETY * EPS * field.size(x, h)) / h,
          why: () =>
            vectorWhy(value, expected, [
              { value: rows.map((r) => r.allAtOnce), why: WHY.allAtOnce },
              { value: rows.map((r) => r.forward), why: WHY.gradientForward },
              { value: expected.map((v) => 2 * v), why: WHY.gradientTwice },
            ]),
        });
      }
    }
  });

  it("uses the step h as given in every coordinate of any cubic, at points far from 0 too", () => {
    expectForAll(
      "gradient property",
      [cubicAtPoint, finite(1e-3, 0.5)],
      ({ c, d, x }, h) => {
        const field = cubicFieldOf(c, d, cubicLabel(c, d));
        const expected = x.map((_, i) => cubicSuspects(field, x, i, h).central);
        const rescaled = x.map((v, i) => cubicSuspects(field, x, i, h * Math.max(1, Math.abs(v))).central);
        const { value, called } = learner.numericalGradient(field.f, x, h);
        expectVectorClose(value, expected, {
          called,
          oracle: "∂f/∂xᵢ + cᵢ·h² in entry i, the central differences of the cubic worked out by hand",
          rtol: CLOSED_FORM_RTOL,
          atol: (ROUNDING_SAFETY * EPS * field.size(x, h)) / h,
          why: () => vectorWhy(value, expected, [{ value: rescaled, why: WHY.rescaled }]),
        });
      },
      { numRuns: 40 },
    );
  });

  it("calls f 2n times, twice per coordinate", () => {
    const rng = suiteRng("gradient calls");
    for (const n of [1, 3, 5]) {
      const x = uniformPoint(rng, n);
      const { g, points } = recording(wave.f);
      const { called } = learner.numericalGradient(g, x, 0.01);
      check(points.length === 2 * n, () => ({
        called,
        got: `f was called ${points.length} times`,
        expected: `${2 * n} calls: one central difference, two calls of f, per coordinate`,
        why:
          points.length > 2 * n
            ? "a central difference needs f at x + h·eᵢ and x − h·eᵢ only; f(x) itself is not needed"
            : "each coordinate needs f on both sides, at x + h·eᵢ and at x − h·eᵢ",
      }));
    }
  });

  it("moves one coordinate at a time and covers every coordinate", () => {
    const rng = suiteRng("gradient moves one");
    const x = uniformPoint(rng, 4);
    const { g, points } = recording(wave.f);
    const { called } = learner.numericalGradient(g, x, 0.01);
    const stray = points.find((p) => p.length !== x.length || movedCoordinates(p, x).length > 1);
    check(stray === undefined, () => ({
      called,
      got: `f was called at ${describeValue(stray)}, which differs from x in coordinates ${movedCoordinates(stray ?? [], x).join(", ")}`,
      expected: `points that each differ from x = ${describeValue(x)} in one coordinate at most`,
      why: WHY.allAtOnce,
    }));
    const missed = x.flatMap((_, i) => (points.some((p) => movedCoordinates(p, x).includes(i)) ? [] : [i]));
    check(missed.length === 0, () => ({
      called,
      got: `no call of f moved coordinate ${missed.join(", ")}`,
      expected: "every coordinate moved (2 calls of f per coordinate)",
      why: "the gradient has one partial derivative per coordinate, and each needs f on both sides along that coordinate",
    }));
  });

  it("uses the default step h = 1e-5 when none is given", () => {
    const cubes = labelled("x ↦ Σ xᵢ³", (x: Vector) => sum(x.map((v) => v ** 3)));
    const { value, called } = learner.numericalGradient(cubes, [0, 0, 0]);
    expectVectorClose(value, [1e-10, 1e-10, 1e-10], {
      called,
      oracle: "h² in every entry with h = 1e-5 (the central difference of xᵢ³ at 0 is exactly h²)",
      rtol: 1e-9,
      why: "with no h given, the default h = 1e-5 must be used (keep the default in the signature)",
    });
  });

  it("approximates the gradient of a smooth function at typical and large points, in 1 to 6 dimensions", () => {
    const rng = suiteRng("gradient smooth");
    for (const n of [1, 2, 6]) {
      for (const x of probePoints(rng, n)) {
        const { value, called } = learner.numericalGradient(wave.f, x);
        expectVectorClose(value, wave.grad(x), {
          called,
          oracle: "the exact gradient",
          rtol: CLOSED_FORM_RTOL,
          atol: waveBound(x, DEFAULT_STEP),
          why: "with h = 1e-5 each central difference is within about h²·|f'''|/6 plus rounding of the exact partial",
        });
      }
    }
  });
});

/** The gradient of x²y + 3y² and the usual slips, at (x, y). */
function x2y3y2Suspects([x, y]: readonly [number, number]): Suspect<readonly number[]>[] {
  return [
    { value: [2 * x * y, x * x], why: WHY.dropped3y2 },
    { value: [2 * x * y + 6 * y, x * x], why: WHY.sixYInX },
    { value: [2 * x * y + 6 * y, x * x + 6 * y], why: WHY.sixYInBoth },
    { value: [x * x + 6 * y, 2 * x * y], why: WHY.swapped },
    { value: [2 * x * y, x * x + 3 * y], why: WHY.threeY },
    { value: [2 * x * y, 6 * y], why: WHY.missingX2 },
  ];
}

/** The name of the slip the learner's gradient of x²y + 3y² at (x, y) matches, if any. */
const x2y3y2Why = (got: unknown, [x, y]: readonly [number, number]) =>
  vectorWhy(got, [2 * x * y, x * x + 6 * y], x2y3y2Suspects([x, y]));

task("gradient-of-x2y-plus-3y2", () => {
  it("gives (4, 13) at (1, 2), and the right values at other small points", () => {
    for (const [x, y] of [
      [1, 2],
      [0, 0],
      [-1, 1],
      [3, -1],
    ] as const) {
      const { value, called } = learner.gradXSquaredYPlus3YSquared([x, y]);
      expectVectorClose(value, [2 * x * y, x * x + 6 * y], {
        called,
        oracle: "[2xy, x² + 6y]",
        why: () => x2y3y2Why(value, [x, y]),
      });
    }
  });

  it("matches finite differences at random points", () => {
    const rng = suiteRng("x2y gradcheck");
    for (let round = 0; round < 2; round++) {
      for (const p of probePoints(rng, 2)) {
        const { value } = learner.gradXSquaredYPlus3YSquared(p);
        explained(
          () =>
            expectGradient(x2y3y2, { name: "gradXSquaredYPlus3YSquared", derivative: () => value, at: p }),
          () => x2y3y2Why(value, p as [number, number]),
        );
      }
    }
  });

  it("computes the exact formula, not a finite-difference estimate", () => {
    const rng = suiteRng("x2y exact");
    for (let trial = 0; trial < 6; trial++) {
      const [x, y] = rng.normalVector(2, 2) as [number, number];
      const { value, called } = learner.gradXSquaredYPlus3YSquared([x, y]);
      expectVectorClose(value, [2 * x * y, x * x + 6 * y], {
        called,
        oracle: "[2xy, x² + 6y], exact to rounding",
        rtol: EXACT_RTOL,
        atol: EXACT_RTOL * (x * x + 6 * Math.abs(y)),
        why: (a, e) =>
          isClose(a, e, SUSPECT_RTOL, SUSPECT_RTOL)
            ? `close, but off by ${formatNumber(a - e)}: that looks like a finite-difference estimate (off by about 1e-11); this task asks for the exact partial derivatives, worked out by hand`
            : x2y3y2Why(value, [x, y]),
      });
    }
  });

  it("rejects a point without two coordinates with a RangeError", () => {
    for (const p of [[1], [1, 2, 3]]) {
      learner.gradXSquaredYPlus3YSquared.rangeError("the point must be [x, y]", p);
    }
  });
});

const sumOfSquares = labelled("x ↦ Σ xᵢ²", (x: Vector) => sum(x.map((v) => v * v)));

function sumOfSquaresWhy(got: unknown, p: readonly number[]): string | undefined {
  return vectorWhy(
    got,
    p.map((v) => 2 * v),
    [
      { value: p, why: WHY.missingTwo },
      { value: p.map((v) => v * v), why: WHY.squaresNotSlopes },
      { value: p.map((v) => 2 * v * v), why: WHY.twoXSquared },
    ],
  );
}

task("gradient-of-sum-of-squares", () => {
  it("gives (2, −4, 6) at (1, −2, 3)", () => {
    for (const p of [[1, -2, 3], [0.5], [0, 0]]) {
      const { value, called } = learner.gradSumOfSquares(p);
      expectVectorClose(
        value,
        p.map((v) => 2 * v),
        { called, oracle: "2xᵢ in entry i", why: () => sumOfSquaresWhy(value, p) },
      );
    }
  });

  it("matches finite differences in 1 to 50 dimensions", () => {
    const rng = suiteRng("sum of squares gradcheck");
    for (const n of [1, 2, 7, 50]) {
      for (const p of probePoints(rng, n)) {
        const { value } = learner.gradSumOfSquares(p);
        explained(
          () => expectGradient(sumOfSquares, { name: "gradSumOfSquares", derivative: () => value, at: p }),
          () => sumOfSquaresWhy(value, p),
        );
      }
    }
  });

  it("computes the exact formula, not a finite-difference estimate", () => {
    const rng = suiteRng("sum of squares exact");
    const p = rng.normalVector(10, 3);
    const { value, called } = learner.gradSumOfSquares(p);
    expectVectorClose(
      value,
      p.map((v) => 2 * v),
      {
        called,
        oracle: "2xᵢ, which floating point computes exactly",
        rtol: EXACT_RTOL,
        atol: 0,
        why: (a, e) =>
          isClose(a, e, SUSPECT_RTOL, SUSPECT_RTOL)
            ? `close, but off by ${formatNumber(a - e)}: that looks like a finite-difference estimate; this task asks for the exact gradient 2xᵢ`
            : sumOfSquaresWhy(value, p),
      },
    );
  });
});

/** The directional derivative and the usual slips, for `grad` and `direction`. */
function directionalSuspects(grad: Vector, direction: Vector): Suspect<number>[] {
  const raw = dot(grad, direction);
  const d = norm(direction);
  const g = norm(grad);
  return [
    { value: raw, why: WHY.notNormalised },
    { value: raw / (d * d), why: WHY.dividedTwice },
    { value: raw / g, why: WHY.normalisedGradient },
    { value: raw / (g * d), why: WHY.cosine },
  ];
}

task("directional-derivative", () => {
  it("gives 12.8 for the gradient (4, 13) along (3, 4), and other small cases", () => {
    for (const [g, d, expected] of [
      [[4, 13], [3, 4], 12.8],
      [[3, 4], [1, 0], 3],
      [[3, 4], [0, 2], 4],
      [[3, 4], [1, 1], 7 / Math.SQRT2],
      [[1, -2, 2], [-2, 0, 0], -1],
    ] as const) {
      const { value, called } = learner.directionalDerivative(g, d);
      expectClose(value, expected, {
        called,
        oracle: "∇f · direction / ‖direction‖",
        why: whyFrom(directionalSuspects(g, d)),
      });
    }
  });

  it("does not depend on the length of the direction", () => {
    const rng = suiteRng("directional scale");
    for (const n of [2, 3, 8]) {
      const g = rng.normalVector(n);
      const unit = rng.normalVector(n);
      for (const scale of [1e-3, 1, 7.5, 1e4]) {
        const d = unit.map((v) => v * scale);
        const { value, called } = learner.directionalDerivative(g, d);
        expectClose(value, dot(g, unit) / norm(unit), {
          called,
          oracle: `∇f · u with u the unit vector along the direction (the same for every length; here ×${formatNumber(scale)})`,
          why: whyFrom(directionalSuspects(g, d)),
        });
      }
    }
  });

  it("matches the slope of f along the unit direction (finite differences)", () => {
    const rng = suiteRng("directional gradcheck");
    for (const n of [2, 4]) {
      for (const at of probePoints(rng, n)) {
        const [g, d] = [wave.grad(at), rng.normalVector(n, 2)];
        const { value, called } = learner.directionalDerivative(g, d);
        const u = d.map((v) => v / norm(d));
        const alongU = (t: Vector) => wave.f(at.map((v, i) => v + (t[0] as number) * (u[i] as number)));
        const why = whyFrom(directionalSuspects(g, d))(value, dot(g, u));
        explained(
          () =>
            expectGradient(alongU, {
              name: "directionalDerivative",
              called: `${called}, with g = ∇f(x) of ${describeValue(wave.f)} at x = ${describeValue(at)}, against the slope of t ↦ f(x + t·u)`,
              derivative: () => [value],
              at: [0],
            }),
          () => why,
        );
      }
    }
  });

  it("rejects a zero direction with a RangeError", () => {
    learner.directionalDerivative.rangeError("the direction is zero", [1, 2], [0, 0]);
  });

  it("rejects vectors of different lengths with a RangeError", () => {
    learner.directionalDerivative.rangeError("lengths 3 vs 2", [1, 2, 3], [1, 2]);
    learner.directionalDerivative.rangeError("lengths 2 vs 3", [1, 2], [1, 2, 0]);
  });
});

function ascentSuspects(grad: Vector): Suspect<readonly number[]>[] {
  const g = norm(grad);
  const l1 = sum(grad.map(Math.abs));
  return [
    { value: grad, why: WHY.notUnit },
    { value: grad.map((v) => -v / g), why: WHY.downhill },
    { value: grad.map((v) => v / (g * g)), why: WHY.ascentDividedTwice },
    { value: grad.map((v) => v / l1), why: WHY.l1Norm },
  ];
}

task("steepest-ascent", () => {
  it("turns the gradient (3, 4) into (0.6, 0.8), and other small cases", () => {
    for (const [g, expected] of [
      [
        [3, 4],
        [0.6, 0.8],
      ],
      [
        [0, -2],
        [0, -1],
      ],
      [
        [2, -1, -2],
        [2 / 3, -1 / 3, -2 / 3],
      ],
      [[5], [1]],
      [
        [4, 13],
        [4 / Math.sqrt(185), 13 / Math.sqrt(185)],
      ],
    ] as const) {
      const { value, called } = learner.steepestAscent(g);
      expectVectorClose(value, expected, {
        called,
        oracle: "∇f / ‖∇f‖",
        why: () => vectorWhy(value, expected, ascentSuspects(g)),
      });
    }
  });

  it("returns a unit vector along the gradient in any dimension", () => {
    const rng = suiteRng("ascent unit");
    for (const n of [1, 2, 5, 20]) {
      const g = rng.normalVector(n, 3);
      const expected = g.map((v) => v / norm(g));
      const { value, called } = learner.steepestAscent(g);
      expectVectorClose(value, expected, {
        called,
        oracle: "∇f / ‖∇f‖",
        rtol: UNIT_LENGTH_TOL,
        atol: UNIT_LENGTH_TOL,
        why: () => vectorWhy(value, expected, ascentSuspects(g)),
      });
      expectClose(norm(value), 1, {
        called: `the length of ${called}`,
        oracle: "a unit vector",
        rtol: UNIT_LENGTH_TOL,
      });
    }
  });

  it("climbs at the greatest rate, ‖∇f‖, along the returned direction (finite differences)", () => {
    const rng = suiteRng("ascent climbs");
    for (const n of [2, 3]) {
      for (const at of probePoints(rng, n)) {
        const g = wave.grad(at);
        const { value: u, called } = learner.steepestAscent(g);
        check(Array.isArray(u) && u.length === n && u.every((v) => typeof v === "number"), () => ({
          called,
          got: describeValue(u),
          expected: `an array of ${n} numbers`,
        }));
        const slope = centralDifference((t) => wave.f(at.map((v, i) => v + t * (u[i] as number))), 0);
        const why = vectorWhy(
          u,
          g.map((v) => v / norm(g)),
          ascentSuspects(g),
        );
        expectClose(slope, norm(g), {
          called: `the slope of ${describeValue(wave.f)} at x = ${describeValue(at)} along u = ${called} = ${describeValue(u)}, by a central difference`,
          oracle: "‖∇f(x)‖, the greatest slope any unit direction can give",
          rtol: FD_RTOL,
          atol: FD_ATOL * Math.max(1, norm(g)),
          why:
            why ??
            "along ∇f/‖∇f‖ the slope of f is ∇f·∇f/‖∇f‖ = ‖∇f‖; any other unit vector climbs more slowly",
        });
      }
    }
  });

  it("rejects a zero gradient with a RangeError", () => {
    for (const g of [[0, 0], [0]]) {
      learner.steepestAscent.rangeError("a zero gradient has no direction", g);
    }
  });
});
