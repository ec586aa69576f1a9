import type { Rng } from "@calcml/math";
import * as lesson from "@lesson/14-automatic-differentiation";
import { it } from "vitest";
import {
  CheckError,
  check,
  countCalls,
  describeValue,
  expectClose,
  expectForAll,
  expectGradient,
  fail,
  fc,
  finite,
  formatNumber as fmt,
  isClose,
  labelled,
  learnerCalls,
  portable,
  probePoints,
  runInSandbox,
  suiteRng,
  task,
  wrapLearnerError,
} from "../src/checks/index.ts";

const LESSON = "14-automatic-differentiation";
const learner = learnerCalls(lesson);
const { Value } = lesson;
type V = InstanceType<typeof Value>;

/** Arithmetic compared with arithmetic: another valid order (a·b⁻¹ for a/b) moves the last bit only. */
const ARITHMETIC = { rtol: 1e-12, atol: 1e-15 };
/** Transcendental functions and derivatives that a valid formula may round differently (1 − t² vs sech²). */
const SMOOTH = { rtol: 1e-9, atol: 1e-12 };
const CHAIN_LENGTH = 100_000;

// Calling the learner's class: its constructor and methods are not exports, so `run` names each call.

/** Runs learner code, turning a throw into a message that names `called` (TODO errors pass through). */
function run<T>(called: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw wrapLearnerError(error, called);
  }
}

function leaf(x: number): V {
  return run(`new Value(${fmt(x)})`, () => new Value(x));
}

/** The result of an operation, checked to be a Value before anything reads it. */
function asResult(result: unknown, called: string): V {
  check(result instanceof Value, () => ({
    called,
    got: describeValue(result),
    expected: "a new Value (every operation returns a Value, so that operations can be chained)",
  }));
  return result as V;
}

/** `build(...)` run as learner code and checked to be a Value. */
function made(called: string, build: () => unknown): V {
  return asResult(run(called, build), called);
}

function near(got: number, want: number, rtol = 1e-6): boolean {
  return isClose(got, want, rtol, 1e-12);
}

/** ∂out/∂x for out = build(x) at one point, through the learner's backward(). */
function derivative(build: (x: V) => V, x0: number, called: string): number {
  const x = leaf(x0);
  const out = made(called, () => build(x));
  run(`${called}.backward()`, () => out.backward());
  return x.grad;
}

// Operations, with oracles.

type Binary = "add" | "sub" | "mul" | "div";
const BINARY: Record<
  Binary,
  { value: (a: number, b: number) => number; d: (a: number, b: number) => [number, number] }
> = {
  add: { value: (a, b) => a + b, d: () => [1, 1] },
  sub: { value: (a, b) => a - b, d: () => [1, -1] },
  mul: { value: (a, b) => a * b, d: (a, b) => [b, a] },
  div: { value: (a, b) => a / b, d: (a, b) => [1 / b, -a / (b * b)] },
};
const binaries = Object.entries(BINARY) as [Binary, (typeof BINARY)[Binary]][];

type Unary = "neg" | "exp" | "log" | "tanh" | "relu" | "sigmoid";
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const UNARY: Record<
  Unary,
  {
    value: (x: number) => number;
    d: (x: number) => number;
    why?: (got: number, x: number) => string | undefined;
  }
> = {
  neg: { value: (x) => -x, d: () => -1 },
  exp: { value: Math.exp, d: Math.exp },
  log: {
    value: Math.log,
    d: (x) => 1 / x,
    why: (got, x) => (near(got, Math.log(x)) || near(got, x) ? "(ln x)′ = 1/x" : undefined),
  },
  tanh: {
    value: Math.tanh,
    d: (x) => 1 / Math.cosh(x) ** 2,
    why: (got, x) =>
      near(got, 1 - Math.tanh(x))
        ? "tanh′(x) = 1 − tanh²(x): square the result before subtracting it from 1"
        : near(got, 1 - x * x)
          ? "tanh′(x) = 1 − t² with t = tanh(x), the output, not x"
          : undefined,
  },
  relu: {
    value: (x) => Math.max(0, x),
    d: (x) => (x > 0 ? 1 : 0),
    why: () => "ReLU passes the gradient on (×1) where x > 0 and blocks it (×0) where x < 0",
  },
  sigmoid: {
    value: sigmoid,
    d: (x) => sigmoid(x) * sigmoid(-x),
    why: (got, x) =>
      near(got, x * (1 - x))
        ? "σ′(x) = σ(x)·(1 − σ(x)), with σ(x) the output: x·(1 − x) uses the input"
        : near(got, sigmoid(x))
          ? "σ′(x) = σ(x)·(1 − σ(x)), not σ(x)"
          : undefined,
  },
};
const unaries = Object.entries(UNARY) as [Unary, (typeof UNARY)[Unary]][];

const POWERS = [2, 3, -1, 0.5, -1.5, 1, 0] as const;

function powerWhy(got: number, x: number, p: number): string | undefined {
  if (near(got, p * x ** p)) return "(xᵖ)′ = p·xᵖ⁻¹: lower the power by one";
  if (p !== 1 && near(got, x ** (p - 1))) return "(xᵖ)′ = p·xᵖ⁻¹: multiply by p";
  return undefined;
}

/** Two random operands, the second kept away from 0 so that division is well behaved. */
function operands(rng: Rng): [number, number] {
  const b = rng.normal(0, 2);
  return [rng.normal(0, 2), Math.abs(b) < 0.2 ? b + Math.sign(b || 1) * 0.5 : b];
}

// Random expression graphs.

