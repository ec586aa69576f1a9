import { eigSym, type Matrix, type Rng, type Vector } from "@calcml/math";
import * as lesson from "@lesson/06-hessians-and-convexity";
import { it } from "vitest";
import {
  check,
  describeValue,
  dot,
  expectClose,
  expectForAll,
  expectGradient,
  expectHessian,
  expectMatrixClose,
  expectVectorClose,
  finite,
  formatNumber,
  isClose,
  labelled,
  learnerCalls,
  maxAbs,
  portable,
  probePoints,
  suiteRng,
  task,
  transpose,
  withSpectrum,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

// Tolerances. Oracle: the exact Hessian in closed form. Measured over 400 probe points of each function
// below (probePoints, seeds 0–199): with h = 1e-4, every correct method the README allows stays within
// |a − e| ≤ r·(|e| + 1e-2·max(1, max|H|)) for r = 1.2e-5 (the 4-point formula, with steps h·max(1,|x|),
// their exact-step form, or steps h alone: 2.1e-5) and r = 1e-5 (central differences of a numerical
// gradient, inner step 1e-4 or 1e-5). docs/numerics.md's second-order rule (rtol 1e-3) would also pass a
// step 10 times too large (7e-4) and one-sided formulas near 1e-3; 4e-4 keeps a 19× margin over the worst
// correct method and still refuses those.
const HESSIAN_RTOL = 4e-4;
const HESSIAN_ATOL = 4e-6;
/** docs/numerics.md: eigenvalues within 1e-10·max(1, ‖A‖_F). */
const EIGEN_ATOL = 1e-10;
/** Closed forms evaluated in Float64 by another route. */
const EXACT_RTOL = 1e-12;
/** The default zero band of classifyCriticalPoint (docs/lesson-contract.md) and of the convexity checks (README). */
const ZERO_BAND = 1e-8;
/** λmax/λmin from eigSym: each eigenvalue is within 1e-10·‖H‖_F, so the ratio is good to ~1e-7 here. */
const CONDITION_RTOL = 1e-6;

// Matrices with known eigenvalues, written independently of the lesson.

const frobenius = (A: Matrix): number => Math.sqrt(A.flat().reduce((s, v) => s + v * v, 0));
const scaleMatrix = (A: Matrix, c: number): number[][] => A.map((row) => row.map((v) => c * v));
const addMatrices = (A: Matrix, B: Matrix): number[][] => A.map((row, i) => row.map((v, j) => v + B[i]![j]!));

/** A random skew-symmetric matrix K = −Kᵀ: it changes A but not xᵀAx. */
function randomSkew(rng: Rng, n: number): number[][] {
  const K = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = rng.normal(0, 2);
      K[i]![j] = v;
      K[j]![i] = -v;
    }
  }
  return K;
}

type Kind = "minimum" | "maximum" | "saddle" | "degenerate";

/** The docs/lesson-contract.md rule applied to known eigenvalues: the suite's oracle for classifyCriticalPoint. */
function classify(values: readonly number[], tolerance = ZERO_BAND): Kind {
  const band = tolerance * Math.max(1, ...values.map(Math.abs));
  const pos = values.some((v) => v > band);
  const neg = values.some((v) => v < -band);
  if (pos && neg) return "saddle";
  if (values.some((v) => Math.abs(v) <= band)) return "degenerate";
  return pos ? "minimum" : "maximum";
}

/** Explains a wrong classification from the known eigenvalues. */
function classifyWhy(got: unknown, values: readonly number[], tolerance: number): string | undefined {
  const want = classify(values, tolerance);
  const band = tolerance * Math.max(1, ...values.map(Math.abs));
  const shown = `eigenvalues ${describeValue(values)}`;
  if (want === "saddle" && (got === "minimum" || got === "maximum")) {
    return `H has ${shown}, of both signs: f curves up along one eigenvector and down along another, so this is a saddle. Look at the signs of all the eigenvalues (eigSym), not at the diagonal entries or the determinant`;
  }
  if (want === "saddle" && got === "degenerate") {
    return `H has ${shown}: one positive and one negative eigenvalue make a saddle even when another eigenvalue is zero; test for mixed signs before testing for zeros`;
  }
  if (want === "degenerate") {
    return `H has ${shown}; the zero band is tolerance·max(1, max|λ|) = ${formatNumber(band)}, and an eigenvalue inside it counts as zero, so the second-derivative test cannot decide: 'degenerate'`;
  }
  if (got === "degenerate") {
    return `H has ${shown}; none lies within the zero band tolerance·max(1, max|λ|) = ${formatNumber(band)}, so none counts as zero`;
  }
  if ((want === "minimum" && got === "maximum") || (want === "maximum" && got === "minimum")) {
    return `H has ${shown}: all positive means f curves up in every direction (a minimum), all negative a maximum`;
  }
  return undefined;
}

