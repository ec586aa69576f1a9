/**
 * Lesson 05: derivatives of vector-valued functions.
 *
 * A function `F: ℝⁿ → ℝᵐ` has an m×n Jacobian `J` with `J[i][j] = ∂Fᵢ/∂xⱼ`: one row per output,
 * one column per input. Fill in each function, then run `pnpm grade 05`. Stuck? `pnpm hint 05 1`.
 */
import type { Matrix, Vector, VectorField } from "@calcml/math";

/**
 * Task 1. Jacobian of `F: ℝⁿ → ℝᵐ` at `x` by central differences, one input at a time:
 * `J[i][j] = (Fᵢ(x + sⱼ·eⱼ) − Fᵢ(x − sⱼ·eⱼ)) / 2sⱼ` with the step `sⱼ = h·max(1, |xⱼ|)`.
 * Rows are outputs, columns are inputs (m×n). Each pair of calls of `F` gives a whole column, so the
 * Jacobian costs 2n calls.
 *
 * @param h relative step, default 1e-5 (the course's numeric rules, docs/numerics.md).
 * @throws RangeError when `x` is empty.
 * @example numericalJacobian((p) => [p[0]! * p[1]!, p[0]!], [2, 3]) // ≈ [[3, 2], [1, 0]]
 */
export function numericalJacobian(F: VectorField, x: Vector, h = 1e-5): number[][] {
  // BEGIN SOLUTION: for each input j, nudge x[j] by ±h·max(1, |x[j]|) and fill column j with (F(x₊) − F(x₋)) / 2s.
  if (x.length === 0) throw new RangeError("numericalJacobian: x is empty; F needs at least one input");
  const columns: number[][] = [];
  for (let j = 0; j < x.length; j++) {
    const xj = x[j]!;
    const s = xj + h * Math.max(1, Math.abs(xj)) - xj; // the step x + s − x, exact in floating point
    const plus = [...x];
    const minus = [...x];
    plus[j] = xj + s;
    minus[j] = xj - s;
    const fPlus = F(plus);
    const fMinus = F(minus);
    columns.push(fPlus.map((value, i) => (value - fMinus[i]!) / (2 * s)));
  }
  return columns[0]!.map((_, i) => columns.map((column) => column[i]!));
  // END SOLUTION
}

/**
 * Task 2a. Jacobian of the polar-to-Cartesian map `(r, θ) ↦ (r·cos θ, r·sin θ)`:
 * `[[cos θ, −r·sin θ], [sin θ, r·cos θ]]` (row 0 is x, row 1 is y; column 0 is r, column 1 is θ).
 *
 * @throws RangeError when `p` does not hold exactly two numbers `[r, θ]`.
 * @example polarToCartesianJacobian([2, 0]) // [[1, 0], [0, 2]]
 */
export function polarToCartesianJacobian(p: Vector): number[][] {
  // BEGIN SOLUTION: differentiate x = r·cos θ and y = r·sin θ by r (column 0) and by θ (column 1).
  if (p.length !== 2)
    throw new RangeError(`polarToCartesianJacobian: p must be [r, θ] (got ${p.length} entries)`);
  const [r, theta] = p as [number, number];
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return [
    [c, -r * s],
    [s, r * c],
  ];
  // END SOLUTION
}

/**
 * Task 2b. Determinant of a 2×2 matrix `[[a, b], [c, d]]`: `a·d − b·c`. For a Jacobian, its absolute
 * value `|det J|` is the factor by which the map stretches small areas; the sign is negative when the
 * map flips orientation.
 *
 * @throws RangeError when `J` is not 2×2.
 * @example jacobianDeterminant2x2([[1, 2], [3, 4]]) // 1·4 − 2·3 = −2
 */
export function jacobianDeterminant2x2(J: Matrix): number {
  // BEGIN SOLUTION: check the shape, then return a·d − b·c.
  if (J.length !== 2 || J.some((row) => row.length !== 2)) {
    throw new RangeError("jacobianDeterminant2x2: J must be a 2×2 matrix");
  }
  const [[a, b], [c, d]] = J as [[number, number], [number, number]];
  return a * d - b * c;
  // END SOLUTION
}

/**
 * Task 3. Softmax: `sᵢ = exp(zᵢ) / Σⱼ exp(zⱼ)`, computed stably as `exp(zᵢ − max z) / Σⱼ exp(zⱼ − max z)`
 * (the same numbers, since softmax ignores a constant added to every entry; no overflow at z = 1000).
 *
 * @throws RangeError when `z` is empty.
 * @example softmax([0, Math.log(3)]) // [0.25, 0.75]
 */
export function softmax(z: Vector): number[] {
  // BEGIN SOLUTION: subtract the largest entry, exponentiate, and divide by the sum.
  if (z.length === 0) throw new RangeError("softmax: z is empty");
  const top = Math.max(...z);
  const e = z.map((zi) => Math.exp(zi - top));
  const sum = e.reduce((acc, v) => acc + v, 0);
  return e.map((v) => v / sum);
  // END SOLUTION
}

