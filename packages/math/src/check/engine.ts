import { createRng } from "../random/rng.ts";
import type { Vector } from "../types.ts";
import { checkHint } from "./check-hint.ts";
import { differenceColumns, isOffDiagonal, symmetrise } from "./difference-columns.ts";
import { acceptsAtKink, directionalCheck } from "./directional.ts";
import { componentLabel } from "./labels.ts";
import { RANDOM_DIRECTIONS, type ResolvedOptions, SAMPLED_COORDINATES } from "./options.ts";
import { relativeError, toleranceExcess, withinTolerance } from "./pass-rule.ts";
import { earlyResult } from "./result.ts";
import type { CheckResult, ComponentReport } from "./types.ts";

/** What the three public checks hand to the shared engine, after validating shapes. */
export interface EngineInput {
  /** The function being differenced, already wrapped in the caller's call counter. */
  F: (x: number[]) => number[];
  /** `F(x)`, when the caller already has it (saves an evaluation for kink checks). */
  f0?: number[];
  m: number;
  n: number;
  /** The analytic derivative, flattened row-major: `analytic[i·n + j] = ∂Fᵢ/∂xⱼ`. */
  analytic: readonly number[];
  x: number[];
  options: ResolvedOptions;
  /** Shape used for labels and the transposition hint (`[n]`, `[r, c]` or `[m, n]`). */
  labelShape: readonly number[];
  /** Average the numeric matrix with its transpose (Hessians, full mode only). */
  symmetrise: boolean;
  evaluations: () => number;
  expectedShape: number[];
  hintContext: { batchSize?: number; point?: Vector };
}

/**
 * Compares an analytic derivative with central differences, column by column (one column per input
 * coordinate, 2 evaluations each), following docs/numerics.md: pass rule per component, kinks re-probed
 * with one-sided slopes, sampled coordinates plus random directions above `fullCheckLimit` inputs.
 *
 * @example
 * // internal: see gradcheck, jacobiancheck and hessiancheck
 */
export function runCheck(e: EngineInput): CheckResult {
  const { m, n, x, options: o } = e;
  const rng = createRng(o.seed);
  const sampled = n > o.fullCheckLimit;
  const all = Array.from({ length: n }, (_, j) => j);
  const columns = sampled ? rng.sample(all, Math.min(n, SAMPLED_COORDINATES)).sort((a, b) => a - b) : all;
  const projection = m === 1 ? [1] : rng.normalVector(m); // never sum(output): a fixed Gaussian r
  let f0 = e.f0;
  const center = (): number[] => (f0 ??= e.F(x.slice()));

  const { numeric, sides } = differenceColumns(e.F, x, columns, m, o.h);
  if (e.symmetrise && !sampled) symmetrise(numeric, n);

  const checked = columns
    .flatMap((j) => Array.from({ length: m }, (_, i) => i * n + j))
    .sort((a, b) => a - b);
  const base = {
    mode: sampled ? ("sampled" as const) : ("full" as const),
    point: x.slice(),
    h: o.h,
    rtol: o.rtol,
  };
  const badNumeric = checked.find((k) => !Number.isFinite(numeric[k] as number));
  if (badNumeric !== undefined) {
    return earlyResult({
      ...base,
      reason: "non-finite",
      atol: o.atolFactor,
      hint: `the function itself is not finite near the probe point (finite difference at ${componentLabel(badNumeric, e.labelShape)} is ${numeric[badNumeric]}): check for log(0), division by zero or overflow`,
      evaluations: e.evaluations(),
      expectedShape: e.expectedShape,
      actualShape: e.expectedShape,
    });
  }

  let numMax = 0;
  for (const k of checked) numMax = Math.max(numMax, Math.abs(numeric[k] as number));
  const atol = o.atolFactor * Math.max(1, numMax);
  const failing: number[] = [];
  const kinkComponents: number[] = [];
  const reports: ComponentReport[] = [];
  for (const k of checked) {
    const a = e.analytic[k] as number;
    const num = numeric[k] as number;
    reports.push(report(k, a, num, e.labelShape));
    if (withinTolerance(a, num, o.rtol, atol)) continue;
    if (o.kinks && !(e.symmetrise && !sampled && isOffDiagonal(k, n))) {
      const side = sides.get(k % n)!;
      const i = Math.floor(k / n);
      const c = center()[i] as number;
      const forward = ((side.fp[i] as number) - c) / side.s;
      const backward = (c - (side.fm[i] as number)) / side.s;
      if (acceptsAtKink(a, forward, backward, o.rtol, atol)) {
        kinkComponents.push(k);
        continue;
      }
    }
    failing.push(k);
  }

  const directional = sampled
    ? Array.from({ length: RANDOM_DIRECTIONS }, () =>
        directionalCheck({ ...e, center, projection, h: o.h, rtol: o.rtol, atol, kinks: o.kinks }, rng),
      )
    : [];
  const ok = failing.length === 0 && directional.every((d) => d.ok);
  const byExcess = (p: ComponentReport, q: ComponentReport): number =>
    toleranceExcess(q.analytic, q.numeric, o.rtol, atol) -
    toleranceExcess(p.analytic, p.numeric, o.rtol, atol);
  const failingSet = new Set(failing);
  const worst = ok
    ? [...reports].sort((p, q) => q.relativeError - p.relativeError).slice(0, 3)
    : reports
        .filter((r) => failingSet.has(r.index))
        .sort(byExcess)
        .slice(0, 3);
  return {
    ...base,
    ok,
    reason: ok ? "ok" : "mismatch",
    atol,
    checkedComponents: checked.length,
    failingComponents: failing.length,
    failingIndices: failing,
    worst,
    directional,
    kinkComponents,
    maxRelativeError: reports.reduce((mx, r) => Math.max(mx, r.relativeError), 0),
    hint: checkHint(e, numeric, failing, kinkComponents, ok),
    evaluations: e.evaluations(),
    expectedShape: e.expectedShape,
    actualShape: e.expectedShape,
  };
}

function report(k: number, a: number, num: number, shape: readonly number[]): ComponentReport {
  const label = componentLabel(k, shape);
  return {
    index: k,
    label,
    analytic: a,
    numeric: num,
    difference: a - num,
    relativeError: relativeError(a, num),
  };
}