/** One node of a random graph: how to compute it from earlier nodes, with Values and with numbers. */
interface Step {
  text: string;
  onValues: (nodes: readonly V[]) => V;
  onNumbers: (nodes: readonly number[]) => number;
}

interface UnaryStep {
  text: string;
  ok: (a: number) => boolean;
  value: (a: V) => V;
  number: (a: number) => number;
}

const GRAPH_UNARY: UnaryStep[] = [
  { text: "neg()", ok: () => true, value: (a) => a.neg(), number: (a) => -a },
  { text: "exp()", ok: (a) => Math.abs(a) < 4, value: (a) => a.exp(), number: Math.exp },
  { text: "log()", ok: (a) => a > 0.2, value: (a) => a.log(), number: Math.log },
  { text: "tanh()", ok: () => true, value: (a) => a.tanh(), number: Math.tanh },
  { text: "sigmoid()", ok: () => true, value: (a) => a.sigmoid(), number: sigmoid },
  { text: "relu()", ok: (a) => Math.abs(a) > 0.05, value: (a) => a.relu(), number: (a) => Math.max(0, a) },
  ...[2, 3, -1, 0.5, -1.5].map(
    (p): UnaryStep => ({
      text: `pow(${p})`,
      ok: (a) => (Number.isInteger(p) ? Math.abs(a) > (p < 0 ? 0.3 : 0) : a > 0.3),
      value: (a) => a.pow(p),
      number: (a) => a ** p,
    }),
  ),
];

/** A random graph over `point.length` inputs with reused nodes (x·x, diamonds), valid near `point`. */
function randomGraph(rng: Rng, point: readonly number[]): Step[] {
  const values = [...point];
  const steps: Step[] = [];
  const length = 15 + rng.int(10);
  const pick = () =>
    rng.uniform() < 0.6 ? values.length - 1 - rng.int(Math.min(3, values.length)) : rng.int(values.length);
  for (let attempt = 0; steps.length < length && attempt < 1000; attempt++) {
    const k = values.length;
    const i = pick();
    const a = values[i] as number;
    const roll = rng.uniform();
    let step: Step;
    if (roll < 0.4) {
      const u = GRAPH_UNARY[rng.int(GRAPH_UNARY.length)] as UnaryStep;
      if (!u.ok(a)) continue;
      step = {
        text: `v${k} = v${i}.${u.text}`,
        onValues: (n) => u.value(n[i] as V),
        onNumbers: (n) => u.number(n[i] as number),
      };
    } else {
      const name = (["add", "sub", "mul", "div"] as const)[rng.int(4)] as Binary;
      const withNumber = roll > 0.85;
      const constant = (rng.uniform() < 0.5 ? -1 : 1) * (0.5 + 1.5 * rng.uniform());
      const j = withNumber ? -1 : rng.uniform() < 0.25 ? i : pick();
      const b = withNumber ? constant : (values[j] as number);
      if (name === "div" && Math.abs(b) < 0.3) continue;
      const op = BINARY[name].value;
      step = withNumber
        ? {
            text: `v${k} = v${i}.${name}(${fmt(constant)})`,
            onValues: (n) => (n[i] as V)[name](constant),
            onNumbers: (n) => op(n[i] as number, constant),
          }
        : {
            text: `v${k} = v${i}.${name}(v${j})`,
            onValues: (n) => (n[i] as V)[name](n[j] as V),
            onNumbers: (n) => op(n[i] as number, n[j] as number),
          };
    }
    const next = step.onNumbers(values);
    if (!Number.isFinite(next) || Math.abs(next) > 1e3) continue;
    values.push(next);
    steps.push(step);
  }
  return steps;
}

function evaluate<T>(steps: readonly Step[], inputs: readonly T[], apply: (s: Step, n: T[]) => T): T {
  const nodes = [...inputs];
  for (const step of steps) nodes.push(apply(step, nodes));
  return nodes[nodes.length - 1] as T;
}

// Test functions for gradientOf, run inside the sandbox (portable) where no test counts their calls.

/**
 * f and its plain-number twin, for finite differences. Constants are written `new Value(c)` (the class
 * read off an input), not plain numbers, so that a slip with task 1's number operands costs no points here.
 */
interface TestFunction {
  values: (xs: V[]) => V;
  numbers: (xs: readonly number[]) => number;
}

const rosenbrock: TestFunction = {
  values: labelled(
    "x ↦ Σ (1 − xᵢ)² + 100·(xᵢ₊₁ − xᵢ²)²",
    portable((xs: V[]) => {
      const Val = xs[0]!.constructor as typeof Value;
      let sum = new Val(0);
      for (let i = 0; i + 1 < xs.length; i++) {
        const [xi, next] = [xs[i]!, xs[i + 1]!];
        const d = new Val(1).sub(xi);
        const e = next.sub(xi.mul(xi));
        sum = sum.add(d.mul(d)).add(e.mul(e).mul(new Val(100)));
      }
      return sum;
    }),
  ),
  numbers: (xs) => {
    let sum = 0;
    for (let i = 0; i + 1 < xs.length; i++) sum += (1 - xs[i]!) ** 2 + 100 * (xs[i + 1]! - xs[i]! ** 2) ** 2;
    return sum;
  },
};

const products: TestFunction = {
  values: labelled(
    "x ↦ Σ (xᵢ − i)·(xᵢ₊₁ + 2) − x₀",
    portable((xs: V[]) => {
      const Val = xs[0]!.constructor as typeof Value;
      return xs
        .slice(0, -1)
        .reduce((sum, xi, i) => sum.add(xi.sub(new Val(i)).mul(xs[i + 1]!.add(new Val(2)))), xs[0]!.neg());
    }),
  ),
  numbers: (xs) => xs.slice(0, -1).reduce((sum, xi, i) => sum + (xi - i) * (xs[i + 1]! + 2), -xs[0]!),
};

