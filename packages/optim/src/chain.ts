import { fastPathOf } from "./internal/fast-path.ts";
import type { GradientTransformation, Params, StateOf } from "./types.ts";

/** The states of a tuple of transformations, position by position. */
export type StatesOf<T extends readonly GradientTransformation<unknown>[]> = {
  readonly [K in keyof T]: StateOf<T[K]>;
};

/** State of {@link chain}: the state of every inner transformation, in order. */
export interface ChainState<States extends readonly unknown[]> {
  readonly kind: "chain";
  readonly states: States;
}

/**
 * Compose transformations left to right: the updates of one are the gradients of the next
 * (`chain(scaleByAdam(), scaleByLearningRate(1e-3))` is Adam). Every inner transformation receives the
 * original `params`.
 *
 * Purity is kept: the caller's arrays are never written. Internally, when a link of this library
 * produced a fresh array, a following elementwise link (such as `scaleByLearningRate`) overwrites it
 * instead of allocating another (see `internal/fast-path.ts`); Adam's chain then costs one allocation
 * more than a hand-fused loop, not two.
 */
export function chain<const T extends readonly GradientTransformation<unknown>[]>(
  ...transforms: T
): GradientTransformation<ChainState<StatesOf<T>>> {
  return {
    init(params: Params) {
      const states = transforms.map((t) => t.init(params));
      return { kind: "chain", states: states as unknown as StatesOf<T> };
    },
    update(grads: Params, state: ChainState<StatesOf<T>>, params?: Params) {
      const inner = state?.states as readonly unknown[] | undefined;
      if (!Array.isArray(inner) || inner.length !== transforms.length) {
        throw new RangeError(
          `chain: expected a chain state holding ${transforms.length} inner states (from this chain's init)`,
        );
      }
      const next = new Array<unknown>(transforms.length);
      let updates: Params = grads;
      let owned = false; // true when `updates` is a fresh array that only this call holds
      for (let i = 0; i < transforms.length; i++) {
        const transform = transforms[i]!;
        const fast = fastPathOf(transform);
        if (owned && fast?.inPlace !== undefined) {
          next[i] = fast.inPlace(updates as number[], inner[i], params);
          continue;
        }
        const [u, s] = transform.update(updates, inner[i], params);
        owned = fast?.fresh === true && u !== updates && u !== grads;
        updates = u;
        next[i] = s;
      }
      // A chain of nothing is the identity; copy so the caller never aliases its own gradients.
      const out = updates === grads ? grads.slice() : (updates as number[]);
      return [out, { kind: "chain", states: next as unknown as StatesOf<T> }];
    },
  };
}
