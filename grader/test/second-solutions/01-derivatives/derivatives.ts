/**
 * Second solution of lesson 01, written from the README and the stub only: it must earn full marks.
 */
import type { ScalarFn, Vector } from "@calcml/math";

/** (f(x + h) − f(x)) / h with the step h as given. */
export function forwardDifference(f: ScalarFn, x: number, h = 1e-6): number {
  const here = f(x);
  const ahead = f(x + h);
  return (ahead - here) / h;
}

/** (f(x + h) − f(x − h)) / 2h with the step h as given. */
export function centralDifference(f: ScalarFn, x: number, h = 1e-5): number {
  const behind = f(x - h);
  const ahead = f(x + h);
  return (ahead - behind) / (h + h);
}

/** Σ coeffs[i]·xⁱ by Horner's rule, highest power first; [] is 0. */
export function polyEval(coeffs: Vector, x: number): number {
  return coeffs.reduceRight((acc, c) => acc * x + c, 0);
}

/** Power rule: entry i − 1 is i·coeffs[i]; a constant (or []) gives [0]. */
export function polyDerivative(coeffs: Vector): number[] {
  const out: number[] = [];
  for (let i = 1; i < coeffs.length; i++) out.push(i * (coeffs[i] as number));
  return out.length === 0 ? [0] : out;
}

/** The tangent y = slope·x + intercept at x0, with slope df(x0). */
export function tangentLine(f: ScalarFn, df: ScalarFn, x0: number): { slope: number; intercept: number } {
  const slope = df(x0);
  const height = f(x0);
  return { slope, intercept: height - slope * x0 };
}

/** Absolute errors of both schemes at each step, in the order of the steps. */
export function stepSizeErrors(
  f: ScalarFn,
  df: ScalarFn,
  x: number,
  steps: Vector,
): { forward: number[]; central: number[] } {
  const forward: number[] = [];
  const central: number[] = [];
  for (const h of steps) {
    forward.push(Math.abs(forwardDifference(f, x, h) - df(x)));
    central.push(Math.abs(centralDifference(f, x, h) - df(x)));
  }
  return { forward, central };
}
