import type { Rng } from "@calcml/math";

/** Standard deviations of the typical-scale and large probe points (NUMERICS.md, "Probe points"). */
export const TYPICAL_SCALE = 0.5;
export const LARGE_SCALE = 3;
/** How far every kink argument is kept from its kink. */
export const KINK_MARGIN = 1e-3;

/** Two seeded probe points in `n` dimensions: one at typical scale, one large. */
export function probePoints(rng: Rng, n: number): number[][] {
  return [rng.normalVector(n, TYPICAL_SCALE), rng.normalVector(n, LARGE_SCALE)];
}

/** Nudges every entry at least {@link KINK_MARGIN} away from each kink in `kinks` (default: 0). */
export function awayFromKinks(x: readonly number[], kinks: readonly number[] = [0]): number[] {
  return x.map((v) => {
    for (const k of kinks) {
      if (Math.abs(v - k) < KINK_MARGIN) return k + (v >= k ? 1 : -1) * 2 * KINK_MARGIN;
    }
    return v;
  });
}
