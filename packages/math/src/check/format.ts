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
 * Renders a check result as the plain-words message NUMERICS.md describes: what was checked, the
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
    return `derivative of ${what} matches finite differences: ${result.checkedComponents} components checked, largest relative error ${num(result.maxRelativeError)}${seed}`;
  }
  const lines: string[] = [];
  const headline = {
    shape: `the derivative of ${what} has the wrong shape: expected ${formatShape(result.expectedShape)}, got ${formatShape(result.actualShape)}`,
    "non-finite": `the derivative of ${what} is not finite at the probe point`,
    mismatch: `the derivative of ${what} does not match finite differences`,
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
      for (const c of result.worst) lines.push(`    ${formatComponent(c)}`);
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

function formatComponent(c: ComponentReport): string {
  return `${c.label}: analytic ${num(c.analytic)}, numeric ${num(c.numeric)}, difference ${num(c.difference)}, rel. error ${num(c.relativeError)}`;
}
