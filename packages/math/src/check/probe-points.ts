import { createRng } from "../random/rng.ts";
import type { Vector } from "../types.ts";

/** Options of `probePoints`. */
export interface ProbeOptions {
  /** Standard deviations of the Gaussian points, one point each; default [0.5, 3] (typical, large). */
  scales?: readonly number[];
  /** The arguments of every kink of f at x (ReLU inputs, |·| arguments, hinge margins…). */
  kinkArguments?: (x: Vector) => readonly number[];
  /** Minimum distance of every kink argument from 0; default 1e-3. */
  clearance?: number;
}

/** Redraws allowed per point before giving up on the kink clearance. */
const MAX_DRAWS = 1000;

/**
 * Seeded probe points for a gradient check, per docs/numerics.md: one at typical scale N(0, 0.5²) and one
 * large N(0, 3²) (the third, "after a few descent steps", depends on the task and is the caller's).
 * With `kinkArguments`, a point is redrawn until every kink argument is at least `clearance` from 0, so
 * a central difference never straddles a kink.
 *
 * @param n number of coordinates; `seed` makes the points replayable (print it in failure messages).
 * @throws RangeError when no point with the clearance is found in 1000 draws.
 * @example
 * const [typical, large] = probePoints(3, 42);
 * probePoints(2, 7, { kinkArguments: (x) => [x[0]! - x[1]!] }); // |x₀ − x₁| ≥ 1e-3 at both points
 */
export function probePoints(n: number, seed: number, options: ProbeOptions = {}): number[][] {
  const { scales = [0.5, 3], kinkArguments, clearance = 1e-3 } = options;
  const rng = createRng(seed);
  return scales.map((std) => {
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      const x = rng.normalVector(n, std);
      if (kinkArguments === undefined || kinkArguments(x).every((a) => Math.abs(a) >= clearance)) return x;
    }
    throw new RangeError(
      `probePoints: no point with every kink argument ≥ ${clearance} from 0 in ${MAX_DRAWS} draws`,
    );
  });
}
