/**
 * Lesson 02: partial derivatives, gradients, directions.
 *
 * Fill in each function, then run `pnpm grade 02`. Stuck on task 5? `pnpm hint 02 5`.
 * Conventions: a point is an array of coordinates `[x₀, x₁, …]`; `h` is the step itself; never change
 * an array you are given (copy it with `slice()` first); bad input throws a `RangeError` whose
 * message starts with the function's name.
 */
import type { ScalarField, Vector } from "@calcml/math";

/**
 * Task 1. Partial derivative `∂f/∂xᵢ` at `x` by a central difference, moving coordinate `i` only:
 * `(f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h`, where `eᵢ` is 1 at position `i` and 0 elsewhere.
 *
 * @param h the step, default `1e-5`.
 * @throws RangeError when `i` is not an index of `x` (an integer from 0 to `x.length − 1`).
 * @example partialDerivative(([x, y]) => x * x * y, [3, 2], 0) // ≈ 2xy = 12
 */
export function partialDerivative(f: ScalarField, x: Vector, i: number, h = 1e-5): number {
  // BEGIN SOLUTION: reject a bad i, then evaluate f at two copies of x with coordinate i moved by +h and −h.
  if (!Number.isInteger(i) || i < 0 || i >= x.length) {
    throw new RangeError(
      `partialDerivative: index ${i} is not a coordinate of a point with ${x.length} entries`,
    );
  }
  const plus = x.slice();
  const minus = x.slice();
  plus[i] = (x[i] as number) + h;
  minus[i] = (x[i] as number) - h;
  return (f(plus) - f(minus)) / (2 * h);
  // END SOLUTION
}

/**
 * Task 2. Gradient `∇f(x) = [∂f/∂x₀, …, ∂f/∂xₙ₋₁]` by central differences, one coordinate at a time
 * (2n evaluations of `f`). Returns a fresh array.
 *
 * @param h the step, default `1e-5`.
 * @example numericalGradient(([x, y]) => x * x * y + 3 * y * y, [1, 2]) // ≈ [4, 13]
 */
export function numericalGradient(f: ScalarField, x: Vector, h = 1e-5): number[] {
  // BEGIN SOLUTION: one partial derivative per coordinate.
  return x.map((_, i) => partialDerivative(f, x, i, h));
  // END SOLUTION
}

/**
 * Task 3. The exact gradient of `f(x, y) = x²y + 3y²`: `[∂f/∂x, ∂f/∂y] = [2xy, x² + 6y]`.
 *
 * @throws RangeError when `p` is not a point `[x, y]` of length 2.
 * @example gradXSquaredYPlus3YSquared([1, 2]) // [2·1·2, 1 + 12] = [4, 13]
 */
export function gradXSquaredYPlus3YSquared(p: Vector): number[] {
  // BEGIN SOLUTION: differentiate each term in x (y held fixed), then in y (x held fixed).
  if (p.length !== 2) {
    throw new RangeError(`gradXSquaredYPlus3YSquared: expected a point [x, y] of length 2 (got ${p.length})`);
  }
  const [x, y] = p as [number, number];
  return [2 * x * y, x * x + 6 * y];
  // END SOLUTION
}

/**
 * Task 4. The exact gradient of `f(x) = Σᵢ xᵢ²` in any dimension: `∂f/∂xᵢ = 2xᵢ`. Returns a fresh array.
 *
 * @example gradSumOfSquares([1, -2, 3]) // [2, -4, 6]
 */
export function gradSumOfSquares(p: Vector): number[] {
  // BEGIN SOLUTION: only the term xᵢ² depends on xᵢ.
  return p.map((v) => 2 * v);
  // END SOLUTION
}

/**
 * Task 5. Directional derivative: the slope of `f` along `direction`, from its gradient:
 * `∇f · u` with `u = direction / ‖direction‖` (only the direction counts, not its length).
 *
 * @throws RangeError when the two vectors differ in length, or when `direction` is all zeros.
 * @example directionalDerivative([4, 13], [3, 4]) // 4·0.6 + 13·0.8 = 12.8
 */
export function directionalDerivative(grad: Vector, direction: Vector): number {
  // BEGIN SOLUTION: check the lengths, divide the dot product by the direction's Euclidean length.
  if (grad.length !== direction.length) {
    throw new RangeError(
      `directionalDerivative: gradient and direction differ in length (${grad.length} vs ${direction.length})`,
    );
  }
  let dot = 0;
  let squares = 0;
  for (let i = 0; i < grad.length; i++) {
    const d = direction[i] as number;
    dot += (grad[i] as number) * d;
    squares += d * d;
  }
  if (squares === 0) throw new RangeError("directionalDerivative: the direction is the zero vector");
  return dot / Math.sqrt(squares);
  // END SOLUTION
}

/**
 * Task 6. Direction of steepest ascent: the unit vector `∇f / ‖∇f‖`. Along it `f` climbs at the
 * greatest rate, `‖∇f‖`; the opposite vector is steepest descent. Returns a fresh array.
 *
 * @throws RangeError when `grad` is all zeros (at a flat point no direction is steepest).
 * @example steepestAscent([3, 4]) // [0.6, 0.8]
 */
export function steepestAscent(grad: Vector): number[] {
  // BEGIN SOLUTION: divide the gradient by its Euclidean length; a zero gradient has no direction.
  let squares = 0;
  for (const g of grad) squares += g * g;
  if (squares === 0)
    throw new RangeError("steepestAscent: the gradient is zero, so no direction is steepest");
  const length = Math.sqrt(squares);
  return grad.map((g) => g / length);
  // END SOLUTION
}
