import type { LineFunction, Trial } from "./line-function.ts";

/** Constants of the strong Wolfe conditions and the start of the line. */
export interface WolfeConstants {
  readonly c1: number;
  readonly c2: number;
  /** `φ(0)`. */
  readonly value0: number;
  /** `φ'(0) < 0`. */
  readonly slope0: number;
  readonly maxIterations: number;
}

/** True when `φ(α) ≤ φ(0) + c₁αφ'(0)`; a non-finite value fails. */
export function sufficientDecrease(trial: Trial, k: WolfeConstants): boolean {
  return trial.value <= k.value0 + k.c1 * trial.alpha * k.slope0;
}

/** True when `|φ'(α)| ≤ c₂|φ'(0)|`. */
export function curvature(slope: number, k: WolfeConstants): boolean {
  return Math.abs(slope) <= -k.c2 * k.slope0;
}

/**
 * Nocedal & Wright, Algorithm 3.6: shrink the bracket `[lo, hi]` (which contains strong Wolfe points;
 * `lo` satisfies sufficient decrease with the lowest value seen) until a trial passes both conditions.
 * Trial steps minimise the quadratic through `φ(lo)`, `φ'(lo)`, `φ(hi)`, safeguarded to the middle 80 %
 * of the bracket, else bisect. Returns the accepted trial, or `lo` with `ok: false`.
 */
export function zoom(
  line: LineFunction,
  k: WolfeConstants,
  lo: Trial,
  hi: Trial,
): { trial: Trial; ok: boolean } {
  for (let j = 0; j < k.maxIterations; j++) {
    const trial = line.at(interpolate(lo, line.slope(lo), hi));
    if (!sufficientDecrease(trial, k) || trial.value >= lo.value) {
      hi = trial;
      continue;
    }
    const slope = line.slope(trial);
    if (curvature(slope, k)) return { trial, ok: true };
    if (slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
    lo = trial;
    if (lo.alpha === hi.alpha) break;
  }
  return { trial: lo, ok: false };
}

/** Safeguarded minimiser of the quadratic interpolating `φ(lo)`, `φ'(lo)` and `φ(hi)`. */
function interpolate(lo: Trial, slopeLo: number, hi: Trial): number {
  const d = hi.alpha - lo.alpha;
  const denom = 2 * (hi.value - lo.value - slopeLo * d);
  const candidate = lo.alpha - (slopeLo * d * d) / denom;
  const a = Math.min(lo.alpha, hi.alpha);
  const b = Math.max(lo.alpha, hi.alpha);
  const margin = 0.1 * (b - a);
  if (Number.isFinite(candidate) && candidate >= a + margin && candidate <= b - margin) return candidate;
  return 0.5 * (lo.alpha + hi.alpha);
}
