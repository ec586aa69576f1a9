import { probePoints as drawProbePoints, type Rng } from "@calcml/math";

/** How far every kink argument is kept from its kink (docs/numerics.md, "Kinks"). */
export const KINK_MARGIN = 1e-3;

/**
 * Two seeded probe points in `n` dimensions, one at typical scale N(0, 0.5²) and one large N(0, 3²),
 * drawn by `@calcml/math`'s `probePoints` from a seed taken off `rng`.
 */
export function probePoints(rng: Rng, n: number): number[][] {
  return drawProbePoints(n, rng.int(2 ** 31));
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
