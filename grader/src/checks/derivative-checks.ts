import {
  type CheckOptions,
  type CheckResult,
  formatCheckFailure,
  gradcheck,
  hessiancheck,
  jacobiancheck,
  type Matrix,
  type ScalarField,
  type Vector,
  type VectorField,
} from "@calcml/math";
import { wrapLearnerError } from "./call-learner.ts";
import { CheckError } from "./check-error.ts";
import { describeCall } from "./describe-value.ts";
import { suiteSeed } from "./seed.ts";

/** What every derivative check needs: the learner's function under test and where to probe it. */
export interface DerivativeCheck<D> {
  /** The learner's exported name, e.g. `gradXSquaredYPlus3YSquared`. */
  name: string;
  /** The learner's derivative at `x` (already bound to any other arguments). */
  derivative: (x: Vector) => D;
  /** The probe point. */
  at: Vector;
  /** Names a parameter (e.g. `W1`) in the message when the input is one tensor of many. */
  parameter?: string;
  /** How the call is shown; defaults to `name(at)`. */
  called?: string;
  options?: CheckOptions;
}

function evaluate<D>(check: DerivativeCheck<D>): D {
  try {
    return check.derivative(check.at);
  } catch (error) {
    throw wrapLearnerError(error, check.called ?? describeCall(check.name, [check.at]));
  }
}

function report(result: CheckResult, check: DerivativeCheck<unknown>): void {
  if (result.ok) return;
  const seed = suiteSeed();
  const context =
    check.parameter === undefined
      ? { name: check.name, seed }
      : { name: check.name, seed, parameter: check.parameter };
  const called = check.called ?? describeCall(check.name, [check.at]);
  throw new CheckError(`Called:   ${called}\n${formatCheckFailure(result, context)}`);
}

/** Checks a learner's analytic gradient of `f` against central differences (docs/numerics.md pass rule). */
export function expectGradient(f: ScalarField, check: DerivativeCheck<Vector>): void {
  const value = evaluate(check);
  report(gradcheck(f, value, check.at, { seed: suiteSeed(), ...check.options }), check);
}

/** Checks a learner's Jacobian of `F` (rows outputs, columns inputs) against central differences. */
export function expectJacobian(F: VectorField, check: DerivativeCheck<Matrix>): void {
  const value = evaluate(check);
  report(jacobiancheck(F, value, check.at, { seed: suiteSeed(), ...check.options }), check);
}

/** Checks a learner's Hessian of `f` against differences of `gradient` (or of f), second-order tolerances. */
export function expectHessian(
  f: ScalarField,
  check: DerivativeCheck<Matrix> & { gradient?: (x: Vector) => Vector },
): void {
  const value = evaluate(check);
  const options =
    check.gradient === undefined ? { ...check.options } : { ...check.options, gradient: check.gradient };
  report(hessiancheck(f, value, check.at, { seed: suiteSeed(), ...options }), check);
}
