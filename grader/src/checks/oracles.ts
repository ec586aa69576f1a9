/**
 * Linear algebra the hidden suites compute their oracles with, written once. Deliberately plain (no
 * `@calcml/math`): an oracle must not share code with what a lesson asks the learner to write.
 */
import type { Rng } from "@calcml/math";

type Vector = readonly number[];
type Matrix = readonly Vector[];

export const dot = (a: Vector, b: Vector): number => a.reduce((s, ai, i) => s + ai * b[i]!, 0);
export const norm = (v: Vector): number => Math.sqrt(dot(v, v));
export const maxAbs = (v: Vector): number => Math.max(0, ...v.map(Math.abs));
export const transpose = (A: Matrix): number[][] => (A[0] ?? []).map((_, j) => A.map((row) => row[j]!));
export const matvec = (A: Matrix, v: Vector): number[] => A.map((row) => dot(row, v));
export const matmul = (A: Matrix, B: Matrix): number[][] =>
  transpose(transpose(B).map((col) => matvec(A, col)));
export const identity = (n: number): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** A random orthogonal matrix: a product of three Householder reflections I − 2vvᵀ/vᵀv. */
export function randomOrthogonal(rng: Rng, n: number): number[][] {
  let Q = identity(n);
  for (let k = 0; k < 3; k++) {
    const v = rng.normalVector(n);
    const vv = dot(v, v);
    Q = Q.map((row) => {
      const rv = dot(row, v);
      return row.map((q, j) => q - (2 * rv * v[j]!) / vv);
    });
  }
  return Q;
}

/**
 * A random symmetric matrix Q·diag(λ)·Qᵀ whose eigenvalues are `eigenvalues` (up to rounding), made
 * exactly symmetric; positive definite when every λ > 0. Returns Q too (its columns are the eigenvectors).
 */
export function withSpectrum(rng: Rng, eigenvalues: Vector): { A: number[][]; Q: number[][] } {
  const Q = randomOrthogonal(rng, eigenvalues.length);
  const A = Q.map((qi) => Q.map((qj) => qi.reduce((s, qik, k) => s + qik * eigenvalues[k]! * qj[k]!, 0)));
  return { A: A.map((row, i) => row.map((aij, j) => (aij + A[j]![i]!) / 2)), Q };
}

/** A random symmetric positive-definite matrix MᵀM + I (condition number in the tens for small n). */
export function randomSpd(rng: Rng, n: number): number[][] {
  const M = Array.from({ length: n }, () => rng.normalVector(n, 1));
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => M.reduce((s, row) => s + row[i]! * row[j]!, 0) + (i === j ? 1 : 0)),
  );
}