/** The learner's gradientOf(f, x), checked to be `{ value, gradient }` of plain numbers. */
function learnerGradient(f: (xs: V[]) => V, x: readonly number[]) {
  const { value: result, called } = learner.gradientOf(f, x);
  check(
    typeof result?.value === "number" &&
      Array.isArray(result.gradient) &&
      result.gradient.length === x.length &&
      result.gradient.every((g) => typeof g === "number"),
    () => ({
      called,
      got: describeValue(result),
      expected: `{ value: a number, gradient: ${x.length} numbers }`,
      why: "read out.data and each input's grad: plain numbers, not Values",
    }),
  );
  return { ...result, called };
}

// Values with grads set by hand, for zeroGrad.

/** Leaves with data and non-zero grads set by hand (the constructor is given, so this needs no task). */
function withGrads(rng: Rng, n: number): { values: V[]; data: number[] } {
  const data = rng.normalVector(n, 2);
  const values = data.map((d) => leaf(d));
  values.forEach((v, i) => {
    v.grad = 1 + i + rng.uniform();
  });
  return { values, data };
}

function expectZeroed(
  values: readonly V[],
  data: readonly number[],
  called: string,
  notReset = "zeroGrad sets grad = 0 on every value it is given, leaving data alone",
): void {
  values.forEach((v, i) => {
    check(v.grad === 0 && v.data === data[i], {
      called,
      got: `value [${i}] has data ${fmt(v.data)} and grad ${fmt(v.grad)}`,
      expected: `data ${fmt(data[i] as number)} (unchanged) and grad 0`,
      why: v.data === 0 && v.grad !== 0 ? "zeroGrad resets grad, not data" : notReset,
    });
  });
}

/** v = x·a·a·…·a (n multiplications), built inside the sandbox: n learner calls in one round trip. */
const chain = portable((x: V, a: V, n: number): V => {
  let v = x;
  for (let k = 0; k < n; k++) v = v.mul(a);
  return v;
});

