import type { Vector } from "../types.ts";

/** Ratios within 5 % of each other count as "the same factor". */
const SAME = 0.05;

const near = (r: number, target: number): boolean => Math.abs(r - target) <= SAME * Math.abs(target);
const fmt = (x: number): string => Number(x.toPrecision(3)).toString();

/**
 * Names the likely bug behind a gradient mismatch from the failing components alone (the table in
 * docs/numerics.md), or `undefined` when no pattern fits. `analytic` and `numeric` are indexed like the
 * parameter (flattened row-major); entries that were not checked may be NaN. `failing` lists the
 * indices that failed. Patterns, in the order tried:
 *
 * - analytic ≈ 0 where numeric ≠ 0 → a term or path is missing;
 * - the analytic matrix matches the numeric one transposed (needs `context.shape` = [rows, cols]);
 * - a/n ≈ −1 → sign error;  a/n ≈ N or 1/N (`context.batchSize` = N) → mean vs sum;
 * - a/n ≈ 2 or ½ → a missing or extra ½;
 * - a − n ≈ c·x (needs `context.point`, ≥ 2 failing components) → regularisation missing or wrong;
 * - every a/n in (0, 1) → activation derivative taken at the activation, not the pre-activation;
 * - any other common factor → named as such.
 *
 * @example
 * patternHint([-2, -4], [2, 4], [0, 1]); // "sign error: …"
 */
export function patternHint(
  analytic: readonly number[],
  numeric: readonly number[],
  failing: readonly number[],
  context: { batchSize?: number; shape?: readonly number[]; point?: Vector } = {},
): string | undefined {
  const pairs = failing
    .map((k) => ({ k, a: analytic[k] as number, n: numeric[k] as number }))
    .filter((p) => Number.isFinite(p.a) && Number.isFinite(p.n));
  if (pairs.length === 0) return undefined;
  const scale = Math.max(1, ...pairs.map((p) => Math.abs(p.n)));

  if (pairs.every((p) => Math.abs(p.a) <= 1e-3 * Math.abs(p.n) && Math.abs(p.n) > 1e-8 * scale)) {
    return "term or path missing: the analytic gradient is 0 where the numeric one is not; a term of f (or a path through it) is missing from the derivative";
  }
  if (context.shape && isTransposed(analytic, numeric, context.shape)) {
    return "transposed gradient: the analytic matrix matches the numeric one transposed; a gradient has the shape of its parameter (for y = W·x, ∂L/∂W = δ·xᵀ, not x·δᵀ)";
  }
  const ratios = pairs.filter((p) => Math.abs(p.n) > 1e-8 * scale).map((p) => p.a / p.n);
  const common = commonRatio(ratios);
  const N = context.batchSize;
  if (common !== undefined) {
    if (near(common, -1))
      return "sign error: the analytic gradient is the negative of the numeric one (a/n ≈ −1)";
    if (N !== undefined && N > 2 && near(common, N)) {
      return `mean vs sum over the batch: the analytic gradient is ${N}× the numeric one (batch size ${N}); f averages over the batch, so divide the gradient by N`;
    }
    if (N !== undefined && N > 2 && near(common, 1 / N)) {
      return `mean vs sum over the batch: the analytic gradient is 1/${N} of the numeric one (batch size ${N}); f sums over the batch, so do not divide by N`;
    }
    if (near(common, 2)) {
      return "a missing ½: the analytic gradient is twice the numeric one; d/dx ½x² is x, not 2x (squared loss, L2 term)";
    }
    if (near(common, 0.5)) {
      return "an extra ½: the analytic gradient is half the numeric one; d/dx x² is 2x, not x (the factor 2 of a square is missing)";
    }
  }
  const reg = regularisationFactor(pairs, context.point);
  if (reg !== undefined) {
    return `regularisation term missing or wrong: a − n ≈ ${fmt(reg)}·x on the failing components; an L2 penalty (λ/2)‖x‖² contributes λx and λ‖x‖² contributes 2λx`;
  }
  if (common === undefined && ratios.length > 1 && ratios.every((r) => r > 0 && r < 1)) {
    return `every failing component is too small by a factor between 0 and 1 (${ratios.slice(0, 3).map(fmt).join(", ")}…): an activation derivative may be taken at the activation instead of the pre-activation (σ'(a) instead of σ'(z))`;
  }
  if (common !== undefined && !near(common, 1)) {
    return `every failing component is off by the same factor ≈ ${fmt(common)}: look for a wrong constant factor in the derivative`;
  }
  return undefined;
}

/** The median ratio when every ratio is within 5 % of it, else undefined. */
function commonRatio(ratios: readonly number[]): number | undefined {
  if (ratios.length === 0) return undefined;
  const sorted = [...ratios].sort((a, b) => a - b);
  const mid = sorted[Math.floor(sorted.length / 2)] as number;
  return ratios.every((r) => near(r, mid)) ? mid : undefined;
}

/** True when reading `analytic` as a cols×rows matrix gives numericᵀ (every numeric entry known). */
function isTransposed(
  analytic: readonly number[],
  numeric: readonly number[],
  shape: readonly number[],
): boolean {
  if (shape.length !== 2) return false;
  const [r, c] = shape as [number, number];
  if (r * c !== numeric.length || analytic.length !== numeric.length || r * c < 2) return false;
  let scale = 1;
  for (const v of numeric) {
    if (!Number.isFinite(v)) return false;
    scale = Math.max(scale, Math.abs(v));
  }
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const a = analytic[j * r + i] as number;
      const n = numeric[i * c + j] as number;
      if (!(Math.abs(a - n) <= 1e-4 * scale)) return false;
    }
  }
  return true;
}

/** c with a − n ≈ c·x (least squares, residual ≤ 5 % of ‖a − n‖), or undefined. */
function regularisationFactor(
  pairs: readonly { k: number; a: number; n: number }[],
  point: Vector | undefined,
): number | undefined {
  if (point === undefined || pairs.length < 2) return undefined;
  let dx = 0;
  let xx = 0;
  let dd = 0;
  for (const p of pairs) {
    const x = point[p.k];
    if (x === undefined) return undefined;
    const d = p.a - p.n;
    dx += d * x;
    xx += x * x;
    dd += d * d;
  }
  if (xx === 0 || dd === 0) return undefined;
  const c = dx / xx;
  let res = 0;
  for (const p of pairs) res += (p.a - p.n - c * (point[p.k] as number)) ** 2;
  return Math.sqrt(res) <= SAME * Math.sqrt(dd) ? c : undefined;
}
