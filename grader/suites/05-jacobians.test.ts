import type { Matrix, Vector } from "@calcml/math";
import * as lesson from "@lesson/05-jacobians";
import { it } from "vitest";
import {
  type Call,
  CheckError,
  check,
  countCalls,
  describeValue,
  expectClose,
  expectForAll,
  expectGradient,
  expectJacobian,
  expectMatrixClose,
  expectVectorClose,
  fc,
  finite,
  formatNumber,
  frozen,
  isClose,
  labelled,
  learnerCalls,
  matmul,
  matvec,
  maxAbs,
  probePoints,
  suiteRng,
  TODO_PREFIX,
  task,
  transpose,
} from "../src/checks/index.ts";
import { FAULT_NAMES } from "../src/sandbox/fault.ts";

const learner = learnerCalls(lesson);
/** Sandbox faults (timeout, crash…) reach the grader unchanged, as with every other learner call. */
const FAULTS = new Set<string>(Object.values(FAULT_NAMES));

// Tolerances. A central difference with h = 1e-5 is within ~2e-9 of the exact Jacobian on these maps
// (measured for steps h, h·max(1,|x|) and the exact-step variant); a forward difference is ~1e-4 off.
const JACOBIAN_RTOL = 1e-6;
const JACOBIAN_ATOL = 1e-8;
// A jvp's step depends on how it scales t by ‖x‖ and ‖v‖; every reasonable choice is within 3e-7.
const JVP_RTOL = 1e-5;
const JVP_ATOL = 1e-7;
// On a quadratic map a central difference is exact up to rounding, whatever the step.
const QUADRATIC_RTOL = 1e-8;
// Closed forms and products computed in Float64 another way.
const EXACT_RTOL = 1e-12;
const EXACT_ATOL = 1e-12;
/** A large step, so a one-sided difference is visibly off on a quadratic (by h·f''/2 ≈ 1e-2). */
const LARGE_STEP = 1e-2;
/** "Close but not exact": within 20 %, the size of a one-sided difference's error at LARGE_STEP. */
const LOOSE = 0.2;

// Shared helpers.

const randomMatrix = (rng: ReturnType<typeof suiteRng>, rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, () => rng.normalVector(cols));
const shapeOf = (value: unknown): [number, number] | undefined =>
  Array.isArray(value) && value.every(Array.isArray) && value.length > 0
    ? [value.length, (value[0] as unknown[]).length]
    : undefined;
const allClose = (actual: unknown, expected: Matrix, rtol: number, atol: number): boolean => {
  const shape = shapeOf(actual);
  if (!shape || shape[0] !== expected.length || shape[1] !== expected[0]!.length) return false;
  return expected.every((row, i) =>
    row.every((e, j) => {
      const a = (actual as unknown[][])[i]![j];
      return typeof a === "number" && isClose(a, e, rtol, atol);
    }),
  );
};

/** The README's worked example: F(x, y) = (x²y, 5x + sin y), with J(1, 0) = [[0, 1], [5, 1]]. */
const workedF = labelled("(x, y) ↦ (x²y, 5x + sin y)", (p: Vector): number[] => [
  p[0]! ** 2 * p[1]!,
  5 * p[0]! + Math.sin(p[1]!),
]);
const WORKED_J = [
  [0, 1],
  [5, 1],
];

const NOT_CENTRAL =
  "close but not accurate enough: a one-sided difference (F(x + s) − F(x)) / s is off by about s·F″/2, while a central difference (F(x + s) − F(x − s)) / 2s is off by only about s²·F‴/6";

const OVERFLOW_WHY =
  "a softmax entry is not finite: exp(1000) overflows to Infinity and Infinity/Infinity is NaN; subtract max(z) from every entry before exponentiating (softmax does not change when the same constant is added to every entry)";

const JACOBIAN_LAYOUT =
  "rows and columns are swapped: J[i][j] is ∂Fᵢ/∂xⱼ, so row i belongs to output i and column j to input j (m outputs × n inputs), i.e. the matrix is transposed";

/**
 * Compares a Jacobian with its exact value, first naming a transposed result (the classic mistake),
 * then entry by entry (naming a one-sided difference when it is roughly right).
 */
function expectJacobianClose(
  { value: actual, called }: Call<unknown>,
  exact: Matrix,
  oracle: string,
  rtol: number,
): void {
  const atol = JACOBIAN_ATOL * Math.max(1, maxAbs(exact.flat()));
  const m = exact.length;
  const n = exact[0]!.length;
  const shape = shapeOf(actual);
  const transposedShape = shape !== undefined && m !== n && shape[0] === n && shape[1] === m;
  const transposedValues =
    m === n && allClose(actual, transpose(exact), rtol, atol) && !allClose(actual, exact, rtol, atol);
  if (transposedShape || transposedValues) {
    throw new CheckError({
      called,
      got: `a ${shape![0]}×${shape![1]} matrix ${describeValue(actual)}`,
      expected: `the ${m}×${n} Jacobian ${describeValue(exact)} (${oracle})`,
      why: JACOBIAN_LAYOUT,
    });
  }
  const roughlyRight = allClose(actual, exact, LOOSE, LOOSE * Math.max(1, maxAbs(exact.flat())));
  const why = roughlyRight ? { why: NOT_CENTRAL } : {};
  expectMatrixClose(actual, exact, { called, oracle, rtol, atol, ...why });
}

