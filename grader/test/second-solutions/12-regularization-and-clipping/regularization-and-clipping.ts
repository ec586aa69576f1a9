/**
 * Second solution of lesson 12, written from the README and the stub only: it must earn full marks.
 */
import type { Vector } from "@calcml/math";

/** sign(x) with sign(0) = 0 (the minimum-norm subgradient of |x| at its kink). */
function signum(x: number): number {
  if (x > 0) return 1;
  if (x < 0) return -1;
  return 0;
}

/** Σ wᵢ², summed with a loop. */
function sumOfSquares(w: Vector): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += (w[i] as number) * (w[i] as number);
  return total;
}

/** Σ |wᵢ|, summed with a loop. */
function sumOfAbs(w: Vector): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += Math.abs(w[i] as number);
  return total;
}

export function l2Penalty(w: Vector, lambda: number): number {
  return (lambda * sumOfSquares(w)) / 2;
}

export function l2Gradient(w: Vector, lambda: number): number[] {
  const out = new Array<number>(w.length);
  for (let i = 0; i < w.length; i++) out[i] = lambda * (w[i] as number);
  return out;
}

export function l1Penalty(w: Vector, lambda: number): number {
  return lambda * sumOfAbs(w);
}

export function l1Subgradient(w: Vector, lambda: number): number[] {
  const out = new Array<number>(w.length);
  for (let i = 0; i < w.length; i++) {
    const s = signum(w[i] as number);
    out[i] = s === 0 ? 0 : lambda * s;
  }
  return out;
}

export function elasticNet(w: Vector, l1: number, l2: number): number {
  return l1 * sumOfAbs(w) + 0.5 * l2 * sumOfSquares(w);
}

export function elasticNetGradient(w: Vector, l1: number, l2: number): number[] {
  const out = new Array<number>(w.length);
  for (let i = 0; i < w.length; i++) {
    const wi = w[i] as number;
    out[i] = wi === 0 ? 0 : l1 * signum(wi) + l2 * wi;
  }
  return out;
}

export function softThreshold(w: Vector, t: number): number[] {
  if (!(t >= 0)) throw new RangeError(`softThreshold: the threshold must be ≥ 0 (got ${t})`);
  const out = new Array<number>(w.length);
  for (let i = 0; i < w.length; i++) {
    const wi = w[i] as number;
    if (wi > t) out[i] = wi - t;
    else if (wi < -t) out[i] = wi + t;
    else out[i] = 0;
  }
  return out;
}

export function clipByValue(g: Vector, limit: number): number[] {
  if (!(limit >= 0)) throw new RangeError(`clipByValue: the limit must be ≥ 0 (got ${limit})`);
  const out = new Array<number>(g.length);
  for (let i = 0; i < g.length; i++) {
    const gi = g[i] as number;
    if (gi > limit) out[i] = limit;
    else if (gi < -limit) out[i] = -limit;
    else out[i] = gi;
  }
  return out;
}

export function clipByGlobalNorm(
  grads: readonly Vector[],
  maxNorm: number,
): { clipped: number[][]; norm: number } {
  if (!(maxNorm > 0)) throw new RangeError(`clipByGlobalNorm: maxNorm must be positive (got ${maxNorm})`);
  let total = 0;
  for (const tensor of grads) total += sumOfSquares(tensor);
  const norm = Math.sqrt(total);
  const factor = norm > maxNorm ? maxNorm / norm : 1;
  const clipped = grads.map((tensor) => {
    const out: number[] = [];
    for (const gi of tensor) out.push(gi * factor);
    return out;
  });
  return { clipped, norm };
}
