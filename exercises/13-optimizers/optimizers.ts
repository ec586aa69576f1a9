/**
 * Lesson 13: momentum, Adagrad, RMSprop, Adam, AdamW, written as pure steps.
 *
 * Fill in each function, then run `pnpm grade 13`. Stuck on task 4? `pnpm hint 13 4`.
 * Every step takes the parameters θ, the gradient g and the state it returned last time (`undefined`
 * on the first step), and returns fresh `{ params, state }`: it never changes its inputs, the state
 * included. t counts steps from 1. The equations follow PyTorch's convention, ε added after the square
 * root (see the README).
 */
import type { Vector, VectorField } from "@calcml/math";

/** What every step returns: the new parameters and the state to pass to the next step. */
export type StepResult<S> = { params: number[]; state: S };

export type MomentumState = { velocity: number[] };
export type MomentumOptions = { learningRate: number; momentum?: number; nesterov?: boolean };
export type AdagradState = { sumOfSquares: number[] };
export type AdagradOptions = { learningRate?: number; eps?: number };
export type RmspropState = { meanSquare: number[] };
export type RmspropOptions = { learningRate?: number; decay?: number; eps?: number };
export type AdamState = { m: number[]; v: number[]; t: number };
export type AdamOptions = { learningRate?: number; beta1?: number; beta2?: number; eps?: number };
export type AdamWOptions = AdamOptions & { weightDecay?: number };

/**
 * Task 1. SGD with momentum μ: the buffer starts at the first gradient, `b₁ = g`, then
 * `b_t = μ·b_{t−1} + g`, and `θ ← θ − γ·b_t`. With `nesterov`, step along `g + μ·b_t` instead of `b_t`.
 * Step 1 equals plain gradient descent (or `(1 + μ)·γ·g` with Nesterov).
 *
 * @param options `learningRate` γ (required), `momentum` μ = 0.9, `nesterov` = false.
 * @throws RangeError when params and grad differ in length; the message starts with `momentumStep`.
 * @example momentumStep([1], [2], undefined, { learningRate: 0.1 }) // params [0.8], velocity [2]
 */
export function momentumStep(
  params: Vector,
  grad: Vector,
  state: MomentumState | undefined,
  options: MomentumOptions,
): StepResult<MomentumState> {
  // TODO: update the buffer (it starts at g), then step against it (or against g + μ·b for Nesterov).
  throw new Error("TODO: implement momentumStep");
}

/**
 * Task 2. Adagrad: accumulate squared gradients `s ← s + g²` (s starts at 0), then
 * `θ ← θ − γ·g / (√s + ε)`. Coordinates that have seen large gradients take smaller steps.
 *
 * @param options `learningRate` γ = 1e-2, `eps` ε = 1e-10.
 * @throws RangeError when params and grad differ in length; the message starts with `adagradStep`.
 * @example adagradStep([1], [2], undefined) // s = 4, θ = 1 − 0.01·2/2 = 0.99
 */
export function adagradStep(
  params: Vector,
  grad: Vector,
  state: AdagradState | undefined,
  options: AdagradOptions = {},
): StepResult<AdagradState> {
  // TODO: add g² to the running sum, then divide the step by its square root plus ε.
  throw new Error("TODO: implement adagradStep");
}

/**
 * Task 3. RMSprop: a moving average of squared gradients `v ← α·v + (1 − α)·g²` (v starts at 0), then
 * `θ ← θ − γ·g / (√v + ε)`, with ε added after the square root.
 *
 * @param options `learningRate` γ = 1e-2, `decay` α = 0.99, `eps` ε = 1e-8.
 * @throws RangeError when params and grad differ in length; the message starts with `rmspropStep`.
 * @example rmspropStep([1], [2], undefined) // v = 0.04, θ = 1 − 0.01·2/0.2 = 0.9
 */
export function rmspropStep(
  params: Vector,
  grad: Vector,
  state: RmspropState | undefined,
  options: RmspropOptions = {},
): StepResult<RmspropState> {
  // TODO: decay the average of g², then divide the step by its square root plus ε.
  throw new Error("TODO: implement rmspropStep");
}

/**
 * Task 4. Adam: moving averages of g and g², `m ← β₁m + (1 − β₁)g`, `v ← β₂v + (1 − β₂)g²` (both start
 * at 0), bias-corrected `m̂ = m/(1 − β₁ᵗ)`, `v̂ = v/(1 − β₂ᵗ)`, then `θ ← θ − γ·m̂ / (√v̂ + ε)`.
 * Thanks to the correction, step 1 moves every coordinate by almost exactly γ.
 *
 * @param options `learningRate` γ = 1e-3, `beta1` β₁ = 0.9, `beta2` β₂ = 0.999, `eps` ε = 1e-8.
 * @throws RangeError when params and grad differ in length; the message starts with `adamStep`.
 * @example adamStep([1], [5], undefined, {}) // θ ≈ 1 − 0.001 (= 0.999), state { m: [0.5], v: [0.025], t: 1 }
 */
export function adamStep(
  params: Vector,
  grad: Vector,
  state: AdamState | undefined,
  options: AdamOptions = {},
): StepResult<AdamState> {
  // TODO: advance t, update m and v, correct their bias, and step by γ·m̂/(√v̂ + ε).
  throw new Error("TODO: implement adamStep");
}

/**
 * Task 5. AdamW: decoupled weight decay. First shrink the parameters, `θ ← θ − γ·λ·θ`, then take the
 * Adam step from the shrunk θ with the same gradient g. Unlike adding `λθ` to the gradient (Adam with
 * L2), the decay is not rescaled by Adam: with g = 0, θ shrinks by exactly (1 − γλ).
 *
 * @param options Adam's options and `weightDecay` λ = 1e-2.
 * @throws RangeError when params and grad differ in length.
 * @example adamwStep([1], [0], undefined, { learningRate: 0.1 }) // θ = 1·(1 − 0.1·0.01) = 0.999
 */
export function adamwStep(
  params: Vector,
  grad: Vector,
  state: AdamState | undefined,
  options: AdamWOptions = {},
): StepResult<AdamState> {
  // TODO: check the lengths, shrink θ by the factor (1 − γλ), then take an Adam step from there.
  throw new Error("TODO: implement adamwStep");
}

/**
 * Task 6. Runs `step` for `iterations` steps from `x0`, feeding back the state it returns and the
 * gradient at the current point, and returns the path: `iterations + 1` points, the start first.
 *
 * @example minimizeWith((p, g, s) => momentumStep(p, g, s, { learningRate: 0.1 }), ([x]) => [2 * x], [1], 2).length // 3
 */
export function minimizeWith<S>(
  step: (params: Vector, grad: Vector, state: S | undefined) => StepResult<S>,
  grad: VectorField,
  x0: Vector,
  iterations: number,
): number[][] {
  // TODO: start the path at a copy of x0; each iteration steps from the last point with its gradient.
  throw new Error("TODO: implement minimizeWith");
}
