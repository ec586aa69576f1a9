import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identity, matmul, matvec, outer, shapeOf, transpose, zerosMatrix } from "../src/index.ts";
import { expectRelClose, frozen } from "./helpers.ts";

const entry = fc.double({ min: -100, max: 100, noNaN: true });
const matrixArb = (m: number, n: number) =>
  fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: m, maxLength: m });

describe("shapeOf", () => {
  it("returns [rows, cols]", () => {
    expect(
      shapeOf([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual([2, 3]);
    expect(shapeOf([])).toEqual([0, 0]);
  });
  it("rejects ragged rows", () => expect(() => shapeOf([[1, 2], [3]])).toThrow(/row 1 has 1/));
});

describe("identity", () => {
  it("has ones on the diagonal", () =>
    expect(identity(2)).toEqual([
      [1, 0],
      [0, 1],
    ]));
  it("rejects a negative size", () => expect(() => identity(-1)).toThrow(RangeError));
});

describe("zerosMatrix", () => {
  it("has fresh rows", () => {
    const Z = zerosMatrix(2, 3);
    expect(Z).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    Z[0]![0] = 1;
    expect(Z[1]![0]).toBe(0);
  });
});

describe("transpose", () => {
  it("swaps rows and columns", () => expect(transpose(frozen([[1, 2, 3]]))).toEqual([[1], [2], [3]]));
  it("is an involution (property)", () => {
    fc.assert(
      fc.property(matrixArb(3, 4), (A) => {
        expect(transpose(transpose(A))).toEqual(A);
      }),
    );
  });
});

describe("outer", () => {
  it("builds a·bᵀ", () =>
    expect(outer([1, 2], [3, 4, 5])).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]));
});

describe("matvec", () => {
  it("multiplies a matrix by a vector", () =>
    expect(
      matvec(
        frozen([
          [1, 2],
          [3, 4],
        ]),
        frozen([1, 1]),
      ),
    ).toEqual([3, 7]));
  it("names both shapes on a mismatch", () => {
    expect(() =>
      matvec(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [1, 2],
      ),
    ).toThrow("matvec: matrix is 2×3 but the vector has length 2");
  });
});

describe("matmul", () => {
  it("multiplies matrices", () => {
    expect(
      matmul(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [0, 1],
          [1, 0],
        ],
      ),
    ).toEqual([
      [2, 1],
      [4, 3],
    ]);
  });
  it("names both shapes when they do not align", () => {
    expect(() => matmul([[1, 2, 3]], [[1, 2]])).toThrow("matmul: shapes do not align (1×3 times 1×2)");
  });
  it("agrees with matvec column by column and satisfies (AB)ᵀ = BᵀAᵀ (property)", () => {
    fc.assert(
      fc.property(matrixArb(3, 4), matrixArb(4, 2), (A, B) => {
        const AB = matmul(A, B);
        // same sums in the same order: exact equality is the oracle
        expect(transpose(AB)).toEqual(transpose(B).map((col) => matvec(A, col)));
        expectRelClose(transpose(AB), matmul(transpose(B), transpose(A)), 1e-9);
      }),
    );
  });
  it("leaves the identity neutral", () => {
    const A = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    expect(matmul(identity(3), A)).toEqual(A);
    expect(matmul(A, identity(2))).toEqual(A);
  });
});
