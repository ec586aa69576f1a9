/**
 * Core types of `@calcml/optim`: flat parameter vectors, gradient transformations and schedules.
 *
 * @packageDocumentation
 */

/** A flat vector of parameters (or of gradients, or of updates). */
export type Params = readonly number[];

/**
 * A gradient transformation (optax style): a pair of pure functions.
 *
 * - `init(params)` builds the initial state for parameters shaped like `params`.
 * - `update(grads, state, params?)` returns the updates to add to the parameters and the next state.
 *   It never mutates its inputs.
 *
 * Updates are *added* to the parameters (see {@link applyUpdates}), so a descent step carries the minus
 * sign: `scaleByLearningRate` negates.
 *
 * @typeParam S - the transformation's readonly, named state (`{ readonly kind: "adam"; ... }`).
 */
export interface GradientTransformation<S> {
  /** Build the initial state for parameters shaped like `params`. */
  init(params: Params): S;
  /** Transform `grads` into updates; `params` is needed only by transforms such as weight decay. */
  update(grads: Params, state: S, params?: Params): [updates: number[], state: S];
}

/** The state type of a gradient transformation. */
export type StateOf<T> = T extends GradientTransformation<infer S> ? S : never;

/**
 * A learning-rate schedule: the value to use at step `step`, counted from 0 (the first update uses
 * `schedule(0)`).
 */
export type Schedule = (step: number) => number;

/** A scalar objective `f: ℝⁿ → ℝ`. */
export type Objective = (x: Params) => number;

/** The gradient `∇f: ℝⁿ → ℝⁿ` of an objective. */
export type Gradient = (x: Params) => readonly number[];