// Test maps with exact Jacobians.

/** ℝ³ → ℝ²: (x₀x₁ + sin x₂, e^{0.3x₀} − x₁x₂²). */
const mapA = labelled("x ↦ [x₀x₁ + sin x₂, exp(0.3x₀) − x₁x₂²]", (x: Vector): number[] => [
  x[0]! * x[1]! + Math.sin(x[2]!),
  Math.exp(0.3 * x[0]!) - x[1]! * x[2]! ** 2,
]);
const jacobianA = (x: Vector): number[][] => [
  [x[1]!, x[0]!, Math.cos(x[2]!)],
  [0.3 * Math.exp(0.3 * x[0]!), -(x[2]! ** 2), -2 * x[1]! * x[2]!],
];

/** ℝ² → ℝ⁴: (x₀², x₀x₁, sin x₁, x₀ + 2x₁). */
const mapB = labelled("x ↦ [x₀², x₀x₁, sin x₁, x₀ + 2x₁]", (x: Vector): number[] => [
  x[0]! ** 2,
  x[0]! * x[1]!,
  Math.sin(x[1]!),
  x[0]! + 2 * x[1]!,
]);
const jacobianB = (x: Vector): number[][] => [
  [2 * x[0]!, 0],
  [x[1]!, x[0]!],
  [0, Math.cos(x[1]!)],
  [1, 2],
];

/** ℝ³ → ℝ³ with a Jacobian that is never symmetric, so a transposed answer shows. */
const mapC = labelled("x ↦ [x₀ + 2x₁, 3x₁ − x₂, x₀x₂]", (x: Vector): number[] => [
  x[0]! + 2 * x[1]!,
  3 * x[1]! - x[2]!,
  x[0]! * x[2]!,
]);
const jacobianC = (x: Vector): number[][] => [
  [1, 2, 0],
  [0, 3, -1],
  [x[2]!, 0, x[0]!],
];

/** A quadratic map ℝ² → ℝ²: central differences are exact on it, one-sided ones are not. */
const mapQ = labelled("x ↦ [x₀² + 3x₀x₁, 2x₁² − x₀]", (x: Vector): number[] => [
  x[0]! ** 2 + 3 * x[0]! * x[1]!,
  2 * x[1]! ** 2 - x[0]!,
]);
const jacobianQ = (x: Vector): number[][] => [
  [2 * x[0]! + 3 * x[1]!, 3 * x[0]!],
  [-1, 4 * x[1]!],
];

/** ℝ⁸ → ℝ³, for counting calls: a column-by-column Jacobian would need 16 calls. */
const WIDE_INPUTS = 8;
const mapWide = (x: Vector): number[] => [
  x.reduce((s, xi, i) => s + (i + 1) * xi, 0),
  x.reduce((s, xi) => s + xi * xi, 0),
  Math.sin(x[0]!) * x[WIDE_INPUTS - 1]!,
];
const jacobianWide = (x: Vector): number[][] => [
  x.map((_, i) => i + 1),
  x.map((xi) => 2 * xi),
  x.map((_, i) =>
    i === 0 ? Math.cos(x[0]!) * x[WIDE_INPUTS - 1]! : i === WIDE_INPUTS - 1 ? Math.sin(x[0]!) : 0,
  ),
];

/** The softmax the suite trusts: max-shifted, written here independently of the lesson. */
const trustedSoftmax = (z: Vector): number[] => {
  const top = Math.max(...z);
  const e = z.map((zi) => Math.exp(zi - top));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
};

