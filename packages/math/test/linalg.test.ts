import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertSymmetric,
  cholesky,
  createRng,
  eigSym,
  isPositiveDefinite,
  luDecompose,
  type Matrix,
  matmul,
  matvec,
  solve,
  transpose,
} from "../src/index.ts";
import { expectRelClose, frozen } from "./helpers.ts";

/** Eigen tolerance of docs/numerics.md: 1e-10 · max(1, ‖A‖_F). */
const EIG_TOL = 1e-10;
const frob = (A: Matrix) => Math.sqrt(A.flat().reduce((s, v) => s + v * v, 0));

/** Random well-conditioned matrix: diagonally dominant, condition number ≤ ~10. */
const wellConditioned = (seed: number, n: number): number[][] => {
  const r = createRng(seed);
  return Array.from({ length: n }, (_, i) =>
    r.uniformVector(n, -1, 1).map((v, j) => (i === j ? v + 2 * n : v)),
  );
};
/** Random symmetric matrix with entries in [-s, s]. */
const randomSymmetric = (seed: number, n: number, s = 1): number[][] => {
  const r = createRng(seed);
  const B = Array.from({ length: n }, () => r.uniformVector(n, -s, s));
  return B.map((row, i) => row.map((_, j) => B[Math.min(i, j)]![Math.max(i, j)] as number));
};

describe("luDecompose", () => {
  it("factors P·A = L·U with a pivot swap", () => {
    const A = frozen([
      [0, 1],
      [2, 3],
    ]);
    const { L, U, perm, sign } = luDecompose(A);
    expect(perm).toEqual([1, 0]);
    expect(sign).toBe(-1);
    expect(matmul(L, U)).toEqual(perm.map((p) => A[p]));
  });
  it("reproduces P·A for random matrices (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 8 }), (seed, n) => {
        const A = wellConditioned(seed, n);
        const { L, U, perm } = luDecompose(A);
        expectRelClose(
          matmul(L, U),
          perm.map((p) => A[p]!),
          1e-12 * n,
        );
      }),
    );
  });
});

describe("solve", () => {
  it("solves a small system (oracle: hand computation)", () => {
    expectRelClose(
      solve(
        [
          [2, 1],
          [1, 3],
        ],
        [3, 5],
      ),
      [0.8, 1.4],
      1e-15,
    );
  });
  it("recovers x from A·x on well-conditioned random A (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 12 }), (seed, n) => {
        const A = wellConditioned(seed, n);
        const x = createRng(seed + 1).normalVector(n, 3);
        // forward error ≤ cond(A)·n·ε ≈ 10·12·2e-16; 1e-12 leaves a wide margin
        expectRelClose(solve(A, matvec(A, x)), x, 1e-12);
      }),
    );
  });
  it("throws on a singular matrix", () => {
    expect(() =>
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toThrow(/^solve: matrix is singular/);
    expect(() =>
      solve(
        [
          [0.1, 0.3],
          [0.2, 0.6],
        ],
        [1, 2],
      ),
    ).toThrow(/^solve: matrix is singular/);
    expect(() =>
      solve(
        [
          [0, 0],
          [0, 0],
        ],
        [0, 0],
      ),
    ).toThrow(/^solve: matrix is singular/);
  });
  it("names the shapes on a mismatch", () => {
    expect(() => solve([[1, 2, 3]], [1])).toThrow("solve: matrix must be square (1×3)");
    expect(() =>
      solve(
        [
          [1, 0],
          [0, 1],
        ],
        [1],
      ),
    ).toThrow("solve: matrix is 2×2 but b has length 1");
  });
});

