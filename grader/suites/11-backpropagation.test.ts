import { createRng, type Matrix, numericalGradient, type Rng } from "@calcml/math";
import * as lesson from "@lesson/11-backpropagation";
import { it } from "vitest";
import {
  CheckError,
  check,
  describeValue,
  expectClose,
  expectForAll,
  expectGradient,
  expectMatrixClose,
  expectVectorClose,
  fail,
  fc,
  formatNumber,
  learnerCalls,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

type Activation = "sigmoid" | "tanh" | "relu";
type Net = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
type Name = keyof Net;

const ACTIVATIONS: readonly Activation[] = ["sigmoid", "tanh", "relu"];
const PARAMETERS: readonly Name[] = ["W1", "b1", "W2", "b2"];
/** Probe network: every size differs, so a transposed or mixed-up tensor has the wrong shape. */
const N = 5;
const INPUTS = 3;
const HIDDEN = 4;
const OUTPUTS = 2;
const SIZES = `${N} examples, ${INPUTS} inputs, ${HIDDEN} hidden units, ${OUTPUTS} outputs`;
/** Every ReLU pre-activation of a probe point is kept this far from 0 (10× KINK_MARGIN: h·|x| stays far below). */
const RELU_MARGIN = 1e-2;
/** Forward values: the same sums in another order agree to rounding. */
const VALUE_RTOL = 1e-9;
const VALUE_ATOL = 1e-12;
/** Descent steps taken before the third probe point (docs/numerics.md: one point "after a few descent steps"). */
const DESCENT_STEPS = 5;
const DESCENT_RATE = 0.05;
/** initMLP's spread must lie within [0.5, 2]/√fan_in: LeCun, Xavier/Glorot, He and PyTorch's default all do. */
const SPREAD_BAND = [0.5, 2] as const;
/** A sample mean further than this many standard errors from 0 is not centred. */
const MEAN_Z = 4;
/** XOR: hyperparameters calibrated with margin (0 failures in 1000 seeds across five init schemes). */
const XOR_RUNS: Record<Activation, { hidden: number; learningRate: number; epochs: number }> = {
  tanh: { hidden: 8, learningRate: 0.2, epochs: 1000 },
  sigmoid: { hidden: 8, learningRate: 0.4, epochs: 2000 },
  relu: { hidden: 16, learningRate: 0.05, epochs: 600 },
};
const XOR_SEEDS = [1, 2, 3];
const XOR_NEEDED = 2;
const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR_Y = [[0], [1], [1], [0]];

// Oracle: the network written per example and per unit, independently of the lesson.

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const ACT: Record<Activation, (z: number) => number> = {
  sigmoid,
  tanh: Math.tanh,
  relu: (z) => Math.max(z, 0),
};

function layer(input: readonly number[], W: Matrix, b: readonly number[]): number[] {
  return b.map((bias, j) => input.reduce((sum, x, k) => sum + x * W[k]![j]!, bias));
}

function oracleForward(net: Net, X: Matrix, activation: Activation) {
  const Z1 = X.map((x) => layer(x, net.W1, net.b1));
  const A1 = Z1.map((z) => z.map(ACT[activation]));
  const Z2 = A1.map((a) => layer(a, net.W2, net.b2));
  return { Z1, A1, Z2, output: Z2.map((row) => [...row]) };
}

function oracleLoss(net: Net, X: Matrix, Y: Matrix, activation: Activation): number {
  const { Z2 } = oracleForward(net, X, activation);
  let total = 0;
  for (const [i, row] of Z2.entries()) for (const [k, o] of row.entries()) total += (o - Y[i]![k]!) ** 2;
  return total / X.length;
}

const shapeOf = (net: Net, name: Name): number[] => {
  const t = net[name];
  return Array.isArray(t[0]) ? [t.length, (t[0] as number[]).length] : [t.length];
};
const flatten = (t: unknown): number[] =>
  Array.isArray(t) ? (t as unknown[]).flatMap((v) => (Array.isArray(v) ? v : [v])) : [];

function withParameter(net: Net, name: Name, flat: readonly number[]): Net {
  const shape = shapeOf(net, name);
  const value =
    shape.length === 1
      ? [...flat]
      : Array.from({ length: shape[0]! }, (_, i) => flat.slice(i * shape[1]!, (i + 1) * shape[1]!));
  return { ...net, [name]: value };
}

function flatNet(net: Net): number[] {
  return PARAMETERS.flatMap((name) => flatten(net[name]));
}

function unflatNet(like: Net, flat: readonly number[]): Net {
  let net = like;
  let offset = 0;
  for (const name of PARAMETERS) {
    const size = flatten(like[name]).length;
    net = withParameter(net, name, flat.slice(offset, offset + size));
    offset += size;
  }
  return net;
}

function randomNet(rng: Rng, scale: number): Net {
  const matrix = (r: number, c: number) => Array.from({ length: r }, () => rng.normalVector(c, scale));
  return {
    W1: matrix(INPUTS, HIDDEN),
    b1: rng.normalVector(HIDDEN, scale),
    W2: matrix(HIDDEN, OUTPUTS),
    b2: rng.normalVector(OUTPUTS, scale),
  };
}

/** Shifts each b1 entry a little so that no ReLU pre-activation lies within RELU_MARGIN of 0. */
function awayFromReluKink(net: Net, X: Matrix): Net {
  const b1 = net.b1.map((b, j) => {
    const z = X.map((x) => layer(x, net.W1, net.b1)[j]! - b);
    for (let step = 0; step < 40; step++) {
      const shift = (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * 2 * RELU_MARGIN;
      if (z.every((v) => Math.abs(v + b + shift) >= RELU_MARGIN)) return b + shift;
    }
    return b;
  });
  return { ...net, b1 };
}

/** Three probe points (docs/numerics.md): typical scale, large (saturating), and after a few descent steps. */
function probeNets(rng: Rng, X: Matrix, Y: Matrix, activation: Activation): [string, Net][] {
  const typical = randomNet(rng, 0.5);
  const large = randomNet(rng, 3);
  let flat = flatNet(typical);
  for (let s = 0; s < DESCENT_STEPS; s++) {
    const g = numericalGradient((p) => oracleLoss(unflatNet(typical, p), X, Y, activation), flat);
    flat = flat.map((p, k) => p - DESCENT_RATE * g[k]!);
  }
  const points: [string, Net][] = [
    ["the typical-scale probe point (weights ~ N(0, 0.5²))", typical],
    ["the large probe point (weights ~ N(0, 3²), saturating)", large],
    [`the probe point after ${DESCENT_STEPS} descent steps`, unflatNet(typical, flat)],
  ];
  return activation === "relu" ? points.map(([l, net]) => [l, awayFromReluKink(net, X)]) : points;
}

function probeData(rng: Rng): { X: number[][]; Y: number[][] } {
  const X = Array.from({ length: N }, () => rng.normalVector(INPUTS));
  const Y = Array.from({ length: N }, () => rng.normalVector(OUTPUTS));
  return { X, Y };
}

/** `[rows, cols]` of a rectangular matrix, `[len]` of a vector of numbers, else undefined. */
function tensorShape(t: unknown): number[] | undefined {
  if (!Array.isArray(t)) return undefined;
  if (t.every((v) => typeof v === "number")) return [t.length];
  if (!t.every(Array.isArray) || t.length === 0) return undefined;
  const cols = (t[0] as unknown[]).length;
  return t.every((r: unknown[]) => r.length === cols) ? [t.length, cols] : undefined;
}

const showShape = (s: readonly number[] | undefined): string =>
  s === undefined ? "not a rectangular array of numbers" : s.map((d) => `[${d}]`).join("");

function expectShape(value: unknown, shape: readonly number[], what: string, called: string): void {
  const got = tensorShape(value);
  check(got !== undefined && got.length === shape.length && got.every((d, i) => d === shape[i]), () => ({
    called,
    got: `${what} of shape ${showShape(got)}: ${describeValue(value)}`,
    expected: `shape ${showShape(shape)}`,
    why:
      got?.length === 2 && got[0] === shape[1] && got[1] === shape[0]
        ? `${what} looks transposed: W1 is inputs × hidden and W2 hidden × outputs, and a gradient has the shape of its parameter (∂L/∂W1 = Xᵀ·dZ1)`
        : `every tensor has a fixed shape: W1 inputs × hidden, b1 hidden, W2 hidden × outputs, b2 outputs`,
  }));
}

// Diagnoses of wrong gradients, computed from the failing tensors (never graded on).

type Grads = Record<Name, unknown>;

/** dW1 = Xᵀ·((2/n)(output − Y)·W2ᵀ ⊙ D) for a derivative matrix D of the learner's choosing. */
function hiddenGradientWith(
  net: Net,
  X: Matrix,
  Y: Matrix,
  act: Activation,
  d: (z: number, a: number) => number,
) {
  const { Z1, A1, Z2 } = oracleForward(net, X, act);
  const n = X.length;
  const dZ1 = Z1.map((zRow, i) =>
    zRow.map((z, j) => {
      const back = Z2[i]!.reduce((s, o, k) => s + (2 / n) * (o - Y[i]![k]!) * net.W2[j]![k]!, 0);
      return back * d(z, A1[i]![j]!);
    }),
  );
  return net.W1.flatMap((row, k) => row.map((_, j) => dZ1.reduce((s, dz, i) => s + X[i]![k]! * dz[j]!, 0)));
}

const ACTIVATION_MISTAKES: Record<Activation, [string, (z: number, a: number) => number][]> = {
  sigmoid: [
    [
      "grads.W1 equals Xᵀ·(dA1 ⊙ σ'(A1)): the sigmoid's derivative is taken at the activation A1 instead of at the pre-activation Z1; σ'(Z1) = σ(Z1)(1 − σ(Z1)) = A1(1 − A1)",
      (_z, a) => sigmoid(a) * (1 - sigmoid(a)),
    ],
    [
      "grads.W1 equals Xᵀ·(dA1 ⊙ Z1(1 − Z1)): the formula a(1 − a) was fed the pre-activation Z1; it needs the activation A1 = σ(Z1)",
      (z) => z * (1 - z),
    ],
  ],
  tanh: [
    [
      "grads.W1 equals Xᵀ·(dA1 ⊙ (1 − tanh²(A1))): tanh's derivative is taken at the activation A1 instead of at the pre-activation Z1; tanh'(Z1) = 1 − tanh²(Z1) = 1 − A1²",
      (_z, a) => 1 - Math.tanh(a) ** 2,
    ],
    [
      "grads.W1 equals Xᵀ·(dA1 ⊙ (1 − Z1²)): the formula 1 − a² was fed the pre-activation Z1; it needs the activation A1 = tanh(Z1)",
      (z) => 1 - z * z,
    ],
  ],
  relu: [],
};
const NO_DERIVATIVE: [string, (z: number, a: number) => number] = [
  "grads.W1 equals Xᵀ·dA1: the activation's derivative is missing; multiply dA1 = dZ2·W2ᵀ entrywise by act'(Z1)",
  () => 1,
];

function matches(actual: readonly number[], expected: readonly number[]): boolean {
  const scale = Math.max(1, ...expected.map(Math.abs));
  return (
    actual.length === expected.length && actual.every((a, k) => Math.abs(a - expected[k]!) <= 1e-7 * scale)
  );
}

/** A sentence naming the likely bug, or undefined. Uses the failing and passing parameters and their ratios. */
function diagnose(
  net: Net,
  X: Matrix,
  Y: Matrix,
  act: Activation,
  grads: Grads,
  failed: readonly Name[],
): string | undefined {
  const ratios = failed.flatMap((name) => {
    const numeric = numericalGradient(
      (p) => oracleLoss(withParameter(net, name, p), X, Y, act),
      flatten(net[name]),
    );
    const analytic = flatten(grads[name]);
    const scale = Math.max(1e-3, ...numeric.map(Math.abs));
    return numeric.flatMap((v, k) => (Math.abs(v) > 1e-3 * scale ? [(analytic[k] as number) / v] : []));
  });
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const common = median !== undefined && ratios.every((r) => Math.abs(r - median) <= 0.02 * Math.abs(median));
  if (common && Math.abs(median - X.length) <= 0.02 * X.length) {
    return `every failing gradient is ${X.length}× too large (n = ${X.length} examples): the loss is a mean over the examples, so dZ2 = (2/n)(output − Y)`;
  }
  const perEntry = X.length * Y[0]!.length;
  if (common && Math.abs(median * perEntry - 1) <= 0.02) {
    return `every failing gradient is 1/${perEntry} of the right one: the loss averages over the n examples but sums over the outputs, so divide by n = ${X.length}, not by n·outputs = ${perEntry}`;
  }
  if (failed.includes("W1") && !failed.includes("W2") && !failed.includes("b2")) {
    const w1 = flatten(grads.W1);
    for (const [message, d] of [...ACTIVATION_MISTAKES[act], NO_DERIVATIVE]) {
      if (matches(w1, hiddenGradientWith(net, X, Y, act, d))) return message;
    }
    return "the output layer's gradients (W2, b2) are right, so the error is on the way back through the hidden layer: dA1 = dZ2·W2ᵀ, dZ1 = dA1 ⊙ act'(Z1), dW1 = Xᵀ·dZ1, db1 = column sums of dZ1";
  }
  if (failed.every((name) => name === "b1" || name === "b2")) {
    return "the weight gradients are right but a bias gradient is not: ∂L/∂b is dZ summed over the examples (one entry per unit), since the bias is added to every row";
  }
  return undefined;
}

/** Checks every entry of every parameter gradient at one probe point; a failure names the parameter. */
function checkEveryParameter(act: Activation, net: Net, X: Matrix, Y: Matrix, probe: string): void {
  const base = `backward(params, cache, X, Y, "${act}")`;
  const result: unknown = learner.backward(net, oracleForward(net, X, act), X, Y, act).value;
  const grads = (result as { grads?: unknown } | undefined)?.grads;
  check(typeof grads === "object" && grads !== null, () => ({
    called: `${base} at ${probe}`,
    got: describeValue(result),
    expected: "{ loss, grads: { W1, b1, W2, b2 } }",
  }));
  const failures: { name: Name; error: CheckError }[] = [];
  for (const name of PARAMETERS) {
    const called = `${base}.grads.${name} at ${probe} (${SIZES})`;
    const value = (grads as Grads)[name];
    try {
      expectShape(value, shapeOf(net, name), `grads.${name}`, called);
      expectGradient((p) => oracleLoss(withParameter(net, name, p), X, Y, act), {
        name: "backward",
        parameter: name,
        at: flatten(net[name]),
        derivative: () => flatten(value),
        called,
        options: { shape: shapeOf(net, name) },
      });
    } catch (error) {
      if (!(error instanceof CheckError)) throw error;
      failures.push({ name, error });
    }
  }
  const first = failures[0];
  if (first === undefined) return;
  const failed = failures.map((f) => f.name);
  const passed = PARAMETERS.filter((name) => !failed.includes(name));
  const others = [
    passed.length > 0 ? `${passed.join(", ")} passed` : "no parameter passed",
    failed.length > 1 ? `${failed.slice(1).join(", ")} also failed` : "",
  ].filter(Boolean);
  const why = diagnose(net, X, Y, act, grads as Grads, failed);
  fail(
    `${first.error.message}\nAlso:     ${others.join("; ")}${why === undefined ? "" : `\nWhy:      ${why}`}`,
  );
}

function checkGradientsFor(act: Activation): void {
  const rng = suiteRng(`backward gradients ${act}`);
  const { X, Y } = probeData(rng);
  for (const [probe, net] of probeNets(rng, X, Y, act)) checkEveryParameter(act, net, X, Y, probe);
}

// train-xor: each run is made once and shared by the tests that read it.

type XorOptions = Parameters<typeof lesson.trainXor>[0];
type XorRun = { learned: boolean; grew: boolean; summary: string };
const GREW =
  "the loss grew (or blew up to NaN) during training: the update climbs the loss; step against the gradient, θ ← θ − learningRate·∂L/∂θ";
const xorMemo = new Map<string, { result: { params: Net; lossHistory: number[] }; called: string }>();

function runXor(options: XorOptions) {
  const key = JSON.stringify(options);
  const memo = xorMemo.get(key);
  if (memo) return memo;
  const { value: result, called } = learner.trainXor(options);
  check(typeof result === "object" && result !== null && Array.isArray(result.lossHistory), () => ({
    called,
    got: describeValue(result),
    expected: "{ params, lossHistory }",
  }));
  const p = result.params;
  check(typeof p === "object" && p !== null, () => ({
    called,
    got: describeValue(p),
    expected: "params { W1, b1, W2, b2 }",
  }));
  const shapes = { W1: [2, options.hidden], b1: [options.hidden], W2: [options.hidden, 1], b2: [1] };
  for (const name of PARAMETERS) expectShape(p[name], shapes[name], `params.${name}`, called);
  const run = { result, called };
  xorMemo.set(key, run);
  return run;
}

function xorOutcome(act: Activation, seed: number): XorRun {
  const { params, lossHistory } = runXor({ ...XOR_RUNS[act], activation: act, seed }).result;
  const outputs = oracleForward(params, XOR_X, act).Z2.map((row) => row[0]!);
  const learned = outputs.every((o, i) => (o >= 0.5 ? 1 : 0) === XOR_Y[i]![0]);
  const first = lossHistory[0];
  const last = lossHistory[lossHistory.length - 1];
  const grew = !(typeof last === "number" && typeof first === "number" && last < first);
  return {
    learned,
    grew,
    summary: `seed ${seed}: outputs ${describeValue(outputs)}, loss ${describeValue(first)} → ${describeValue(last)}`,
  };
}

function checkXor(act: Activation): void {
  const runs: XorRun[] = [];
  for (const seed of XOR_SEEDS) {
    runs.push(xorOutcome(act, seed));
    if (runs.filter((r) => r.learned).length >= XOR_NEEDED) return;
  }
  const { hidden, learningRate, epochs } = XOR_RUNS[act];
  fail({
    called: `trainXor({ hidden: ${hidden}, activation: "${act}", learningRate: ${learningRate}, epochs: ${epochs}, seed }) for seeds ${XOR_SEEDS.join(", ")}`,
    got: runs.map((r) => r.summary).join("; "),
    expected: `outputs below 0.5 for (0,0) and (1,1) and at least 0.5 for (0,1) and (1,0), for at least ${XOR_NEEDED} of ${XOR_SEEDS.length} seeds (these settings learn XOR for every seed of a correct network)`,
    why: runs.every((r) => r.learned || r.grew)
      ? GREW
      : "the loss fell but not far enough to learn the table: check that backward passes its checks, that every parameter (biases too) is updated each epoch, and the initialisation (initMLP)",
  });
}

task("init-mlp", () => {
  it("gives W1 inputs × hidden, W2 hidden × outputs and zero biases", () => {
    const called = "initMLP(3, 5, 2, createRng(seed))";
    const p = learner.initMLP(3, 5, 2, createRng(7)).value as Net;
    check(typeof p === "object" && p !== null, {
      called,
      got: describeValue(p),
      expected: "{ W1, b1, W2, b2 }",
    });
    expectShape(p.W1, [3, 5], "W1", called);
    expectShape(p.W2, [5, 2], "W2", called);
    for (const [name, length] of [
      ["b1", 5],
      ["b2", 2],
    ] as const) {
      check(Array.isArray(p[name]) && p[name].length === length && p[name].every((b) => b === 0), () => ({
        called,
        got: `${name} = ${describeValue(p[name])}`,
        expected: `${length} zeros`,
        why: "biases start at zero; the random weights alone break the symmetry between hidden units",
      }));
    }
    const all = [...flatten(p.W1), ...flatten(p.W2)];
    check(
      all.every((w) => typeof w === "number" && Number.isFinite(w)),
      () => ({ called, got: describeValue(p), expected: "finite numbers in every weight" }),
    );
  });

  it("scales each layer's weights by its fan-in and centres them at zero", () => {
    for (const size of [16, 144]) {
      const called = `initMLP(${size}, ${size}, ${size}, createRng(seed))`;
      const p = learner.initMLP(size, size, size, suiteRng(`init spread ${size}`)).value as Net;
      for (const name of ["W1", "W2"] as const) {
        expectShape(p[name], [size, size], name, called);
        const w = flatten(p[name]);
        const mean = w.reduce((s, v) => s + v, 0) / w.length;
        const spread = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length);
        const target = 1 / Math.sqrt(size);
        check(spread >= SPREAD_BAND[0] * target && spread <= SPREAD_BAND[1] * target, () => ({
          called,
          got: `${name} entries with standard deviation ${formatNumber(spread)}`,
          expected: `a standard deviation between ${SPREAD_BAND[0]}/√${size} and ${SPREAD_BAND[1]}/√${size} (${formatNumber(SPREAD_BAND[0] * target)} … ${formatNumber(SPREAD_BAND[1] * target)})`,
          why:
            spread > SPREAD_BAND[1] * target
              ? "the weights are not scaled: divide the standard deviation by √fan_in (the layer's number of inputs), or Z1 grows with the width"
              : "the weights are too small: a standard deviation of 1/√fan_in keeps every layer's pre-activations of order 1",
        }));
        check(Math.abs(mean) <= (MEAN_Z * spread) / Math.sqrt(w.length), () => ({
          called,
          got: `${name} entries with mean ${formatNumber(mean)}`,
          expected: `a mean near 0 (within ${MEAN_Z} standard errors, ${formatNumber((MEAN_Z * spread) / Math.sqrt(w.length))})`,
          why: "draw weights centred at zero, e.g. rng.normal(0, std); rng.uniform() alone is always positive",
        }));
      }
    }
  });

  it("draws every weight from the rng it is given", () => {
    const [a, b, c] = [11, 11, 12].map((seed) => learner.initMLP(2, 4, 3, createRng(seed)).value as Net);
    for (const name of ["W1", "W2"] as const) {
      expectMatrixClose(b![name], a![name], {
        called: `initMLP(2, 4, 3, createRng(11)), twice: ${name}`,
        oracle: "the same seed gives the same draws",
        rtol: 0,
        atol: 0,
        why: "take every random number from the rng argument (rng.normal), never Math.random",
      });
    }
    check(
      flatten(c!.W1).some((w, k) => w !== flatten(a!.W1)[k]),
      {
        called: "initMLP(2, 4, 3, createRng(11)) and initMLP(2, 4, 3, createRng(12))",
        got: "the same W1 for both seeds",
        expected: "different weights for different seeds",
        why: "draw the weights from the rng you are given",
      },
    );
  });

  it("rejects a layer size that is not a positive integer with a RangeError", () => {
    learner.initMLP.rangeError("hidden = 0", 2, 0, 1, createRng(1));
    learner.initMLP.rangeError("inputs = −1", -1, 3, 1, createRng(1));
    learner.initMLP.rangeError("outputs = 0", 2, 3, 0, createRng(1));
    learner.initMLP.rangeError("outputs = 1.5 is not an integer", 2, 3, 1.5, createRng(1));
  });
});

task("forward", () => {
  it("computes the README's worked example by hand", () => {
    const params = {
      W1: [
        [1, -1],
        [0.5, 1],
      ],
      b1: [0, -2],
      W2: [[1.5], [3]],
      b2: [0.5],
    };
    const X = [
      [1, 2],
      [1, 0],
    ];
    const { value: got, called } = learner.forward(params, X, "relu");
    const exact = { called, rtol: VALUE_RTOL, atol: VALUE_ATOL };
    expectMatrixClose(
      got?.Z1,
      [
        [2, -1],
        [1, -3],
      ],
      { ...exact, oracle: "X·W1 + b1 by hand" },
    );
    expectMatrixClose(
      got?.A1,
      [
        [2, 0],
        [1, 0],
      ],
      { ...exact, oracle: "max(0, Z1) by hand" },
    );
    expectMatrixClose(got?.Z2, [[3.5], [2]], { ...exact, oracle: "A1·W2 + b2 by hand" });
    expectMatrixClose(got?.output, [[3.5], [2]], { ...exact, oracle: "output = Z2 (a linear output layer)" });
  });

  it("matches X·W1 + b1, act(Z1) and A1·W2 + b2 on random data for every activation", () => {
    const rng = suiteRng("forward random");
    for (const act of ACTIVATIONS) {
      const net = randomNet(rng, 1);
      const { X } = probeData(rng);
      const want = oracleForward(net, X, act);
      const called = `forward(params, X, "${act}") with ${SIZES}`;
      const got = learner.forward(net, X, act).value;
      const withoutBias = oracleForward({ ...net, b1: net.b1.map(() => 0), b2: net.b2.map(() => 0) }, X, act);
      const options = (oracle: string, mistakes: [Matrix, string][], actual: unknown) => ({
        called,
        oracle,
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: () => mistakes.find(([m]) => matches(flatten(actual), flatten(m)))?.[1],
      });
      const widths = { Z1: HIDDEN, A1: HIDDEN, Z2: OUTPUTS, output: OUTPUTS };
      for (const name of ["Z1", "A1", "Z2", "output"] as const)
        expectShape(got?.[name], [N, widths[name]], name, called);
      expectMatrixClose(
        got.Z1,
        want.Z1,
        options(
          "X·W1 + b1, one row per example",
          [[withoutBias.Z1, "b1 is missing: add it to every row of X·W1"]],
          got.Z1,
        ),
      );
      expectMatrixClose(
        got.A1,
        want.A1,
        options(`${act}(Z1) entry by entry`, [[want.Z1, "A1 equals Z1: apply the activation to Z1"]], got.A1),
      );
      const activatedOutput = want.Z2.map((row) => row.map(ACT[act]));
      expectMatrixClose(
        got.Z2,
        want.Z2,
        options(
          "A1·W2 + b2",
          [[activatedOutput, "the output layer is linear: Z2 = A1·W2 + b2, no activation"]],
          got.Z2,
        ),
      );
      expectMatrixClose(
        got.output,
        want.Z2,
        options(
          "output = Z2",
          [[activatedOutput, "the output layer is linear: output = Z2, no activation"]],
          got.output,
        ),
      );
    }
  });

  it("stays finite when pre-activations reach ±1000", () => {
    const params = { W1: [[1000, -1000]], b1: [0, 0], W2: [[1], [1]], b2: [0] };
    const X = [[1], [-1]];
    for (const act of ACTIVATIONS) {
      const { value: got, called } = learner.forward(params, X, act);
      expectMatrixClose(got?.A1, oracleForward(params, X, act).A1, {
        called,
        oracle: `${act}(±1000)`,
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: "compute σ(z) as 1/(1 + e^(−z)) (or e^z/(1 + e^z) when z < 0) and use Math.tanh: e^z/e^z overflows to NaN",
      });
    }
  });

  it("gives empty results for an X with no rows", () => {
    const net = randomNet(suiteRng("forward empty"), 1);
    for (const act of ACTIVATIONS) {
      const { value: got, called } = learner.forward(net, [], act);
      for (const name of ["Z1", "A1", "Z2", "output"] as const) {
        check(Array.isArray(got?.[name]) && got[name].length === 0, () => ({
          called: `${called}.${name}`,
          got: describeValue(got?.[name]),
          expected: "[] (no rows: an empty X is not an error for forward)",
          why: "an empty X gives { Z1: [], A1: [], Z2: [], output: [] }; it is backward that refuses it",
        }));
      }
    }
  });

  it("rejects rows of X that do not match W1's rows with a RangeError", () => {
    const net = randomNet(suiteRng("forward shape"), 1);
    learner.forward.rangeError("X has 2 columns, W1 has 3 rows", net, [[1, 2]], "tanh");
  });

  it("rejects an activation other than sigmoid, tanh and relu with a RangeError", () => {
    const net = randomNet(suiteRng("forward activation"), 1);
    const { X } = probeData(suiteRng("forward activation data"));
    learner.forward.rangeError('the activation "softplus" is unknown', net, X, "softplus" as Activation);
  });
});

task("backward", () => {
  it("returns the loss: squared errors summed over outputs, averaged over examples", () => {
    const rng = suiteRng("backward loss");
    for (const act of ACTIVATIONS) {
      const net = randomNet(rng, 1);
      const { X, Y } = probeData(rng);
      const got = learner.backward(net, oracleForward(net, X, act), X, Y, act).value;
      expectClose(got?.loss, oracleLoss(net, X, Y, act), {
        called: `backward(params, cache, X, Y, "${act}").loss with ${SIZES}`,
        oracle: "(1/n) Σᵢ Σₖ (outputᵢₖ − Yᵢₖ)²",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: (a, e) => {
          const r = a / e;
          if (Math.abs(r - N) < 1e-6 * N)
            return `that is ${N}× too large: divide the summed squared errors by n = ${N}`;
          if (Math.abs(r - 0.5) < 1e-6) return "that is half the loss: this course's loss has no ½";
          if (Math.abs(r * OUTPUTS - 1) < 1e-6)
            return `that averages over the outputs too: sum over the ${OUTPUTS} outputs, average over the examples only`;
          return undefined;
        },
      });
    }
  });

  it("computes the README's worked example: loss 6.25 and its gradients", () => {
    const net = {
      W1: [
        [1, -1],
        [0.5, 1],
      ],
      b1: [0, -2],
      W2: [[1.5], [3]],
      b2: [0.5],
    };
    const X = [[1, 2]];
    const { value: got, called } = learner.backward(net, oracleForward(net, X, "relu"), X, [[1]], "relu");
    const exact = { rtol: VALUE_RTOL, atol: VALUE_ATOL };
    expectClose(got?.loss, 6.25, { called: `${called}.loss`, oracle: "(3.5 − 1)²", ...exact });
    const grads = got.grads;
    expectMatrixClose(grads?.W2, [[10], [0]], {
      called: `${called}.grads.W2`,
      oracle: "A1ᵀ·dZ2 = [2, 0]ᵀ·5",
      ...exact,
    });
    expectVectorClose(grads?.b2, [5], {
      called: `${called}.grads.b2`,
      oracle: "dZ2 = 2·(3.5 − 1)",
      ...exact,
    });
    expectMatrixClose(
      grads?.W1,
      [
        [7.5, 0],
        [15, 0],
      ],
      { called: `${called}.grads.W1`, oracle: "Xᵀ·dZ1 with dZ1 = [7.5, 0]", ...exact },
    );
    expectVectorClose(grads?.b1, [7.5, 0], {
      called: `${called}.grads.b1`,
      oracle: "dZ1 = 5·[1.5, 3] ⊙ relu'([2, −1])",
      ...exact,
    });
  });

  it("matches finite differences for every entry of every gradient with sigmoid", () =>
    checkGradientsFor("sigmoid"));

  it("matches finite differences for every entry of every gradient with tanh", () =>
    checkGradientsFor("tanh"));

  it("matches finite differences for every entry of every gradient with relu, away from the kink", () =>
    checkGradientsFor("relu"));

  it("matches finite differences for any small network, batch and activation (property)", () => {
    const shapes = fc.record({
      n: fc.integer({ min: 1, max: 3 }),
      inputs: fc.integer({ min: 1, max: 2 }),
      hidden: fc.integer({ min: 1, max: 3 }),
      outputs: fc.integer({ min: 1, max: 2 }),
      act: fc.constantFrom(...ACTIVATIONS),
      seed: fc.integer({ min: 0, max: 1e6 }),
    });
    expectForAll(
      "backward gradient property",
      [shapes],
      ({ n, inputs, hidden, outputs, act, seed }) => {
        const rng = createRng(seed);
        const matrix = (r: number, c: number, std: number) =>
          Array.from({ length: r }, () => rng.normalVector(c, std));
        const net: Net = {
          W1: matrix(inputs, hidden, 1),
          b1: rng.normalVector(hidden, 0.5),
          W2: matrix(hidden, outputs, 1),
          b2: rng.normalVector(outputs, 0.5),
        };
        const X = matrix(n, inputs, 1);
        const Y = matrix(n, outputs, 1);
        const cache = oracleForward(net, X, act);
        // ReLU's kink: central differences are only meaningful away from it.
        if (act === "relu" && cache.Z1.flat().some((z) => Math.abs(z) < RELU_MARGIN)) return;
        const { value, called } = learner.backward(net, cache, X, Y, act);
        const grads = (value as { grads?: Grads } | undefined)?.grads;
        const got = PARAMETERS.flatMap((name) => flatten(grads?.[name]));
        const want = numericalGradient((p) => oracleLoss(unflatNet(net, p), X, Y, act), flatNet(net));
        const scale = Math.max(1, ...want.map(Math.abs));
        expectVectorClose(got, want, {
          called: `${called}.grads as [...W1, ...b1, ...W2, ...b2] (${n} examples, ${inputs} inputs, ${hidden} hidden, ${outputs} outputs)`,
          oracle: "central differences of (1/n) Σᵢ Σₖ (outputᵢₖ − Yᵢₖ)²",
          rtol: 1e-5,
          atol: 1e-6 * scale,
        });
      },
      { numRuns: 30 },
    );
  });

  it("takes ReLU'(0) = 0 at the kink, where a pre-activation is exactly 0", () => {
    // Z1 = 1·1 − 1 = 0 exactly for the first hidden unit, 2·1 + 0.5 = 2.5 for the second.
    const net = { W1: [[1, 2]], b1: [-1, 0.5], W2: [[3], [1]], b2: [0] };
    const X = [[1]];
    const { value: got, called } = learner.backward(net, oracleForward(net, X, "relu"), X, [[0.5]], "relu");
    const grads = (got as { grads?: Grads } | undefined)?.grads;
    const exact = { rtol: VALUE_RTOL, atol: VALUE_ATOL };
    const kinkWhy = (a: number, e: number): string | undefined =>
      e === 0 && Math.abs(a - 12) < 1e-9
        ? "at Z1 = 0 the README takes ReLU'(0) = 0 (1 only where Z1 > 0): use z > 0, not z >= 0"
        : undefined;
    expectVectorClose(grads?.b1, [0, 4], {
      called: `${called}.grads.b1`,
      oracle: "dZ1 = dZ2·W2ᵀ ⊙ relu'(Z1) = 4·[3, 1] ⊙ [0, 1], with relu'(0) = 0",
      ...exact,
      why: kinkWhy,
    });
    expectMatrixClose(grads?.W1, [[0, 4]], {
      called: `${called}.grads.W1`,
      oracle: "Xᵀ·dZ1 with X = [[1]] and dZ1 = [0, 4]",
      ...exact,
      why: kinkWhy,
    });
  });

  it("rejects a Y that does not match the output, or an empty X, with a RangeError", () => {
    const rng = suiteRng("backward shape");
    const net = randomNet(rng, 1);
    const { X, Y } = probeData(rng);
    const cache = oracleForward(net, X, "tanh");
    learner.backward.rangeError("Y has 4 rows, X has 5", net, cache, X, Y.slice(1), "tanh");
    const narrow = Y.map((row) => row.slice(1));
    learner.backward.rangeError(
      `Y has 5 rows of 1 entry, the output has ${OUTPUTS} columns`,
      net,
      cache,
      X,
      narrow,
      "tanh",
    );
    const ragged = Y.map((row, i) => (i === 2 ? [...row, 0] : row));
    learner.backward.rangeError(
      `row 2 of Y has ${OUTPUTS + 1} entries, the output has ${OUTPUTS}`,
      net,
      cache,
      X,
      ragged,
      "tanh",
    );
    const empty = { Z1: [], A1: [], Z2: [], output: [] };
    learner.backward.rangeError("an empty batch", net, empty, [], [], "tanh");
  });
});

task("train-xor", () => {
  it("learns the XOR truth table with tanh", () => checkXor("tanh"));

  it("learns the XOR truth table with sigmoid", () => checkXor("sigmoid"));

  it("learns the XOR truth table with relu", () => checkXor("relu"));

  it("records one finite loss per epoch, ending well below where it started", () => {
    const options = { ...XOR_RUNS.tanh, activation: "tanh" as const, seed: XOR_SEEDS[0]! };
    const {
      result: { lossHistory },
      called,
    } = runXor(options);
    check(lossHistory.length === options.epochs, () => ({
      called,
      got: `lossHistory with ${lossHistory.length} entries`,
      expected: `${options.epochs} entries, one per epoch`,
    }));
    const finite = lossHistory.every((l) => typeof l === "number" && Number.isFinite(l));
    check(finite && lossHistory.every((l) => l >= 0), () => ({
      called,
      got: `lossHistory ${describeValue(lossHistory)}`,
      expected: "finite, non-negative losses (a sum of squares)",
      why: finite ? "a squared error is never negative: square the residuals before summing" : GREW,
    }));
    const first = lossHistory[0]!;
    const last = lossHistory[lossHistory.length - 1]!;
    check(last < first / 2, () => ({
      called,
      got: `loss ${formatNumber(first)} at the first epoch, ${formatNumber(last)} at the last`,
      expected: "the last loss below half the first",
      ...(last >= first ? { why: GREW } : {}),
    }));
  });

  it("starts from initMLP(2, hidden, 1, createRng(seed)): epochs 0 returns it with an empty lossHistory", () => {
    const options = { hidden: 5, activation: "tanh" as const, learningRate: 0.3, epochs: 0, seed: 17 };
    const { value: got, called } = learner.trainXor(options);
    const init = learner.initMLP(2, 5, 1, createRng(17)).value as Net;
    check(Array.isArray(got?.lossHistory) && got.lossHistory.length === 0, () => ({
      called: `${called}.lossHistory`,
      got: describeValue(got?.lossHistory),
      expected: "[] (no epoch, no loss)",
    }));
    for (const name of PARAMETERS) {
      expectMatrixClose([flatten(got?.params?.[name])], [flatten(init[name])], {
        called: `${called}.params.${name}`,
        oracle: `initMLP(2, 5, 1, createRng(17)).${name}`,
        rtol: 0,
        atol: 0,
        why: "start from initMLP(2, hidden, 1, createRng(seed)) and take no other draws before it",
      });
    }
  });

  it("moves every parameter by −learningRate·gradient each epoch, on all four examples", () => {
    const [act, learningRate, seed] = ["sigmoid" as const, 0.7, 23];
    const options = { hidden: 3, activation: act, learningRate, epochs: 2, seed };
    const { value: got, called } = learner.trainXor(options);
    // The start is trainXor's own (its epochs-0 network), so this test judges only the steps.
    const init = learner.trainXor({ ...options, epochs: 0 }).value?.params as Net;
    check(typeof init === "object" && init !== null, () => ({
      called: `trainXor({ ...options, epochs: 0 }).params`,
      got: describeValue(init),
      expected: "the initial network { W1, b1, W2, b2 }",
    }));
    const loss = (flat: readonly number[]) => oracleLoss(unflatNet(init, flat), XOR_X, XOR_Y, act);
    const thetas = [flatNet(init)];
    for (let e = 0; e < 2; e++) {
      const g = numericalGradient(loss, thetas[e]!);
      thetas.push(thetas[e]!.map((p, k) => p - learningRate * g[k]!));
    }
    const losses = thetas.map(loss);
    const history: unknown = got?.lossHistory;
    const closeTo = (want: readonly number[]) =>
      Array.isArray(history) &&
      history.length === want.length &&
      want.every(
        (l, k) => typeof history[k] === "number" && Math.abs(history[k] - l) <= 1e-7 * Math.max(1, l),
      );
    check(closeTo(losses.slice(0, 2)) || closeTo(losses.slice(1)), () => ({
      called: `${called}.lossHistory`,
      got: describeValue(history),
      expected: `${describeValue(losses.slice(0, 2))}: the loss of each epoch's forward pass on all four examples, before its update (or ${describeValue(losses.slice(1))}, after it)`,
      why: "each epoch: forward and backward on all four XOR examples, record the loss, then θ ← θ − learningRate·∂L/∂θ",
    }));
    const want = unflatNet(init, thetas[2]!);
    for (const name of PARAMETERS) {
      expectMatrixClose([flatten(got?.params?.[name])], [flatten(want[name])], {
        called: `${called}.params.${name}`,
        oracle: `two steps θ ← θ − ${learningRate}·∂L/∂θ from the epochs-0 network, gradient by central differences`,
        rtol: 1e-6,
        atol: 1e-8,
        why: `every parameter, biases included, moves by −learningRate times its gradient once per epoch${name.startsWith("b") ? ` (${name} is a bias: update it too)` : ""}`,
      });
    }
  });

  it("rejects an epochs that is not a whole number ≥ 0 or a learningRate that is not positive with a RangeError", () => {
    const base = { hidden: 4, activation: "tanh" as const, learningRate: 0.2, epochs: 10, seed: 1 };
    learner.trainXor.rangeError("epochs must be a whole number", { ...base, epochs: 2.5 });
    learner.trainXor.rangeError("epochs must be ≥ 0", { ...base, epochs: -1 });
    learner.trainXor.rangeError("learningRate must be positive", { ...base, learningRate: 0 });
    learner.trainXor.rangeError("learningRate must be positive", { ...base, learningRate: -0.1 });
  });

  it("rejects a bad hidden (from initMLP) and an unknown activation (from forward)", () => {
    const base = { hidden: 4, activation: "tanh" as const, learningRate: 0.2, epochs: 3, seed: 1 };
    for (const [options, problem] of [
      [{ ...base, hidden: 0 }, "hidden must be a positive integer (from initMLP)"],
      [
        { ...base, activation: "softplus" as Activation },
        'the activation "softplus" is unknown (from forward)',
      ],
    ] as const) {
      learner.trainXor.anyRangeError(problem, options);
    }
  });

  it("gives the same loss history for the same seed", () => {
    const options = { hidden: 4, activation: "tanh" as const, learningRate: 0.2, epochs: 30, seed: 5 };
    const a = runXor(options).result.lossHistory;
    const { value, called } = learner.trainXor(options);
    const b = value.lossHistory;
    check(a.length === b.length && a.every((l, i) => l === b[i]), () => ({
      called: `${called}, twice`,
      got: `${describeValue(a)} and ${describeValue(b)}`,
      expected: "identical loss histories",
      why: "start from initMLP(2, hidden, 1, createRng(seed)) and take no other randomness",
    }));
  });
});
