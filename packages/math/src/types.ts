/**
 * A vector of real numbers. Functions take `Vector` (readonly) and return fresh `number[]`,
 * so callers may pass frozen arrays and keep ownership of their data.
 *
 * @example
 * const v: Vector = [1, 2, 3];
 */
export type Vector = readonly number[];

/**
 * A dense, row-major matrix: `m[i][j]` is row `i`, column `j`. Every row has the same length.
 *
 * @example
 * const A: Matrix = [[1, 2], [3, 4]];
 */
export type Matrix = readonly Vector[];

/**
 * A real function of one real variable.
 *
 * @example
 * const f: ScalarFn = (x) => x * x;
 */
export type ScalarFn = (x: number) => number;

/**
 * A real function of a vector (a loss, an energy): ℝⁿ → ℝ.
 *
 * @example
 * const f: ScalarField = (x) => x[0]! ** 2 + 3 * x[1]!;
 */
export type ScalarField = (x: Vector) => number;

/**
 * A vector-valued function of a vector: ℝⁿ → ℝᵐ. Returns a fresh array.
 *
 * @example
 * const F: VectorField = (x) => [x[0]! * x[1]!, Math.sin(x[0]!)];
 */
export type VectorField = (x: Vector) => number[];