function expectKind(got: unknown, values: readonly number[], called: string, tolerance = ZERO_BAND): void {
  const want = classify(values, tolerance);
  check(got === want, () => {
    const why = classifyWhy(got, values, tolerance);
    return {
      called,
      got: describeValue(got),
      expected: `${JSON.stringify(want)} (H is built with eigenvalues ${describeValue(values)})`,
      ...(why === undefined ? {} : { why }),
    };
  });
}

// Test functions with exact derivatives (f runs inside the sandbox: numericalHessian calls it often).

/** f(x) = x₀²x₁ + sin(x₁x₂) + e^{0.2x₀}·x₂ and its exact Hessian. */
const smooth3 = labelled(
  "x ↦ x₀²x₁ + sin(x₁x₂) + exp(0.2x₀)·x₂",
  portable(
    (x: Vector): number => x[0]! ** 2 * x[1]! + Math.sin(x[1]! * x[2]!) + Math.exp(0.2 * x[0]!) * x[2]!,
  ),
);
function smooth3Hessian(x: Vector): number[][] {
  const [a, b, c] = x as [number, number, number];
  const e = Math.exp(0.2 * a);
  const s = Math.sin(b * c);
  const bc = Math.cos(b * c) - b * c * s;
  return [
    [2 * b + 0.04 * e * c, 2 * a, 0.2 * e],
    [2 * a, -c * c * s, bc],
    [0.2 * e, bc, -b * b * s],
  ];
}

/** f(x, y) = x⁴ − 3x²y + y³ and its exact Hessian. */
const poly2 = labelled(
  "(x, y) ↦ x⁴ − 3x²y + y³",
  portable((p: Vector): number => p[0]! ** 4 - 3 * p[0]! ** 2 * p[1]! + p[1]! ** 3),
);
const poly2Hessian = (p: Vector): number[][] => [
  [12 * p[0]! ** 2 - 6 * p[1]!, -6 * p[0]!],
  [-6 * p[0]!, 6 * p[1]!],
];

/** Rosenbrock (a = 1, b = 100), written here for the suite: value, gradient. */
const trustedRosenbrock = labelled("rosenbrock (1 − x)² + 100(y − x²)²", (p: Vector): number => {
  const [x, y] = p as [number, number];
  const valley = y - x * x;
  return (1 - x) * (1 - x) + 100 * valley * valley;
});
const trustedRosenbrockGradient = (p: Vector): number[] => {
  const [x, y] = p as [number, number];
  return [2 * (x - 1) + 400 * x * (x * x - y), 200 * (y - x * x)];
};
const ROSENBROCK_POINTS = [
  [-1.2, 1],
  [1, 1],
  [0, 0],
];

