/**
 * @calcml/math: the numeric core of calcml. One public barrel: import everything from here.
 *
 * @example
 * import { createRng, gradcheck } from "@calcml/math";
 *
 * @packageDocumentation
 */

export { formatCheckFailure } from "./check/format.ts";
export { gradcheck } from "./check/gradcheck.ts";
export { hessiancheck } from "./check/hessiancheck.ts";
export { jacobiancheck } from "./check/jacobiancheck.ts";
export { relativeError, withinTolerance } from "./check/pass-rule.ts";
export { patternHint } from "./check/pattern-hint.ts";
export type { CheckOptions, CheckResult, ComponentReport, DirectionalReport } from "./check/types.ts";
export { backwardDifference } from "./diff/backward-difference.ts";
export { centralDifference } from "./diff/central-difference.ts";
export { fivePointDifference } from "./diff/five-point-difference.ts";
export { forwardDifference } from "./diff/forward-difference.ts";
export { jvpByDifferences } from "./diff/jvp-by-differences.ts";
export { numericalGradient } from "./diff/numerical-gradient.ts";
export { numericalHessian } from "./diff/numerical-hessian.ts";
export { numericalJacobian } from "./diff/numerical-jacobian.ts";
export { stepSize } from "./diff/step-size.ts";
export { createRng, type Rng } from "./random/rng.ts";
export type { Matrix, ScalarField, ScalarFn, Vector, VectorField } from "./types.ts";
export { add } from "./vector/add.ts";
export { dot } from "./vector/dot.ts";
export { norm } from "./vector/norm.ts";
export { scale } from "./vector/scale.ts";
export { sub } from "./vector/sub.ts";
export { zeros } from "./vector/zeros.ts";
