import { formatShape } from "./labels.ts";
import type { CheckResult, ComponentReport } from "./types.ts";

/** At most this many entries of the probe point are shown. */
const MAX_POINT_ENTRIES = 10;

/** 6 significant digits; exponent form for tiny or huge magnitudes (1e-5, not 0.00001). */
function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return Number(x.toPrecision(3)).toExponential().replace("e+", "e");
  return Number(x.toPrecision(6)).toString();
}

/**
 * Renders a check result as the plain-words message docs/numerics.md describes: what was checked, the
 * shape, the probe point (at most 10 entries, then "…"), the seed, h and the tolerances, the three
 * worst components with analytic, numeric, difference and relative error, and the hint. Never prints
 * whole matrices. A passing result renders as one line.
 *
 * @param context `name` of the function, optional `seed` (printed so the failure can be replayed) and
 * `parameter` (the name of the input, e.g. "W").
 * @example
 * const r = gradcheck((x) => x[0]! ** 2, [3], [1]);
 * console.log(formatCheckFailure(r, { name: "square", seed: 42 }));
 */
export function formatCheckFailure(
  result: CheckResult,
  context: { name: string; seed?: number; parameter?: string },
): string {
  const what = `${context.name}${context.parameter === undefined ? "" : ` with respect to ${context.parameter}`}`;
  const seed = context.seed === undefined ? "" : ` (seed ${context.seed})`;
  if (result.ok) {
    return `${what}: analytic derivative agrees with central differences: ${result.checkedComponents} components checked, largest relative error ${num(result.maxRelativeError)}${seed}`;
  }
  const lines: string[] = [];
  const headline = {
    shape: `${what}: the analytic derivative has the wrong shape: expected ${formatShape(result.expectedShape)}, got ${formatShape(result.actualShape)}`,
    "non-finite": `${what}: the analytic derivative is not finite at the probe point`,
    mismatch: `${what}: analytic derivative and central differences disagree`,
    ok: "",
  }[result.reason];
  lines.push(headline);
  lines.push(`  shape: ${formatShape(result.expectedShape)}`);
  lines.push(`  probe point: ${formatPoint(result.point)}${seed}`);
  lines.push(
    `  rule: central differences with h = ${num(result.h)}·max(1, |x|); pass when |a − n| ≤ atol + rtol·max(|a|, |n|), rtol = ${num(result.rtol)}, atol = ${num(result.atol)}`,
  );
  if (result.reason === "mismatch") {
    const how =
      result.mode === "full" ? "every component" : "a seeded sample of components and 3 random directions";
    lines.push(
      `  checked ${result.checkedComponents} components (${how}); ${result.failingComponents} failed${result.kinkComponents.length > 0 ? `, ${result.kinkComponents.length} accepted at kinks` : ""}`,
    );
    if (result.worst.length > 0) {
      lines.push(`  worst components:`);
      for (const c of result.worst) lines.push(`    ${formatComponent(c, result)}`);
    }
    const badDirections = result.directional.filter((d) => !d.ok);
    for (const d of badDirections.slice(0, 3)) {
      lines.push(`    random direction: analytic ${num(d.analytic)}, numeric ${num(d.numeric)}`);
    }
  }
  if (result.hint !== undefined) lines.push(`  hint: ${result.hint}`);
  return lines.join("\n");
}

function formatPoint(point: readonly number[]): string {
  const shown = point.slice(0, MAX_POINT_ENTRIES).map(num).join(", ");
  return `[${shown}${point.length > MAX_POINT_ENTRIES ? `, … (${point.length} entries)` : ""}]`;
}

/** One component, with the difference the pass rule allowed it, so a failure is plain to see. */
function formatComponent(c: ComponentReport, result: CheckResult): string {
  const allowed = result.atol + result.rtol * Math.max(Math.abs(c.analytic), Math.abs(c.numeric));
  return `${c.label}: analytic ${num(c.analytic)}, numeric ${num(c.numeric)}, difference ${num(c.difference)} (allowed ±${num(allowed)}; CS231n relative error ${num(c.relativeError)})`;
}
