import { check } from "./check-error.ts";

/**
 * Checks that a seeded training run is driven by its seed (the lesson contract (docs/lesson-contract.md): "same seed gives the same
 * weights"; `seed` defaults to 0): two runs with one seed agree, another seed gives other weights, and
 * leaving the seed out is the same as seed 0. `weights` runs the learner's trainer with the given
 * options and returns its weights as text (e.g. `JSON.stringify([w, b])`).
 */
export function expectSeedControl(name: string, weights: (options: object) => string, base: object): void {
  const [a, b, c] = [
    weights({ ...base, seed: 5 }),
    weights({ ...base, seed: 5 }),
    weights({ ...base, seed: 6 }),
  ];
  check(a === b, {
    called: `${name}(X, y, { …, seed: 5 }), twice`,
    got: `${a} then ${b}`,
    expected: "identical weights",
    why: "shuffle only with createRng(seed): the same seed must replay the same run",
  });
  check(a !== c, {
    called: `${name}(X, y, { …, seed: 5 }) and seed: 6`,
    got: "identical weights",
    expected: "different weights (other shuffles)",
    why: "the seed must drive the shuffling: create the generator with createRng(seed)",
  });
  check(weights(base) === weights({ ...base, seed: 0 }), {
    called: `${name}(X, y, { … }) without a seed, and with seed: 0`,
    got: "different weights",
    expected: "identical weights: the seed defaults to 0",
  });
}