task("value-forward", () => {
  it("computes add, sub, mul and div of two values", () => {
    const rng = suiteRng("forward binary");
    for (let k = 0; k < 5; k++) {
      const [a, b] = operands(rng);
      for (const [name, op] of binaries) {
        const called = `new Value(${fmt(a)}).${name}(new Value(${fmt(b)}))`;
        expectClose(made(called, () => leaf(a)[name](leaf(b))).data, op.value(a, b), {
          called: `${called}.data`,
          oracle: `a ${{ add: "+", sub: "−", mul: "×", div: "÷" }[name]} b`,
          ...ARITHMETIC,
          why: (got) =>
            near(got, op.value(b, a))
              ? `the operands are swapped: a.${name}(b) computes this ${name} other, with this = a`
              : undefined,
        });
      }
    }
  });

  it("accepts a plain number as the right operand", () => {
    const rng = suiteRng("forward numbers");
    for (let k = 0; k < 3; k++) {
      const [a, c] = operands(rng);
      for (const [name, op] of binaries) {
        const called = `new Value(${fmt(a)}).${name}(${fmt(c)})`;
        expectClose(made(called, () => leaf(a)[name](c)).data, op.value(a, c), {
          called: `${called}.data`,
          oracle: "the same as with new Value(c)",
          ...ARITHMETIC,
          why: (got) =>
            Number.isNaN(got)
              ? "a number operand has no .data: wrap it first (asValue(other), i.e. new Value(c))"
              : undefined,
        });
      }
    }
  });

  it("computes neg, exp, log, tanh, relu and sigmoid", () => {
    const rng = suiteRng("forward unary");
    for (const x of [...rng.normalVector(4, 0.5), ...rng.normalVector(4, 3), -30, 30]) {
      for (const [name, op] of unaries) {
        const arg = name === "log" ? Math.abs(x) + 0.1 : name === "exp" ? x / 3 : x;
        const called = `new Value(${fmt(arg)}).${name}()`;
        expectClose(made(called, () => leaf(arg)[name]()).data, op.value(arg), {
          called: `${called}.data`,
          oracle: `Math.${name === "relu" ? "max(0, x)" : name === "sigmoid" ? "1/(1 + e⁻ˣ)" : `${name}(x)`}`,
          ...SMOOTH,
        });
      }
    }
  });

  it("raises to integer, negative and fractional powers", () => {
    const rng = suiteRng("forward pow");
    for (const p of POWERS) {
      const x = Number.isInteger(p) ? rng.normal(0, 2) || 1 : 0.2 + 3 * rng.uniform();
      const called = `new Value(${fmt(x)}).pow(${p})`;
      expectClose(made(called, () => leaf(x).pow(p)).data, x ** p, {
        called: `${called}.data`,
        oracle: "x ** p",
        ...SMOOTH,
      });
    }
  });

  it("computes sigmoid and tanh without overflow at large |x|", () => {
    for (const [x, want] of [
      [1000, 1],
      [-1000, 0],
      [745, 1],
      [-745, 0],
    ] as const) {
      const called = `new Value(${x}).sigmoid()`;
      expectClose(made(called, () => leaf(x).sigmoid()).data, want, {
        called: `${called}.data`,
        oracle: "σ(x) = 1/(1 + e⁻ˣ) for x ≥ 0, eˣ/(1 + eˣ) for x < 0: never e to a large positive power",
        ...SMOOTH,
        why: (got) =>
          Number.isNaN(got)
            ? "eˣ/(1 + eˣ) at a large x is ∞/∞ = NaN: use 1/(1 + e⁻ˣ) when x ≥ 0 and eˣ/(1 + eˣ) only when x < 0"
            : undefined,
      });
    }
    // Far left, σ(x) ≈ eˣ is tiny but not 0: eˣ/(1 + eˣ) keeps it, 1/(1 + e⁻ˣ) overflows e⁻ˣ to ∞ and gives 0.
    for (const x of [-712, -720]) {
      const called = `new Value(${x}).sigmoid()`;
      const want = Math.exp(x) / (1 + Math.exp(x));
      expectClose(made(called, () => leaf(x).sigmoid()).data, want, {
        called: `${called}.data`,
        oracle: `eˣ/(1 + eˣ), about ${fmt(want)} (a subnormal number, not 0)`,
        rtol: 1e-9,
        atol: 0,
        why: (got) =>
          got === 0
            ? `1/(1 + e⁻ˣ) at x = ${x} raises e to ${-x}, which overflows to ∞ and gives 0: use eˣ/(1 + eˣ) when x < 0`
            : undefined,
      });
    }
    for (const [x, want] of [
      [400, 1],
      [-400, -1],
    ] as const) {
      const called = `new Value(${x}).tanh()`;
      expectClose(made(called, () => leaf(x).tanh()).data, want, {
        called: `${called}.data`,
        oracle: "Math.tanh(x)",
        ...SMOOTH,
        why: (got) =>
          Number.isNaN(got)
            ? "(e²ˣ − 1)/(e²ˣ + 1) overflows to ∞/∞ = NaN at a large x: use Math.tanh"
            : undefined,
      });
    }
  });

  it("follows Math and / outside the domain: NaN or ±Infinity, no error", () => {
    const cases: [string, () => V, number][] = [
      ["new Value(-2).log()", () => leaf(-2).log(), Number.NaN],
      ["new Value(0).log()", () => leaf(0).log(), -Infinity],
      ["new Value(3).div(new Value(0))", () => leaf(3).div(leaf(0)), Infinity],
      ["new Value(-8).pow(0.5)", () => leaf(-8).pow(0.5), Number.NaN],
      ["new Value(0).pow(-1)", () => leaf(0).pow(-1), Infinity],
    ];
    for (const [called, build, want] of cases) {
      const got = made(called, build).data;
      check(Object.is(got, want), {
        called: `${called}.data`,
        got: fmt(got),
        expected: `${fmt(want)}, as JavaScript's Math and / give`,
        why: "outside their domain log, pow and div follow JavaScript (NaN or ±Infinity): no error, no special case",
      });
    }
  });

  it("returns a new Value with grad 0 and leaves its operands unchanged", () => {
    const [a0, b0] = operands(suiteRng("forward fresh"));
    const ops: [string, (a: V, b: V) => V][] = [
      ["add(b)", (a, b) => a.add(b)],
      ["sub(b)", (a, b) => a.sub(b)],
      ["mul(b)", (a, b) => a.mul(b)],
      ["div(b)", (a, b) => a.div(b)],
      ["mul(2)", (a) => a.mul(2)],
      ["pow(2)", (a) => a.pow(2)],
      ...(["neg", "exp", "tanh", "relu", "sigmoid"] as const).map((name): [string, (a: V) => V] => [
        `${name}()`,
        (a) => a[name](),
      ]),
    ];
    for (const [text, op] of ops) {
      const [a, b] = [leaf(a0), leaf(b0)];
      const called = `a.${text} with a = new Value(${fmt(a0)}), b = new Value(${fmt(b0)})`;
      const out = made(called, () => op(a, b));
      check(out !== a && out !== b && out.grad === 0, {
        called,
        got: out === a || out === b ? "one of its operands" : `a Value with grad ${fmt(out.grad)}`,
        expected: "a new Value whose grad starts at 0",
        why: "each operation makes a new node of the graph; the operands stay as they were",
      });
      check(a.data === a0 && b.data === b0 && a.grad === 0 && b.grad === 0, {
        called,
        got: `afterwards a = { data: ${fmt(a.data)}, grad: ${fmt(a.grad)} }, b = { data: ${fmt(b.data)}, grad: ${fmt(b.grad)} }`,
        expected: `a and b unchanged: data ${fmt(a0)} and ${fmt(b0)}, grad 0`,
        why: "an operation must not change its operands",
      });
    }
  });

  it("rejects a Value passed as the data of new Value, with a RangeError", () => {
    const sum = made("new Value(1).add(new Value(2))", () => leaf(1).add(leaf(2)));
    const called = "new Value(new Value(1).add(new Value(2)))";
    let thrown: unknown;
    try {
      new Value(sum as unknown as number);
    } catch (error) {
      thrown = error;
    }
    check(thrown instanceof Error && thrown.name === "RangeError", () => ({
      called,
      got:
        thrown === undefined
          ? "it returned normally"
          : thrown instanceof Error
            ? `it threw ${thrown.name}: ${thrown.message}`
            : `it threw ${String(thrown)}`,
      expected: "a RangeError: data must be a number",
      why: 'the given constructor throws a RangeError when typeof data !== "number": keep that check',
    }));
  });
});