task("numerical-jacobian", () => {
  const cases = [
    { name: "3 inputs to 2 outputs", F: mapA, J: jacobianA, n: 3 },
    { name: "2 inputs to 4 outputs", F: mapB, J: jacobianB, n: 2 },
  ];
  for (const c of cases) {
    it(`matches the exact Jacobian of a map from ${c.name}`, () => {
      const rng = suiteRng(`numericalJacobian ${c.name}`);
      for (const x of probePoints(rng, c.n)) {
        expectJacobianClose(learner.numericalJacobian(c.F, x), c.J(x), "exact Jacobian", JACOBIAN_RTOL);
      }
    });
  }

  it("puts outputs in rows and inputs in columns on a square map", () => {
    const rng = suiteRng("numericalJacobian square");
    for (const x of probePoints(rng, 3)) {
      expectJacobianClose(learner.numericalJacobian(mapC, x), jacobianC(x), "exact Jacobian", JACOBIAN_RTOL);
    }
  });

  it("uses central differences: exact on a quadratic map even with h = 1e-2", () => {
    const rng = suiteRng("numericalJacobian quadratic");
    for (const x of probePoints(rng, 2)) {
      expectJacobianClose(
        learner.numericalJacobian(mapQ, x, LARGE_STEP),
        jacobianQ(x),
        "exact Jacobian; central differences are exact on quadratics",
        QUADRATIC_RTOL,
      );
    }
  });

  it("steps input j by ±h·max(1, |xⱼ|), with the h it is given", () => {
    // F records where it is evaluated (on the trusted side). Coordinates of both sizes, so an unscaled
    // step h or a step scaled by |xⱼ| alone shows; h = 1e-3 shows an h that is ignored.
    const x = [250.5, -0.3, 40];
    for (const h of [undefined, 1e-3]) {
      const seen: number[][] = [];
      const F = labelled(describeValue(mapA), (p: Vector): number[] => {
        seen.push([...p]);
        return mapA(p);
      });
      const { called } =
        h === undefined ? learner.numericalJacobian(F, x) : learner.numericalJacobian(F, x, h);
      const step = h ?? 1e-5;
      for (let j = 0; j < x.length; j++) {
        const s = step * Math.max(1, Math.abs(x[j]!));
        for (const sign of [1, -1]) {
          const hit = seen.some(
            (p) =>
              p.length === x.length &&
              p.every((pi, i) =>
                i === j
                  ? Math.abs(pi - (x[i]! + sign * s)) <= 1e-6 * s
                  : Math.abs(pi - x[i]!) <= 1e-12 * Math.max(1, Math.abs(x[i]!)),
              ),
          );
          check(hit, () => {
            const offsets = seen
              .filter((p) => p.length === x.length && p.every((pi, i) => i === j || pi === x[i]))
              .map((p) => formatNumber(p[j]! - x[j]!));
            return {
              called,
              got: `F was evaluated with x[${j}] moved by ${offsets.length > 0 ? offsets.join(", ") : "nothing"} (the other inputs unchanged)`,
              expected: `F at x ${sign > 0 ? "+" : "−"} s·e${j} with s = h·max(1, |x[${j}]|) = ${formatNumber(step)}·${formatNumber(Math.max(1, Math.abs(x[j]!)))} = ${formatNumber(s)}`,
              why: `input j is nudged by sⱼ = h·max(1, |xⱼ|) both ways, with the h passed in (default 1e-5): a large coordinate gets a proportionally larger step`,
            };
          });
        }
      }
    }
  });

  it("rejects an empty x with a RangeError", () => {
    learner.numericalJacobian.rangeError("x is empty", mapA, []);
  });
});

const DETERMINANT_SIGN = "the sign is flipped: the determinant is a·d − b·c (main diagonal first)";

