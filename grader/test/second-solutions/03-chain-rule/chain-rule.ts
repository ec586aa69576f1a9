/**
 * Second solution of lesson 03, written from the README and the stub only: it must earn full marks.
 */
import type { ScalarFn } from "@calcml/math";

/** x ↦ f'(g(x))·g'(x). */
export function composeDerivative(
  outerDerivative: ScalarFn,
  inner: ScalarFn,
  innerDerivative: ScalarFn,
): ScalarFn {
  return function composed(x: number): number {
    const u = inner(x);
    return innerDerivative(x) * outerDerivative(u);
  };
}

/** d/dx sin(3x² + 2) = 6x·cos(3x² + 2). */
export function derivativeOfSin3x2Plus2(x: number): number {
  return 6 * x * Math.cos(3 * x ** 2 + 2);
}

/** d/dx (3x + 1)² = 18x + 6. */
export function derivativeOf3xPlus1Squared(x: number): number {
  return 18 * x + 6;
}

export type Dual = { readonly value: number; readonly deriv: number };

export function dual(value: number, deriv = 0): Dual {
  return Object.freeze({ value, deriv });
}

export function dAdd(a: Dual, b: Dual): Dual {
  return dual(a.value + b.value, a.deriv + b.deriv);
}

export function dSub(a: Dual, b: Dual): Dual {
  return dAdd(a, dual(-b.value, -b.deriv));
}

export function dMul(a: Dual, b: Dual): Dual {
  return dual(a.value * b.value, a.value * b.deriv + b.value * a.deriv);
}

export function dDiv(a: Dual, b: Dual): Dual {
  const q = a.value / b.value;
  return dual(q, (a.deriv - q * b.deriv) / b.value);
}

/** A unary operation: value g(u), tangent g'(u)·u'. */
function unary(a: Dual, g: (u: number) => number, dg: (u: number) => number): Dual {
  return dual(g(a.value), dg(a.value) * a.deriv);
}

export function dSin(a: Dual): Dual {
  return unary(a, Math.sin, Math.cos);
}

export function dCos(a: Dual): Dual {
  return unary(a, Math.cos, (u) => -Math.sin(u));
}

export function dExp(a: Dual): Dual {
  return unary(a, Math.exp, Math.exp);
}

export function dLog(a: Dual): Dual {
  return unary(a, Math.log, (u) => 1 / u);
}

export function dPow(a: Dual, p: number): Dual {
  return unary(
    a,
    (u) => u ** p,
    (u) => p * u ** (p - 1),
  );
}

export function derivativeAt(f: (x: Dual) => Dual, x: number): number {
  const out = f(dual(x, 1));
  return out.deriv;
}

/** loss = (σ(wx + b) − target)² and its slopes in w and b. */
export function neuronGradient(
  x: number,
  w: number,
  b: number,
  target: number,
): { loss: number; dLossDw: number; dLossDb: number } {
  const z = w * x + b;
  const e = Math.exp(-z);
  const a = 1 / (1 + e);
  const sigmaPrime = e / ((1 + e) * (1 + e));
  const error = a - target;
  const dLossDb = 2 * error * sigmaPrime;
  return { loss: error * error, dLossDw: dLossDb * x, dLossDb };
}