task("numerical-hessian", () => {
  const cases = [
    { name: "a smooth function of 3 variables", f: smooth3, H: smooth3Hessian, n: 3 },
    { name: "the polynomial x⁴ − 3x²y + y³", f: poly2, H: poly2Hessian, n: 2 },
  ];
  for (const c of cases) {
    it(`matches the exact Hessian of ${c.name}`, () => {
      const rng = suiteRng(`numericalHessian ${c.name}`);
      for (const x of probePoints(rng, c.n)) {
        const exact = c.H(x);
        const { value, called } = learner.numericalHessian(c.f, x);
        expectMatrixClose(value, exact, {
          called,
          oracle: "exact Hessian",
          rtol: HESSIAN_RTOL,
          atol: HESSIAN_ATOL * Math.max(1, maxAbs(exact.flat())),
          why: (got, want) =>
            isClose(got, 2 * want, 0.05, 0) || isClose(got, want / 2, 0.05, 0)
              ? "off by a factor 2: the second difference divides by s², the 4-point cross difference by 4·sᵢ·sⱼ"
              : undefined,
        });
      }
    });
  }

  it("scales each step with its coordinate: sᵢ = h·max(1, |xᵢ|)", () => {
    // x⁴ + y⁴ at (1e4, 0): f ≈ 1e16, whose rounding (about 2) swamps a second difference over a fixed step
    // 1e-4 (2 / 1e-8), but not over s = 1e-4·1e4 = 1 (truncation s²·24/12 = 2 against 12x² = 1.2e9). At y = 0
    // the step is h·max(1, 0) = h, never 0.
    const quartic = labelled(
      "(x, y) ↦ x⁴ + y⁴",
      portable((p: Vector): number => p[0]! ** 4 + p[1]! ** 4),
    );
    const x = [1e4, 0];
    const exact = [
      [12e8, 0],
      [0, 0],
    ];
    const { value, called } = learner.numericalHessian(quartic, x);
    expectMatrixClose(value, exact, {
      called,
      oracle: "exact Hessian diag(12x², 12y²) = diag(1.2e9, 0)",
      rtol: HESSIAN_RTOL,
      atol: HESSIAN_ATOL * 12e8,
      why: () =>
        "the step must grow with the coordinate, sᵢ = h·max(1, |xᵢ|) (1 at x = 1e4, h at y = 0): a fixed or shrinking step drowns the second difference in f's rounding, and a step of 0 divides by 0",
    });
  });

  it("is exactly symmetric", () => {
    const rng = suiteRng("numericalHessian symmetric");
    for (const x of probePoints(rng, 3)) {
      const { value: got, called } = learner.numericalHessian(smooth3, x);
      check(
        Array.isArray(got) && got.length === 3 && got.every((row) => Array.isArray(row) && row.length === 3),
        {
          called,
          got: describeValue(got),
          expected: "a 3×3 matrix",
        },
      );
      for (let i = 0; i < 3; i++) {
        for (let j = i + 1; j < 3; j++) {
          check(got[i]![j] === got[j]![i], () => ({
            called,
            got: `H[${i}][${j}] = ${got[i]![j]} but H[${j}][${i}] = ${got[j]![i]}`,
            expected: "H[i][j] === H[j][i] exactly",
            why: "a Hessian is symmetric, and the numerical one must be exactly symmetric: compute each off-diagonal entry once and write it to both [i][j] and [j][i], or average the matrix with its transpose",
          }));
        }
      }
    }
  });

  it("rejects an empty x with a RangeError", () => {
    learner.numericalHessian.rangeError("x is empty", smooth3, []);
  });
});

/** Fails with a named diagnosis when the quadratic's Hessian is 2S, A or 2A instead of S = (A + Aᵀ)/2. */
function quadraticWhy(got: unknown, A: Matrix): string | undefined {
  const S = scaleMatrix(addMatrices(A, transpose(A)), 0.5);
  const near = (M: Matrix) =>
    Array.isArray(got) &&
    got.length === M.length &&
    M.every((row, i) => row.every((v, j) => isClose((got as number[][])[i]?.[j] as number, v, 1e-9, 1e-12)));
  const symmetric = A.every((row, i) => row.every((v, j) => v === A[j]![i]));
  if (near(scaleMatrix(S, 2))) {
    return "that is twice the Hessian (A + Aᵀ, or 2A): the ½ in f(x) = ½·xᵀAx cancels the 2 that differentiating a square brings down, so the Hessian is (A + Aᵀ)/2";
  }
  if (!symmetric && near(A)) {
    return "that is A itself, but A is not symmetric here: xᵀAx only sees the symmetric part of A, so the Hessian is (A + Aᵀ)/2";
  }
  if (!symmetric && near(transpose(A))) return "that is Aᵀ; average A with its transpose: (A + Aᵀ)/2";
  return undefined;
}

