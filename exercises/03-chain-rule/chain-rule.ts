/**
 * Lesson 03: the chain rule, and forward-mode differentiation with dual numbers.
 *
 * Fill in each function, then run `pnpm grade 03`. Stuck? `pnpm hint 03 3` prints the hints for task 3.
 */
import type { ScalarFn } from "@calcml/math";

/**
 * Task 1. The derivative of a composition `f(g(x))` by the chain rule:
 * `(f ∘ g)'(x) = f'(g(x)) · g'(x)`. Returns a new function; it does not evaluate anything yet.
 *
 * @param outerDerivative `f'`, the derivative of the outer function.
 * @param inner `g`, the inner function.
 * @param innerDerivative `g'`, the derivative of the inner function.
 * @example
 * const d = composeDerivative(Math.cos, (x) => x * x, (x) => 2 * x); // d/dx sin(x²)
 * d(2); // cos(4) · 4 ≈ −2.6146
 */
export function composeDerivative(
  outerDerivative: ScalarFn,
  inner: ScalarFn,
  innerDerivative: ScalarFn,
): ScalarFn {
  // TODO: return a function of x that evaluates f' at g(x) and multiplies by g'(x).
  throw new Error("TODO: implement composeDerivative");
}

/**
 * Task 2a. `d/dx sin(3x² + 2)`, worked out by hand with the chain rule (outer `sin`, inner `3x² + 2`).
 *
 * @example derivativeOfSin3x2Plus2(0) // 0
 * @example derivativeOfSin3x2Plus2(1) // ≈ 1.70197
 */
export function derivativeOfSin3x2Plus2(x: number): number {
  // TODO: the outer derivative at the inner value, times the inner derivative.
  throw new Error("TODO: implement derivativeOfSin3x2Plus2");
}

/**
 * Task 2b. `d/dx (3x + 1)²`, worked out by hand with the chain rule (outer `u²`, inner `3x + 1`).
 *
 * @example derivativeOf3xPlus1Squared(0) // 6
 * @example derivativeOf3xPlus1Squared(1) // 24
 */
export function derivativeOf3xPlus1Squared(x: number): number {
  // TODO: the outer derivative at the inner value, times the inner derivative.
  throw new Error("TODO: implement derivativeOf3xPlus1Squared");
}

/**
 * A dual number `value + deriv·ε` with `ε² = 0`: a value together with its derivative (its "tangent")
 * with respect to the one input being differentiated.
 */
export type Dual = { readonly value: number; readonly deriv: number };

/**
 * Task 3. Makes a dual number. A constant has `deriv = 0`; the input you differentiate by has `deriv = 1`.
 *
 * @param deriv default 0 (a constant).
 * @example dual(3) // { value: 3, deriv: 0 }
 */
export function dual(value: number, deriv = 0): Dual {
  // TODO: return a fresh object with both fields.
  throw new Error("TODO: implement dual");
}

/**
 * Sum rule: `(u + v)' = u' + v'`.
 *
 * @example dAdd(dual(2, 1), dual(5)) // { value: 7, deriv: 1 }
 */
export function dAdd(a: Dual, b: Dual): Dual {
  // TODO: add the values, and add the derivatives.
  throw new Error("TODO: implement dAdd");
}

/**
 * Difference rule: `(u − v)' = u' − v'`.
 *
 * @example dSub(dual(2, 1), dual(5)) // { value: -3, deriv: 1 }
 */
export function dSub(a: Dual, b: Dual): Dual {
  // TODO: subtract the values, and subtract the derivatives.
  throw new Error("TODO: implement dSub");
}

/**
 * Product rule: `(u·v)' = u'·v + u·v'`.
 *
 * @example dMul(dual(3, 1), dual(3, 1)) // x² at 3: { value: 9, deriv: 6 }
 */
export function dMul(a: Dual, b: Dual): Dual {
  // TODO: multiply the values; the derivative follows the product rule.
  throw new Error("TODO: implement dMul");
}