task("value-backward", () => {
  it("gives add, sub, mul and div their local derivatives, for both operands", () => {
    const rng = suiteRng("backward binary");
    for (let k = 0; k < 4; k++) {
      const [a0, b0] = operands(rng);
      for (const [name, op] of binaries) {
        const [a, b] = [leaf(a0), leaf(b0)];
        const called = `new Value(${fmt(a0)}).${name}(new Value(${fmt(b0)})).backward()`;
        const out = made(called, () => a[name](b));
        run(called, () => out.backward());
        const [da, db] = op.d(a0, b0);
        for (const [which, got, want] of [
          ["a", a.grad, da],
          ["b", b.grad, db],
        ] as const) {
          expectClose(got, want, {
            called: `${called}, then ${which}.grad`,
            oracle: `∂(a ${name} b)/∂${which}`,
            ...ARITHMETIC,
            why: (g) =>
              near(g, -want)
                ? name === "div"
                  ? "the sign is wrong: ∂(a/b)/∂b = −a/b²"
                  : `the sign is wrong: ∂(a ${name} b)/∂${which} is ${fmt(want)}`
                : name === "mul" && near(g, which === "a" ? a0 : b0)
                  ? "each factor's local derivative is the other factor"
                  : undefined,
          });
        }
      }
    }
  });

  it("differentiates pow for integer, negative and fractional powers", () => {
    const rng = suiteRng("backward pow");
    for (const p of POWERS) {
      const x = Number.isInteger(p) ? rng.normal(0, 2) || 1 : 0.2 + 3 * rng.uniform();
      const called = `new Value(${fmt(x)}).pow(${p})`;
      expectClose(
        derivative((v) => v.pow(p), x, called),
        p === 0 ? 0 : p * x ** (p - 1),
        {
          called: `${called}.backward(), then x.grad`,
          oracle: "p·xᵖ⁻¹",
          ...SMOOTH,
          why: (got) => powerWhy(got, x, p),
        },
      );
    }
  });

  it("differentiates neg, exp, log, tanh, relu and sigmoid", () => {
    const rng = suiteRng("backward unary");
    const xs = [...rng.normalVector(3, 0.5), ...rng.normalVector(3, 3)].map((x) =>
      Math.abs(x) < 0.01 ? 0.5 : x,
    );
    for (const x of xs) {
      for (const [name, op] of unaries) {
        const arg = name === "log" ? Math.abs(x) + 0.1 : x;
        const called = `new Value(${fmt(arg)}).${name}()`;
        expectClose(
          derivative((v) => v[name](), arg, called),
          op.d(arg),
          {
            called: `${called}.backward(), then x.grad`,
            oracle: `the derivative of ${name} at x`,
            ...SMOOTH,
            why: (got) => op.why?.(got, arg),
          },
        );
      }
    }
    // At ReLU's kink either one-sided slope (or anything between) is a valid subgradient.
    const atKink = derivative((v) => v.relu(), 0, "new Value(0).relu()");
    check(atKink >= 0 && atKink <= 1, {
      called: "new Value(0).relu().backward(), then x.grad",
      got: fmt(atKink),
      expected: "a subgradient between 0 and 1 (the course uses 0)",
    });
  });

  it("passes the gradient through plain-number operands", () => {
    const cases: [string, (x: V) => V, number][] = [
      ["x.add(5)", (x) => x.add(5), 1],
      ["x.sub(2)", (x) => x.sub(2), 1],
      ["x.mul(3)", (x) => x.mul(3), 3],
      ["x.div(4)", (x) => x.div(4), 0.25],
    ];
    for (const [text, build, want] of cases) {
      const called = `${text} with x = new Value(1.5)`;
      expectClose(derivative(build, 1.5, called), want, {
        called: `${called}, backward(), then x.grad`,
        oracle: "the local derivative with respect to x",
        ...ARITHMETIC,
      });
    }
  });

  it("sets the output's gradient to 1, also when the output is a leaf", () => {
    const x = leaf(2);
    const out = made("new Value(2).mul(new Value(3)).add(new Value(1))", () => x.mul(leaf(3)).add(leaf(1)));
    run("out.backward()", () => out.backward());
    const lone = leaf(7);
    run("new Value(7).backward()", () => lone.backward());
    check(out.grad === 1 && lone.grad === 1, {
      called: "out.backward() for out = x·3 + 1, and new Value(7).backward()",
      got: `out.grad = ${fmt(out.grad)}, leaf.grad = ${fmt(lone.grad)}`,
      expected: "1 and 1: ∂out/∂out = 1",
      why: "backward() starts by setting this.grad = 1; everything else follows from it",
    });
  });

  it("uses 1/x, p·xᵖ⁻¹ and 1/y outside the domain too, and 0 for pow(0) even at x = 0", () => {
    const cases: [string, (x: V) => V, number, number][] = [
      ["x.log()", (x) => x.log(), -2, -0.5],
      ["x.pow(0)", (x) => x.pow(0), 0, 0],
      ["x.pow(0)", (x) => x.pow(0), -3, 0],
      ["x.pow(0.5)", (x) => x.pow(0.5), -4, Number.NaN],
      ["x.div(new Value(0))", (x) => x.div(leaf(0)), 2, Infinity],
    ];
    for (const [text, build, x0, want] of cases) {
      const called = `${text} with x = new Value(${fmt(x0)})`;
      const got = derivative(build, x0, called);
      check(Object.is(got, want) || (want === 0 && got === 0), {
        called: `${called}, backward(), then x.grad`,
        got: fmt(got),
        expected: fmt(want),
        why:
          text === "x.pow(0)"
            ? "the local derivative of pow(0) is 0 everywhere: at x = 0, 0 * 0 ** -1 is 0·∞ = NaN, so write the 0 yourself"
            : "the local derivative follows the formula as JavaScript computes it (1/x, p·xᵖ⁻¹, 1/y), with no special case",
      });
    }
  });

  it("sets, not adds, the output's gradient to 1 when backward() runs twice on the same graph", () => {
    const [x0, y0] = operands(suiteRng("backward sets the seed"));
    const [x, y] = [leaf(x0), leaf(y0)];
    const called = `out = x·y with x = ${fmt(x0)}, y = ${fmt(y0)}, then out.backward() twice`;
    const out = made(called, () => x.mul(y));
    run(called, () => out.backward());
    run(called, () => out.backward());
    check(out.grad === 1, {
      called: `${called}, then out.grad`,
      got: fmt(out.grad),
      expected: "1: backward() sets this.grad = 1 (∂out/∂out), it does not add 1",
      why: out.grad === 2 ? "write this.grad = 1, not this.grad += 1" : undefined,
    });
    expectClose(x.grad, 2 * y0, {
      called: `${called}, then x.grad`,
      oracle: "y + y: each pass adds out.grad·y = y (out.grad is 1 both times)",
      ...ARITHMETIC,
      why: (got) =>
        near(got, 3 * y0, 1e-9) ? "the second pass started from out.grad = 2: set it to 1" : undefined,
    });
  });

  it("gives every unary operation its derivative at any x", () => {
    expectForAll(
      "unary derivatives for all",
      [fc.constantFrom(...unaries.map(([name]) => name)), finite(-20, 20)],
      (name, x) => {
        const op = UNARY[name];
        const arg = name === "log" ? Math.abs(x) + 0.1 : name === "relu" && x === 0 ? 1 : x;
        const called = `new Value(${fmt(arg)}).${name}()`;
        expectClose(
          derivative((v) => v[name](), arg, called),
          op.d(arg),
          {
            called: `${called}.backward(), then x.grad`,
            oracle: `the derivative of ${name} at x`,
            ...SMOOTH,
            why: (got) => op.why?.(got, arg),
          },
        );
      },
      { numRuns: 40 },
    );
  });

  it("adds up the gradient of a value used twice: x·x, x + x, x − x, x / x and x·x·x", () => {
    const x0 = 0.5 + suiteRng("backward reuse").uniform() * 2;
    // Each case lists what overwriting (=) instead of adding (+=) would leave in x.grad.
    const cases: [string, (x: V) => V, number, number[]][] = [
      ["x.mul(x)", (x) => x.mul(x), 2 * x0, [x0]],
      ["x.add(x)", (x) => x.add(x), 2, [1]],
      ["x.sub(x)", (x) => x.sub(x), 0, [1, -1]],
      ["x.div(x)", (x) => x.div(x), 0, [1 / x0, -1 / x0]],
      ["x.mul(x).mul(x)", (x) => x.mul(x).mul(x), 3 * x0 * x0, [x0 * x0, 2 * x0 * x0]],
    ];
    for (const [text, build, want, overwritten] of cases) {
      const called = `${text} with x = new Value(${fmt(x0)})`;
      expectClose(derivative(build, x0, called), want, {
        called: `${called}, backward(), then x.grad`,
        oracle: "the derivative of the whole expression in x",
        ...SMOOTH,
        why: (got) =>
          overwritten.some((o) => near(got, o, 1e-9))
            ? "a value used twice must collect the gradient of each use: input.grad += local × out.grad, never ="
            : "check this operation's local derivatives (the README's table) with both operands the same value",
      });
    }
  });

  it("completes a value's gradient before passing it on (a diamond: t·eᵗ with t = 1.5x)", () => {
    // Only mul and exp, whose local derivatives are tested above, so that the message can blame the order.
    const rng = suiteRng("backward diamond");
    for (let k = 0; k < 3; k++) {
      const x0 = rng.normal(0, 1);
      const t = 1.5 * x0;
      const want = 1.5 * Math.exp(t) * (1 + t);
      const onePathOnly = [1.5 * Math.exp(t), 1.5 * t * Math.exp(t)];
      for (const [text, build] of [
        ["t.mul(t.exp())", (x: V) => ((tv) => tv.mul(tv.exp()))(x.mul(leaf(1.5)))],
        ["t.exp().mul(t)", (x: V) => ((tv) => tv.exp().mul(tv))(x.mul(leaf(1.5)))],
        ["t.mul(t.exp()) with t computed twice", (x: V) => x.mul(leaf(1.5)).mul(x.mul(leaf(1.5)).exp())],
      ] as const) {
        const called = `${text}, t = x.mul(new Value(1.5)), x = new Value(${fmt(x0)})`;
        expectClose(derivative(build, x0, called), want, {
          called: `${called}, backward(), then x.grad`,
          oracle: "d/dx t·eᵗ = 1.5·eᵗ(1 + t)",
          ...SMOOTH,
          why: (got) =>
            onePathOnly.some((o) => near(got, o, 1e-9))
              ? "only one of t's two uses reached x: each use must add its share to t.grad (+=, never =), and t may pass its gradient on only after both have (visit values in reverse topological order)"
              : undefined,
        });
      }
    }
  });

  it("matches finite differences on random expression graphs with reused values", () => {
    const rng = suiteRng("random graphs");
    for (let g = 0; g < 6; g++) {
      const inputs = 3 + rng.int(3);
      for (const point of probePoints(rng, inputs)) {
        const steps = randomGraph(rng, point);
        const program = `v0…v${inputs - 1} = new Value(x[i]); ${steps.map((s) => s.text).join("; ")}`;
        const called = `backward() from the last node of: ${program}`;
        try {
          expectGradient((x) => evaluate(steps, x, (s, n) => s.onNumbers(n)), {
            name: "Value.backward",
            called,
            at: point,
            derivative: (x) => {
              const leaves = x.map((xi) => new Value(xi));
              asResult(
                evaluate<V>(steps, leaves, (s, n) => s.onValues(n)),
                called,
              ).backward();
              return leaves.map((l) => l.grad);
            },
          });
        } catch (error) {
          if (!(error instanceof CheckError)) throw error;
          throw new CheckError(
            `${error.message}\nWhy:      if each operation alone passes, look at values used more than once ` +
              "(their gradient must add up, +=) and at the order of the backward pass (reverse topological)",
          );
        }
      }
    }
  });

  it("differentiates a 100 000-node chain without overflowing the stack", () => {
    const x0 = 0.5 + suiteRng("long chain").uniform();
    const factor = 1 + 1 / CHAIN_LENGTH;
    const called = `v = x·a·a·…·a (${CHAIN_LENGTH} multiplications, x = ${fmt(x0)}, a = ${fmt(factor)}), then v.backward()`;
    const [x, a] = [leaf(x0), leaf(factor)];
    const v = run(called, () => runInSandbox(LESSON, chain, x, a, CHAIN_LENGTH));
    try {
      v.backward();
    } catch (error) {
      if (error instanceof RangeError && /call stack/i.test(error.message))
        fail({
          called,
          got: `it threw ${error.name}: ${error.message}`,
          expected: "the gradients, however long the chain",
          why: "a recursive walk of the graph overflows the call stack on a long chain: build the topological order with an explicit stack (a loop), not by recursion",
        });
      throw wrapLearnerError(error, called);
    }
    expectClose(x.grad, factor ** CHAIN_LENGTH, {
      called: `${called}, then x.grad`,
      oracle: "aᴺ (the chain rule multiplies the N local derivatives a)",
      ...SMOOTH,
    });
    expectClose(a.grad, CHAIN_LENGTH * x0 * factor ** (CHAIN_LENGTH - 1), {
      called: `${called}, then a.grad`,
      oracle: "N·x·aᴺ⁻¹ (a is used N times: its gradient adds up)",
      ...SMOOTH,
      why: (got) =>
        near(got, x0 * factor ** (CHAIN_LENGTH - 1), 1e-6)
          ? "a is used N times: input.grad += local × out.grad, never ="
          : undefined,
    });
  });

  it("adds to the gradients already there when backward() runs again without zeroGrad", () => {
    const [x0, y0] = operands(suiteRng("backward accumulates"));
    const [x, y] = [leaf(x0), leaf(y0)];
    const called = `out = (x·y + tanh x)·σ(y) with x = ${fmt(x0)}, y = ${fmt(y0)}, built and backward() twice`;
    const pass = () => made(called, () => x.mul(y).add(x.tanh()).mul(y.sigmoid())).backward();
    run(called, pass);
    const first = [x.grad, y.grad];
    run(called, pass);
    [x.grad, y.grad].forEach((got, i) => {
      expectClose(got, 2 * first[i]!, {
        called: `${called}, then ${i === 0 ? "x" : "y"}.grad`,
        oracle: "twice the first pass's gradient",
        ...SMOOTH,
        why: (g) =>
          near(g, first[i]!, 1e-12)
            ? "backward() adds (+=) to the grad a value already holds; only zeroGrad resets it"
            : undefined,
      });
    });
  });
});

