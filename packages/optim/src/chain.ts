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
      const inner = state.states as readonly unknown[];
      if (inner.length !== transforms.length) {
        throw new RangeError(
          `chain: state holds ${inner.length} inner states, expected ${transforms.length}`,
        );
      }
      const next = new Array<unknown>(transforms.length);
      let updates: Params = grads;
      for (let i = 0; i < transforms.length; i++) {
        const [u, s] = transforms[i]!.update(updates, inner[i], params);
        updates = u;
        next[i] = s;
      }
      // A chain of nothing is the identity; copy so the caller never aliases its own gradients.
      const out = updates === grads ? grads.slice() : (updates as number[]);
      return [out, { kind: "chain", states: next as unknown as StatesOf<T> }];
    },
  };
}
