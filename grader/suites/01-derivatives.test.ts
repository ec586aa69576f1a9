import type { Rng, ScalarFn } from "@calcml/math";
import * as lesson from "@lesson/01-derivatives";
import { it } from "vitest";
import {
  callLearner,
  check,
  describeCall,
  describeValue,
  expectClose,
  expectGradient,
  formatNumber,
  frozen,
  isClose,
  labelled,
  probePoints,
  type Suspect,
  suiteRng,
  task,
  whyFrom,
} from "../src/checks/index.ts";

const { forwardDifference, centralDifference, polyEval, polyDerivative, tangentLine, stepSizeErrors } =
  lesson;

/** Machine epsilon, 2⁻⁵²: the relative rounding error of one floating-point operation is at most ε/2. */
const EPS = Number.EPSILON;
/** Steps of the closed-form checks: large enough that each scheme's own error term is plain to see. */
const EXPLICIT_STEPS = [0.1, 0.01, 1e-3] as const;
/** The defaults of COURSE.md and NUMERICS.md. */
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

// ---------- local helpers ----------

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

const uniformInUnit = (rng: Rng): number => 2 * rng.uniform() - 1;

// ---------- tasks ----------

task("forward-difference", () => {
  it("matches (f(x + h) − f(x)) / h on cubics, for the step it is given", () => {
    const rng = suiteRng("forward cubic");
    for (let trial = 0; trial < 4; trial++) {
      const p = randomCubic(rng);
      const f = cubicFn(p);
      const x = uniformInUnit(rng);
      for (const h of EXPLICIT_STEPS) {
        const [, , b, a] = p;
        const slope = cubicSlope(p, x);
        const tilt = h * (3 * a * x + b);
        const atol = roundingAllowance(p, x, h);
        expectClose(callLearner("forwardDifference", forwardDifference, f, x, h), slope + tilt + a * h * h, {
          called: describeCall("forwardDifference", [f, x, h]),
          oracle: "f'(x) + h·(3ax + b) + a·h², the forward difference of a cubic worked out by hand",
          rtol: CLOSED_FORM_RTOL,
          atol,
          why: whyFrom(
            [
              { value: slope + a * h * h, why: WHY.forwardGaveCentral },
              { value: slope - tilt + a * h * h, why: WHY.forwardGaveBackward },
              { value: h * (slope + tilt + a * h * h), why: WHY.forwardNoRun },
              { value: (slope + tilt + a * h * h) / 2, why: WHY.forwardHalved },
            ],
            atol,
          ),
        });
      }
    }
  });

  it("uses the default step h = 1e-6 when none is given", () => {
    const parabola = labelled("x ↦ x²", (x: number) => x * x);
    for (const x of [0, 0.5]) {
      // (f(x + h) − f(x)) / h = 2x + h exactly for a parabola, so the answer reveals the step.
      const got = callLearner("forwardDifference", forwardDifference, parabola, x);
      expectClose(got, 2 * x + FORWARD_DEFAULT_STEP, {
        called: describeCall("forwardDifference", [parabola, x]),
        oracle: "2x + h with h = 1e-6 (the forward difference of x² is exactly 2x + h)",
        rtol: 1e-12,
        atol: 1e-9,
        why: (value) => {
          if (!Number.isFinite(value)) return WHY.noDefault("1e-6");
          if (isClose(value, 2 * x, 1e-12, 1e-12)) return WHY.forwardExactSlope;
          return WHY.otherStep("forward", value - 2 * x, "1e-6");
        },
      });
    }
  });

  it("approximates the slope of smooth functions at the default step", () => {
    const rng = suiteRng("forward smooth");
    for (const { f, df, bound } of SMOOTH) {
      for (const [x] of probePoints(rng, 1) as [number][]) {
        const atol = accuracyBound(1, bound, x, FORWARD_DEFAULT_STEP);
        expectClose(callLearner("forwardDifference", forwardDifference, f, x), df(x), {
          called: describeCall("forwardDifference", [f, x]),
          oracle: "the exact derivative",
          rtol: CLOSED_FORM_RTOL,
          atol,
          why: "with h = 1e-6 the forward difference should be within about h·|f''|/2 plus rounding of the true slope",
        });
      }
    }
  });
});

