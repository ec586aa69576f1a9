/**
 * Second solution of lesson 06, written from the README and the stub only: it must earn full marks.
 * The numerical Hessian takes central differences of a numerical gradient (the README allows it) and
 * averages the result with its transpose; Rosenbrock is written in expanded form.
 */
import { eigSym, type Matrix, numericalGradient, type ScalarField, type Vector } from "@calcml/math";

export const ZERO_BAND = 1e-8;

export function numericalHessian(f: ScalarField, x: Vector, h = 1e-4): number[][] {
  const n = x.length;
  if (n === 0) throw new RangeError("numericalHessian: x is empty");
  // Column j: (∇f(x + sⱼeⱼ) − ∇f(x − sⱼeⱼ)) / 2sⱼ, with ∇f itself by central differences.
  const columns: number[][] = [];
  for (let j = 0; j < n; j++) {
    const s = h * Math.max(1, Math.abs(x[j]!));
    const up = x.slice();
    const down = x.slice();
    up[j] = x[j]! + s;
    down[j] = x[j]! - s;
    const gUp = numericalGradient(f, up, h);
    const gDown = numericalGradient(f, down, h);
    columns.push(gUp.map((g, i) => (g - gDown[i]!) / (2 * s)));
  }
  const H: number[][] = [];
  for (let i = 0; i < n; i++) {
    H.push([]);
    for (let j = 0; j < n; j++) H[i]!.push(i === j ? columns[j]![i]! : 0);
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const v = (columns[j]![i]! + columns[i]![j]!) / 2;
      H[i]![j] = v;
      H[j]![i] = v;
    }
  return H;
}

/** A RangeError naming `name` unless M is a non-empty square matrix. */
function requireSquare(name: string, M: Matrix): void {
  if (M.length === 0) throw new RangeError(`${name}: the matrix is empty`);
  if (M.some((row) => row.length !== M.length)) throw new RangeError(`${name}: the matrix is not square`);
}

export function quadraticHessian(A: Matrix): number[][] {
  requireSquare("quadraticHessian", A);
  return A.map((row, i) => row.map((aij, j) => 0.5 * aij + 0.5 * A[j]![i]!));
}

function point(name: string, p: Vector): [number, number] {
  if (p.length !== 2) throw new RangeError(`${name}: p must be [x, y] (got ${p.length} entries)`);
  return [p[0]!, p[1]!];
}

export function rosenbrock(p: Vector): number {
  const [x, y] = point("rosenbrock", p);
  const a = 1 - x;
  const b = y - x * x;
  return a * a + 100 * b * b;
}

export function rosenbrockGradient(p: Vector): number[] {
  const [x, y] = point("rosenbrockGradient", p);
  const b = y - x * x;
  return [2 * x - 2 - 400 * x * b, 200 * b];
}

export function rosenbrockHessian(p: Vector): number[][] {
  const [x, y] = point("rosenbrockHessian", p);
  const cross = -400 * x;
  return [
    [2 - 400 * (y - x * x) + 800 * x * x, cross],
    [cross, 200],
  ];
}

export function eigenvaluesSymmetric2x2(H: Matrix): [number, number] {
  if (H.length !== 2 || H[0]!.length !== 2 || H[1]!.length !== 2)
    throw new RangeError("eigenvaluesSymmetric2x2: H must be 2×2");
  const [[a, b1], [b2, d]] = H as [[number, number], [number, number]];
  const biggest = Math.max(Math.abs(a), Math.abs(b1), Math.abs(b2), Math.abs(d));
  if (Math.abs(b1 - b2) > 1e-12 * Math.max(1, biggest))
    throw new RangeError("eigenvaluesSymmetric2x2: H is not symmetric");
  const b = (b1 + b2) / 2;
  const m = (a + d) / 2;
  const r = Math.hypot((a - d) / 2, b);
  return [m - r, m + r];
}

export function classifyCriticalPoint(
  H: Matrix,
  tolerance = 1e-8,
): "minimum" | "maximum" | "saddle" | "degenerate" {
  requireSquare("classifyCriticalPoint", H);
  const values = eigSym(H).values;
  let largest = 1;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  const band = tolerance * largest;
  let up = 0;
  let down = 0;
  let flat = 0;
  for (const v of values) {
    if (v > band) up++;
    else if (v < -band) down++;
    else flat++;
  }
  if (up > 0 && down > 0) return "saddle";
  if (flat > 0) return "degenerate";
  return up > 0 ? "minimum" : "maximum";
}

export function isConvexQuadratic(A: Matrix): boolean {
  requireSquare("isConvexQuadratic", A);
  const S = A.map((row, i) => row.map((aij, j) => (aij + A[j]![i]!) / 2));
  const values = eigSym(S).values;
  const largest = Math.max(1, ...values.map(Math.abs));
  return Math.min(...values) >= -ZERO_BAND * largest;
}

export function conditionNumber(H: Matrix): number {
  requireSquare("conditionNumber", H);
  const values = eigSym(H).values;
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (low <= ZERO_BAND * Math.max(1, Math.abs(low), Math.abs(high)))
    throw new RangeError(`conditionNumber: H is not positive definite (smallest eigenvalue ${low})`);
  return high / low;
}
