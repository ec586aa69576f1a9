/**
 * Second solution of lesson 07, written from the README and the stub only: it must earn full marks.
 * The line search counts halvings with an explicit power, the shift loop is bounded by a count, and
 * the root finder keeps its iterate in a while loop.
 */
import { cholesky, type Matrix, type ScalarField, type ScalarFn, solve, type Vector } from "@calcml/math";

export type DescentResult = { x: number[]; iterations: number; converged: boolean; path: number[][] };
export type LineSearchOptions = { initialStep?: number; shrink?: number; c1?: number; maxHalvings?: number };
export type NewtonOptions = { tolerance?: number; maxIterations?: number };
export type RootOptions = { tolerance?: number; maxIterations?: number };

export function newtonStep(gradient: Vector, hessian: Matrix): number[] {
  const n = gradient.length;
  if (hessian.length !== n || hessian.some((row) => row.length !== n))
    throw new RangeError(`newtonStep: the Hessian must be ${n}×${n} for a gradient of length ${n}`);
  let p: number[];
  try {
    p = solve(
      hessian,
      gradient.map((g) => -g),
    );
  } catch (error) {
    throw new RangeError(`newtonStep: cannot solve H·p = −g (${(error as Error).message})`);
  }
  if (p.some((v) => !Number.isFinite(v))) throw new RangeError("newtonStep: H is singular");
  return p;
}

export function backtrackingLineSearch(
  f: ScalarField,
  gradient: Vector,
  x: Vector,
  direction: Vector,
  options: LineSearchOptions = {},
): number {
  if (gradient.length !== x.length || direction.length !== x.length)
    throw new RangeError(
      `backtrackingLineSearch: lengths differ (x ${x.length}, gradient ${gradient.length}, direction ${direction.length})`,
    );
  const initialStep = options.initialStep ?? 1;
  const shrink = options.shrink ?? 0.5;
  const c1 = options.c1 ?? 1e-4;
  const maxHalvings = options.maxHalvings ?? 50;
  let slope = 0;
  for (let i = 0; i < x.length; i++) slope += gradient[i]! * direction[i]!;
  if (!(slope < 0))
    throw new RangeError(`backtrackingLineSearch: ∇f·p = ${slope} is not negative, so p does not descend`);
  const fx = f(x);
  for (let k = 0; k <= maxHalvings; k++) {
    const alpha = initialStep * shrink ** k;
    const trial = x.map((xi, i) => xi + alpha * direction[i]!);
    if (f(trial) <= fx + c1 * alpha * slope) return alpha;
  }
  return 0;
}

/** The first τ in 0, 1e-3, 2e-3, … (at most 201 values) for which H + τI passes Cholesky, or undefined. */
function shifted(H: Matrix): number[][] | undefined {
  const n = H.length;
  for (let count = 0; count <= 200; count++) {
    const tau = count === 0 ? 0 : 1e-3 * 2 ** (count - 1);
    const M = H.map((row, i) => row.map((v, j) => (v + H[j]![i]!) / 2 + (i === j ? tau : 0)));
    try {
      const L = cholesky(M);
      if (L.every((row) => row.every(Number.isFinite)) && M.length === n) return M;
    } catch {
      // not positive definite yet: shift further
    }
  }
  return undefined;
}

export function newtonsMethod(
  f: ScalarField,
  grad: (x: Vector) => number[],
  hess: (x: Vector) => number[][],
  x0: Vector,
  options: NewtonOptions = {},
): DescentResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  let x = x0.slice();
  const path: number[][] = [x.slice()];
  const done = (converged: boolean): DescentResult => ({
    x: x.slice(),
    iterations: path.length - 1,
    converged,
    path,
  });
  for (;;) {
    const g = grad(x);
    if (g.some((v) => !Number.isFinite(v))) return done(false);
    if (Math.hypot(...g) < tolerance) return done(true);
    if (path.length - 1 >= maxIterations) return done(false);
    const H = hess(x);
    if (H.some((row) => row.some((v) => !Number.isFinite(v)))) return done(false);
    const M = shifted(H);
    if (M === undefined) return done(false);
    let p: number[];
    try {
      p = newtonStep(g, M);
    } catch {
      return done(false);
    }
    const alpha = backtrackingLineSearch(f, g, x, p);
    if (alpha === 0) return done(false);
    x = x.map((xi, i) => xi + alpha * p[i]!);
    path.push(x.slice());
    if (x.some((v) => !Number.isFinite(v))) return done(false);
  }
}

export function newtonRoot(
  f: ScalarFn,
  df: ScalarFn,
  x0: number,
  options: RootOptions = {},
): { root: number; iterations: number; converged: boolean } {
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 50;
  let x = x0;
  let iterations = 0;
  while (iterations < maxIterations) {
    const fx = f(x);
    if (fx === 0) return { root: x, iterations, converged: true };
    const slope = df(x);
    if (slope === 0 || !Number.isFinite(slope)) return { root: x, iterations, converged: false };
    const delta = -fx / slope;
    x += delta;
    iterations++;
    if (!Number.isFinite(x)) return { root: x, iterations, converged: false };
    if (Math.abs(delta) <= tolerance * Math.max(1, Math.abs(x)))
      return { root: x, iterations, converged: true };
  }
  return { root: x, iterations, converged: false };
}