task("quadratic-hessian", () => {
  it("matches finite differences of ½xᵀAx + bᵀx for a non-symmetric A", () => {
    const rng = suiteRng("quadraticHessian differences");
    for (const n of [2, 3, 5]) {
      const A = Array.from({ length: n }, () => rng.normalVector(n, 2));
      const b = rng.normalVector(n);
      const f = labelled(`x ↦ ½xᵀAx + bᵀx (n = ${n})`, (x: Vector) => {
        const Ax = A.map((row) => dot(row, x));
        return 0.5 * dot(x, Ax) + dot(b, x);
      });
      const gradient = (x: Vector) =>
        x.map((_, i) => 0.5 * A.reduce((s, row, k) => s + (A[i]![k]! + row[i]!) * x[k]!, 0) + b[i]!);
      const { value: got, called } = learner.quadraticHessian(A);
      const why = quadraticWhy(got, A);
      check(why === undefined, () => ({ called, got: describeValue(got), why: why! }));
      expectHessian(f, {
        name: "quadraticHessian",
        derivative: () => got,
        at: rng.normalVector(n),
        gradient,
        called,
      });
    }
  });

  it("returns A itself when A is symmetric", () => {
    const rng = suiteRng("quadraticHessian symmetric");
    const A = withSpectrum(rng, [3, -1, 0.5]).A;
    const { value: got, called } = learner.quadraticHessian(A);
    expectMatrixClose(got, A, {
      called,
      oracle: "A, since (A + Aᵀ)/2 = A for a symmetric A",
      rtol: EXACT_RTOL,
      atol: EXACT_RTOL,
      why: () => quadraticWhy(got, A),
    });
  });

  it("keeps only the symmetric part: S + K gives S for a skew-symmetric K", () => {
    const rng = suiteRng("quadraticHessian skew");
    const S = withSpectrum(rng, [2, 1, -4, 0.25]).A;
    const A = addMatrices(S, randomSkew(rng, 4));
    const { value: got, called } = learner.quadraticHessian(A);
    expectMatrixClose(got, S, {
      called,
      oracle: "S: A = S + K with S symmetric and K skew-symmetric, and xᵀKx = 0",
      rtol: 1e-9,
      atol: 1e-12,
      why: () => quadraticWhy(got, A),
    });
  });

  it("rejects an empty or non-square matrix with a RangeError", () => {
    learner.quadraticHessian.rangeError("A must be square", [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    learner.quadraticHessian.rangeError("A is ragged: rows of 2 and 1 entries", [[1, 2], [3]]);
    learner.quadraticHessian.rangeError("A is empty", []);
  });
});

task("rosenbrock", () => {
  it("evaluates (1 − x)² + 100(y − x²)² at random and classic points", () => {
    const rng = suiteRng("rosenbrock values");
    const frozenCases = [
      { p: [1, 1], value: 0, oracle: "the minimum at (1, 1)" },
      { p: [-1.2, 1], value: 24.2, oracle: "2.2² + 100·(1 − 1.44)² = 4.84 + 19.36" },
      { p: [0, 0], value: 1, oracle: "(1 − 0)² + 100·0²" },
    ];
    const randomCases = probePoints(rng, 2).map((p) => ({
      p,
      value: trustedRosenbrock(p),
      oracle: "closed form",
    }));
    for (const c of [...frozenCases, ...randomCases]) {
      // The floor scales with the size of the terms, so an expanded polynomial (with its cancellation) passes too.
      const [x, y] = c.p as [number, number];
      const terms = 1 + x * x + 100 * (y * y + x ** 4);
      const { value, called } = learner.rosenbrock(c.p);
      expectClose(value, c.value, {
        called,
        oracle: c.oracle,
        rtol: 1e-10,
        atol: 1e-13 * terms,
      });
    }
  });

  it("has a gradient that matches finite differences", () => {
    const rng = suiteRng("rosenbrock gradient");
    for (const p of [...ROSENBROCK_POINTS, ...probePoints(rng, 2)]) {
      expectGradient(trustedRosenbrock, {
        name: "rosenbrockGradient",
        derivative: (x) => learner.rosenbrockGradient(x).value,
        at: p,
      });
    }
  });

  it("has a Hessian that matches finite differences of the gradient", () => {
    const rng = suiteRng("rosenbrock hessian");
    for (const p of [...ROSENBROCK_POINTS, ...probePoints(rng, 2)]) {
      const { value: got, called } = learner.rosenbrockHessian(p);
      const cross = -400 * p[0]!;
      const entry = Array.isArray(got) && Array.isArray(got[0]) ? got[0][1] : undefined;
      check(cross === 0 || typeof entry !== "number" || !isClose(entry, -cross, 1e-9, 1e-9), () => ({
        called,
        got: describeValue(got),
        expected: `H[0][1] = H[1][0] = −400x = ${formatNumber(cross)}`,
        why: "the cross term has the wrong sign: ∂/∂y of ∂f/∂x = −2(1 − x) − 400x(y − x²) is −400x",
      }));
      expectHessian(trustedRosenbrock, {
        name: "rosenbrockHessian",
        derivative: () => got,
        at: p,
        gradient: trustedRosenbrockGradient,
        called,
      });
    }
  });

  it("rejects a point without two entries with a RangeError", () => {
    learner.rosenbrock.rangeError("p must be [x, y]", [1, 2, 3]);
    learner.rosenbrockGradient.rangeError("p must be [x, y]", [1, 2, 3]);
    learner.rosenbrockHessian.rangeError("p must be [x, y]", [1, 2, 3]);
  });
});

/** Checks a pair of eigenvalues against known ones, naming a descending order or a NaN. */
function expectEigenvalues(H: Matrix, expected: readonly [number, number], oracle: string): void {
  const { value: got, called } = learner.eigenvaluesSymmetric2x2(H);
  const atol = EIGEN_ATOL * Math.max(1, frobenius(H));
  const descending =
    Array.isArray(got) &&
    expected[1] - expected[0] > 2 * atol &&
    typeof got[0] === "number" &&
    typeof got[1] === "number" &&
    got[0] > got[1] + atol;
  check(!descending, () => ({
    called,
    got: describeValue(got),
    expected: describeValue(expected),
    why: "the order is descending: return [smaller, larger]",
  }));
  expectVectorClose(got, expected, {
    called,
    oracle,
    rtol: 0,
    atol,
    why: (g) =>
      Number.isNaN(g)
        ? "NaN: the quantity under the square root went slightly negative through rounding. Write it as ((a − d)/2)² + b², a sum of squares that can never be negative"
        : undefined,
  });
}

task("eigenvalues-2x2", () => {
  it("finds the eigenvalues of random symmetric matrices, in ascending order", () => {
    // Oracle: H = R(φ)·diag(λ₁, λ₂)·R(φ)ᵀ for a rotation R(φ) has eigenvalues λ₁ and λ₂.
    const rng = suiteRng("eigenvalues random");
    for (let k = 0; k < 12; k++) {
      const scale = k % 3 === 0 ? 100 : 3;
      const l1 = rng.normal(0, scale);
      const l2 = l1 + (0.1 + rng.uniform()) * scale;
      const phi = rng.uniform() * Math.PI;
      const c = Math.cos(phi);
      const s = Math.sin(phi);
      const off = (l1 - l2) * c * s;
      const H = [
        [l1 * c * c + l2 * s * s, off],
        [off, l1 * s * s + l2 * c * c],
      ];
      expectEigenvalues(H, [l1, l2], "λ₁ < λ₂ used to build H = R·diag(λ₁, λ₂)·Rᵀ");
    }
  });

  it("finds both eigenvalues, ascending, of any symmetric 2×2 matrix (property)", () => {
    const entry = finite(-100, 100).map((v) => (Math.abs(v) < 1e-3 ? 0 : v));
    // Oracle: eigSym (Householder tridiagonalisation and QL iteration), accurate to 1e-10·max(1, ‖H‖_F)
    // by docs/numerics.md, another method than the closed form.
    expectForAll(
      "eigenvalues any symmetric",
      // Entries below 1e-3 in size become 0: eigSym returns NaN for subnormal entries (5e-324).
      [entry, entry, entry],
      (a, b, d) => {
        const H = [
          [a, b],
          [b, d],
        ];
        const [low, high] = eigSym(H).values as [number, number];
        expectEigenvalues(H, [low, high], "eigSym(H).values, ascending");
      },
      { numRuns: 40 },
    );
  });

  it("reads diagonal matrices and nearly repeated eigenvalues exactly", () => {
    expectEigenvalues(
      [
        [3, 0],
        [0, -1],
      ],
      [-1, 3],
      "the diagonal entries, ascending",
    );
    expectEigenvalues(
      [
        [2, 0],
        [0, 2],
      ],
      [2, 2],
      "a multiple of the identity: both eigenvalues are 2",
    );
    // (a + d)² − 4(ad − b²) rounds to a negative number here; ((a − d)/2)² + b² cannot.
    expectEigenvalues(
      [
        [1.1 + 2.2, 0],
        [0, 3.3],
      ],
      [3.3, 1.1 + 2.2],
      "the diagonal entries, ascending",
    );
  });

  it("accepts a matrix that is symmetric up to rounding: [[2, 0.1 + 0.2], [0.3, 1]]", () => {
    const H = [
      [2, 0.1 + 0.2],
      [0.3, 1],
    ];
    const r = Math.hypot(0.5, 0.3);
    expectEigenvalues(H, [1.5 - r, 1.5 + r], "1.5 ∓ √(0.5² + 0.3²)");
  });

  it("scales the symmetry tolerance with the largest entry: 1e-12·max(1, max|Hᵢⱼ|)", () => {
    // |H[0][1] − H[1][0]| ≈ 1e-7 ≤ 1e-12·4e6 = 4e-6: symmetric up to rounding at this scale.
    const off = 1e6 + 0.3;
    const H = [
      [4e6, off],
      [off + 1e-7, 1e6],
    ];
    const b = (H[0]![1]! + H[1]![0]!) / 2;
    const r = Math.hypot(1.5e6, b);
    expectEigenvalues(
      H,
      [2.5e6 - r, 2.5e6 + r],
      "m ∓ √(((a − d)/2)² + b²) with b the average of the off-diagonal entries",
    );
  });

  it("accepts an asymmetry exactly equal to the tolerance 1e-12·max(1, max|Hᵢⱼ|)", () => {
    // |H[0][1] − H[1][0]| = 1e-12 = 1e-12·max(1, 1): not greater than the tolerance, so H counts as symmetric.
    const H = [
      [1, 1e-12],
      [0, 1],
    ];
    expectEigenvalues(
      H,
      [1 - 5e-13, 1 + 5e-13],
      "1 ∓ b with b = (1e-12 + 0)/2, the average off-diagonal entry",
    );
  });

  it("rejects a non-symmetric or non-2×2 matrix with a RangeError", () => {
    learner.eigenvaluesSymmetric2x2.rangeError("H is not symmetric", [
      [1, 2],
      [3, 4],
    ]);
    learner.eigenvaluesSymmetric2x2.rangeError("|H[0][1] − H[1][0]| = 1e-9 > 1e-12·max(1, max|Hᵢⱼ|)", [
      [1, 1e-9],
      [0, 1],
    ]);
    learner.eigenvaluesSymmetric2x2.rangeError("H must be 2×2", [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    learner.eigenvaluesSymmetric2x2.rangeError("H has 3 rows of 2 entries", [
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    learner.eigenvaluesSymmetric2x2.rangeError("H's second row has 3 entries", [
      [1, 0],
      [0, 1, 0],
    ]);
  });
});

task("classify-critical-point", () => {
  /** Builds H with the given eigenvalues and checks the learner's label against the rule. */
  const classifyCase = (rng: Rng, values: readonly number[], tolerance?: number) => {
    const H = withSpectrum(rng, values).A;
    const { value, called } =
      tolerance === undefined
        ? learner.classifyCriticalPoint(H)
        : learner.classifyCriticalPoint(H, tolerance);
    expectKind(value, values, called, tolerance);
  };
  const randomValues = (rng: Rng, n: number, sign: number) =>
    Array.from({ length: n }, () => sign * (0.5 + 4 * rng.uniform()));

  it("reproduces the worked example: minimum at (1, 0), saddle at (−1, 0), degenerate for x⁴ + y²", () => {
    const cases: [number[][], number[]][] = [
      [
        [
          [6, 0],
          [0, 2],
        ],
        [6, 2],
      ],
      [
        [
          [-6, 0],
          [0, 2],
        ],
        [-6, 2],
      ],
      [
        [
          [0, 0],
          [0, 2],
        ],
        [0, 2],
      ],
    ];
    for (const [H, values] of cases) {
      const { value, called } = learner.classifyCriticalPoint(H);
      expectKind(value, values, called);
    }
  });

  it("calls positive definite Hessians minima and negative definite ones maxima", () => {
    const rng = suiteRng("classify definite");
    for (const n of [1, 2, 3, 5]) {
      classifyCase(rng, randomValues(rng, n, 1));
      classifyCase(rng, randomValues(rng, n, -1));
    }
  });

  it("calls Hessians with eigenvalues of both signs saddles", () => {
    const { value, called } = learner.classifyCriticalPoint([
      [1, 2],
      [2, 1],
    ]);
    expectKind(value, [-1, 3], called);
    const rng = suiteRng("classify saddle");
    for (const n of [2, 3, 4]) {
      const values = [...randomValues(rng, n - 1, 1), -(0.5 + rng.uniform())];
      classifyCase(rng, values);
      classifyCase(rng, [...randomValues(rng, n - 1, -1), 0.5 + rng.uniform()]);
    }
  });

  it("calls a saddle a saddle even when another eigenvalue is zero", () => {
    const rng = suiteRng("classify saddle with zero");
    classifyCase(rng, [-1, 0, 2]);
    classifyCase(rng, [3, 1e-12, -0.5, 2]);
  });

  it("treats eigenvalues inside the zero band as zero: degenerate", () => {
    const rng = suiteRng("classify degenerate");
    classifyCase(rng, [1, 2, 1e-12]);
    classifyCase(rng, [-3, -1e-11]);
    classifyCase(rng, [0, 0]);
    // The band scales with the largest eigenvalue: 1e-3 ≤ 1e-8 · 2e6.
    classifyCase(rng, [1e6, 2e6, 1e-3]);
  });

  it("counts an eigenvalue exactly on the band's edge, |λ| = tolerance·max(1, max|λ|), as zero", () => {
    // Diagonal H: eigSym returns its diagonal exactly, and the band is 1e-8·max(1, 1) = 1e-8.
    for (const [H, why] of [
      [
        [
          [1, 0],
          [0, 1e-8],
        ],
        "1e-8 is zero (|λ| ≤ band), so not a minimum",
      ],
      [
        [
          [-1, 0],
          [0, 1e-8],
        ],
        "1e-8 is zero, not positive (positive means λ > band), so not a saddle",
      ],
      [
        [
          [1, 0],
          [0, -1e-8],
        ],
        "−1e-8 is zero, not negative (negative means λ < −band), so not a saddle",
      ],
    ] as const) {
      const { value, called } = learner.classifyCriticalPoint(H);
      check(value === "degenerate", () => ({
        called,
        got: describeValue(value),
        expected: `"degenerate": ${why}`,
        why: "an eigenvalue counts as zero when |λ| ≤ tolerance·max(1, max|λ|), the edge included",
      }));
    }
  });

  it("uses the tolerance it is given", () => {
    const rng = suiteRng("classify tolerance");
    classifyCase(rng, [1, 1e-4], 1e-3);
    classifyCase(rng, [1, 1e-4]);
    classifyCase(rng, [-2, -1e-6], 1e-4);
  });

  it("rejects an empty or non-square matrix with a RangeError", () => {
    learner.classifyCriticalPoint.rangeError("H must be square", [
      [1, 0, 0],
      [0, 1, 0],
    ]);
    // The README: an empty H throws too (eigSym([]) returns no eigenvalues rather than throwing).
    learner.classifyCriticalPoint.rangeError("H is ragged: rows of 2 and 1 entries", [[1, 0], [0]]);
    learner.classifyCriticalPoint.rangeError("H is empty", []);
  });
});

task("convexity", () => {
  const convexCase = (A: Matrix, expected: boolean, oracle: string, why?: string) => {
    const { value, called } = learner.isConvexQuadratic(A);
    check(value === expected, () => ({
      called,
      got: describeValue(value),
      expected: `${expected} (${oracle})`,
      ...(why === undefined ? {} : { why }),
    }));
  };

  it("calls quadratics with a positive (semi)definite Hessian convex", () => {
    const rng = suiteRng("convex psd");
    convexCase(withSpectrum(rng, [0.5, 2, 4]).A, true, "eigenvalues 0.5, 2, 4");
    convexCase(
      withSpectrum(rng, [0, 1, 3]).A,
      true,
      "eigenvalues 0, 1, 3: a flat direction is still convex",
      "an eigenvalue of 0 (computed as ±1e-16 or so) is inside the zero band, so the Hessian is positive semidefinite",
    );
    convexCase(
      [
        [1, 1],
        [1, 1],
      ],
      true,
      "eigenvalues 0 and 2",
    );
  });

  it("calls quadratics with a negative eigenvalue not convex", () => {
    const rng = suiteRng("convex indefinite");
    convexCase(withSpectrum(rng, [-0.1, 2, 4]).A, false, "eigenvalues −0.1, 2, 4");
    convexCase(withSpectrum(rng, [-1, -2]).A, false, "eigenvalues −1, −2");
  });

  it("judges the symmetric part (A + Aᵀ)/2, not A", () => {
    const rng = suiteRng("convex skew");
    convexCase(
      [
        [1, 4],
        [0, 1],
      ],
      false,
      "the symmetric part [[1, 2], [2, 1]] has eigenvalues −1 and 3",
      "A's own eigenvalues (1 and 1, it is triangular) say nothing about xᵀAx; its symmetric part (A + Aᵀ)/2 is the Hessian, and that has the eigenvalue −1",
    );
    const S = withSpectrum(rng, [1, 2, 0.5]).A;
    convexCase(
      addMatrices(S, randomSkew(rng, 3)),
      true,
      "S + K with S positive definite and K skew-symmetric",
    );
  });

  it("treats eigenvalues inside the zero band 1e-8·max(1, max|λ|) as zero", () => {
    convexCase(
      [
        [3, 0],
        [0, -1e-9],
      ],
      true,
      "eigenvalues −1e-9 and 3: −1e-9 is inside the band 1e-8·3",
      "an eigenvalue inside the zero band counts as zero, so the Hessian is positive semidefinite",
    );
    convexCase(
      [
        [3, 0],
        [0, -1e-7],
      ],
      false,
      "eigenvalues −1e-7 and 3: −1e-7 is outside the band 3e-8",
    );
    convexCase(
      [
        [1e4, 0],
        [0, -1e-5],
      ],
      true,
      "eigenvalues −1e-5 and 1e4: the band grows with the largest eigenvalue, 1e-8·1e4 = 1e-4",
      "the zero band is 1e-8·max(1, max|λ|): it grows with the matrix",
    );
    convexCase(
      [
        [1, 0],
        [0, -1e-8],
      ],
      true,
      "eigenvalues −1e-8 and 1: −1e-8 is at least −1e-8·max(1, 1), the edge of the band",
      "convex when λmin ≥ −1e-8·max(1, max|λ|), the edge included",
    );
    const { value, called } = learner.conditionNumber([
      [1e4, 0],
      [0, 0.5],
    ]);
    expectClose(value, 2e4, {
      called,
      oracle: "1e4 / 0.5: 0.5 is well above the band 1e-4",
      rtol: CONDITION_RTOL,
    });
  });

  it("gives the condition number λmax/λmin of symmetric positive-definite matrices", () => {
    const rng = suiteRng("condition number");
    const cases: { H: Matrix; values: number[] }[] = [
      {
        H: [
          [4, 0],
          [0, 1],
        ],
        values: [1, 4],
      },
      {
        H: [
          [2, 0],
          [0, 2],
        ],
        values: [2, 2],
      },
    ];
    for (const values of [
      [1, 10],
      [0.5, 3, 50],
      [2, 2.5, 7, 1000],
    ])
      cases.push({ H: withSpectrum(rng, values).A, values });
    for (const { H, values } of cases) {
      const expected = Math.max(...values) / Math.min(...values);
      const { value, called } = learner.conditionNumber(H);
      expectClose(value, expected, {
        called,
        oracle: `λmax/λmin for eigenvalues ${describeValue(values)}`,
        rtol: CONDITION_RTOL,
        why: (got) =>
          isClose(got, 1 / expected, 1e-6, 0) && expected !== 1
            ? "that is λmin/λmax: the condition number is the largest eigenvalue over the smallest, so it is ≥ 1"
            : undefined,
      });
    }
  });

  it("rejects matrices that are not positive definite, empty or not square with a RangeError", () => {
    const rng = suiteRng("condition number errors");
    for (const H of [
      withSpectrum(rng, [-1, 2, 3]).A,
      withSpectrum(rng, [0, 1, 2]).A,
      [
        [1, 0],
        [0, 0],
      ],
      [
        [-2, 0],
        [0, -1],
      ],
      [
        [2, 0],
        [0, 5e-9],
      ],
      [
        [1e4, 0],
        [0, 5e-5],
      ],
      // λmin = 1e-8 exactly on the edge: not positive definite (λmin ≤ 1e-8·max(1, max|λ|)).
      [
        [1, 0],
        [0, 1e-8],
      ],
    ]) {
      learner.conditionNumber.rangeError("H is not positive definite", H);
    }
    learner.conditionNumber.rangeError("H must be square", [[1, 2, 3]]);
    learner.conditionNumber.rangeError("H is ragged: rows of 2 and 1 entries", [[1, 0], [0]]);
    learner.conditionNumber.rangeError("H is empty", []);
    learner.isConvexQuadratic.rangeError("A must be square", [[1, 2, 3]]);
    learner.isConvexQuadratic.rangeError("A is ragged: rows of 2 and 1 entries", [[1, 0], [0]]);
    learner.isConvexQuadratic.rangeError("A is empty", []);
  });
});