task("gradient-of", () => {
  it("returns f's value and gradient for x·y − 2z", () => {
    const f = labelled(
      "([x, y, z]) => x.mul(y).sub(z.mul(new Value(2)))",
      portable(([a, b, c]: V[]) => a!.mul(b!).sub(c!.mul(new (a!.constructor as typeof Value)(2)))),
    );
    const rng = suiteRng("gradientOf closed form");
    for (let k = 0; k < 3; k++) {
      const [x, y, z] = rng.normalVector(3, 2) as [number, number, number];
      const { value, gradient, called } = learnerGradient(f, [x, y, z]);
      expectClose(value, x * y - 2 * z, { called: `${called}.value`, oracle: "x·y − 2z", ...ARITHMETIC });
      [y, x, -2].forEach((want, i) => {
        expectClose(gradient[i], want, {
          called: `${called}.gradient[${i}]`,
          oracle: "(y, x, −2)",
          ...ARITHMETIC,
          why: (got) =>
            gradient.every((g) => g === 0) && got === 0
              ? "every entry is 0: call backward() on f's output before reading the inputs' grad"
              : undefined,
        });
      });
    }
  });

  it("matches finite differences on Rosenbrock and a sum of products", () => {
    const rng = suiteRng("gradientOf finite differences");
    for (const fn of [rosenbrock, products]) {
      for (const point of probePoints(rng, 4)) {
        const called = learner.gradientOf.called(fn.values, point);
        try {
          expectGradient(fn.numbers, {
            name: "gradientOf",
            called,
            at: point,
            derivative: (x) => learnerGradient(fn.values, x).gradient,
          });
        } catch (error) {
          if (!(error instanceof CheckError)) throw error;
          throw new CheckError(
            `${error.message}\nWhy:      gradientOf is one backward() pass: if task 2 passes, check that each x[i] gets ` +
              "its own new leaf and that you read the leaves' grad after backward()",
          );
        }
        expectClose(learnerGradient(fn.values, point).value, fn.numbers(point), {
          called: `${called}.value`,
          oracle: "f at x, computed with numbers",
          ...SMOOTH,
        });
      }
    }
  });

  it("calls f once, however many inputs there are", () => {
    // Counted on the trusted side: a wrapper of its own, never the portable function itself.
    const f = countCalls(labelled("x ↦ Σ (xᵢ − i)·(xᵢ₊₁ + 2) − x₀", (xs: V[]) => products.values(xs)));
    const { called } = learnerGradient(f, suiteRng("gradientOf calls").normalVector(20, 1));
    check(f.calls <= 2, {
      called,
      got: `f was called ${f.calls} times`,
      expected: "one call (the grader allows two)",
      why: "one forward pass builds the graph and one backward() gives every partial derivative; calling f 2n times is numerical differentiation",
    });
  });

  it("gives 0 for an input f ignores and 1 for an input f returns as it is", () => {
    const f = labelled(
      "([a, b, c]) => b",
      portable((xs: V[]) => xs[1]!),
    );
    const { value, gradient, called } = learnerGradient(f, [0.3, -1.2, 2.5]);
    check(value === -1.2 && gradient[0] === 0 && gradient[1] === 1 && gradient[2] === 0, {
      called,
      got: `value ${fmt(value)}, gradient ${describeValue(gradient)}`,
      expected: "value −1.2, gradient [0, 1, 0]",
      why: "backward() on a leaf sets its grad to 1; inputs that f never touches keep grad 0",
    });
  });

  it("starts from fresh inputs on every call: the same call twice gives the same answer", () => {
    const x = [0.7, -0.4, 1.1, 0.2];
    const first = learnerGradient(rosenbrock.values, x);
    const second = learnerGradient(rosenbrock.values, x);
    check(
      second.gradient.every((g, i) => g === first.gradient[i]),
      {
        called: `${first.called}, twice`,
        got: `${describeValue(first.gradient)} then ${describeValue(second.gradient)}`,
        expected: "the same gradient both times",
        why: "make new leaf Values from x on every call, so that no gradient is left over from the last one",
      },
    );
  });

  it("rejects an f that does not return a Value with a RangeError", () => {
    const f = labelled(
      "([a, b]) => a.data + b.data (a number, not a Value)",
      portable((xs: V[]) => (xs[0]!.data + xs[1]!.data) as unknown as V),
    );
    learner.gradientOf.rangeError("f returned a number, not a Value", f, [1, 2]);
  });
});

