/**
 * Callbacks that run inside the sandbox instead of calling back to the trusted side. A callback a suite
 * hands to learner code normally stays on the trusted side, and every call of it is a round trip to the
 * sandbox's child and back (about 15–50 µs). A test that makes the learner's code call f a hundred
 * thousand times can instead ship f itself: its source (and the data it closes over, passed as `env`)
 * travels as text and is compiled in the child.
 *
 * Safe for grading because a shipped callback only feeds the learner's code: whatever learner code does
 * to it changes only that code's own answers, which the trusted side checks against its own oracle.
 * Never ship a callback whose calls are counted for a score (counting must stay on the trusted side).
 */

/** Where a portable function or object keeps its recipe. */
export const PORTABLE = Symbol.for("calcml.portable");

export type Recipe =
  | { kind: "code"; source: string; env: Record<string, unknown> }
  | { kind: "rng"; seed: number };

/**
 * Marks `fn` to be shipped: it must use nothing but its parameters, the names in `env`, and globals
 * (Math, Number…). A free variable shows up as a ReferenceError when the suite runs on the solution.
 * Returns `fn` itself (still callable here, labels kept).
 */
export function portable<F extends (...args: never[]) => unknown>(
  fn: F,
  env: Record<string, unknown> = {},
): F {
  Object.defineProperty(fn, PORTABLE, {
    value: { kind: "code", source: fn.toString(), env } satisfies Recipe,
  });
  return fn;
}

/** Marks a seeded generator (from `createRng(seed)`) to be re-created from its seed inside the sandbox. */
export function portableRng<R extends object>(rng: R, seed: number): R {
  Object.defineProperty(rng, PORTABLE, { value: { kind: "rng", seed } satisfies Recipe });
  return rng;
}

export function recipeOf(value: object): Recipe | undefined {
  return (value as { [PORTABLE]?: Recipe })[PORTABLE];
}
