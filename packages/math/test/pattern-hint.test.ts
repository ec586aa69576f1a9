import { describe, expect, it } from "vitest";
import { patternHint } from "../src/index.ts";

const n = [1.5, -2, 0.7, 3];
const all = [0, 1, 2, 3];

describe("patternHint", () => {
  it("recognises a sign error (a/n ≈ −1)", () => {
    expect(
      patternHint(
        n.map((v) => -v),
        n,
        all,
      ),
    ).toMatch(/^sign error/);
  });
  it("recognises mean vs sum when the ratio is the batch size or its inverse", () => {
    expect(
      patternHint(
        n.map((v) => 32 * v),
        n,
        all,
        { batchSize: 32 },
      ),
    ).toMatch(/^mean vs sum.*32×/);
    expect(
      patternHint(
        n.map((v) => v / 32),
        n,
        all,
        { batchSize: 32 },
      ),
    ).toMatch(/^mean vs sum.*1\/32/);
  });
  it("recognises a missing or extra ½ (ratio 2 or ½)", () => {
    expect(
      patternHint(
        n.map((v) => 2 * v),
        n,
        all,
      ),
    ).toMatch(/^a missing ½/);
    expect(
      patternHint(
        n.map((v) => v / 2),
        n,
        all,
      ),
    ).toMatch(/^an extra ½/);
  });
  it("recognises a missing regularisation term (a − n ∝ x)", () => {
    const x = [0.3, -1.2, 2, 0.5];
    const lambda = 0.1;
    expect(
      patternHint(
        n.map((v, i) => v - 2 * lambda * x[i]!),
        n,
        all,
        { point: x },
      ),
    ).toMatch(/^regularisation.*-0\.2·x/);
  });
  it("recognises a missing term (a ≈ 0 where n ≠ 0)", () => {
    expect(patternHint([0, 0, 0.7, 3], n, [0, 1])).toMatch(/^term or path missing/);
  });
  it("recognises a transposed gradient, square or not", () => {
    const N = [1, 2, 3, 4, 5, 6, 7, 8, 9]; // 3×3
    const T = [1, 4, 7, 2, 5, 8, 3, 6, 9];
    expect(patternHint(T, N, [1, 2, 3, 5, 6, 7], { shape: [3, 3] })).toMatch(/^transposed/);
    const N23 = [1, 2, 3, 4, 5, 6]; // 2×3, transposed read as 3×2 then flattened
    const T32 = [1, 4, 2, 5, 3, 6];
    expect(patternHint(T32, N23, [1, 2, 3, 4], { shape: [2, 3] })).toMatch(/^transposed/);
  });
  it("recognises ratios in (0, 1): activation derivative at the wrong place", () => {
    expect(patternHint([1.5 * 0.8, -2 * 0.3, 0.7 * 0.6, 3 * 0.1], n, all)).toMatch(/activation/);
  });
  it("names any other common factor", () => {
    expect(
      patternHint(
        n.map((v) => 7 * v),
        n,
        all,
      ),
    ).toMatch(/same factor ≈ 7/);
  });
  it("returns undefined when nothing fits", () => {
    expect(patternHint([1, 5, -2, 0.1], n, all)).toBeUndefined();
    expect(patternHint([], [], [])).toBeUndefined();
  });
  it("ignores unchecked (NaN) numeric entries", () => {
    expect(patternHint([-1, 9, -3], [1, Number.NaN, 3], [0, 2])).toMatch(/^sign error/);
  });
});
