import type { Vector } from "../types.ts";
import { componentLabel } from "./labels.ts";
import { patternHint } from "./pattern-hint.ts";

/**
 * The hint of a finished check: the kinks accepted when it passed; a pointer to unsampled coordinates
 * when only a random direction failed; otherwise `patternHint` on the failing components.
 *
 * @example
 * // internal: called by runCheck
 */
export function checkHint(
  e: {
    analytic: readonly number[];
    labelShape: readonly number[];
    hintContext: { batchSize?: number; point?: Vector };
    options: { batchSize: number | undefined };
  },
  numeric: readonly number[],
  failing: number[],
  kinks: number[],
  ok: boolean,
): string | undefined {
  if (ok) {
    if (kinks.length === 0) return undefined;
    const shown = kinks.slice(0, 10).map((k) => componentLabel(k, e.labelShape));
    return `components ${shown.join(", ")} sit at a kink: accepted as subgradients`;
  }
  if (failing.length === 0) {
    return "a random-direction check failed although every sampled coordinate agrees: the error is in coordinates that were not sampled; rerun with fullCheckLimit >= n or another seed to find them";
  }
  const shape = e.labelShape.length === 2 ? e.labelShape : undefined;
  return patternHint(e.analytic, numeric, failing, {
    ...e.hintContext,
    ...(e.options.batchSize === undefined ? {} : { batchSize: e.options.batchSize }),
    ...(shape ? { shape } : {}),
  });
}
