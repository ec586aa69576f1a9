import type { Rng, ScalarFn } from "@calcml/math";
import * as lesson from "@lesson/01-derivatives";
import { it } from "vitest";
import {
  check,
  describeValue,
  expectClose,
  expectForAll,
  expectGradient,
  fc,
  finite,
  formatNumber,
  isClose,
  labelled,
  learnerCalls,
  probePoints,
  type Suspect,
  suiteRng,
  task,
  whyFrom,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

/** Machine epsilon, 2⁻⁵²: the relative rounding error of one floating-point operation is at most ε/2. */
const EPS = Number.EPSILON;
/** Steps of the closed-form checks: large enough that each scheme's own error term is plain to see. */
const EXPLICIT_STEPS = [0.1, 0.01, 1e-3] as const;
/** The defaults of the lesson contract and the numeric rules (docs/). */
const FORWARD_DEFAULT_STEP = 1e-6;
const CENTRAL_DEFAULT_STEP = 1e-5;
/** Head-room on the rounding error of a difference quotient (each f value and x ± h round once). */
const ROUNDING_SAFETY = 16;
/** Oracles computed in closed form: only floating-point rounding separates them from a correct answer. */
const CLOSED_FORM_RTOL = 1e-12;
/** The V-shape test: steps 10⁻¹ … 10⁻¹⁵, and how much larger than the smallest error both ends must be
 * (in 200 000 calibration runs on eˣ over [−1, 1] the smaller end was always at least 60× larger). */
const V_STEPS = Array.from({ length: 15 }, (_, k) => 10 ** -(k + 1));
const V_RISE = 10;

/** What the feedback says when an answer matches a known wrong formula. */
const WHY = {
  forwardGaveCentral:
    "that is the central difference; this task is the one-sided forward difference (f(x + h) − f(x)) / h",
  forwardGaveBackward: "that is the backward difference (f(x) − f(x − h)) / h: step forward, to x + h",
  forwardNoRun: "that is the rise f(x + h) − f(x); divide it by the run h",
  forwardHalved: "that is half the forward difference: its two points are h apart, so divide by h, not 2h",
  centralGaveForward:
    "that is the one-sided forward difference (f(x + h) − f(x)) / h; a central difference steps both ways: (f(x + h) − f(x − h)) / 2h",
  centralGaveBackward:
    "that is the one-sided backward difference (f(x) − f(x − h)) / h; a central difference steps both ways: (f(x + h) − f(x − h)) / 2h",
  centralTwice: "that is twice the central difference: x − h and x + h are 2h apart, so divide by 2h, not h",
  centralNoRun: "that is the rise f(x + h) − f(x − h); divide it by the run, 2h",
  forwardExactSlope:
    "that is the exact slope 2x, which only the central difference gives for x²: the forward difference (f(x + h) − f(x)) / h of x² is 2x + h",
  rescaled: (scheme: string) =>
    `that is the ${scheme} difference for the step h·|x|: the step is h itself, as given (move from x to x + h, do not rescale it)`,
  emptyPoly: "an empty array is the zero polynomial: its value is 0 at every x (no error)",
  noDefault: (h: string) =>
    `with no h given, the default h = ${h} must be used (keep the default in the signature)`,
  otherStep: (scheme: string, step: number, h: string) =>
    `that is the ${scheme} difference for a step of about ${formatNumber(step)}; the default step is ${h}`,
  polyReversed:
    "that is the value with the coefficients read highest power first; here coeffs[i] multiplies xⁱ, so coeffs[0] is the constant term (Horner starts from the last entry)",
  polyShifted: "that is x times the right value: coeffs[0] multiplies x⁰ = 1, not x",
  derivativeReversed:
    "that is the power rule with the coefficients read highest power first; here coeffs[i] multiplies xⁱ, so the result's entry i − 1 is i·coeffs[i]",
  derivativeNotShifted:
    "each i·coeffs[i] is right but not shifted down: it belongs at entry i − 1, and the result has one entry fewer than the input",
  derivativeNotMultiplied:
    "the coefficients are shifted but not multiplied by their powers: d/dx (c·xⁱ) = i·c·xⁱ⁻¹",
  constantEmpty:
    "an empty array has no terms at all; write the zero polynomial as [0], so its value can still be computed",
  constantNotZero: "a constant does not change, so its slope is 0 everywhere: return [0]",
  slopeIsValue: "that is f(x0); the slope of the tangent is the derivative df(x0)",
  slopeNotGiven: "the slope is exactly df(x0): use the derivative you are given rather than estimating it",
  interceptPlus:
    "sign error: the line y = slope·x + intercept passes through (x0, f(x0)) when intercept = f(x0) − slope·x0",
  interceptIsValue:
    "that is f(x0), the height of the graph at x0; the intercept is the height of the line at x = 0: f(x0) − slope·x0",
  interceptFlipped: "sign error: intercept = f(x0) − slope·x0, not slope·x0 − f(x0)",
  errorSigned: "errors are absolute: |approximation − exact|, never negative",
  errorRelative: "that is the relative error; this task asks for the absolute error |approximation − exact|",
  errorSwapped: "that is the other scheme's error: are forward and central swapped?",
  vShape:
    "the error is truncation (shrinks with h) plus rounding (about ε·|f(x)|/h, grows as h shrinks): each error must be |your difference − df(x)| at that very step",
  centralWins: "at moderate steps truncation dominates: about h·|f''|/2 for forward, h²·|f'''|/6 for central",
} as const;

// Shared helpers.

/** `a·x³ + b·x² + c·x + d` as `[d, c, b, a]` (constant first, as in the lesson). */
type Cubic = readonly [number, number, number, number];

function randomCubic(rng: Rng): Cubic {
  const a = (rng.uniform() < 0.5 ? -1 : 1) * (0.5 + rng.uniform());
  return [rng.normal(), rng.normal(), rng.normal(), a];
}

/** `x ↦ 2x³ − 0.5x + 1` for the coefficients `[1, -0.5, 0, 2]` (4 significant digits). */
function polyLabel(coeffs: readonly number[]): string {
  const terms = coeffs
    .map((c, i) => ({ c: Number(c.toPrecision(4)), i }))
    .filter(({ c }) => c !== 0)
    .reverse()
    .map(({ c, i }, k) => {
      const power =
        i === 0
          ? ""
          : i === 1
            ? "x"
            : `x${String(i).replace(/\d/g, (d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(d)] as string)}`;
      const sign = c < 0 ? (k === 0 ? "−" : " − ") : k === 0 ? "" : " + ";
      return `${sign}${Math.abs(c)}${power}`;
    });
  return `x ↦ ${terms.length === 0 ? "0" : terms.join("")}`;
}

function cubicFn(p: Cubic): ScalarFn {
  const [d, c, b, a] = p;
  return labelled(polyLabel(p), (x: number) => a * x * x * x + b * x * x + c * x + d);
}

const cubicSlope = ([, c, b, a]: Cubic, x: number): number => 3 * a * x * x + 2 * b * x + c;

/** Rounding bound of a difference quotient of `p` at `x` with step `h`, from the sizes of its terms. */
function roundingAllowance(p: Cubic, x: number, h: number): number {
  const r = Math.abs(x) + h;
  const [d, c, b, a] = p.map(Math.abs) as unknown as Cubic;
  const size = a * r ** 3 + b * r ** 2 + c * r + d;
  const slope = 3 * a * r ** 2 + 2 * b * r + c;
  return (ROUNDING_SAFETY * EPS * (size + Math.abs(x) * slope)) / h;
}

/**
 * A random cubic at a random x in [−1, 1], for each explicit step: what a one-sided and a central
 * difference give there (worked out by hand), and the rounding allowance.
 */
function* cubicCases(salt: string) {
  const rng = suiteRng(salt);
  for (let trial = 0; trial < 4; trial++) {
    const p = randomCubic(rng);
    const f = cubicFn(p);
    const x = uniformInUnit(rng);
    for (const h of EXPLICIT_STEPS) {
      const [, , b, a] = p;
      const slope = cubicSlope(p, x);
      const tilt = h * (3 * a * x + b);
      const atol = roundingAllowance(p, x, h);
      const [forward, central, backward] = [
        slope + tilt + a * h * h,
        slope + a * h * h,
        slope - tilt + a * h * h,
      ];
      yield { f, x, h, forward, central, backward, atol };
    }
  }
}

/** Smooth test functions with a bound on |f|, |f'|, |f''|, |f'''| over [x − r, x + r]. */
const SMOOTH = [
  { f: labelled("x ↦ sin x", (x: number) => Math.sin(x)), df: Math.cos, bound: () => 1 },
  {
    f: labelled("x ↦ eˣ", (x: number) => Math.exp(x)),
    df: Math.exp,
    bound: (x: number, r: number) => Math.exp(x + r),
  },
] as const;

/**
 * How far a correct difference quotient at the default step may be from the true slope: twice the
 * truncation term (order 1 or 2) plus rounding. Taking the step as `h` or as `h·max(1, |x|)` both pass.
 */
function accuracyBound(order: 1 | 2, bound: (x: number, r: number) => number, x: number, h: number): number {
  const H = h * Math.max(1, Math.abs(x));
  const M = bound(x, 2 * H);
  const truncation = order === 1 ? H * M : (H * H * M) / 3;
  return truncation + (ROUNDING_SAFETY * EPS * M * (1 + Math.abs(x))) / h;
}

/** The forward (order 1) or central (order 2) difference at its default step, on the smooth functions. */
function expectSmoothSlopes(salt: string, order: 1 | 2, why: string): void {
  const [difference, h] =
    order === 1
      ? [learner.forwardDifference, FORWARD_DEFAULT_STEP]
      : [learner.centralDifference, CENTRAL_DEFAULT_STEP];
  const rng = suiteRng(salt);
  for (const { f, df, bound } of SMOOTH) {
    for (const [x] of probePoints(rng, 1) as [number][]) {
      const { value, called } = difference(f, x);
      expectClose(value, df(x), {
        called,
        oracle: "the exact derivative",
        rtol: CLOSED_FORM_RTOL,
        atol: accuracyBound(order, bound, x, h),
        why,
      });
    }
  }
}

const uniformInUnit = (rng: Rng): number => 2 * rng.uniform() - 1;

/** `Σ cᵢ·xⁱ` by explicit powers (not Horner), and `Σ |cᵢ|·|x|ⁱ`, the size that bounds its rounding. */
function powerSum(coeffs: readonly number[], x: number): { value: number; size: number } {
  let value = 0;
  let size = 0;
  coeffs.forEach((c, i) => {
    value += c * x ** i;
    size += Math.abs(c) * Math.abs(x) ** i;
  });
  return { value, size };
}

/**
 * A property over cubics: for any cubic, any x in [−10, 10] (far from 0 too) and any step h, the learner's
 * `scheme` difference equals its value worked out by hand. A rescaled step (h·|x|) fails it.
 */
function expectCubicProperty(salt: string, scheme: "forward" | "central"): void {
  // Round numbers keep the shrunk counterexample readable (and away from subnormal coefficients).
  const coefficient = fc.integer({ min: -3000, max: 3000 }).map((k) => k / 1000);
  const at = fc.integer({ min: -1000, max: 1000 }).map((k) => k / 100);
  expectForAll(
    salt,
    [coefficient, coefficient, coefficient, coefficient, at, finite(1e-3, 0.5)],
    (d, c, b, a, x, h) => {
      const p: Cubic = [d, c, b, a];
      const f = cubicFn(p);
      const slope = cubicSlope(p, x);
      const atol = roundingAllowance(p, x, h);
      const byHand = (step: number) =>
        scheme === "forward" ? slope + step * (3 * a * x + b) + a * step * step : slope + a * step * step;
      const learnerDifference = scheme === "forward" ? learner.forwardDifference : learner.centralDifference;
      const { value, called } = learnerDifference(f, x, h);
      expectClose(value, byHand(h), {
        called,
        oracle:
          scheme === "forward"
            ? "f'(x) + h·(3ax + b) + a·h², the forward difference of a cubic worked out by hand"
            : "f'(x) + a·h², the central difference of a cubic worked out by hand",
        rtol: CLOSED_FORM_RTOL,
        atol,
        why: whyFrom([{ value: byHand(h * Math.max(1, Math.abs(x))), why: WHY.rescaled(scheme) }], atol),
      });
    },
    { numRuns: 40 },
  );
}

task("forward-difference", () => {
  it("matches (f(x + h) − f(x)) / h on cubics, for the step it is given", () => {
    for (const { f, x, h, forward, central, backward, atol } of cubicCases("forward cubic")) {
      const { value, called } = learner.forwardDifference(f, x, h);
      expectClose(value, forward, {
        called,
        oracle: "f'(x) + h·(3ax + b) + a·h², the forward difference of a cubic worked out by hand",
        rtol: CLOSED_FORM_RTOL,
        atol,
        why: whyFrom(
          [
            { value: central, why: WHY.forwardGaveCentral },
            { value: backward, why: WHY.forwardGaveBackward },
            { value: h * forward, why: WHY.forwardNoRun },
            { value: forward / 2, why: WHY.forwardHalved },
          ],
          atol,
        ),
      });
    }
  });

  it("gives 3.31 and 3.0301 for x³ at x = 1 with h = 0.1 and 0.01 (the worked example)", () => {
    const cube = labelled("x ↦ x³", (x: number) => x * x * x);
    for (const [h, want] of [
      [0.1, 3.31],
      [0.01, 3.0301],
    ] as const) {
      const { value, called } = learner.forwardDifference(cube, 1, h);
      expectClose(value, want, {
        called,
        oracle: `(f(1 + h) − f(1)) / h = 3 + 3h + h² by hand`,
        rtol: 1e-12,
        atol: 1e-12,
        why: whyFrom(
          [
            { value: 3 + h * h, why: WHY.forwardGaveCentral },
            { value: 3 - 3 * h + h * h, why: WHY.forwardGaveBackward },
          ],
          1e-9,
        ),
      });
    }
  });

  it("uses the step h as given for any cubic, x and h, far from 0 too", () => {
    expectCubicProperty("forward property", "forward");
  });

  it("uses the default step h = 1e-6 when none is given", () => {
    const parabola = labelled("x ↦ x²", (x: number) => x * x);
    for (const x of [0, 0.5]) {
      // (f(x + h) − f(x)) / h = 2x + h exactly for a parabola, so the answer reveals the step.
      const { value, called } = learner.forwardDifference(parabola, x);
      expectClose(value, 2 * x + FORWARD_DEFAULT_STEP, {
        called,
        oracle: "2x + h with h = 1e-6 (the forward difference of x² is exactly 2x + h)",
        rtol: 1e-12,
        atol: 1e-9,
        why: (got) => {
          if (!Number.isFinite(got)) return WHY.noDefault("1e-6");
          if (isClose(got, 2 * x, 1e-12, 1e-12)) return WHY.forwardExactSlope;
          return WHY.otherStep("forward", got - 2 * x, "1e-6");
        },
      });
    }
  });

  it("approximates the slope of smooth functions at the default step", () => {
    expectSmoothSlopes(
      "forward smooth",
      1,
      "with h = 1e-6 the forward difference should be within about h·|f''|/2 plus rounding of the true slope",
    );
  });
});

task("central-difference", () => {
  it("matches (f(x + h) − f(x − h)) / 2h on cubics, for the step it is given", () => {
    for (const { f, x, h, forward, central, backward, atol } of cubicCases("central cubic")) {
      const { value, called } = learner.centralDifference(f, x, h);
      expectClose(value, central, {
        called,
        oracle: "f'(x) + a·h², the central difference of a cubic worked out by hand",
        rtol: CLOSED_FORM_RTOL,
        atol,
        why: whyFrom(
          [
            { value: forward, why: WHY.centralGaveForward },
            { value: backward, why: WHY.centralGaveBackward },
            { value: 2 * central, why: WHY.centralTwice },
            { value: 2 * h * central, why: WHY.centralNoRun },
          ],
          atol,
        ),
      });
    }
  });

  it("gives 3.01 and 3.0001 for x³ at x = 1 with h = 0.1 and 0.01 (the worked example)", () => {
    const cube = labelled("x ↦ x³", (x: number) => x * x * x);
    for (const [h, want] of [
      [0.1, 3.01],
      [0.01, 3.0001],
    ] as const) {
      const { value, called } = learner.centralDifference(cube, 1, h);
      expectClose(value, want, {
        called,
        oracle: `(f(1 + h) − f(1 − h)) / 2h = 3 + h² by hand`,
        rtol: 1e-12,
        atol: 1e-12,
        why: whyFrom(
          [
            { value: 3 + 3 * h + h * h, why: WHY.centralGaveForward },
            { value: 2 * (3 + h * h), why: WHY.centralTwice },
          ],
          1e-9,
        ),
      });
    }
  });

  it("uses the step h as given for any cubic, x and h, far from 0 too", () => {
    expectCubicProperty("central property", "central");
  });

  it("uses the default step h = 1e-5 when none is given", () => {
    const cube = labelled("x ↦ x³", (x: number) => x * x * x);
    // At x = 0 the central difference of x³ is ((h³) − (−h³)) / 2h = h² exactly.
    const { value, called } = learner.centralDifference(cube, 0);
    expectClose(value, CENTRAL_DEFAULT_STEP ** 2, {
      called,
      oracle: "h² with h = 1e-5 (the central difference of x³ at 0 is exactly h²)",
      rtol: 1e-9,
      why: (got) => {
        if (!(got > 0 && Number.isFinite(got))) return WHY.noDefault("1e-5");
        if (isClose(got, 2 * CENTRAL_DEFAULT_STEP ** 2, 1e-6)) return WHY.centralTwice;
        return WHY.otherStep("central", Math.sqrt(got), "1e-5");
      },
    });
  });

  it("approximates the slope of smooth functions closely at the default step", () => {
    expectSmoothSlopes(
      "central smooth",
      2,
      "with h = 1e-5 the central difference should be within about h²·|f'''|/6 plus rounding of the true slope; an error near h·|f''|/2 means a one-sided difference",
    );
  });
});

/** The value by powers, `Σ cᵢ·xⁱ`, in exact integer arithmetic. */
function bigPolyValue(coeffs: readonly number[], x: number): number {
  let sum = 0n;
  coeffs.forEach((c, i) => {
    sum += BigInt(c) * BigInt(x) ** BigInt(i);
  });
  return Number(sum);
}

function polySuspects(coeffs: readonly number[], x: number): Suspect[] {
  const reversed = powerSum([...coeffs].reverse(), x).value;
  const shifted = x * powerSum(coeffs, x).value;
  return [
    { value: reversed, why: WHY.polyReversed },
    { value: shifted, why: WHY.polyShifted },
  ];
}

task("poly-eval", () => {
  it("evaluates 3x³ + 2x² − 4x + 7, written [7, −4, 2, 3]", () => {
    const coeffs = [7, -4, 2, 3];
    for (const x of [0, 1, 2, -1, 0.5, -3]) {
      const { value, called } = learner.polyEval(coeffs, x);
      expectClose(value, 7 - 4 * x + 2 * x ** 2 + 3 * x ** 3, {
        called,
        oracle: "7 − 4x + 2x² + 3x³",
        why: whyFrom(polySuspects(coeffs, x), 1e-12),
      });
    }
  });

  it("matches exact integer arithmetic on random integer polynomials", () => {
    const rng = suiteRng("poly integer");
    for (let trial = 0; trial < 8; trial++) {
      const coeffs = Array.from({ length: 2 + rng.int(8) }, () => rng.int(19) - 9);
      const x = rng.int(11) - 5;
      const { value, called } = learner.polyEval(coeffs, x);
      expectClose(value, bigPolyValue(coeffs, x), {
        called,
        oracle: "Σ coeffs[i]·xⁱ in exact integer (BigInt) arithmetic",
        why: whyFrom(polySuspects(coeffs, x), 1e-12),
      });
    }
  });

  it("evaluates random real polynomials at typical and large points", () => {
    const rng = suiteRng("poly real");
    for (let trial = 0; trial < 4; trial++) {
      const coeffs = rng.normalVector(1 + rng.int(10));
      for (const [x] of probePoints(rng, 1) as [number][]) {
        const { value: expected, size } = powerSum(coeffs, x);
        const atol = 4 * coeffs.length * EPS * size;
        const { value, called } = learner.polyEval(coeffs, x);
        expectClose(value, expected, {
          called,
          oracle: "Σ coeffs[i]·xⁱ by explicit powers",
          rtol: CLOSED_FORM_RTOL,
          atol,
          why: whyFrom(polySuspects(coeffs, x), atol),
        });
      }
    }
  });

  it("gives 0 for the empty array (the zero polynomial)", () => {
    for (const x of [0, 2, -3.5]) {
      const { value, called } = learner.polyEval([], x);
      expectClose(value, 0, { called, oracle: "the zero polynomial", why: WHY.emptyPoly });
    }
  });

  it("treats a single coefficient as a constant", () => {
    for (const [coeffs, x] of [
      [[5], 3],
      [[-2.5], -7],
      [[0, 0, 0], 4],
    ] as const) {
      const { value, called } = learner.polyEval(coeffs, x);
      expectClose(value, coeffs[0], {
        called,
        oracle: "the constant term, whatever x is",
        why: whyFrom([{ value: coeffs[0] * x, why: WHY.polyShifted }], 1e-12),
      });
    }
  });
});

/** Compares two arrays of numbers entry by entry (same length), within `rtol`. */
const sameArray = (a: unknown, b: readonly number[], rtol = 1e-9): boolean =>
  Array.isArray(a) &&
  a.length === b.length &&
  b.every((v, i) => typeof a[i] === "number" && isClose(a[i], v, rtol, 1e-12));

/** The power rule with the coefficients read highest power first: a common mix-up. */
function reversedRuleDerivative(coeffs: readonly number[]): number[] {
  return coeffs.slice(0, -1).map((c, i) => c * (coeffs.length - 1 - i));
}

/** Checks polyDerivative(coeffs)'s coefficients exactly against `expected`, naming the usual mix-ups. */
function expectDerivative(coeffs: readonly number[], expected: readonly number[], oracle: string): void {
  const { value, called } = learner.polyDerivative(coeffs);
  const suspects: { value: readonly number[]; why: string }[] = [
    { value: reversedRuleDerivative(coeffs), why: WHY.derivativeReversed },
    { value: coeffs.map((c, i) => i * c), why: WHY.derivativeNotShifted },
    { value: coeffs.slice(1), why: WHY.derivativeNotMultiplied },
  ];
  const why = suspects.find((s) => !sameArray(expected, s.value) && sameArray(value, s.value))?.why;
  check(sameArray(value, expected), () => ({
    called,
    got: describeValue(value),
    expected: `${describeValue(expected)} (${oracle})`,
    ...(why === undefined ? {} : { why }),
  }));
}

task("poly-derivative", () => {
  it("turns [7, −4, 2, 3] into [−4, 4, 9]", () => {
    expectDerivative([7, -4, 2, 3], [-4, 4, 9], "d/dx (3x³ + 2x² − 4x + 7) = 9x² + 4x − 4");
  });

  it("gives [0] for a constant", () => {
    for (const c of [7, 0, -2.5]) {
      const { value, called } = learner.polyDerivative([c]);
      check(sameArray(value, [0]), () => ({
        called,
        got: describeValue(value),
        expected: "[0] (the derivative of a constant is the zero polynomial)",
        why: Array.isArray(value) && value.length === 0 ? WHY.constantEmpty : WHY.constantNotZero,
      }));
    }
  });

  it("follows the power rule on random polynomials", () => {
    const rng = suiteRng("derivative power rule");
    for (let trial = 0; trial < 6; trial++) {
      const coeffs = rng.normalVector(2 + rng.int(8));
      const expected = coeffs.slice(1).map((c, k) => c * (k + 1));
      expectDerivative(coeffs, expected, "entry i − 1 is i·coeffs[i] (power rule)");
    }
  });

  it("agrees with finite differences of the polynomial", () => {
    const rng = suiteRng("derivative finite differences");
    for (let trial = 0; trial < 3; trial++) {
      const coeffs = rng.normalVector(2 + rng.int(6));
      const { value: derivative, called } = learner.polyDerivative(coeffs);
      for (const at of probePoints(rng, 1)) {
        expectGradient((p) => powerSum(coeffs, p[0] as number).value, {
          name: "polyDerivative",
          called: `${called} = ${describeValue(derivative)}, evaluated at x = ${formatNumber(at[0] as number)}`,
          derivative: (p) => [
            Array.isArray(derivative) ? powerSum(derivative, p[0] as number).value : Number.NaN,
          ],
          at,
        });
      }
    }
  });
});

/** tangentLine(f, df, x0), checked to be an object `{ slope, intercept }` of two numbers. */
function tangent(
  f: ScalarFn,
  df: ScalarFn,
  x0: number,
): { line: { slope: number; intercept: number }; called: string } {
  const { value, called } = learner.tangentLine(f, df, x0);
  const line = value as { slope?: unknown; intercept?: unknown } | null;
  check(
    typeof line === "object" &&
      line !== null &&
      typeof line.slope === "number" &&
      typeof line.intercept === "number",
    () => ({ called, got: describeValue(value), expected: "an object { slope, intercept } of two numbers" }),
  );
  return { line: value, called };
}

function interceptSuspects(fx: number, slope: number, x0: number): Suspect[] {
  return [
    { value: fx + slope * x0, why: WHY.interceptPlus },
    { value: fx, why: WHY.interceptIsValue },
    { value: slope * x0 - fx, why: WHY.interceptFlipped },
  ];
}

task("tangent-line", () => {
  const parabola = labelled("x ↦ x²", (x: number) => x * x);
  const parabolaSlope = labelled("x ↦ 2x", (x: number) => 2 * x);

  it("touches y = x² with slope 2x0 and intercept −x0²", () => {
    for (const x0 of [3, -1, 0.5]) {
      const { line, called } = tangent(parabola, parabolaSlope, x0);
      expectClose(line.slope, 2 * x0, {
        called: `${called}.slope`,
        oracle: "df(x0) = 2·x0",
        why: whyFrom([{ value: x0 * x0, why: WHY.slopeIsValue }], 1e-12),
      });
      expectClose(line.intercept, -x0 * x0, {
        called: `${called}.intercept`,
        oracle: "x0² − 2x0·x0 = −x0²",
        why: whyFrom(interceptSuspects(x0 * x0, 2 * x0, x0), 1e-12),
      });
    }
  });

  it("gives y = 40x − 49 for 3x³ + 2x² − 4x + 7 at x0 = 2 (the worked example)", () => {
    const p: Cubic = [7, -4, 2, 3];
    const df = labelled("x ↦ 9x² + 4x − 4", (x: number) => cubicSlope(p, x));
    const { line, called } = tangent(cubicFn(p), df, 2);
    expectClose(line.slope, 40, { called: `${called}.slope`, oracle: "p'(2) = −4 + 8 + 36" });
    expectClose(line.intercept, -49, {
      called: `${called}.intercept`,
      oracle: "p(2) − 40·2 = 31 − 80",
      why: whyFrom(interceptSuspects(31, 40, 2), 1e-12),
    });
  });

  it("gives slope df(x0) and intercept Σ (1 − k)·cₖ·x0ᵏ on random cubics", () => {
    const rng = suiteRng("tangent cubic");
    for (let trial = 0; trial < 5; trial++) {
      const p = randomCubic(rng);
      const f = cubicFn(p);
      const df = labelled("its exact derivative", (x: number) => cubicSlope(p, x));
      const x0 = rng.normal(0, 2);
      const { line, called } = tangent(f, df, x0);
      expectClose(line.slope, df(x0), {
        called: `${called}.slope`,
        oracle: "df(x0), the exact derivative it was given",
        rtol: CLOSED_FORM_RTOL,
        why: WHY.slopeNotGiven,
      });
      // f(x0) − f'(x0)·x0 = Σ cₖ x0ᵏ − Σ k·cₖ x0ᵏ = Σ (1 − k)·cₖ·x0ᵏ.
      const intercept = p.reduce((s, c, k) => s + (1 - k) * c * x0 ** k, 0);
      const size = p.reduce((s, c, k) => s + (1 + k) * Math.abs(c) * Math.abs(x0) ** k, 0);
      expectClose(line.intercept, intercept, {
        called: `${called}.intercept`,
        oracle: "Σ (1 − k)·cₖ·x0ᵏ, which is f(x0) − f'(x0)·x0 for f = Σ cₖ·xᵏ",
        rtol: CLOSED_FORM_RTOL,
        atol: ROUNDING_SAFETY * EPS * size,
        why: whyFrom(interceptSuspects(f(x0), df(x0), x0), ROUNDING_SAFETY * EPS * size),
      });
    }
  });

  it("passes through (x0, f(x0)) with the slope of finite differences", () => {
    const rng = suiteRng("tangent smooth");
    for (const { f, df } of SMOOTH) {
      const derivative = labelled(`its derivative`, (x: number) => df(x));
      for (const [x0] of probePoints(rng, 1) as [number][]) {
        const { line, called } = tangent(f, derivative, x0);
        expectGradient((q) => f(q[0] as number), {
          name: "tangentLine",
          called: `${called}.slope`,
          derivative: () => [line.slope],
          at: [x0],
        });
        const fx = f(x0);
        const atol = ROUNDING_SAFETY * EPS * (Math.abs(fx) + Math.abs(line.slope * x0));
        expectClose(line.intercept, fx - line.slope * x0, {
          called: `${called}.intercept`,
          oracle: "f(x0) − slope·x0, so that the line passes through (x0, f(x0))",
          rtol: CLOSED_FORM_RTOL,
          atol,
          why: whyFrom(interceptSuspects(fx, line.slope, x0), atol),
        });
      }
    }
  });
});

type Errors = { forward: number[]; central: number[] };

/** stepSizeErrors(f, df, x, steps), checked to be two arrays of one number per step. */
function stepErrors(f: ScalarFn, df: ScalarFn, x: number, steps: readonly number[]) {
  const { value, called } = learner.stepSizeErrors(f, df, x, steps);
  const e = value as Partial<Errors> | null;
  const ok = (a: unknown): boolean =>
    Array.isArray(a) && a.length === steps.length && a.every((v) => typeof v === "number");
  check(typeof e === "object" && e !== null && ok(e.forward) && ok(e.central), () => ({
    called,
    got: describeValue(value),
    expected: `{ forward, central }: two arrays of ${steps.length} numbers, one error per step`,
  }));
  return { errors: value as Errors, called };
}

function errorSuspects(signed: number, slope: number, other: number): Suspect[] {
  return [
    { value: signed, why: WHY.errorSigned },
    { value: Math.abs(signed / slope), why: WHY.errorRelative },
    { value: other, why: WHY.errorSwapped },
  ];
}

/** Checks both error arrays on a cubic, whose errors are known in closed form. */
function expectCubicErrors(p: Cubic, x: number, steps: readonly number[]): void {
  const df = labelled("its exact derivative", (t: number) => cubicSlope(p, t));
  const { errors, called } = stepErrors(cubicFn(p), df, x, steps);
  const [, , b, a] = p;
  steps.forEach((h, k) => {
    const forwardSigned = h * (3 * a * x + b) + a * h * h;
    const centralSigned = a * h * h;
    const atol = roundingAllowance(p, x, h);
    const slope = cubicSlope(p, x);
    expectClose(errors.forward[k], Math.abs(forwardSigned), {
      called: `${called}.forward[${k}] (h = ${formatNumber(h)})`,
      oracle: "|h·(3ax + b) + a·h²|, the forward difference's error on a cubic",
      rtol: CLOSED_FORM_RTOL,
      atol,
      why: whyFrom(errorSuspects(forwardSigned, slope, Math.abs(centralSigned)), atol),
    });
    expectClose(errors.central[k], Math.abs(centralSigned), {
      called: `${called}.central[${k}] (h = ${formatNumber(h)})`,
      oracle: "|a·h²|, the central difference's error on a cubic",
      rtol: CLOSED_FORM_RTOL,
      atol,
      why: whyFrom(errorSuspects(centralSigned, slope, Math.abs(forwardSigned)), atol),
    });
  });
}

/** Index of the smallest entry. */
const argmin = (xs: readonly number[]): number =>
  xs.reduce((best, v, i) => (v < (xs[best] as number) ? i : best), 0);

task("step-size-errors", () => {
  it("gives one forward and one central error per step, in the order of the steps", () => {
    const rng = suiteRng("errors cubic");
    for (let trial = 0; trial < 3; trial++) {
      expectCubicErrors(randomCubic(rng), uniformInUnit(rng), [1e-3, 0.1, 1e-4, 0.01]);
    }
  });

  it("reports absolute errors, never negative ones", () => {
    // f = x³ − 2x² at x = 0: the forward difference is −2h + h², below the true slope 0.
    expectCubicErrors([0, 0, -2, 1], 0, [0.1, 0.01]);
    expectCubicErrors([0, 0, 0, -1], 0.5, [0.1, 0.01]);
  });

  it("falls, then rises again as h shrinks (the V shape)", () => {
    const rng = suiteRng("errors V shape");
    const f = labelled("x ↦ eˣ", (x: number) => Math.exp(x));
    const df = labelled("x ↦ eˣ (its derivative)", (x: number) => Math.exp(x));
    for (let trial = 0; trial < 3; trial++) {
      const { errors, called } = stepErrors(f, df, uniformInUnit(rng), V_STEPS);
      for (const [scheme, best] of [
        ["forward", "near √ε ≈ 1e-8"],
        ["central", "near ε^(1/3) ≈ 6e-6"],
      ] as const) {
        const e = errors[scheme];
        const k = argmin(e);
        const smallest = e[k] as number;
        const tiny = Math.max(...e.slice(-3));
        // Where exactly the bottom falls depends on luck in the rounding; that it falls and rises does not.
        const negative = e.some((v) => v < 0);
        check(!negative && (e[0] as number) >= V_RISE * smallest && tiny >= V_RISE * smallest, () => ({
          called,
          got: `${scheme} errors ${e.map((v) => formatNumber(Number(v.toPrecision(2)))).join(", ")} for h = 1e-1 … 1e-15; the smallest at h = ${formatNumber(V_STEPS[k] as number)}`,
          expected: `errors at least ${V_RISE}× larger at h = 0.1 and at some h ≤ 1e-13 than the smallest one (which lies ${best})`,
          why: negative ? WHY.errorSigned : WHY.vShape,
        }));
      }
    }
  });

  it("shows the central difference beating the forward one at moderate steps", () => {
    const rng = suiteRng("errors central wins");
    const f = labelled("x ↦ sin x + eˣ", (x: number) => Math.sin(x) + Math.exp(x));
    const df = labelled("x ↦ cos x + eˣ (its derivative)", (x: number) => Math.cos(x) + Math.exp(x));
    const steps = [1e-2, 1e-3, 1e-4];
    for (let trial = 0; trial < 3; trial++) {
      const { errors, called } = stepErrors(f, df, uniformInUnit(rng), steps);
      steps.forEach((h, k) => {
        const [forward, central] = [errors.forward[k] as number, errors.central[k] as number];
        check(central * 10 <= forward && forward > 0, () => ({
          called,
          got: `at h = ${formatNumber(h)}: forward error ${formatNumber(forward)}, central error ${formatNumber(central)}`,
          expected: "the central error at least 10× smaller (it shrinks like h², the forward one like h)",
          why: WHY.centralWins,
        }));
      });
    }
  });
});
