/**
 * Second solution of lesson 04, written from the README and the stub only: it must earn full marks.
 * One generic loop serves both descent tasks; the eigenvalues come from `eigSym` after the checks.
 */
import { eigSym, type Matrix, type ScalarFn, type Vector, type VectorField } from "@calcml/math";

export const DEFAULT_MAX_ITERATIONS = 10_000;
export const DEFAULT_TOLERANCE = 1e-8;

export type DescentOptions = { learningRate: number; maxIterations?: number; tolerance?: number };
export type DescentResult = { x: number[]; iterations: number; converged: boolean; path: number[][] };

/** The options with defaults filled in, or a RangeError naming `name`. */
function settle(name: string, options: DescentOptions): { eta: number; cap: number; tol: number } {
  const eta = options.learningRate;
  const cap = options.maxIterations === undefined ? DEFAULT_MAX_ITERATIONS : options.maxIterations;
  const tol = options.tolerance === undefined ? DEFAULT_TOLERANCE : options.tolerance;
  if (typeof eta !== "number" || !(eta > 0) || eta === Number.POSITIVE_INFINITY)
    throw new RangeError(`${name}: learningRate must be a positive finite number (got ${eta})`);
  if (!Number.isInteger(cap) || cap < 1)
    throw new RangeError(`${name}: maxIterations must be a positive integer (got ${cap})`);
  if (typeof tol !== "number" || Number.isNaN(tol) || tol < 0)
    throw new RangeError(`${name}: tolerance must be ≥ 0 (got ${tol})`);
  return { eta, cap, tol };
}

/** Euclidean length, summed in a plain loop. */
function length(v: readonly number[]): number {
  let largest = 0;
  for (const vi of v) largest = Math.max(largest, Math.abs(vi));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let s = 0;
  for (const vi of v) s += (vi / largest) * (vi / largest);
  return largest * Math.sqrt(s);
}

/** The shared loop, on plain arrays. */
function descend(
  gradAt: (x: readonly number[]) => readonly number[],
  start: readonly number[],
  eta: number,
  cap: number,
  tol: number,
): DescentResult {
  const path: number[][] = [start.slice()];
  let x = start.slice();
  let iterations = 0;
  for (;;) {
    const g = gradAt(x);
    const step = x.map((_, i) => -eta * g[i]!);
    const next = x.map((xi, i) => xi + step[i]!);
    iterations += 1;
    path.push(next.slice());
    x = next;
    if (next.some((v) => !Number.isFinite(v))) return { x: x.slice(), iterations, converged: false, path };
    if (length(step) < tol) return { x: x.slice(), iterations, converged: true, path };
    if (iterations >= cap) return { x: x.slice(), iterations, converged: false, path };
  }
}

export function gradientDescent1D(
  df: ScalarFn,
  x0: number,
  options: DescentOptions,
): { x: number; iterations: number; converged: boolean; path: number[] } {
  const { eta, cap, tol } = settle("gradientDescent1D", options);
  const run = descend((x) => [df(x[0]!)], [x0], eta, cap, tol);
  return {
    x: run.x[0]!,
    iterations: run.iterations,
    converged: run.converged,
    path: run.path.map((p) => p[0]!),
  };
}

export function gradientDescent(grad: VectorField, x0: Vector, options: DescentOptions): DescentResult {
  const { eta, cap, tol } = settle("gradientDescent", options);
  if (x0.length === 0) throw new RangeError("gradientDescent: x0 is empty");
  return descend((x) => grad(x), x0, eta, cap, tol);
}

export function classifyLearningRate(
  curvature: number,
  learningRate: number,
): "converges" | "oscillates" | "one-step" | "diverges" {
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  if (!ok(curvature) || !ok(learningRate))
    throw new RangeError(
      `classifyLearningRate: curvature and learningRate must be positive finite numbers (got ${curvature}, ${learningRate})`,
    );
  const product = learningRate * curvature;
  if (product > 2) return "diverges";
  if (product > 1) return "oscillates";
  if (product === 1) return "one-step";
  return "converges";
}

export function maxStableLearningRate(hessian: Matrix): number {
  const n = hessian.length;
  if (n === 0) throw new RangeError("maxStableLearningRate: the Hessian is empty");
  for (const row of hessian)
    if (row.length !== n) throw new RangeError("maxStableLearningRate: the Hessian is not square");
  let scale = 0;
  for (const row of hessian) for (const v of row) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (Math.abs(hessian[i]![j]! - hessian[j]![i]!) > 1e-12 * Math.max(1, scale))
        throw new RangeError("maxStableLearningRate: the Hessian is not symmetric");
  let values: readonly number[];
  try {
    values = eigSym(hessian).values;
  } catch (error) {
    throw new RangeError(`maxStableLearningRate: ${(error as Error).message}`);
  }
  const top = values[values.length - 1]!;
  const bottom = values[0]!;
  const band = 1e-8 * Math.max(1, Math.abs(top), Math.abs(bottom));
  if (!(bottom > band))
    throw new RangeError(
      `maxStableLearningRate: the Hessian is not positive definite (smallest eigenvalue ${bottom})`,
    );
  return 2 / top;
}
