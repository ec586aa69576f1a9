import { checkLength } from "../internal/check.ts";
import type { Params } from "../types.ts";

/** `x + α·p` as a new array. */
export function along(x: Params, alpha: number, p: Params): number[] {
  const n = x.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = x[i]! + alpha * p[i]!;
  return out;
}

/** `a·b`. */
export function dotProduct(a: Params, b: Params): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * The slope `∇f(x)·p`, after checking shapes; throws a `RangeError` naming `where` unless it is
 * negative (a descent direction).
 */
export function descentSlope(where: string, x: Params, p: Params, gradient: Params): number {
  checkLength(where, "direction p", p, x.length);
  checkLength(where, "gradient ∇f(x)", gradient, x.length);
  const slope = dotProduct(gradient, p);
  if (!(slope < 0)) {
    throw new RangeError(`${where}: p is not a descent direction: ∇f(x)·p = ${slope} (it must be negative)`);
  }
  return slope;
}
