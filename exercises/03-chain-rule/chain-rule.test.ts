// Visible tests: a few worked examples to try while you work (`pnpm visible 03`).
// Your grade comes from the hidden suite (`pnpm grade 03`), which checks much more than these.
import { describe, expect, it } from "vitest";
import {
  composeDerivative,
  dAdd,
  dCos,
  dDiv,
  dExp,
  derivativeAt,
  derivativeOf3xPlus1Squared,
  derivativeOfSin3x2Plus2,
  dLog,
  dMul,
  dPow,
  dSin,
  dSub,
  dual,
  neuronGradient,
} from "./chain-rule.ts";

/** Relative closeness: `toBeCloseTo` is an absolute test, wrong for large or tiny numbers. */
function expectNear(actual: number, expected: number, rtol = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(expected)));
}

describe("composeDerivative", () => {
  it("differentiates sin(x²) at x = 2 as cos(4)·4", () => {
    const d = composeDerivative(
      Math.cos,
      (x) => x * x,
      (x) => 2 * x,
    );
    expectNear(d(2), Math.cos(4) * 4);
  });

  it("evaluates the outer derivative at g(x), not at x", () => {
    // f(u) = u², g(x) = x + 1: (x + 1)² has derivative 2(x + 1), which is 8 at x = 3 (not 2·3 = 6).
    const d = composeDerivative(
      (u) => 2 * u,
      (x) => x + 1,
      () => 1,
    );
    expect(d(3)).toBe(8);
  });
});

describe("derivativeOfSin3x2Plus2", () => {
  it("gives 0 at x = 0, where the inner function 3x² + 2 is flat", () => {
    expectNear(derivativeOfSin3x2Plus2(0), 0);
  });

  it("gives 6·cos(5) at x = 1", () => {
    expectNear(derivativeOfSin3x2Plus2(1), 6 * Math.cos(5));
  });
});

describe("derivativeOf3xPlus1Squared", () => {
  it("gives 6 at x = 0: the outer slope 2·1 times the inner slope 3", () => {
    expect(derivativeOf3xPlus1Squared(0)).toBe(6);
  });

  it("gives 24 at x = 1", () => {
    expect(derivativeOf3xPlus1Squared(1)).toBe(24);
  });
});

describe("dual", () => {
  it("makes a constant by default: dual(3) has derivative 0", () => {
    expect(dual(3)).toEqual({ value: 3, deriv: 0 });
  });

  it("keeps the derivative you give it", () => {
    expect(dual(3, 1)).toEqual({ value: 3, deriv: 1 });
  });
});

describe("dAdd", () => {
  it("adds values and adds derivatives", () => {
    expect(dAdd(dual(2, 1), dual(5, 3))).toEqual({ value: 7, deriv: 4 });
  });

  it("leaves the derivative alone when adding a constant", () => {
    expect(dAdd(dual(2, 1), dual(10))).toEqual({ value: 12, deriv: 1 });
  });
});

describe("dSub", () => {
  it("subtracts values and subtracts derivatives", () => {
    expect(dSub(dual(2, 1), dual(5, 3))).toEqual({ value: -3, deriv: -2 });
  });

  it("gives x − x a zero derivative", () => {
    expect(dSub(dual(4, 1), dual(4, 1))).toEqual({ value: 0, deriv: 0 });
  });
});

describe("dMul", () => {
  it("follows the product rule: x·x at 3 has derivative 6", () => {
    expect(dMul(dual(3, 1), dual(3, 1))).toEqual({ value: 9, deriv: 6 });
  });

  it("scales the derivative when multiplying by a constant", () => {
    expect(dMul(dual(5), dual(2, 1))).toEqual({ value: 10, deriv: 5 });
  });
});

describe("dDiv", () => {
  it("follows the quotient rule: 1/x at 2 has derivative −1/4", () => {
    expect(dDiv(dual(1), dual(2, 1))).toEqual({ value: 0.5, deriv: -0.25 });
  });

  it("gives x/x a zero derivative", () => {
    expect(dDiv(dual(3, 1), dual(3, 1))).toEqual({ value: 1, deriv: 0 });
  });
});

// In the next four blocks the incoming derivative is 2: each answer is twice the local derivative.
describe("dSin", () => {
  it("has derivative cos(0)·2 = 2 at 0", () => {
    expect(dSin(dual(0, 2))).toEqual({ value: 0, deriv: 2 });
  });

  it("multiplies cos(u) by the incoming derivative", () => {
    expectNear(dSin(dual(0.5, 2)).deriv, 2 * Math.cos(0.5));
  });
});

describe("dCos", () => {
  it("has derivative −sin(π/2)·1 = −1 at π/2", () => {
    expectNear(dCos(dual(Math.PI / 2, 1)).deriv, -1);
  });

  it("multiplies −sin(u) by the incoming derivative", () => {
    expectNear(dCos(dual(0.5, 2)).deriv, -2 * Math.sin(0.5));
  });
});

describe("dExp", () => {
  it("has derivative e⁰·3 = 3 at 0 with incoming derivative 3", () => {
    expect(dExp(dual(0, 3))).toEqual({ value: 1, deriv: 3 });
  });

  it("multiplies exp(u) by the incoming derivative", () => {
    expectNear(dExp(dual(0.5, 2)).deriv, 2 * Math.exp(0.5));
  });
});

describe("dLog", () => {
  it("has derivative 1/2 at 2", () => {
    expectNear(dLog(dual(2, 1)).deriv, 0.5);
  });

  it("divides the incoming derivative by the value (not by the result log u)", () => {
    expectNear(dLog(dual(4, 2)).deriv, 2 / 4);
  });
});

describe("dPow", () => {
  it("follows the power rule: x² at 3 has derivative 6", () => {
    expect(dPow(dual(3, 1), 2)).toEqual({ value: 9, deriv: 6 });
  });

  it("works for a square root, u^0.5", () => {
    expectNear(dPow(dual(4, 2), 0.5).deriv, 2 * 0.5 * 4 ** -0.5);
  });
});

describe("derivativeAt", () => {
  it("finds the slope of x³ at 2 in one pass", () => {
    expect(derivativeAt((x) => dMul(x, dMul(x, x)), 2)).toBe(12);
  });

  it("differentiates exp(sin x) at 0 as cos(0)·exp(sin 0) = 1", () => {
    expectNear(
      derivativeAt((x) => dExp(dSin(x)), 0),
      1,
    );
  });

  it("treats numbers made with dual(c) as constants: 3x + 1 has slope 3", () => {
    expect(derivativeAt((x) => dAdd(dMul(dual(3), x), dual(1)), 5)).toBe(3);
  });
});

describe("neuronGradient", () => {
  it("works the README example: x = 2, w = 0, b = 0, target = 1", () => {
    const g = neuronGradient(2, 0, 0, 1);
    expectNear(g.loss, 0.25);
    expectNear(g.dLossDw, -0.5);
    expectNear(g.dLossDb, -0.25);
  });

  it("has zero gradient when the neuron already hits its target", () => {
    // σ(0) = 0.5, so with target 0.5 the error, and so the whole gradient, is zero.
    const g = neuronGradient(3, 0, 0, 0.5);
    expect(g.loss).toBe(0);
    expect(g.dLossDw).toBe(0);
    expect(g.dLossDb).toBe(0);
  });
});