/**
 * Quotient rule: `(u/v)' = (u'·v − u·v') / v²`. Dividing by a dual with value 0 gives ±Infinity or NaN,
 * like ordinary division.
 *
 * @example dDiv(dual(1), dual(2, 1)) // 1/x at 2: { value: 0.5, deriv: -0.25 }
 */
export function dDiv(a: Dual, b: Dual): Dual {
  // TODO: divide the values; the derivative follows the quotient rule.
  throw new Error("TODO: implement dDiv");
}

/**
 * `sin(u)' = cos(u) · u'`.
 *
 * @example dSin(dual(0, 2)) // { value: 0, deriv: 2 }
 */
export function dSin(a: Dual): Dual {
  // TODO: sin of the value; cos of the value times the incoming derivative.
  throw new Error("TODO: implement dSin");
}

/**
 * `cos(u)' = −sin(u) · u'`.
 *
 * @example dCos(dual(Math.PI / 2, 1)) // { value: ≈0, deriv: -1 }
 */
export function dCos(a: Dual): Dual {
  // TODO: cos of the value; minus sin of the value times the incoming derivative.
  throw new Error("TODO: implement dCos");
}

/**
 * `exp(u)' = exp(u) · u'`.
 *
 * @example dExp(dual(0, 3)) // { value: 1, deriv: 3 }
 */
export function dExp(a: Dual): Dual {
  // TODO: exp of the value; the same exp times the incoming derivative.
  throw new Error("TODO: implement dExp");
}

/**
 * Natural logarithm: `log(u)' = u' / u`. Needs `a.value > 0`; otherwise, like `Math.log`, the result
 * is NaN or −Infinity.
 *
 * @example dLog(dual(2, 1)) // { value: 0.6931…, deriv: 0.5 }
 */
export function dLog(a: Dual): Dual {
  // TODO: log of the value; the incoming derivative divided by the value.
  throw new Error("TODO: implement dLog");
}

/**
 * Power rule with a constant exponent: `(uᵖ)' = p · uᵖ⁻¹ · u'`. For a non-integer `p`, `a.value` must
 * be positive (as with `Math.pow`).
 *
 * @example dPow(dual(3, 1), 2) // { value: 9, deriv: 6 }
 */
export function dPow(a: Dual, p: number): Dual {
  // TODO: value to the power p; p times value to the power p − 1, times the incoming derivative.
  throw new Error("TODO: implement dPow");
}

/**
 * Forward-mode automatic differentiation: `f'(x)`, read off `f(x + 1·ε)`. Seed the input with
 * derivative 1, run `f` once on dual numbers, and return the output's `deriv`.
 *
 * @param f a function written with the dual operations above.
 * @example derivativeAt((x) => dMul(x, x), 3) // 6
 */
export function derivativeAt(f: (x: Dual) => Dual, x: number): number {
  // TODO: call f once on the dual number x + 1·ε and return the derivative part.
  throw new Error("TODO: implement derivativeAt");
}

/**
 * Task 4. One sigmoid neuron with a squared error, differentiated by hand:
 * `z = w·x + b`, `a = σ(z) = 1/(1 + e⁻ᶻ)`, `loss = (a − target)²`, and by the chain rule
 * `∂loss/∂w = ∂loss/∂a · ∂a/∂z · ∂z/∂w` (the same path ends in `∂z/∂b` for `b`).
 * Remember that `σ'` is evaluated at the pre-activation `z`: `σ'(z) = σ(z)(1 − σ(z))`.
 *
 * @example neuronGradient(2, 0, 0, 1) // { loss: 0.25, dLossDw: -0.5, dLossDb: -0.25 }
 */
export function neuronGradient(
  x: number,
  w: number,
  b: number,
  target: number,
): { loss: number; dLossDw: number; dLossDb: number } {
  // TODO: forward (z, a, loss), then multiply the local derivatives back along the path.
  throw new Error("TODO: implement neuronGradient");
}
