// Visible tests: worked examples to try while you work (`pnpm visible 08`).
// Your grade comes from the hidden suite (`pnpm grade 08`), which checks much more than these:
// random batches, gradients by finite differences, logits of ±1000, and bad input.
import { describe, expect, it } from "vitest";
import {
  binaryCrossEntropyWithLogits,
  binaryCrossEntropyWithLogitsGradient,
  huber,
  huberGradient,
  logSumExp,
  mae,
  maeGradient,
  mse,
  mseGradient,
  sigmoid,
  softmaxCrossEntropy,
  softmaxCrossEntropyGradient,
} from "./loss-functions.ts";

describe("mse", () => {
  it("averages the squared residuals: (0 + 4 + 9) / 3", () => {
    expect(mse([1, 2, 3], [1, 0, 0])).toBeCloseTo(13 / 3, 12);
  });

  it("is 0 for a perfect prediction", () => {
    expect(mse([0.5, -2], [0.5, -2])).toBe(0);
  });

  it("refuses batches of different lengths", () => {
    expect(() => mse([1, 2], [1])).toThrow(RangeError);
  });
});

describe("mseGradient", () => {
  it("is 2·residual / n", () => {
    const g = mseGradient([1, 2, 3], [1, 0, 0]);
    expect(g).toHaveLength(3);
    [0, 4 / 3, 2].forEach((want, i) => {
      expect(g[i]).toBeCloseTo(want, 12);
    });
  });
});

describe("mae", () => {
  it("averages the absolute residuals: (0 + 2 + 3) / 3", () => {
    expect(mae([1, 2, 3], [1, 0, 0])).toBeCloseTo(5 / 3, 12);
  });
});

describe("maeGradient", () => {
  it("is sign(residual) / n, and 0 at a tie", () => {
    expect(maeGradient([1, 2, -3], [1, 0, 0])).toEqual([0, 1 / 3, -1 / 3]);
  });
});

describe("huber", () => {
  it("is ½r² for a small residual and δ(|r| − δ/2) for a large one", () => {
    // (½·0.5² + 1·(3 − 0.5)) / 2 = (0.125 + 2.5) / 2
    expect(huber([0.5, 3], [0, 0])).toBeCloseTo(1.3125, 12);
  });

  it("scales the linear part by delta", () => {
    // δ = 2: residual 5 is past δ, so 2·(5 − 1) = 8
    expect(huber([5], [0], 2)).toBeCloseTo(8, 12);
  });
});

describe("huberGradient", () => {
  it("is the residual clipped to [−δ, δ], over n", () => {
    const g = huberGradient([0.5, 3, -7], [0, 0, 0], 2);
    [0.5 / 3, 2 / 3, -2 / 3].forEach((want, i) => {
      expect(g[i]).toBeCloseTo(want, 12);
    });
  });
});

describe("sigmoid", () => {
  it("is ½ at 0", () => {
    expect(sigmoid(0)).toBe(0.5);
  });

  it("is symmetric: σ(−z) = 1 − σ(z)", () => {
    expect(sigmoid(-2)).toBeCloseTo(1 - sigmoid(2), 15);
  });

  it("gives 1 and 0, not NaN, far out", () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBeCloseTo(0, 15);
  });
});

describe("binaryCrossEntropyWithLogits", () => {
  it("costs log 2 for a logit of 0", () => {
    expect(binaryCrossEntropyWithLogits([0], [1])).toBeCloseTo(Math.LN2, 12);
  });

  it("stays finite at logits of ±1000", () => {
    // a confident right answer costs ≈ 0; a confident wrong one costs ≈ 1000
    expect(binaryCrossEntropyWithLogits([1000, -1000], [1, 1])).toBeCloseTo(500, 9);
  });
});

describe("binaryCrossEntropyWithLogitsGradient", () => {
  it("is (σ(z) − y) / n", () => {
    expect(binaryCrossEntropyWithLogitsGradient([0, 0], [1, 0])).toEqual([-0.25, 0.25]);
  });
});

describe("logSumExp", () => {
  it("is log 2 for two zeros", () => {
    expect(logSumExp([0, 0])).toBeCloseTo(Math.LN2, 12);
  });

  it("does not overflow at 1000", () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 9);
  });
});

describe("softmaxCrossEntropy", () => {
  it("costs log 3 when three classes are equally likely", () => {
    expect(softmaxCrossEntropy([2, 2, 2], 0)).toBeCloseTo(Math.log(3), 12);
  });

  it("stays finite when the true class has a very low logit", () => {
    expect(softmaxCrossEntropy([1000, 0], 1)).toBeCloseTo(1000, 9);
  });
});

describe("softmaxCrossEntropyGradient", () => {
  it("is softmax(z) minus the one-hot label", () => {
    expect(softmaxCrossEntropyGradient([0, 0], 1)).toEqual([0.5, -0.5]);
  });
});
