/**
 * Purity: `update` never writes its inputs (all deeply frozen here), returns arrays it does not share
 * with its inputs or its state, and gives the same answer when called twice on the same state (so the
 * chain's in-place fast path cannot leak into a state).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adagrad,
  adam,
  adamw,
  addDecayedWeights,
  chain,
  clipByGlobalNorm,
  clipByValue,
  cosineSchedule,
  type GradientTransformation,
  momentum,
  nesterov,
  rmsprop,
  scale,
  scaleByAdagrad,
  scaleByAdam,
  scaleByLearningRate,
  scaleByRms,
  sgd,
  trace,
} from "../src/index.ts";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Every array reachable from a state. */
function arraysIn(value: unknown, out: unknown[][] = []): unknown[][] {
  if (Array.isArray(value)) out.push(value);
  if (typeof value === "object" && value !== null) for (const v of Object.values(value)) arraysIn(v, out);
  return out;
}

const subjects: [string, () => GradientTransformation<unknown>][] = [
  ["scale", () => scale(2)],
  ["scaleByLearningRate", () => scaleByLearningRate(cosineSchedule({ initial: 0.1, decaySteps: 5 }))],
  ["trace", () => trace()],
  ["trace (nesterov)", () => trace({ nesterov: true })],
  ["scaleByAdagrad", () => scaleByAdagrad()],
  ["scaleByRms", () => scaleByRms()],
  ["scaleByAdam", () => scaleByAdam()],
  ["addDecayedWeights", () => addDecayedWeights(0.1)],
  ["clipByValue", () => clipByValue(0.5)],
  ["clipByGlobalNorm", () => clipByGlobalNorm(0.5)],
  ["sgd", () => sgd()],
  ["momentum", () => momentum()],
  ["nesterov", () => nesterov()],
  ["adagrad", () => adagrad()],
  ["rmsprop", () => rmsprop()],
  ["adam", () => adam()],
  ["adamw", () => adamw()],
  [
    "a long chain",
    () =>
      chain(
        clipByGlobalNorm(3),
        trace(),
        scaleByAdam(),
        addDecayedWeights(),
        scale(2),
        scaleByLearningRate(0.1),
      ),
  ],
];

const vectors = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }), {
    minLength: 4,
    maxLength: 4,
  }),
);

for (const [name, make] of subjects) {
  describe(`${name} (purity)`, () => {
    it("leaves frozen inputs alone, returns unshared arrays, and repeats itself on the same state", () => {
      fc.assert(
        fc.property(vectors, ([params, g1, g2, g3]) => {
          const t = make();
          let state = deepFreeze(t.init(deepFreeze(params!)));
          for (const g of [g1!, g2!]) state = deepFreeze(t.update(deepFreeze(g), state, params)[1]);
          const [a, s1] = t.update(deepFreeze(g3!), state, params);
          const [b, s2] = t.update(g3!, state, params);
          expect(a).toEqual(b);
          expect(s1).toEqual(s2);
          const shared = [params!, g3!, ...arraysIn(state), ...arraysIn(s1)];
          expect(shared.some((arr) => arr === a)).toBe(false);
          a[0] = Number.NaN; // scribbling on the updates must not reach the new state
          expect(s1).toEqual(s2);
        }),
        { numRuns: 50 },
      );
    });
  });
}
