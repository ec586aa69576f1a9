import type { ScalarFn } from "@calcml/math";
import * as lesson from "@lesson/03-chain-rule";
import { it } from "vitest";
import {
  type Call,
  callLearner,
  check,
  countCalls,
  describeValue,
  expectClose,
  expectForAll,
  expectGradient,
  explained,
  fc,
  finite,
  type LearnerCall,
  labelled,
  learnerCalls,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

type Dual = { readonly value: number; readonly deriv: number };

/** Values are a few Float64 operations on the inputs: any correct formula agrees to this (finite differences do not). */
const VALUE_RTOL = 1e-12;
const VALUE_ATOL = 1e-12;
/** Two numbers this close (relative) count as "the same" when naming a wrong formula. */
const SAME = 1e-6;
/** Probe points per randomised test. */
const PROBES = 4;

const near = (got: number, wrong: number): boolean =>
  Number.isFinite(wrong) && Math.abs(got - wrong) <= SAME * Math.max(1, Math.abs(wrong));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

// Shared helpers (the checks library has no one-number derivative check with a diagnosis).

/**
 * Checks a learner's derivative (the call's value) of `f` at `at` by central differences (expectGradient
 * on the one-input field `[t] ↦ f(t)`); on failure, adds the plain-words diagnosis `why(got)` if it finds one.
 */
function expectSlope(
  f: ScalarFn,
  { value, called }: Call<unknown>,
  at: number,
  name: string,
  why?: (got: number) => string | undefined,
): void {
  explained(
    () => expectGradient((p) => f(p[0]!), { name, derivative: () => [value as number], at: [at], called }),
    () => (typeof value === "number" ? why?.(value) : undefined),
  );
}

/** Checks that a learner returned a dual number `{ value, deriv }` of two numbers. */
function asDual({ value, called }: Call<unknown>): Dual {
  const d = value as Partial<Dual> | null;
  check(typeof d === "object" && d !== null && typeof d.value === "number" && typeof d.deriv === "number", {
    called,
    got: describeValue(value),
    expected: "a dual number: an object { value, deriv } holding two numbers",
  });
  return value as Dual;
}

/** A random dual number; `value` drawn by `draw`, tangent N(0, 1). */
function randomDual(rng: ReturnType<typeof suiteRng>, draw: () => number): Dual {
  return { value: draw(), deriv: rng.normal(0, 1) };
}

/**
 * One dual operation checked two ways: its value against plain arithmetic, and its tangent against the
 * finite-difference slope of `t ↦ plain(inputs' values + t · inputs' tangents)` at t = 0 (the definition
 * of forward mode: the tangent is the directional derivative along the input tangents).
 */
function checkOp(o: {
  name: "dAdd" | "dSub" | "dMul" | "dDiv" | "dSin" | "dCos" | "dExp" | "dLog" | "dPow";
  /** The operation in maths, e.g. `u·v`: failures read "the derivative of u·v does not match…". */
  label: string;
  args: readonly Dual[];
  extra?: readonly number[];
  plain: (...values: number[]) => number;
  why?: (got: number) => string | undefined;
}): void {
  const extra = o.extra ?? [];
  const op = learner[o.name] as unknown as LearnerCall<(...args: unknown[]) => unknown>;
  const { value, called } = op(...o.args, ...extra);
  const got = asDual({ value, called });
  const values = o.args.map((a) => a.value);
  expectClose(got.value, o.plain(...values, ...extra), {
    called: `${called}.value`,
    oracle: `${o.name} of the values, by plain arithmetic`,
    rtol: VALUE_RTOL,
    atol: VALUE_ATOL,
  });
  const along = (t: number) => o.plain(...o.args.map((a) => a.value + t * a.deriv), ...extra);
  const deriv = {
    value: got.deriv,
    called: `${called}.deriv, compared with the slope of t ↦ ${o.label} at u = value + t·deriv, t = 0`,
  };
  expectSlope(along, deriv, 0, o.label, o.why);
}

const FORGOT_TANGENT =
  "the local derivative was not multiplied by the incoming derivative a.deriv: the chain rule says (f(u))' = f'(u)·u'";

/** A diagnosis for a unary operation with local derivative `local` at value v and incoming tangent d. */
function unaryWhy(a: Dual, local: (v: number) => number, extra?: (got: number) => string | undefined) {
  return (got: number): string | undefined => {
    const right = local(a.value) * a.deriv;
    if (near(got, -right)) return "the sign of the derivative is flipped";
    if (near(got, local(a.value))) return FORGOT_TANGENT;
    return extra?.(got);
  };
}

const cos = labelled("f' = cos", Math.cos);
const square = labelled("g: x ↦ x²", (x: number) => x * x);
const twice = labelled("g': x ↦ 2x", (x: number) => 2 * x);

/** Names the usual slips of the chain rule for f(g(x)), given f', g and g'. */
function chainWhy(fp: ScalarFn, g: ScalarFn, gp: ScalarFn, x: number) {
  return (got: number): string | undefined => {
    if (near(got, fp(x) * gp(x)))
      return "that is f'(x)·g'(x): the outer derivative must be evaluated at the inner value, f'(g(x))·g'(x)";
    if (near(got, fp(g(x)))) return "the inner derivative g'(x) is missing: multiply f'(g(x)) by g'(x)";
    if (near(got, fp(gp(x)))) return "that is f'(g'(x)); the chain rule multiplies: f'(g(x))·g'(x)";
    if (near(got, fp(g(x)) * g(x)))
      return "multiply by g'(x), the derivative of the inner function, not by g(x)";
    return undefined;
  };
}

/** composeDerivative(fp, g, gp), then the function it returned at x. */
function composedAt(fp: ScalarFn, g: ScalarFn, gp: ScalarFn, x: number): Call<unknown> {
  const { value: d, called } = learner.composeDerivative(fp, g, gp);
  check(typeof d === "function", {
    called,
    got: describeValue(d),
    expected: "a function x ↦ f'(g(x))·g'(x)",
  });
  return {
    value: callLearner("the function returned by composeDerivative", d, x),
    called: `${called}(${x})`,
  };
}

function checkComposition(label: string, f: ScalarFn, fp: ScalarFn, g: ScalarFn, gp: ScalarFn, xs: number[]) {
  for (const x of xs) expectSlope(f, composedAt(fp, g, gp, x), x, label, chainWhy(fp, g, gp, x));
}

task("compose-derivative", () => {
  it("differentiates sin(x²) at random points", () => {
    const rng = suiteRng("compose sin of square");
    const xs = Array.from({ length: PROBES }, () => rng.normal(0, 1.2));
    checkComposition("sin(x²)", (x) => Math.sin(x * x), cos, square, twice, xs);
  });

  it("differentiates exp(3x + 1) and log(1 + x²) at random points", () => {
    const rng = suiteRng("compose exp and log");
    const xs = Array.from({ length: PROBES }, () => rng.normal(0, 1));
    const exp = labelled("f' = exp", Math.exp);
    const affine = labelled("g: x ↦ 3x + 1", (x: number) => 3 * x + 1);
    const three = labelled("g': x ↦ 3", () => 3);
    checkComposition("exp(3x + 1)", (x) => Math.exp(3 * x + 1), exp, affine, three, xs);
    const reciprocal = labelled("f': u ↦ 1/u", (u: number) => 1 / u);
    const onePlusSquare = labelled("g: x ↦ 1 + x²", (x: number) => 1 + x * x);
    checkComposition("log(1 + x²)", (x) => Math.log(1 + x * x), reciprocal, onePlusSquare, twice, xs);
  });

  it("computes nothing until the returned function is called", () => {
    const [fp, g, gp] = [countCalls(cos), countCalls(square), countCalls(twice)];
    const { value: d, called } = learner.composeDerivative(fp, g, gp);
    const early = fp.calls + g.calls + gp.calls;
    check(early === 0, {
      called,
      got: `f', g and g' were called ${early} times before the returned function was`,
      expected:
        "no calls yet: composeDerivative returns the function x ↦ f'(g(x))·g'(x) and evaluates nothing",
      why: "build the function and return it; every evaluation belongs inside it, for the x it is given",
    });
    check(typeof d === "function", {
      called,
      got: describeValue(d),
      expected: "a function x ↦ f'(g(x))·g'(x)",
    });
  });

  it("gives 24 for (3x + 1)² at x = 1 (the worked example)", () => {
    const outer = labelled("f': u ↦ 2u", (u: number) => 2 * u);
    const affine = labelled("g: x ↦ 3x + 1", (x: number) => 3 * x + 1);
    const three = labelled("g': x ↦ 3", () => 3);
    const { value, called } = composedAt(outer, affine, three, 1);
    expectClose(value, 24, {
      called,
      oracle: "f'(g(1))·g'(1) = 2·4·3",
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why: chainWhy(outer, affine, three, 1),
    });
  });

  it("gives 4·cos(4) for the worked example d/dx sin(x²) at x = 2", () => {
    const { value, called } = composedAt(cos, square, twice, 2);
    expectClose(value, 4 * Math.cos(4), {
      called,
      oracle: "cos(2²)·(2·2)",
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why: chainWhy(Math.cos, square, twice, 2),
    });
  });
});

const sinInner = (x: number) => 3 * x * x + 2;
function sinWhy(x: number) {
  return (got: number): string | undefined => {
    const slip = chainWhy(Math.cos, sinInner, (t) => 6 * t, x)(got);
    if (slip !== undefined) return slip;
    if (near(got, Math.cos(sinInner(x)) * 3 * x)) return "the derivative of 3x² is 6x, not 3x";
    if (near(got, Math.cos(sinInner(x)) * (6 * x + 2))) return "the constant 2 has derivative 0";
    return undefined;
  };
}
const squareInner = (x: number) => 3 * x + 1;
function squareWhy(x: number) {
  return (got: number): string | undefined => {
    const slip = chainWhy(
      (u) => 2 * u,
      squareInner,
      () => 3,
      x,
    )(got);
    if (slip !== undefined) return slip;
    if (near(got, 18 * x)) return "the +1 inside the square matters: 2(3x + 1)·3 = 18x + 6";
    return undefined;
  };
}

task("worked-derivatives", () => {
  it("derivativeOfSin3x2Plus2 matches finite differences of sin(3x² + 2)", () => {
    const rng = suiteRng("sin 3x2 plus 2");
    for (const x of [rng.normal(0, 0.5), rng.normal(0, 0.5), rng.normal(0, 1.5), rng.normal(0, 1.5)]) {
      const call = learner.derivativeOfSin3x2Plus2(x);
      expectSlope((t) => Math.sin(sinInner(t)), call, x, "sin(3x² + 2)", sinWhy(x));
    }
  });

  it("derivativeOfSin3x2Plus2 gives 0 at x = 0 and ±6·cos(5) at x = ±1", () => {
    for (const [x, want] of [
      [0, 0],
      [1, 6 * Math.cos(5)],
      [-1, -6 * Math.cos(5)],
    ] as const) {
      const { value, called } = learner.derivativeOfSin3x2Plus2(x);
      expectClose(value, want, {
        called,
        oracle: "cos(3x² + 2)·6x by hand",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: sinWhy(x),
      });
    }
  });

  it("derivativeOf3xPlus1Squared matches finite differences of (3x + 1)²", () => {
    const rng = suiteRng("3x plus 1 squared");
    for (const x of [rng.normal(0, 0.5), rng.normal(0, 0.5), rng.normal(0, 3), rng.normal(0, 3)]) {
      const call = learner.derivativeOf3xPlus1Squared(x);
      expectSlope((t) => squareInner(t) ** 2, call, x, "(3x + 1)²", squareWhy(x));
    }
  });

  it("derivativeOf3xPlus1Squared gives 6 at x = 0 and 24 at x = 1", () => {
    for (const [x, want] of [
      [0, 6],
      [1, 24],
      [-1, -12],
    ] as const) {
      const { value, called } = learner.derivativeOf3xPlus1Squared(x);
      expectClose(value, want, {
        called,
        oracle: "2(3x + 1)·3 by hand",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: squareWhy(x),
      });
    }
  });
});

/** Keeps a drawn value at least `gap` away from 0 (denominators, bases of negative powers). */
const awayFromZero = (v: number, gap: number) => (Math.abs(v) < gap ? (v < 0 ? -gap : gap) : v);

task("dual-numbers", () => {
  it("dual keeps the value and the derivative, with derivative 0 by default", () => {
    for (const [args, value, deriv] of [
      [[3], 3, 0],
      [[-1.5, 2], -1.5, 2],
      [[0, 1], 0, 1],
    ] as const) {
      const call = learner.dual(...(args as readonly [number, number?]));
      const got = asDual(call);
      expectClose(got.value, value, { called: `${call.called}.value`, oracle: "the value passed in" });
      expectClose(got.deriv, deriv, {
        called: `${call.called}.deriv`,
        oracle: args.length === 1 ? "the default derivative 0 (a constant)" : "the derivative passed in",
      });
    }
  });

  it("dAdd and dSub add and subtract values and derivatives", () => {
    const rng = suiteRng("dual add sub");
    for (let k = 0; k < PROBES; k++) {
      const a = randomDual(rng, () => rng.normal(0, 2));
      const b = randomDual(rng, () => rng.normal(0, 2));
      checkOp({ name: "dAdd", label: "u + v", args: [a, b], plain: (u, v) => u! + v! });
      checkOp({
        name: "dSub",
        label: "u − v",
        args: [a, b],
        plain: (u, v) => u! - v!,
        why: (got) =>
          near(got, a.deriv + b.deriv)
            ? "the derivatives must be subtracted too: (u − v)' = u' − v'"
            : undefined,
      });
    }
  });

  it("dMul follows the product rule", () => {
    const rng = suiteRng("dual mul");
    for (let k = 0; k < PROBES; k++) {
      const a = randomDual(rng, () => rng.normal(0, 2));
      const b = randomDual(rng, () => rng.normal(0, 2));
      checkOp({
        name: "dMul",
        label: "u·v",
        args: [a, b],
        plain: (u, v) => u! * v!,
        why: (got) => {
          if (near(got, a.deriv * b.deriv))
            return "that multiplies the derivatives; the product rule is (uv)' = u'v + uv'";
          if (near(got, a.deriv * b.value) || near(got, a.value * b.deriv))
            return "one term of the product rule is missing: (uv)' = u'v + uv'";
          return undefined;
        },
      });
    }
  });

  it("dDiv follows the quotient rule", () => {
    const rng = suiteRng("dual div");
    for (let k = 0; k < PROBES; k++) {
      const a = randomDual(rng, () => rng.normal(0, 2));
      const b = randomDual(rng, () => awayFromZero(rng.normal(0, 2), 0.5));
      const [u, du, v, dv] = [a.value, a.deriv, b.value, b.deriv];
      checkOp({
        name: "dDiv",
        label: "u/v",
        args: [a, b],
        plain: (p, q) => p! / q!,
        why: (got) => {
          if (near(got, (du * v + u * dv) / (v * v)))
            return "quotient-rule sign: (u/v)' = (u'v − uv')/v², with a minus between the two terms";
          if (near(got, (u * dv - du * v) / (v * v)))
            return "quotient-rule sign: the numerator is u'v − uv' (the derivative of the top first), not uv' − u'v";
          if (near(got, (du * v - u * dv) / v)) return "the quotient rule divides by v², not by v";
          if (near(got, du / dv)) return "that divides the derivatives; use the quotient rule (u'v − uv')/v²";
          return undefined;
        },
      });
    }
  });

  it("dSin and dCos multiply their local derivative by the incoming derivative", () => {
    const rng = suiteRng("dual sin cos");
    for (let k = 0; k < PROBES; k++) {
      const a = randomDual(rng, () => rng.normal(0, 2));
      checkOp({ name: "dSin", label: "sin u", args: [a], plain: Math.sin, why: unaryWhy(a, Math.cos) });
      checkOp({
        name: "dCos",
        label: "cos u",
        args: [a],
        plain: Math.cos,
        why: unaryWhy(a, (v) => -Math.sin(v)),
      });
    }
  });

  it("dExp multiplies exp(u) by the incoming derivative", () => {
    const rng = suiteRng("dual exp");
    for (let k = 0; k < PROBES; k++) {
      const a = randomDual(rng, () => rng.normal(0, 1.5));
      checkOp({ name: "dExp", label: "exp u", args: [a], plain: Math.exp, why: unaryWhy(a, Math.exp) });
    }
  });

  it("dLog divides the incoming derivative by the value", () => {
    const rng = suiteRng("dual log");
    const wrongArgument =
      "log's derivative 1/u is taken at the wrong argument: use u = a.value (the input), so deriv = a.deriv / a.value";
    for (let k = 0; k < PROBES; k++) {
      const a = randomDual(rng, () => 0.2 + 4 * rng.uniform());
      checkOp({
        name: "dLog",
        label: "log u",
        args: [a],
        plain: Math.log,
        why: unaryWhy(
          a,
          (v) => 1 / v,
          (got) =>
            [
              a.deriv / Math.log(a.value),
              1 / a.deriv,
              a.value / a.deriv,
              a.deriv * Math.log(a.value),
              1,
            ].some((w) => near(got, w))
              ? wrongArgument
              : undefined,
        ),
      });
    }
  });

  it("dPow follows the power rule for integer and real exponents", () => {
    const rng = suiteRng("dual pow");
    const cases: [number, number][] = [
      [2, rng.normal(0, 2)],
      [3, rng.normal(0, 2)],
      [-1, awayFromZero(rng.normal(0, 2), 0.5)],
      [0.5, 0.3 + 3 * rng.uniform()],
      [1.7, 0.3 + 3 * rng.uniform()],
      [-2.5, 0.3 + 3 * rng.uniform()],
    ];
    for (const [p, v] of cases) {
      const a = { value: v, deriv: rng.normal(0, 1) };
      checkOp({
        name: "dPow",
        label: `u^${p}`,
        args: [a],
        extra: [p],
        plain: (u, q) => u! ** q!,
        why: unaryWhy(
          a,
          (u) => p * u ** (p - 1),
          (got) =>
            near(got, p * v ** p * a.deriv) ? "the power rule lowers the exponent: p·u^(p−1)·u'" : undefined,
        ),
      });
    }
  });

  it("derivativeAt seeds the input with derivative 1 and runs f once", () => {
    const rng = suiteRng("derivativeAt seed");
    // Counted on the trusted side: never portable.
    const seen: unknown[] = [];
    const cube = countCalls(
      labelled("x ↦ x³ on dual numbers", (d: Dual): Dual => {
        seen.push(d);
        return { value: d.value ** 3, deriv: 3 * d.value ** 2 * d.deriv };
      }),
    );
    for (const x of [rng.normal(0, 0.5), rng.normal(0, 3)]) {
      cube.reset();
      seen.length = 0;
      const call = learner.derivativeAt(cube, x);
      check(cube.calls === 1, {
        called: call.called,
        got: `f was called ${cube.calls} times`,
        expected: "exactly one call of f, on the dual number { value: x, deriv: 1 }",
        why: "forward mode gets the derivative from a single pass; calling f several times is finite differences",
      });
      const input = seen[0] as Partial<Dual> | undefined;
      check(seen.length === 0 || (input?.value === x && input?.deriv === 1), {
        called: call.called,
        got: `f was called on ${describeValue(input)}`,
        expected: `f called on the dual number { value: ${x}, deriv: 1 }`,
        why: "seed the input with its own derivative, dx/dx = 1, and read the answer off the output's deriv as it is",
      });
      expectSlope(
        (t) => t ** 3,
        call,
        x,
        "derivativeAt",
        (g) =>
          g === 0
            ? "the input's derivative must be 1 (dx/dx = 1); a derivative of 0 makes x a constant"
            : undefined,
      );
    }
  });

  it("derivativeAt gives 7 for x·x + 3x at x = 2 (the worked example)", () => {
    const { dual, dAdd, dMul } = lesson;
    const f = labelled(
      "x ↦ x·x + 3x, on your dual operations",
      (x: Dual): Dual => dAdd(dMul(x, x), dMul(dual(3), x)),
    );
    const call = learner.derivativeAt(f, 2);
    expectClose(call.value as number, 7, {
      called: call.called,
      oracle: "(2, 1)·(2, 1) = (4, 4), (3, 0)·(2, 1) = (6, 3), sum (10, 7): f'(2) = 2·2 + 3",
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why: (got) =>
        got === 0
          ? "the input's derivative must be 1 (dx/dx = 1); a derivative of 0 makes x a constant"
          : got === 10
            ? "that is the value f(2); derivativeAt returns the derivative part"
            : undefined,
    });
  });

  it("dLog and dDiv give what Math.log and division give outside their domain", () => {
    for (const [name, args, want, why] of [
      ["dLog", [{ value: 0, deriv: 1 }], -Infinity, "log 0 is −Infinity, as Math.log(0) gives"],
      ["dLog", [{ value: -1, deriv: 1 }], Number.NaN, "log of a negative number is NaN, as Math.log gives"],
      [
        "dDiv",
        [
          { value: 1, deriv: 0 },
          { value: 0, deriv: 1 },
        ],
        Infinity,
        "1/0 is Infinity, as division gives",
      ],
    ] as const) {
      const op = learner[name] as unknown as LearnerCall<(...args: unknown[]) => unknown>;
      const call = op(...args);
      const got = asDual(call);
      check(Object.is(got.value, want), {
        called: `${call.called}.value`,
        got: describeValue(got.value),
        expected: `${describeValue(want)} (no error: the lesson leaves these to floating point)`,
        why,
      });
    }
  });

  it("dMul and dDiv follow the product and quotient rules for any dual numbers", () => {
    // Round numbers keep the shrunk counterexample readable; denominators stay at least 0.25 from 0.
    const round = (max: number) => fc.integer({ min: -100 * max, max: 100 * max }).map((k) => k / 100);
    const denominator = fc
      .tuple(fc.boolean(), fc.integer({ min: 25, max: 500 }))
      .map(([negative, k]) => (negative ? -k : k) / 100);
    expectForAll(
      "dual product and quotient",
      [round(5), round(3), round(5), round(3), denominator],
      (u, du, v, dv, w) => {
        const a = { value: u, deriv: du };
        checkOp({ name: "dMul", label: "u·v", args: [a, { value: v, deriv: dv }], plain: (p, q) => p! * q! });
        checkOp({ name: "dDiv", label: "u/v", args: [a, { value: w, deriv: dv }], plain: (p, q) => p! / q! });
      },
      { numRuns: 30 },
    );
  });

  it("derivativeAt differentiates an expression built from the dual operations", () => {
    // Built from the learner's own operations, called as they are (each one a call into the learner's code).
    const { dual, dAdd, dSub, dMul, dDiv, dSin, dCos, dExp, dLog, dPow } = lesson;
    const composite = labelled(
      "x ↦ sin(x²)·exp(x/2) + cos(3x)/(2 + x²) − log(1 + x²) + (1 + x²)^(−1/2), on your dual operations",
      (x: Dual): Dual => {
        const x2 = dMul(x, x);
        const onePlus = dAdd(dual(1), x2);
        const first = dMul(dSin(x2), dExp(dDiv(x, dual(2))));
        const second = dDiv(dCos(dMul(dual(3), x)), dAdd(dual(2), x2));
        return dAdd(dSub(dAdd(first, second), dLog(onePlus)), dPow(onePlus, -0.5));
      },
    );
    const plain = (x: number) =>
      Math.sin(x * x) * Math.exp(x / 2) +
      Math.cos(3 * x) / (2 + x * x) -
      Math.log(1 + x * x) +
      (1 + x * x) ** -0.5;
    const rng = suiteRng("derivativeAt composite");
    for (let k = 0; k < PROBES; k++) {
      const x = rng.normal(0, 1);
      expectSlope(plain, learner.derivativeAt(composite, x), x, "derivativeAt");
    }
  });
});

/** Names the usual slips in a hand-derived neuron gradient; `[dw, db]` is the learner's answer. */
function neuronWhy(
  x: number,
  w: number,
  b: number,
  target: number,
  dw: number,
  db: number,
): string | undefined {
  const z = w * x + b;
  const a = sigmoid(z);
  const right = 2 * (a - target) * a * (1 - a);
  const both = (gw: number, gb: number) => near(dw, gw) && near(db, gb);
  const sa = sigmoid(a) * (1 - sigmoid(a));
  if (both(2 * (a - target) * sa * x, 2 * (a - target) * sa))
    return "σ' was taken at the activation a = σ(z) instead of at the pre-activation z = w·x + b: σ'(z) = σ(z)(1 − σ(z))";
  if (both((right * x) / 2, right / 2))
    return "the factor 2 from the square is missing: d/da (a − target)² = 2(a − target)";
  if (both(-right * x, -right)) return "the sign is flipped: the error is (a − target), not (target − a)";
  if (both(2 * (a - target) * x, 2 * (a - target)))
    return "the factor σ'(z) = a(1 − a) (the activation's derivative) is missing";
  if (near(db, right) && near(dw, right)) return "∂z/∂w = x: dLossDw needs the extra factor x";
  if (near(dw, right) && near(db, right * x))
    return "dLossDw and dLossDb are swapped: ∂z/∂w = x and ∂z/∂b = 1";
  return undefined;
}

type NeuronResult = { loss: number; dLossDw: number; dLossDb: number };

/** neuronGradient(x, w, b, target), checked to be `{ loss, dLossDw, dLossDb }`, three numbers. */
function neuron(x: number, w: number, b: number, target: number): { got: NeuronResult; called: string } {
  const { value, called } = learner.neuronGradient(x, w, b, target);
  const r = value as Partial<NeuronResult> | null;
  check(
    typeof r === "object" && r !== null && [r.loss, r.dLossDw, r.dLossDb].every((v) => typeof v === "number"),
    { called, got: describeValue(value), expected: "an object { loss, dLossDw, dLossDb } of three numbers" },
  );
  return { got: value, called };
}

function checkNeuron(x: number, w: number, b: number, target: number): void {
  const { got, called } = neuron(x, w, b, target);
  const { loss, dLossDw, dLossDb } = got;
  expectClose(loss, (sigmoid(w * x + b) - target) ** 2, {
    called: `${called}.loss`,
    oracle: "(σ(w·x + b) − target)²",
    rtol: VALUE_RTOL,
    atol: VALUE_ATOL,
  });
  explained(
    () =>
      expectGradient(([pw, pb]) => (sigmoid(pw! * x + pb!) - target) ** 2, {
        name: "neuronGradient",
        parameter: "(w, b) as [dLossDw, dLossDb]",
        derivative: () => [dLossDw, dLossDb],
        at: [w, b],
        called,
      }),
    () => neuronWhy(x, w, b, target, dLossDw, dLossDb),
  );
}

task("neuron-gradient", () => {
  it("works the example x = 2, w = 0, b = 0, target = 1 by hand", () => {
    // z = 0, a = 1/2, loss = 1/4, ∂loss/∂a = −1, σ'(0) = 1/4: ∂loss/∂w = −1·¼·2, ∂loss/∂b = −1·¼.
    const { got, called } = neuron(2, 0, 0, 1);
    const oracle = "z = 0, a = ½, ∂loss/∂a = 2(a − 1) = −1, σ'(0) = ¼, ∂z/∂w = x = 2, ∂z/∂b = 1";
    expectClose(got.loss, 0.25, { called: `${called}.loss`, oracle: "(σ(0) − 1)² = (½ − 1)²" });
    const why = () => neuronWhy(2, 0, 0, 1, got.dLossDw, got.dLossDb);
    expectClose(got.dLossDw, -0.5, {
      called: `${called}.dLossDw`,
      oracle,
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why,
    });
    expectClose(got.dLossDb, -0.25, {
      called: `${called}.dLossDb`,
      oracle,
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why,
    });
  });

  it("matches finite differences at random inputs", () => {
    const rng = suiteRng("neuron random");
    for (let k = 0; k < PROBES; k++) {
      checkNeuron(rng.normal(0, 1.5), rng.normal(0, 1), rng.normal(0, 1), rng.uniform());
    }
  });

  it("matches finite differences for any input, weight, bias and target", () => {
    const round = (max: number) => fc.integer({ min: -100 * max, max: 100 * max }).map((k) => k / 100);
    expectForAll(
      "neuron property",
      [round(3), round(3), round(3), finite(0, 1)],
      (x, w, b, target) => checkNeuron(x, w, b, target),
      { numRuns: 30 },
    );
  });

  it("matches finite differences where the neuron saturates", () => {
    // |z| between 3 and 6: σ'(z) is small there, and very different from σ'(σ(z)).
    const rng = suiteRng("neuron saturated");
    for (let k = 0; k < PROBES; k++) {
      const x = (rng.uniform() < 0.5 ? -1 : 1) * (1 + rng.uniform());
      const z = (rng.uniform() < 0.5 ? -1 : 1) * (3 + 3 * rng.uniform());
      const b = rng.normal(0, 0.5);
      checkNeuron(x, (z - b) / x, b, rng.uniform() < 0.5 ? 0 : 1);
    }
  });
});