/**
 * Task 4. Jacobian of softmax at `z`: `J = diag(s) − s·sᵀ` with `s = softmax(z)`, that is
 * `J[i][j] = sᵢ·(δᵢⱼ − sⱼ)`. It is symmetric and each row sums to 0.
 *
 * @throws RangeError when `z` is empty (the error of `softmax`, naming `softmax`, is fine).
 * @example softmaxJacobian([0, 0]) // [[0.25, −0.25], [−0.25, 0.25]]
 */
export function softmaxJacobian(z: Vector): number[][] {
  // BEGIN SOLUTION: compute s = softmax(z) once, then J[i][j] = s[i]·((i === j ? 1 : 0) − s[j]).
  const s = softmax(z);
  return s.map((si, i) => s.map((sj, j) => si * ((i === j ? 1 : 0) - sj)));
  // END SOLUTION
}

/**
 * Task 5. Jacobian-vector product `J(x)·v` from exactly two calls of `F`, never building `J`:
 * `(F(x + t·v) − F(x − t·v)) / 2t`, with `t = h·max(1, ‖x‖∞) / ‖v‖∞` so that the largest coordinate
 * moves by `h·max(1, ‖x‖∞)`. A zero `v` gives a vector of zeros.
 *
 * @param h relative step, default 1e-5.
 * @throws RangeError when `x` and `v` differ in length.
 * @example jvp((p) => [p[0]! * p[1]!, p[0]!], [2, 3], [1, 0]) // ≈ [3, 1]
 */
export function jvp(F: VectorField, x: Vector, v: Vector, h = 1e-5): number[] {
  // BEGIN SOLUTION: step along v both ways: (F(x + t·v) − F(x − t·v)) / 2t, two calls of F in all.
  if (x.length !== v.length)
    throw new RangeError(`jvp: x and v differ in length (${x.length} vs ${v.length})`);
  const vMax = Math.max(0, ...v.map(Math.abs));
  const xMax = Math.max(0, ...x.map(Math.abs));
  const t = vMax === 0 ? h : (h * Math.max(1, xMax)) / vMax;
  const fPlus = F(x.map((xi, i) => xi + t * v[i]!));
  const fMinus = F(x.map((xi, i) => xi - t * v[i]!));
  return fPlus.map((value, i) => (value - fMinus[i]!) / (2 * t));
  // END SOLUTION
}

/**
 * Task 6. Vector-Jacobian product `uᵀ·J`: entry j is `Σᵢ uᵢ·J[i][j]`, one entry per column of `J`.
 * It is the gradient of `x ↦ u·F(x)`: what backpropagation sends from the outputs to the inputs.
 *
 * @throws RangeError when `u` does not have one entry per row of `J`, or `J` is empty.
 * @example vjp([[1, 2], [3, 4], [5, 6]], [1, 0, 1]) // [6, 8]
 */
export function vjp(J: Matrix, u: Vector): number[] {
  // BEGIN SOLUTION: check u has one entry per row, then sum u[i]·J[i][j] down each column j.
  if (J.length === 0) throw new RangeError("vjp: J is empty");
  if (u.length !== J.length) {
    throw new RangeError(`vjp: u has ${u.length} entries but J has ${J.length} rows`);
  }
  const result = new Array<number>(J[0]!.length).fill(0);
  J.forEach((row, i) => {
    row.forEach((entry, j) => {
      result[j]! += u[i]! * entry;
    });
  });
  return result;
  // END SOLUTION
}

/**
 * Task 7. The chain rule for Jacobians: for `G∘F`, `J_{G∘F}(x) = J_G(F(x))·J_F(x)`, so the product is
 * `Jouter·Jinner` (outer on the left). A p×m `Jouter` times an m×n `Jinner` gives a p×n matrix.
 *
 * @throws RangeError when `Jouter` does not have one column per row of `Jinner`.
 * @example chainJacobians([[1, 1]], [[2, 0], [0, 3]]) // [[2, 3]]
 */
export function chainJacobians(Jouter: Matrix, Jinner: Matrix): number[][] {
  // BEGIN SOLUTION: check that Jouter has as many columns as Jinner has rows, then multiply Jouter·Jinner.
  const m = Jinner.length;
  if (m === 0 || Jouter.length === 0 || Jouter.some((row) => row.length !== m)) {
    const outerCols = Jouter[0]?.length ?? 0;
    throw new RangeError(
      `chainJacobians: Jouter is ${Jouter.length}×${outerCols} but Jinner has ${m} rows; Jouter needs one column per row of Jinner`,
    );
  }
  const n = Jinner[0]!.length;
  return Jouter.map((row) =>
    Array.from({ length: n }, (_, j) => row.reduce((acc, a, k) => acc + a * Jinner[k]![j]!, 0)),
  );
  // END SOLUTION
}
