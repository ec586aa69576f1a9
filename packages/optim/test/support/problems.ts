/**
 * Test problems, written out here so the tests do not depend on the code under test.
 *
 * QUADRATIC: `f(x) = ½xᵀAx − bᵀx` with `A = R·diag(1, 4, 10)·Rᵀ`, `R = ⅓[[1,2,2],[2,1,−2],[2,−2,1]]`
 * (orthogonal), so A is symmetric positive definite with condition number exactly 10 (the
 * golden-trajectory problem of docs/numerics.md). Its minimiser solves `Ax = b`.
 */
type V = readonly number[];

const A: number[][] = [
  [57 / 9, -30 / 9, 6 / 9],
  [-30 / 9, 48 / 9, -24 / 9],
  [6 / 9, -24 / 9, 30 / 9],
];
const b = [1, -2, 3];

const matvec = (M: readonly V[], x: V): number[] => M.map((row) => row.reduce((s, m, j) => s + m * x[j]!, 0));

/** The golden-trajectory quadratic `½xᵀAx − bᵀx` (condition number 10). */
export const quadratic = {
  A,
  b,
  x0: [1.5, -0.5, 2] as V,
  f: (x: V) =>
    0.5 * matvec(A, x).reduce((s, ax, i) => s + ax * x[i]!, 0) - b.reduce((s, bi, i) => s + bi * x[i]!, 0),
  grad: (x: V) => matvec(A, x).map((ax, i) => ax - b[i]!),
  hessian: (_x: V) => A,
  /** `A⁻¹b`, by Cramer's rule (independent of any solver). */
  minimizer: cramer(A, b),
};

/** Rosenbrock's banana `(1 − x)² + 100(y − x²)²`, minimum 0 at (1, 1); the classic start is (−1.2, 1). */
export const rosenbrock = {
  x0: [-1.2, 1] as V,
  minimizer: [1, 1] as V,
  f: (v: V) => (1 - v[0]!) ** 2 + 100 * (v[1]! - v[0]! ** 2) ** 2,
  grad: (v: V) => {
    const [x, y] = [v[0]!, v[1]!];
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
  },
  hessian: (v: V) => {
    const [x, y] = [v[0]!, v[1]!];
    return [
      [2 - 400 * (y - 3 * x * x), -400 * x],
      [-400 * x, 200],
    ];
  },
};

/** The bowl `½‖x‖²`, minimum 0 at the origin (also the fixed point of decoupled weight decay). */
export const bowl = {
  x0: [2, -3, 1, 0.5] as V,
  f: (x: V) => 0.5 * x.reduce((s, xi) => s + xi * xi, 0),
  grad: (x: V) => x.slice(),
};

/** Solve a 3×3 system by Cramer's rule. */
function cramer(M: number[][], rhs: number[]): number[] {
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(M);
  return [0, 1, 2].map((k) => det(M.map((row, i) => row.map((m, j) => (j === k ? rhs[i]! : m)))) / d);
}