task("central-difference", () => {
  it("matches (f(x + h) − f(x − h)) / 2h on cubics, for the step it is given", () => {
    const rng = suiteRng("central cubic");
    for (let trial = 0; trial < 4; trial++) {
      const p = randomCubic(rng);
      const f = cubicFn(p);
      const x = uniformInUnit(rng);
      for (const h of EXPLICIT_STEPS) {
        const [, , b, a] = p;
        const slope = cubicSlope(p, x);
        const tilt = h * (3 * a * x + b);
        const central = slope + a * h * h;
        const atol = roundingAllowance(p, x, h);
        expectClose(callLearner("centralDifference", centralDifference, f, x, h), central, {
          called: describeCall("centralDifference", [f, x, h]),
          oracle: "f'(x) + a·h², the central difference of a cubic worked out by hand",
          rtol: CLOSED_FORM_RTOL,
          atol,
          why: whyFrom(
            [
              { value: slope + tilt + a * h * h, why: WHY.centralGaveForward },
              { value: slope - tilt + a * h * h, why: WHY.centralGaveBackward },
              { value: 2 * central, why: WHY.centralTwice },
              { value: 2 * h * central, why: WHY.centralNoRun },
            ],
            atol,
          ),
        });
      }
    }
  });

  it("uses the default step h = 1e-5 when none is given", () => {
    const cube = labelled("x ↦ x³", (x: number) => x * x * x);
    // At x = 0 the central difference of x³ is ((h³) − (−h³)) / 2h = h² exactly.
    const got = callLearner("centralDifference", centralDifference, cube, 0);
    expectClose(got, CENTRAL_DEFAULT_STEP ** 2, {
      called: describeCall("centralDifference", [cube, 0]),
      oracle: "h² with h = 1e-5 (the central difference of x³ at 0 is exactly h²)",
      rtol: 1e-9,
      why: (value) => {
        if (!(value > 0 && Number.isFinite(value))) return WHY.noDefault("1e-5");
        if (isClose(value, 2 * CENTRAL_DEFAULT_STEP ** 2, 1e-6)) return WHY.centralTwice;
        return WHY.otherStep("central", Math.sqrt(value), "1e-5");
      },
    });
  });

  it("approximates the slope of smooth functions closely at the default step", () => {
    const rng = suiteRng("central smooth");
    for (const { f, df, bound } of SMOOTH) {
      for (const [x] of probePoints(rng, 1) as [number][]) {
        const atol = accuracyBound(2, bound, x, CENTRAL_DEFAULT_STEP);
        expectClose(callLearner("centralDifference", centralDifference, f, x), df(x), {
          called: describeCall("centralDifference", [f, x]),
          oracle: "the exact derivative",
          rtol: CLOSED_FORM_RTOL,
          atol,
          why: "with h = 1e-5 the central difference should be within about h²·|f'''|/6 plus rounding of the true slope; an error near h·|f''|/2 means a one-sided difference",
        });
      }
    }
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
    const coeffs = frozen([7, -4, 2, 3]);
    for (const x of [0, 1, 2, -1, 0.5, -3]) {
      expectClose(callLearner("polyEval", polyEval, coeffs, x), 7 - 4 * x + 2 * x ** 2 + 3 * x ** 3, {
        called: describeCall("polyEval", [coeffs, x]),
        oracle: "7 − 4x + 2x² + 3x³",
        why: whyFrom(polySuspects(coeffs, x), 1e-12),
      });
    }
  });

  it("matches exact integer arithmetic on random integer polynomials", () => {
    const rng = suiteRng("poly integer");
    for (let trial = 0; trial < 8; trial++) {
      const coeffs = frozen(Array.from({ length: 2 + rng.int(8) }, () => rng.int(19) - 9));
      const x = rng.int(11) - 5;
      expectClose(callLearner("polyEval", polyEval, coeffs, x), bigPolyValue(coeffs, x), {
        called: describeCall("polyEval", [coeffs, x]),
        oracle: "Σ coeffs[i]·xⁱ in exact integer (BigInt) arithmetic",
        why: whyFrom(polySuspects(coeffs, x), 1e-12),
      });
    }
  });

  it("evaluates random real polynomials at typical and large points", () => {
    const rng = suiteRng("poly real");
    for (let trial = 0; trial < 4; trial++) {
      const coeffs = frozen(rng.normalVector(1 + rng.int(10)));
      for (const [x] of probePoints(rng, 1) as [number][]) {
        const { value, size } = powerSum(coeffs, x);
        const atol = 4 * coeffs.length * EPS * size;
        expectClose(callLearner("polyEval", polyEval, coeffs, x), value, {
          called: describeCall("polyEval", [coeffs, x]),
          oracle: "Σ coeffs[i]·xⁱ by explicit powers",
          rtol: CLOSED_FORM_RTOL,
          atol,
          why: whyFrom(polySuspects(coeffs, x), atol),
        });
      }
    }
  });

  it("treats a single coefficient as a constant", () => {
    for (const [coeffs, x] of [
      [[5], 3],
      [[-2.5], -7],
      [[0, 0, 0], 4],
    ] as const) {
      const input = frozen([...coeffs]);
      expectClose(callLearner("polyEval", polyEval, input, x), coeffs[0], {
        called: describeCall("polyEval", [input, x]),
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

/** Checks a derivative's coefficients exactly against `expected`, naming the usual mix-ups. */
function expectDerivative(
  coeffs: readonly number[],
  got: unknown,
  expected: readonly number[],
  oracle: string,
): void {
  const suspects: { value: readonly number[]; why: string }[] = [
    { value: reversedRuleDerivative(coeffs), why: WHY.derivativeReversed },
    { value: coeffs.map((c, i) => i * c), why: WHY.derivativeNotShifted },
    { value: coeffs.slice(1), why: WHY.derivativeNotMultiplied },
  ];
  const why = suspects.find((s) => !sameArray(expected, s.value) && sameArray(got, s.value))?.why;
  check(sameArray(got, expected), () => ({
    called: describeCall("polyDerivative", [coeffs]),
    got: describeValue(got),
    expected: `${describeValue(expected)} (${oracle})`,
    ...(why === undefined ? {} : { why }),
  }));
}

task("poly-derivative", () => {
  it("turns [7, −4, 2, 3] into [−4, 4, 9]", () => {
    const coeffs = frozen([7, -4, 2, 3]);
    const got = callLearner("polyDerivative", polyDerivative, coeffs);
    expectDerivative(coeffs, got, [-4, 4, 9], "d/dx (3x³ + 2x² − 4x + 7) = 9x² + 4x − 4");
  });

  it("gives [0] for a constant", () => {
    for (const c of [7, 0, -2.5]) {
      const coeffs = frozen([c]);
      const got = callLearner("polyDerivative", polyDerivative, coeffs);
      check(sameArray(got, [0]), () => ({
        called: describeCall("polyDerivative", [coeffs]),
        got: describeValue(got),
        expected: "[0] (the derivative of a constant is the zero polynomial)",
        why: Array.isArray(got) && got.length === 0 ? WHY.constantEmpty : WHY.constantNotZero,
      }));
    }
  });

  it("follows the power rule on random polynomials", () => {
    const rng = suiteRng("derivative power rule");
    for (let trial = 0; trial < 6; trial++) {
      const coeffs = frozen(rng.normalVector(2 + rng.int(8)));
      const got = callLearner("polyDerivative", polyDerivative, coeffs);
      const expected = coeffs.slice(1).map((c, k) => c * (k + 1));
      expectDerivative(coeffs, got, expected, "entry i − 1 is i·coeffs[i] (power rule)");
    }
  });

  it("agrees with finite differences of the polynomial", () => {
    const rng = suiteRng("derivative finite differences");
    for (let trial = 0; trial < 3; trial++) {
      const coeffs = frozen(rng.normalVector(2 + rng.int(6)));
      const derivative = callLearner("polyDerivative", polyDerivative, coeffs);
      for (const at of probePoints(rng, 1)) {
        expectGradient((p) => powerSum(coeffs, p[0] as number).value, {
          name: "polyDerivative",
          called: `${describeCall("polyDerivative", [coeffs])} = ${describeValue(derivative)}, evaluated at x = ${formatNumber(at[0] as number)}`,
          derivative: (p) => [
            Array.isArray(derivative) ? powerSum(derivative, p[0] as number).value : Number.NaN,
          ],
          at,
        });
      }
    }
  });
});

function expectLine(got: unknown, called: string): { slope: number; intercept: number } {
  const line = got as { slope?: unknown; intercept?: unknown } | null;
  check(
    typeof line === "object" &&
      line !== null &&
      typeof line.slope === "number" &&
      typeof line.intercept === "number",
    () => ({ called, got: describeValue(got), expected: "an object { slope, intercept } of two numbers" }),
  );
  return line as { slope: number; intercept: number };
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
      const called = describeCall("tangentLine", [parabola, parabolaSlope, x0]);
      const line = expectLine(callLearner("tangentLine", tangentLine, parabola, parabolaSlope, x0), called);
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

  it("gives slope df(x0) and intercept Σ (1 − k)·cₖ·x0ᵏ on random cubics", () => {
    const rng = suiteRng("tangent cubic");
    for (let trial = 0; trial < 5; trial++) {
      const p = randomCubic(rng);
      const f = cubicFn(p);
      const df = labelled("its exact derivative", (x: number) => cubicSlope(p, x));
      const x0 = rng.normal(0, 2);
      const called = describeCall("tangentLine", [f, df, x0]);
      const line = expectLine(callLearner("tangentLine", tangentLine, f, df, x0), called);
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
        const called = describeCall("tangentLine", [f, derivative, x0]);
        const line = expectLine(callLearner("tangentLine", tangentLine, f, derivative, x0), called);
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

function expectErrors(got: unknown, n: number, called: string): Errors {
  const e = got as Partial<Errors> | null;
  const ok = (a: unknown): boolean =>
    Array.isArray(a) && a.length === n && a.every((v) => typeof v === "number");
  check(typeof e === "object" && e !== null && ok(e.forward) && ok(e.central), () => ({
    called,
    got: describeValue(got),
    expected: `{ forward, central }: two arrays of ${n} numbers, one error per step`,
  }));
  return e as Errors;
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
  const f = cubicFn(p);
  const df = labelled("its exact derivative", (t: number) => cubicSlope(p, t));
  const input = frozen([...steps]);
  const called = describeCall("stepSizeErrors", [f, df, x, input]);
  const errors = expectErrors(
    callLearner("stepSizeErrors", stepSizeErrors, f, df, x, input),
    steps.length,
    called,
  );
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
    const steps = frozen(V_STEPS);
    for (let trial = 0; trial < 3; trial++) {
      const x = uniformInUnit(rng);
      const called = describeCall("stepSizeErrors", [f, df, x, steps]);
      const errors = expectErrors(
        callLearner("stepSizeErrors", stepSizeErrors, f, df, x, steps),
        steps.length,
        called,
      );
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
          got: `${scheme} errors ${e.map((v) => formatNumber(Number(v.toPrecision(2)))).join(", ")} for h = 1e-1 … 1e-15; the smallest at h = ${formatNumber(steps[k] as number)}`,
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
    const steps = frozen([1e-2, 1e-3, 1e-4]);
    for (let trial = 0; trial < 3; trial++) {
      const x = uniformInUnit(rng);
      const called = describeCall("stepSizeErrors", [f, df, x, steps]);
      const errors = expectErrors(
        callLearner("stepSizeErrors", stepSizeErrors, f, df, x, steps),
        steps.length,
        called,
      );
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
