import type { GradientTransformation, Params } from "../types.ts";
import { withFastPath } from "./fast-path.ts";

/**
 * Writes the transformed `src` into `dst` (which may be `src` itself, so read `src[i]` before writing
 * `dst[i]`) and returns the next state.
 */
export type Kernel<S> = (src: Params, dst: number[], state: S, params?: Params) => S;

/**
 * Build a transformation from an elementwise kernel: `update` writes into a fresh array; the internal
 * in-place variant (used by `chain`) writes over an array the chain owns.
 */
export function elementwise<S>(init: (params: Params) => S, kernel: Kernel<S>): GradientTransformation<S> {
  const transform: GradientTransformation<S> = {
    init,
    update(grads: Params, state: S, params?: Params) {
      const out = new Array<number>(grads.length);
      return [out, kernel(grads, out, state, params)];
    },
  };
  return withFastPath(transform, { fresh: true, inPlace: (u, state, params) => kernel(u, u, state, params) });
}