task("polar-jacobian", () => {
  const polar = labelled("(r, θ) ↦ (r cos θ, r sin θ)", (p: Vector): number[] => [
    p[0]! * Math.cos(p[1]!),
    p[0]! * Math.sin(p[1]!),
  ]);

  it("matches finite differences of (r, θ) ↦ (r cos θ, r sin θ)", () => {
    const rng = suiteRng("polar jacobian");
    const points = [...probePoints(rng, 2), [1 + rng.uniform() * 4, rng.uniform() * 2 * Math.PI]];
    for (const p of points) {
      const { value, called } = learner.polarToCartesianJacobian(p);
      const [r, theta] = p as [number, number];
      const transposed = [
        [Math.cos(theta), Math.sin(theta)],
        [-r * Math.sin(theta), r * Math.cos(theta)],
      ];
      check(
        !allClose(value, transposed, 1e-9, 1e-12) || allClose(value, transpose(transposed), 1e-9, 1e-12),
        () => ({
          called,
          got: describeValue(value),
          expected: `${describeValue(transpose(transposed))} (∂(x, y)/∂(r, θ))`,
          why: JACOBIAN_LAYOUT,
        }),
      );
      expectJacobian(polar, { name: "polarToCartesianJacobian", derivative: () => value, at: p });
    }
  });

  it("finds the determinant a·d − b·c of random 2×2 matrices", () => {
    // Oracle: J = L·U with L = [[1, 0], [l, 1]] and U = [[u₁, u₂], [0, u₃]], so det J = u₁·u₃.
    const rng = suiteRng("determinant random");
    for (let k = 0; k < 10; k++) {
      const [l, u1, u2, u3] = rng.normalVector(4, 2) as [number, number, number, number];
      const [a, b, c, d] = [u1, u2, l * u1, l * u2 + u3];
      const { value, called } = learner.jacobianDeterminant2x2([
        [a, b],
        [c, d],
      ]);
      expectClose(value, u1 * u3, {
        called,
        oracle: "u₁·u₃ for J = L·U",
        rtol: 1e-9,
        atol: 1e-9 * (Math.abs(a * d) + Math.abs(b * c)),
        why: (got) =>
          isClose(got, -(u1 * u3), 1e-9, 1e-9)
            ? DETERMINANT_SIGN
            : isClose(got, a * d + b * c, 1e-9, 1e-9)
              ? "that is a·d + b·c: subtract the off-diagonal product"
              : undefined,
      });
    }
  });

  it("gives r for the polar Jacobian: polar coordinates stretch areas by r", () => {
    const rng = suiteRng("polar determinant");
    for (let k = 0; k < 5; k++) {
      const r = 0.5 + rng.uniform() * 5;
      const theta = rng.uniform() * 2 * Math.PI;
      const { value, called } = learner.jacobianDeterminant2x2([
        [Math.cos(theta), -r * Math.sin(theta)],
        [Math.sin(theta), r * Math.cos(theta)],
      ]);
      expectClose(value, r, {
        called,
        oracle: "r·cos²θ + r·sin²θ = r",
        rtol: EXACT_RTOL * 100,
        atol: EXACT_ATOL,
        why: (got) => (isClose(got, -r, 1e-9, EXACT_ATOL) ? DETERMINANT_SIGN : undefined),
      });
    }
  });

  it("rejects inputs of the wrong shape with a RangeError", () => {
    learner.polarToCartesianJacobian.rangeError("p must be [r, θ]", [1, 2, 3]);
    learner.jacobianDeterminant2x2.rangeError("J must be 2×2", [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    learner.jacobianDeterminant2x2.rangeError("J must be 2×2", [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    // Rows of two, but not two rows; two rows, but not both of length 2.
    learner.jacobianDeterminant2x2.rangeError("J must be 2×2 (3 rows of 2)", [
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    learner.jacobianDeterminant2x2.rangeError("J must be 2×2 (1 row of 2)", [[1, 2]]);
    learner.jacobianDeterminant2x2.rangeError("J must be 2×2 (its second row has 3 entries)", [
      [1, 2],
      [3, 4, 5],
    ]);
    learner.jacobianDeterminant2x2.rangeError("J must be 2×2 (its second row has 1 entry)", [[1, 2], [3]]);
  });
});

const overflowWhy = (got: number): string | undefined => (Number.isFinite(got) ? undefined : OVERFLOW_WHY);

task("softmax", () => {
  it("matches exp(zᵢ) / Σⱼ exp(zⱼ) for moderate z", () => {
    const rng = suiteRng("softmax moderate");
    for (let k = 0; k < 5; k++) {
      const z = rng.normalVector(5, 2);
      const e = z.map(Math.exp);
      const total = e.reduce((s, v) => s + v, 0);
      const { value, called } = learner.softmax(z);
      expectVectorClose(
        value,
        e.map((v) => v / total),
        { called, oracle: "exp(zᵢ) / Σⱼ exp(zⱼ)", rtol: EXACT_RTOL * 10 },
      );
    }
  });

  it("stays finite and correct at z = [1000, 999, 998]", () => {
    // Oracle: softmax(z) = softmax(z − 998) = [e², e, 1] / (e² + e + 1).
    const total = Math.E ** 2 + Math.E + 1;
    const { value, called } = learner.softmax([1000, 999, 998]);
    expectVectorClose(value, [Math.E ** 2 / total, Math.E / total, 1 / total], {
      called,
      oracle: "[e², e, 1] / (e² + e + 1), the softmax of z − 998",
      rtol: EXACT_RTOL * 10,
      why: overflowWhy,
    });
  });

  it("stays finite and correct for very negative z = [−1000, −1001]", () => {
    const { value, called } = learner.softmax([-1000, -1001]);
    expectVectorClose(value, [1 / (1 + Math.exp(-1)), 1 / (1 + Math.E)], {
      called,
      oracle: "[1, e⁻¹] / (1 + e⁻¹), the softmax of z + 1000",
      rtol: EXACT_RTOL * 10,
      why: (got) =>
        Number.isFinite(got)
          ? undefined
          : "exp(−1000) underflows to 0 and 0/0 is NaN: subtract max(z) from every entry first, so the largest exponent is exp(0) = 1",
    });
  });

  it("stays finite and correct when the entries are far apart: z = [0, 1000]", () => {
    // Shifting by max z keeps every exponent ≤ 0; shifting by anything smaller overflows exp(1000).
    const { value, called } = learner.softmax([0, 1000]);
    expectVectorClose(value, [Math.exp(-1000) / (1 + Math.exp(-1000)), 1 / (1 + Math.exp(-1000))], {
      called,
      oracle: "[e⁻¹⁰⁰⁰, 1] / (e⁻¹⁰⁰⁰ + 1), the softmax of z − 1000 (e⁻¹⁰⁰⁰ underflows to 0)",
      rtol: EXACT_RTOL * 10,
      atol: EXACT_ATOL,
      why: (got) =>
        Number.isFinite(got)
          ? undefined
          : "a softmax entry is not finite: subtract the largest entry max(z) = 1000 (not the smallest, nor the first), so that every exponent is ≤ 0 and exp(1000) never appears",
    });
  });

  it("is unchanged when the same large constant is added to every entry", () => {
    const rng = suiteRng("softmax shift");
    for (const shift of [500, 1000, -800]) {
      const base = rng.normalVector(4, 2);
      const e = base.map(Math.exp);
      const total = e.reduce((s, v) => s + v, 0);
      const { value, called } = learner.softmax(base.map((v) => v + shift));
      expectVectorClose(
        value,
        e.map((v) => v / total),
        {
          called,
          oracle: `softmax of z − ${shift} (softmax ignores a common shift)`,
          rtol: 1e-9,
          atol: EXACT_ATOL,
          why: overflowWhy,
        },
      );
    }
  });

  it("returns [1] for a single entry", () => {
    const { value, called } = learner.softmax([42]);
    expectVectorClose(value, [1], { called, oracle: "exp(42) / exp(42)" });
  });

  it("rejects an empty z with a RangeError", () => {
    learner.softmax.rangeError("z is empty", []);
  });
});

task("softmax-jacobian", () => {
  const softmaxF = labelled("softmax", trustedSoftmax);

  it("matches finite differences of softmax at random points", () => {
    const rng = suiteRng("softmax jacobian");
    for (const z of probePoints(rng, 4)) {
      expectJacobian(softmaxF, {
        name: "softmaxJacobian",
        derivative: (x) => learner.softmaxJacobian(x).value,
        at: z,
      });
    }
  });

  it("is diag(s) − s·sᵀ at z = [1000, 1000] without overflowing", () => {
    const { value, called } = learner.softmaxJacobian([1000, 1000]);
    const expected = [
      [0.25, -0.25],
      [-0.25, 0.25],
    ];
    expectMatrixClose(value, expected, {
      called,
      oracle: "s = [½, ½], so diag(s) − s·sᵀ = [[¼, −¼], [−¼, ¼]]",
      rtol: EXACT_RTOL,
      why: (got, want) =>
        !Number.isFinite(got)
          ? OVERFLOW_WHY
          : isClose(got, -want, 1e-9, EXACT_ATOL)
            ? "the sign is flipped: J = diag(s) − s·sᵀ"
            : undefined,
    });
  });

  it("matches diag(s) − s·sᵀ at random points", () => {
    const rng = suiteRng("softmax jacobian closed form");
    for (let k = 0; k < 3; k++) {
      const z = rng.normalVector(5, 3);
      const s = trustedSoftmax(z);
      const expected = s.map((si, i) => s.map((sj, j) => (i === j ? si : 0) - si * sj));
      const { value, called } = learner.softmaxJacobian(z);
      expectMatrixClose(value, expected, {
        called,
        oracle: "diag(s) − s·sᵀ with s = softmax(z)",
        rtol: 1e-9,
        atol: EXACT_ATOL,
        why: (got, want) =>
          isClose(got, -want, 1e-9, EXACT_ATOL) ? "the sign is flipped: J = diag(s) − s·sᵀ" : undefined,
      });
    }
  });

  it("rejects an empty z with a RangeError", () => {
    // The README lets softmax's own error through, so the message may name softmax instead.
    const called = learner.softmaxJacobian.called([]);
    let thrown: unknown;
    try {
      learner.softmaxJacobian.raw([]);
    } catch (error) {
      thrown = error;
    }
    if (thrown instanceof Error && (thrown.message.startsWith(TODO_PREFIX) || FAULTS.has(thrown.name)))
      throw thrown;
    check(thrown instanceof RangeError && /softmax/i.test(thrown.message), () => ({
      called,
      got: thrown === undefined ? "no error" : describeValue(String(thrown)),
      expected: "a RangeError naming softmaxJacobian (or softmax, when its error is let through)",
      why: "an empty z has no softmax: throw a RangeError, or let the one from your softmax through",
    }));
  });
});

/** docs/lesson-contract.md: J·v from two evaluations of F; the grader counts them (on the trusted side: F is never portable). */
function expectTwoCalls(calls: number, inputs: number, called: string): void {
  check(calls === 2, () => ({
    called,
    got: `F was called ${calls} times`,
    expected: "2 calls: F(x + t·v) and F(x − t·v)",
    why:
      calls >= 2 * inputs
        ? `${calls} calls is what building the whole Jacobian costs (2 per input, ${inputs} inputs); a jvp steps along v directly and never builds J`
        : calls < 2
          ? "a central difference needs F on both sides of x: F(x + t·v) and F(x − t·v)"
          : "a jvp needs only one step along v in each direction",
  }));
}

task("jvp", () => {
  const jvpTolerance = (exact: Vector, fx: Vector) => ({
    rtol: JVP_RTOL,
    atol: JVP_ATOL * Math.max(1, maxAbs(exact), maxAbs(fx)),
  });

  it("matches J·v on a map from 3 inputs to 2 outputs", () => {
    const rng = suiteRng("jvp values");
    for (const x of probePoints(rng, 3)) {
      const v = rng.normalVector(3);
      const exact = matvec(jacobianA(x), v);
      const F = countCalls(mapA);
      const { value, called } = learner.jvp(F, x, v);
      expectTwoCalls(F.calls, 3, called);
      expectVectorClose(value, exact, { called, oracle: "exact J(x)·v", ...jvpTolerance(exact, mapA(x)) });
    }
  });

  it("calls F exactly twice, whatever the number of inputs", () => {
    const rng = suiteRng("jvp calls");
    const F = countCalls(labelled(`a map from ${WIDE_INPUTS} inputs to 3 outputs`, mapWide));
    const x = rng.normalVector(WIDE_INPUTS, 0.5);
    const v = rng.normalVector(WIDE_INPUTS);
    const { value, called } = learner.jvp(F, x, v);
    expectTwoCalls(F.calls, WIDE_INPUTS, called);
    const exact = matvec(jacobianWide(x), v);
    expectVectorClose(value, exact, { called, oracle: "exact J(x)·v", ...jvpTolerance(exact, mapWide(x)) });
  });

  it("matches J·v for any x and any direction and size of v, from two calls (property)", () => {
    // ‖v‖ spans four orders of magnitude: t must scale with 1/‖v‖ (any sensible way), and the
    // result is J·v itself, not J·v/‖v‖ or a difference along one axis.
    expectForAll(
      "jvp any v",
      [
        fc.array(finite(-3, 3), { minLength: 3, maxLength: 3 }),
        fc.array(finite(-1, 1), { minLength: 3, maxLength: 3 }).filter((u) => maxAbs(u) > 0.05),
        finite(-2, 2),
      ],
      (x, u, exponent) => {
        const v = u.map((ui) => ui * 10 ** exponent);
        const exact = matvec(jacobianA(x), v);
        const F = countCalls(mapA);
        const { value, called } = learner.jvp(F, x, v);
        expectTwoCalls(F.calls, 3, called);
        expectVectorClose(value, exact, { called, oracle: "exact J(x)·v", ...jvpTolerance(exact, mapA(x)) });
      },
      { numRuns: 30 },
    );
  });

  it("reproduces the worked example: J·v = (2, 7) at (1, 0) for v = (1, 2)", () => {
    const F = countCalls(workedF);
    const { value, called } = learner.jvp(F, [1, 0], [1, 2]);
    expectTwoCalls(F.calls, 2, called);
    expectVectorClose(value, [2, 7], {
      called,
      oracle: "(0·1 + 1·2, 5·1 + 1·2)",
      rtol: JVP_RTOL,
      atol: JVP_ATOL * 7,
    });
  });

  it("uses a central difference: exact on a quadratic map even with h = 1e-2", () => {
    const rng = suiteRng("jvp quadratic");
    for (const x of probePoints(rng, 2)) {
      const v = rng.normalVector(2);
      const exact = matvec(jacobianQ(x), v);
      const { value, called } = learner.jvp(mapQ, x, v, LARGE_STEP);
      expectVectorClose(value, exact, {
        called,
        oracle: "exact J(x)·v; central differences are exact on quadratics",
        rtol: QUADRATIC_RTOL,
        atol: QUADRATIC_RTOL * Math.max(1, maxAbs(exact), maxAbs(mapQ(x))),
        why: (got, want) =>
          isClose(got, want, LOOSE, LOOSE * Math.max(1, maxAbs(exact)))
            ? "close but not exact: a one-sided step (F(x + t·v) − F(x)) / t is off by about t·vᵀF''v/2; step both ways and divide by 2t"
            : undefined,
      });
    }
  });

  it("scales t by 1/‖v‖: accurate for a long v (‖v‖∞ ≈ 1e4)", () => {
    // With t = h·max(1, ‖x‖∞)/‖v‖∞ the points x ± t·v stay within 1e-5 of x; an unscaled t = h would
    // move them by about 0.1, far too far for a difference quotient on this curved map.
    const rng = suiteRng("jvp long v");
    for (let k = 0; k < 3; k++) {
      const x = rng.normalVector(3);
      const v = rng.normalVector(3).map((vi) => vi * 1e4);
      const exact = matvec(jacobianA(x), v);
      const F = countCalls(mapA);
      const { value, called } = learner.jvp(F, x, v);
      expectTwoCalls(F.calls, 3, called);
      expectVectorClose(value, exact, {
        called,
        oracle: "exact J(x)·v",
        ...jvpTolerance(exact, mapA(x)),
        why: (got, want) =>
          isClose(got, want, LOOSE, LOOSE * Math.max(1, maxAbs(exact)))
            ? "close but not accurate enough: the step t·v is too long; divide by ‖v‖ (t = h·max(1, ‖x‖∞)/‖v‖∞) so that x moves by only h·max(1, ‖x‖∞)"
            : undefined,
      });
    }
  });

  it("scales t with ‖x‖: accurate far from 0 (‖x‖∞ ≈ 1e8, a quadratic map)", () => {
    // On a quadratic map a central difference is exact up to rounding. Far from 0, F(x ± t·v) is about
    // 1e16 and x itself has an ulp of about 3e-8: a step of only h = 1e-5 drowns in that rounding, while
    // t = h·max(1, ‖x‖∞)/‖v‖∞ moves x by about 1e3 and leaves a relative error near 1e-10.
    const rng = suiteRng("jvp large x");
    for (let k = 0; k < 3; k++) {
      const x = [1.5e8 * (1 + rng.uniform()), -1e8 * (1 + rng.uniform())];
      const v = rng.normalVector(2);
      const exact = matvec(jacobianQ(x), v);
      const { value, called } = learner.jvp(mapQ, x, v);
      expectVectorClose(value, exact, {
        called,
        oracle: "exact J(x)·v; a central difference is exact on a quadratic up to rounding",
        rtol: JVP_RTOL,
        atol: JVP_ATOL * Math.max(1, maxAbs(exact)),
        why: () =>
          "the step is too short for x this large: F(x ± t·v) carries rounding errors of about 1e-16·|F| ≈ 1, which a tiny t magnifies; scale the step with the point, t = h·max(1, ‖x‖∞)/‖v‖∞",
      });
    }
  });

  it("gives zeros for v = 0", () => {
    const { value, called } = learner.jvp(mapA, [0.3, -1.2, 2], [0, 0, 0]);
    expectVectorClose(value, [0, 0], { called, oracle: "J·0 = 0", atol: 1e-9 });
  });

  it("rejects x and v of different lengths with a RangeError", () => {
    learner.jvp.rangeError("x and v differ in length", mapA, [1, 2, 3], [1, 2]);
  });
});

const WRONG_SIDE =
  "that looks like J·u (one sum along each row); uᵀ·J sums down the columns: entry j is Σᵢ uᵢ·J[i][j], one entry per column of J";

/** vjp(J, u), failing with {@link WRONG_SIDE} when it has one entry per row of J, or equals J·u on a square J. */
function vjpRejectingRowSums(J: Matrix, u: Vector): Call<unknown> {
  const { value, called } = learner.vjp(J, u);
  const rows = J.length;
  const cols = J[0]!.length;
  const perRow = Array.isArray(value) && value.length === rows && rows !== cols;
  const isJu = rows === cols && allClose([value], [matvec(J, u)], 1e-9, 1e-9);
  check(!perRow && !isJu, () => ({
    called,
    got: describeValue(value),
    expected: `uᵀ·J = ${describeValue(matvec(transpose(J), u))}, one entry per column of J (${cols})`,
    why: WRONG_SIDE,
  }));
  return { value, called };
}

task("vjp", () => {
  it("gives the gradient of x ↦ u·(J·x) (finite differences)", () => {
    const rng = suiteRng("vjp gradient");
    const J = randomMatrix(rng, 3, 4);
    const u = rng.normalVector(3);
    const f = labelled("x ↦ u·(J·x)", (x: Vector) => matvec(J, x).reduce((s, y, i) => s + u[i]! * y, 0));
    const { value, called } = vjpRejectingRowSums(J, u);
    expectGradient(f, { name: "vjp", derivative: () => value as Vector, at: rng.normalVector(4), called });
  });

  it("reproduces the worked example: uᵀJ = (5, 2) for u = (1, 1)", () => {
    const { value, called } = vjpRejectingRowSums(WORKED_J, [1, 1]);
    expectVectorClose(value, [5, 2], { called, oracle: "(1·0 + 1·5, 1·1 + 1·1)", rtol: EXACT_RTOL, atol: 0 });
  });

  it("computes uᵀ·J with one entry per column of J", () => {
    const rng = suiteRng("vjp values");
    for (const [rows, cols] of [
      [3, 5],
      [4, 4],
      [2, 1],
    ] as const) {
      const J = randomMatrix(rng, rows, cols);
      const u = rng.normalVector(rows);
      const { value, called } = vjpRejectingRowSums(J, u);
      expectVectorClose(value, matvec(transpose(J), u), {
        called,
        oracle: "Jᵀ·u, one entry per column of J",
        rtol: 1e-10,
        atol: 1e-12,
      });
    }
  });

  it("rejects a u without one entry per row of J, or an empty J, with a RangeError", () => {
    learner.vjp.rangeError(
      "u must match the rows of J",
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [1, 2],
    );
    learner.vjp.rangeError("J is empty", [], []);
  });
});

const WRONG_ORDER =
  "multiplied in the wrong order: the chain rule for G∘F is J_G(F(x))·J_F(x), outer on the left (a p×m times an m×n matrix gives p×n)";

/** chainJacobians(Jouter, Jinner) on shapes that chain: a throw is explained as the wrong order of the product. */
function chain(Jouter: Matrix, Jinner: Matrix): Call<unknown> {
  const called = learner.chainJacobians.called(Jouter, Jinner);
  try {
    return { value: learner.chainJacobians.raw(frozen(Jouter), frozen(Jinner)), called };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(TODO_PREFIX)) throw error;
    throw new CheckError({
      called,
      got: `it threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      expected: `a ${Jouter.length}×${Jinner[0]!.length} matrix: Jouter (${Jouter.length}×${Jinner.length}) times Jinner (${Jinner.length}×${Jinner[0]!.length})`,
      why: `these shapes chain: Jouter has one column per row of Jinner. ${WRONG_ORDER}`,
    });
  }
}

task("chain-jacobians", () => {
  it("gives the Jacobian of G∘F (finite differences)", () => {
    // F = mapA: ℝ³ → ℝ², G = mapB: ℝ² → ℝ⁴, so J_{G∘F} is 4×3.
    const composed = labelled(`${describeValue(mapB)} after ${describeValue(mapA)}`, (x: Vector) =>
      mapB(mapA(x)),
    );
    const rng = suiteRng("chain composition");
    for (const x of probePoints(rng, 3).map((p) => p.map((v) => v / 2))) {
      const { value, called } = chain(jacobianB(mapA(x)), jacobianA(x));
      expectJacobian(composed, { name: "chainJacobians", derivative: () => value as Matrix, at: x, called });
    }
  });

  it("reproduces the worked example: (1 1)·J_F(1, 0) = (5 2)", () => {
    const { value, called } = chain([[1, 1]], WORKED_J);
    expectMatrixClose(value, [[5, 2]], {
      called,
      oracle: "(1·0 + 1·5, 1·1 + 1·1)",
      rtol: EXACT_RTOL,
      atol: 0,
    });
  });

  it("multiplies outer on the left for square Jacobians", () => {
    const rng = suiteRng("chain square");
    for (let k = 0; k < 3; k++) {
      const Jouter = randomMatrix(rng, 3, 3);
      const Jinner = randomMatrix(rng, 3, 3);
      const expected = matmul(Jouter, Jinner);
      const { value, called } = chain(Jouter, Jinner);
      check(!allClose(value, matmul(Jinner, Jouter), 1e-9, 1e-9), () => ({
        called,
        got: describeValue(value),
        expected: `Jouter·Jinner = ${describeValue(expected)}`,
        why: WRONG_ORDER,
      }));
      expectMatrixClose(value, expected, {
        called,
        oracle: "Jouter·Jinner, column by column",
        rtol: 1e-10,
        atol: 1e-12,
      });
    }
  });

  it("rejects shapes that do not chain with a RangeError", () => {
    // A 1×3 outer Jacobian cannot follow a 2×2 inner one (3 columns vs 2 rows).
    learner.chainJacobians.rangeError(
      "Jouter needs one column per row of Jinner",
      [[1, 2, 3]],
      [
        [1, 2],
        [3, 4],
      ],
    );
    // A ragged Jouter: one of its rows lacks (or has one too many of) the columns Jinner's rows need.
    const square = [
      [1, 2],
      [3, 4],
    ];
    learner.chainJacobians.rangeError(
      "Jouter needs one column per row of Jinner (row 2 has 1)",
      [[1, 2], [3]],
      square,
    );
    learner.chainJacobians.rangeError(
      "Jouter needs one column per row of Jinner (row 2 has 3)",
      [
        [1, 2],
        [3, 4, 5],
      ],
      square,
    );
    // Empty matrices: the README does not say whether they chain, so either the empty product or a
    // RangeError naming chainJacobians is right; a crash (a TypeError from reading a missing row) is not.
    for (const [Jouter, Jinner, product] of [
      [[], square, "[] (a 0×2 times a 2×2 matrix)"],
      [[[]], [], "one row of zeros (a 1×0 times a 0×n matrix)"],
    ] as [number[][], number[][], string][]) {
      const called = learner.chainJacobians.called(Jouter, Jinner);
      let thrown: unknown;
      let value: unknown;
      try {
        value = learner.chainJacobians.raw(frozen(Jouter), frozen(Jinner));
      } catch (error) {
        thrown = error;
      }
      if (thrown instanceof Error && (thrown.message.startsWith(TODO_PREFIX) || FAULTS.has(thrown.name)))
        throw thrown;
      const emptyProduct =
        thrown === undefined &&
        Array.isArray(value) &&
        value.length === Jouter.length &&
        value.every((row) => Array.isArray(row) && row.every((e) => e === 0));
      const named = thrown instanceof RangeError && thrown.message.startsWith("chainJacobians");
      check(emptyProduct || named, () => ({
        called,
        got: thrown === undefined ? describeValue(value) : `it threw ${describeValue(String(thrown))}`,
        expected: `${product}, or a RangeError whose message starts with chainJacobians`,
        why: "an empty matrix either chains (its product is empty too) or is bad input, which throws a RangeError naming the function; check the shapes before reading a row",
      }));
    }
  });
});
