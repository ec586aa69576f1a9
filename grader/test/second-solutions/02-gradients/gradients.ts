/**
 * Second solution of lesson 02, written from the README and the stub only: it must earn full marks.
 */
import type { ScalarField, Vector } from "@calcml/math";

/** The point x with coordinate i moved by delta (a fresh array). */
function moved(x: Vector, i: number, delta: number): number[] {
  return x.map((v, j) => (j === i ? v + delta : v));
}

/** Central difference in coordinate i only. */
export function partialDerivative(f: ScalarField, x: Vector, i: number, h = 1e-5): number {
  if (!(Number.isInteger(i) && i >= 0 && i < x.length))
    throw new RangeError(`partialDerivative: ${i} is not an index of a point of length ${x.length}`);
  return (f(moved(x, i, h)) - f(moved(x, i, -h))) / (2 * h);
}

/** One central difference per coordinate. */
export function numericalGradient(f: ScalarField, x: Vector, h = 1e-5): number[] {
  const g: number[] = [];
  for (let i = 0; i < x.length; i++) g.push(partialDerivative(f, x, i, h));
  return g;
}

/** ∇(x²y + 3y²) = [2xy, x² + 6y]. */
export function gradXSquaredYPlus3YSquared(p: Vector): number[] {
  if (p.length !== 2)
    throw new RangeError(`gradXSquaredYPlus3YSquared: p must have length 2, not ${p.length}`);
  const x = p[0] as number;
  const y = p[1] as number;
  return [2 * x * y, x ** 2 + 6 * y];
}

/** ∇Σxᵢ² = 2x. */
export function gradSumOfSquares(p: Vector): number[] {
  return Array.from(p, (v) => v + v);
}

/** ∇f · u with u = direction / ‖direction‖ (the direction normalised first). */
export function directionalDerivative(grad: Vector, direction: Vector): number {
  if (grad.length !== direction.length)
    throw new RangeError(`directionalDerivative: lengths differ (${grad.length} vs ${direction.length})`);
  const length = Math.hypot(...direction);
  if (length === 0) throw new RangeError("directionalDerivative: the direction is all zeros");
  return grad.reduce((s, g, i) => s + g * ((direction[i] as number) / length), 0);
}

/** ∇f / ‖∇f‖. */
export function steepestAscent(grad: Vector): number[] {
  const length = Math.hypot(...grad);
  if (length === 0) throw new RangeError("steepestAscent: a zero gradient has no direction");
  return grad.map((g) => g / length);
}
