/**
 * @calcml/math: the numeric core of calcml. One public barrel: import everything from here.
 *
 * @example
 * import { createRng, gradcheck } from "@calcml/math";
 *
 * @packageDocumentation
 */

export { type CountedFunction, countCalls } from "./check/count-calls.ts";
export { formatCheckFailure } from "./check/format.ts";
export { gradcheck } from "./check/gradcheck.ts";
export { hessiancheck } from "./check/hessiancheck.ts";
export { jacobiancheck } from "./check/jacobiancheck.ts";
export { relativeError, withinTolerance } from "./check/pass-rule.ts";
export { patternHint } from "./check/pattern-hint.ts";
export { type ProbeOptions, probePoints } from "./check/probe-points.ts";
export type { CheckOptions, CheckResult, ComponentReport, DirectionalReport } from "./check/types.ts";
export { blobs } from "./datasets/blobs.ts";
export type { Dataset } from "./datasets/dataset.ts";
export { linearData } from "./datasets/linear-data.ts";
export { twoMoons } from "./datasets/two-moons.ts";
export { xorData } from "./datasets/xor-data.ts";
export { backwardDifference } from "./diff/backward-difference.ts";
export { centralDifference } from "./diff/central-difference.ts";
export { fivePointDifference } from "./diff/five-point-difference.ts";
export { forwardDifference } from "./diff/forward-difference.ts";
export { jvpByDifferences } from "./diff/jvp-by-differences.ts";
export { numericalGradient } from "./diff/numerical-gradient.ts";
export { numericalHessian } from "./diff/numerical-hessian.ts";
export { numericalJacobian } from "./diff/numerical-jacobian.ts";
export { stepSize } from "./diff/step-size.ts";
export { beale } from "./functions/beale.ts";
export { booth } from "./functions/booth.ts";
export { himmelblau } from "./functions/himmelblau.ts";
export { quadratic } from "./functions/quadratic.ts";
export { rosenbrock } from "./functions/rosenbrock.ts";
export { saddle } from "./functions/saddle.ts";
export type { TestFunction } from "./functions/test-function.ts";
export { testFunctions } from "./functions/test-functions.ts";
export { assertSymmetric } from "./linalg/assert-symmetric.ts";
export { cholesky } from "./linalg/cholesky.ts";
export { eigSym, type SymmetricEigen } from "./linalg/eig-sym.ts";
export { isPositiveDefinite } from "./linalg/is-positive-definite.ts";
export { type LUDecomposition, luDecompose } from "./linalg/lu-decompose.ts";
export { solve } from "./linalg/solve.ts";
export { identity } from "./matrix/identity.ts";
export { matmul } from "./matrix/matmul.ts";
export { matvec } from "./matrix/matvec.ts";
export { outer } from "./matrix/outer.ts";
export { shapeOf } from "./matrix/shape.ts";
export { transpose } from "./matrix/transpose.ts";
export { zerosMatrix } from "./matrix/zeros-matrix.ts";
export { createRng, type Rng } from "./random/rng.ts";
export type { Matrix, ScalarField, ScalarFn, Vector, VectorField } from "./types.ts";
export { add } from "./vector/add.ts";
export { dot } from "./vector/dot.ts";
export { norm } from "./vector/norm.ts";
export { scale } from "./vector/scale.ts";
export { sub } from "./vector/sub.ts";
export { zeros } from "./vector/zeros.ts";
