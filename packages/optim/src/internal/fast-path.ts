/**
 * An internal fast path for `chain` (not part of the public API).
 *
 * Transformations built by this library are tagged, under a private symbol, with:
 * - `fresh`: `update` always returns a new array that nothing else holds (not the input, not the state);
 * - `inPlace` (elementwise, stateless transforms only): the same computation written over its input.
 *
 * `chain` may then let an in-place transform overwrite the updates produced by a `fresh` one: that array
 * exists only inside the chain, so purity is kept while one allocation per link is saved. Anything
 * untagged (a learner's own transformation, say) always goes through its plain `update`.
 */
import type { GradientTransformation, Params } from "../types.ts";

const FAST_PATH = Symbol("@calcml/optim fast path");

/** What a tagged transformation promises (see the module comment). */
export interface FastPath<S> {
  readonly fresh: true;
  readonly inPlace?: (updates: number[], state: S, params?: Params) => S;
}

/** Tag `transform` (non-enumerable, so spreading or printing it is unaffected) and return it. */
export function withFastPath<S>(transform: GradientTransformation<S>, fastPath: FastPath<S>) {
  Object.defineProperty(transform, FAST_PATH, { value: fastPath, enumerable: false });
  return transform;
}

/** The tag of `transform`, if it has one. */
export function fastPathOf<S>(transform: GradientTransformation<S>): FastPath<S> | undefined {
  return (transform as { [FAST_PATH]?: FastPath<S> })[FAST_PATH];
}
