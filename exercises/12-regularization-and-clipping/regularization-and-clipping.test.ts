// Visible tests: a few worked examples to try while you work (`pnpm visible 12`).
// Your grade comes from the hidden suite (`pnpm grade 12`), which checks much more than these.
import { describe, expect, it } from "vitest";
import {
  clipByGlobalNorm,
  clipByValue,
  elasticNet,
  elasticNetGradient,
  l1Penalty,
  l1Subgradient,
  l2Gradient,
  l2Penalty,
  softThreshold,
} from "./regularization-and-clipping.ts";

const w = [3, -4, 0.5];

/** Relative closeness, so the check means the same for large and small numbers. */
function expectClose(actual: number, expected: number, rtol = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(expected)));
}

describe("l2Penalty and l2Gradient", () => {
  it("gives ½·0.1·25.25 = 1.2625 for w = [3, −4, 0.5], λ = 0.1", () => {
    expectClose(l2Penalty(w, 0.1), 1.2625);
  });

  it("gives the gradient λ·w", () => {
    const want = [0.3, -0.4, 0.05];
    l2Gradient(w, 0.1).forEach((g, i) => {
      expectClose(g, want[i]!);
    });
  });
});

describe("l1Penalty and l1Subgradient", () => {
  it("gives 0.1·7.5 = 0.75 for w = [3, −4, 0.5], λ = 0.1", () => {
    expectClose(l1Penalty(w, 0.1), 0.75);
  });

  it("gives λ·sign(w), with 0 at 0", () => {
    expect(l1Subgradient([3, 0, -4], 0.1)).toEqual([0.1, 0, -0.1]);
  });
});

describe("elasticNet and elasticNetGradient", () => {
  it("adds the two penalties: 0.75 + 2.525 = 3.275", () => {
    expectClose(elasticNet(w, 0.1, 0.2), 3.275);
  });

  it("adds the two gradients: [0.7, −0.9, 0.2]", () => {
    const want = [0.7, -0.9, 0.2];
    elasticNetGradient(w, 0.1, 0.2).forEach((g, i) => {
      expectClose(g, want[i]!);
    });
  });
});

describe("softThreshold", () => {
  it("shrinks by t and stops at exactly 0", () => {
    expect(softThreshold(w, 1)).toEqual([2, -3, 0]);
  });

  it("refuses a negative threshold", () => {
    expect(() => softThreshold(w, -1)).toThrow(RangeError);
  });
});

describe("clipByValue", () => {
  it("clamps each entry into [−1, 1]", () => {
    expect(clipByValue([0.5, -3, 2], 1)).toEqual([0.5, -1, 1]);
  });
});

describe("clipByGlobalNorm", () => {
  it("scales [3] and [4] (global norm 5) down to norm 4, keeping the direction", () => {
    const { clipped, norm } = clipByGlobalNorm([[3], [4]], 4);
    expect(norm).toBe(5);
    expectClose(clipped[0]![0]!, 2.4);
    expectClose(clipped[1]![0]!, 3.2);
  });

  it("leaves a gradient below the limit unchanged", () => {
    expect(clipByGlobalNorm([[3], [4]], 10)).toEqual({ clipped: [[3], [4]], norm: 5 });
  });
});