task("zero-grad", () => {
  it("sets grad to 0 on every value it is given and leaves data alone", () => {
    const { values, data } = withGrads(suiteRng("zeroGrad array"), 5);
    learner.zeroGrad(values);
    expectZeroed(values, data, "zeroGrad([five values with non-zero grads])");
  });

  it("accepts a Set and a generator as well as an array", () => {
    const rng = suiteRng("zeroGrad iterables");
    const asSet = withGrads(rng, 4);
    const set = learner.zeroGrad(labelled("new Set(values)", new Set(asSet.values)));
    const asGenerator = withGrads(rng, 4);
    const generator = learner.zeroGrad(
      labelled(
        "a generator of values",
        (function* () {
          yield* asGenerator.values;
        })(),
      ),
    );
    for (const [{ called }, { values, data }] of [
      [set, asSet],
      [generator, asGenerator],
    ] as const) {
      expectZeroed(
        values,
        data,
        called,
        "zeroGrad takes any iterable; a Set or a generator has no length or [i]: loop over it with for…of",
      );
    }
  });

  it("then makes backward() on the same graph reproduce the first pass exactly", () => {
    const [x0, y0, z0] = suiteRng("zeroGrad same graph").normalVector(3, 1.5) as [number, number, number];
    const called = `out = (x·y + z)·x + x·y with x = ${fmt(x0)}, y = ${fmt(y0)}, z = ${fmt(z0)}: backward(), zeroGrad(every node), backward()`;
    const [x, y, z] = [leaf(x0), leaf(y0), leaf(z0)];
    const nodes = run(called, () => {
      const xy = x.mul(y);
      const sum = xy.add(z);
      const times = sum.mul(x);
      return [x, y, z, xy, sum, times, times.add(xy)];
    });
    const out = nodes[nodes.length - 1]!;
    run(called, () => out.backward());
    const first = nodes.map((n) => n.grad);
    learner.zeroGrad(nodes);
    run(called, () => out.backward());
    nodes.forEach((node, i) => {
      check(node.grad === first[i], {
        called,
        got: `node ${i} (${["x", "y", "z", "x·y", "x·y + z", "(x·y + z)·x", "out"][i]}) has grad ${fmt(node.grad)} after the second pass`,
        expected: `${fmt(first[i]!)}, exactly as after the first pass`,
        why: "zeroGrad must reset every value it is given, the intermediate ones too, so the second pass starts from 0",
      });
    });
  });

  it("then makes a rebuilt graph reproduce the first pass exactly", () => {
    const [x0, y0] = suiteRng("zeroGrad rebuilt graph").normalVector(2, 1.5) as [number, number];
    const [x, y] = [leaf(x0), leaf(y0)];
    const called = `out = (x·y − x)·(x + y) with x = ${fmt(x0)}, y = ${fmt(y0)}: backward(), zeroGrad([x, y]), rebuild, backward()`;
    const pass = () => run(called, () => x.mul(y).sub(x).mul(x.add(y)).backward());
    pass();
    const first = [x.grad, y.grad];
    learner.zeroGrad([x, y]);
    pass();
    check(x.grad === first[0] && y.grad === first[1], {
      called,
      got: `[${fmt(x.grad)}, ${fmt(y.grad)}]`,
      expected: `[${fmt(first[0]!)}, ${fmt(first[1]!)}], the first pass's gradients exactly`,
      why:
        x.grad === 2 * first[0]!
          ? "the first pass's gradients were still there: zeroGrad must set each grad to 0"
          : "after zeroGrad the inputs start from 0, so the same graph gives the same gradients",
    });
  });
});
