import { checkPositive } from "../internal/check.ts";
import { elementwise } from "../internal/elementwise.ts";
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
  return elementwise<ClipByGlobalNormState>(
    () => ({ kind: "clip-by-global-norm" }),
    (src, dst, state) => {
      const norm = euclideanNorm(src);
      const factor = norm > maxNorm ? maxNorm / norm : 1;
      for (let i = 0; i < src.length; i++) dst[i] = factor * src[i]!;
      return state;
    },
  );
}

/** `‖g‖₂`; when the plain sum of squares overflows (entries above ~1e154), `M·‖g/M‖₂` with `M = max|gᵢ|`. */
function euclideanNorm(g: Params): number {
  let sumSq = 0;
  for (let i = 0; i < g.length; i++) sumSq += g[i]! * g[i]!;
  if (Number.isFinite(sumSq)) return Math.sqrt(sumSq);
  let max = 0;
  for (const x of g) max = Math.max(max, Math.abs(x));
  if (!Number.isFinite(max)) return max;
  let scaled = 0;
  for (const x of g) scaled += (x / max) * (x / max);
  return max * Math.sqrt(scaled);
}
