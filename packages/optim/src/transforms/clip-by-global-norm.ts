import { checkPositive } from "../internal/check.ts";
import type { GradientTransformation, Params } from "../types.ts";

/** State of {@link clipByGlobalNorm}: nothing to remember. */
export interface ClipByGlobalNormState {
  readonly kind: "clip-by-global-norm";
}

/**
 * Rescale so that the Euclidean norm is at most `maxNorm`: `u = g · min(1, maxNorm / ‖g‖₂)`.
 *
 * The direction is kept; below the limit it is a no-op (a copy). The norm runs over the whole flat vector
 * (the "global" norm over every tensor). This is the optax form; PyTorch divides by `‖g‖ + 1e-6`, which
 * differs by at most 1e-6 relative.
 *
 * @param maxNorm - the limit, `> 0` (no default).
 */
export function clipByGlobalNorm(maxNorm: number): GradientTransformation<ClipByGlobalNormState> {
  checkPositive("clipByGlobalNorm", "maxNorm", maxNorm);
  return {
    init: () => ({ kind: "clip-by-global-norm" }),
    update(grads: Params, state: ClipByGlobalNormState) {
      const n = grads.length;
      let sumSq = 0;
      for (let i = 0; i < n; i++) sumSq += grads[i]! * grads[i]!;
      // Entries above ~1e154 overflow the plain sum of squares; fall back to a scaled sum then.
      const norm = Number.isFinite(sumSq) ? Math.sqrt(sumSq) : scaledNorm(grads);
      if (!(norm > maxNorm)) return [grads.slice(), state];
      const factor = maxNorm / norm;
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = factor * grads[i]!;
      return [out, state];
    },
  };
}

/** `‖g‖₂` computed as `M·‖g/M‖₂` with `M = max|gᵢ|`, immune to overflow. */
function scaledNorm(grads: Params): number {
  let max = 0;
  for (const g of grads) max = Math.max(max, Math.abs(g));
  if (!Number.isFinite(max) || max === 0) return max;
  let sumSq = 0;
  for (const g of grads) sumSq += (g / max) * (g / max);
  return max * Math.sqrt(sumSq);
}