describe("cholesky", () => {
  it("returns lower L with L·Lᵀ = A", () => {
    const A = frozen([
      [4, 2],
      [2, 3],
    ]);
    const L = cholesky(A);
    expect(L[0]![1]).toBe(0);
    expectRelClose(matmul(L, transpose(L)), A, 1e-15);
  });
  it("reproduces random SPD matrices (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 10 }), (seed, n) => {
        const B = wellConditioned(seed, n);
        const A = matmul(B, transpose(B));
        const L = cholesky(A);
        expectRelClose(matmul(L, transpose(L)), A, 1e-12 * frob(A));
      }),
    );
  });
  it("throws when the matrix is not positive definite or not symmetric", () => {
    expect(() =>
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/^cholesky: matrix is not positive definite \(pivot 1/);
    expect(() =>
      cholesky([
        [1, 2],
        [0, 1],
      ]),
    ).toThrow(/^cholesky: matrix is not symmetric/);
  });
});

describe("isPositiveDefinite", () => {
  it("classifies with a zero band", () => {
    expect(
      isPositiveDefinite([
        [2, 1],
        [1, 2],
      ]),
    ).toBe(true);
    expect(
      isPositiveDefinite([
        [1, 1],
        [1, 1],
      ]),
    ).toBe(false);
    expect(
      isPositiveDefinite([
        [1, 0],
        [0, 1e-12],
      ]),
    ).toBe(false); // λ = 1e-12 counts as zero
    expect(
      isPositiveDefinite([
        [1, 0],
        [0, -1],
      ]),
    ).toBe(false);
  });
});

describe("assertSymmetric", () => {
  it("accepts rounding-level asymmetry and rejects more", () => {
    expect(
      assertSymmetric([
        [1, 2 + 1e-13],
        [2, 1],
      ]),
    ).toBe(2);
    expect(() =>
      assertSymmetric(
        [
          [1, 2.001],
          [2, 1],
        ],
        "eigSym",
      ),
    ).toThrow(/^eigSym: matrix is not symmetric/);
    expect(() =>
      assertSymmetric([
        [1, Number.NaN],
        [Number.NaN, 1],
      ]),
    ).toThrow(/non-finite/);
  });
});

describe("eigSym", () => {
  it("finds ascending eigenvalues of a 2×2 (oracle: closed form 1 and 3)", () => {
    const { values, vectors } = eigSym(
      frozen([
        [2, 1],
        [1, 2],
      ]),
    );
    expectRelClose(values, [1, 3], 1e-15);
    expectRelClose(vectors[1]!, [Math.SQRT1_2, Math.SQRT1_2], 1e-15);
  });

  it("meets the residual, orthogonality and ordering bounds of docs/numerics.md (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(1, 100),
        (seed, n, s) => {
          const A = randomSymmetric(seed, n, s);
          const { values, vectors } = eigSym(A);
          const tol = EIG_TOL * Math.max(1, frob(A));
          const V = transpose(vectors);
          const AV = matmul(A, V);
          const residual = Math.sqrt(
            AV.flat().reduce((acc, v, idx) => acc + (v - V.flat()[idx]! * values[idx % n]!) ** 2, 0),
          );
          expect(residual).toBeLessThanOrEqual(tol);
          const VtV = matmul(vectors, V);
          VtV.forEach((row, i) => {
            row.forEach((v, j) => {
              expect(Math.abs(v - (i === j ? 1 : 0))).toBeLessThanOrEqual(1e-10);
            });
          });
          for (let k = 1; k < n; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
          // trace is the sum of the eigenvalues
          const trace = A.reduce((t, row, i) => t + row[i]!, 0);
          expect(Math.abs(values.reduce((a, b) => a + b, 0) - trace)).toBeLessThanOrEqual(tol * n);
        },
      ),
    );
  });

  it("handles repeated eigenvalues and diagonal input", () => {
    const { values, vectors } = eigSym([
      [3, 0, 0],
      [0, 1, 0],
      [0, 0, 3],
    ]);
    expect(values).toEqual([1, 3, 3]);
    expect(vectors[0]).toEqual([0, 1, 0]);
    expect(eigSym([[5]])).toEqual({ values: [5], vectors: [[1]] });
    expect(eigSym([])).toEqual({ values: [], vectors: [] });
  });

  it("rejects a non-symmetric matrix", () => {
    expect(() =>
      eigSym([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(/^eigSym: matrix is not symmetric/);
  });
});
