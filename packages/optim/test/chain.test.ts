/** applyUpdates and chain: composition, states, and purity on the in-place fast path. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDecayedWeights,
  applyUpdates,
  chain,
  clipByGlobalNorm,
  clipByValue,
  type GradientTransformation,
  scale,
  scaleByAdam,
  scaleByLearningRate,
  trace,
} from "../src/index.ts";
import { expectVectorClose } from "./support/close.ts";

const vector = (n = 6) =>
  fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: n });

describe("applyUpdates", () => {
  it("adds the updates to the parameters in a new array", () => {
    const params = Object.freeze([1, 2, 3]);
    const out = applyUpdates(params, [0.5, -1, 0]);
    expect(out).toEqual([1.5, 1, 3]);
    expect(out).not.toBe(params);
  });

  it("rejects updates of another length", () => {
    expect(() => applyUpdates([1, 2], [1])).toThrow(/applyUpdates: updates has length 1, expected 2/);
  });
});

describe("chain", () => {
  it("feeds each transformation's updates to the next, left to right", () => {
    const t = chain(scale(2), clipByValue(3), scale(-1));
    const [u] = t.update([1, 2, -5], t.init([0, 0, 0]));
    expect(u).toEqual([-2, -3, 3]);
  });

  it("keeps one named state per link, in order", () => {
    const t = chain(trace({ decay: 0.5 }), scaleByLearningRate(0.1));
    const s0 = t.init([0, 0]);
    expect(s0.kind).toBe("chain");
    expect(s0.states.map((s) => s.kind)).toEqual(["trace", "scale-by-learning-rate"]);
    const [, s1] = t.update([1, 1], s0);
    expect(s1.states[0].buffer).toEqual([1, 1]);
    expect(s1.states[1].count).toBe(1);
  });

  it("is the identity with no links, and never returns the caller's array", () => {
    const t = chain();
    const g = [1, 2];
    const [u] = t.update(g, t.init(g));
    expect(u).toEqual(g);
    expect(u).not.toBe(g);
  });

  it("never writes the caller's arrays or a foreign link's state, even on its in-place fast path", () => {
    // A learner-written link that returns an array aliasing its own state (legal, if unwise).
    const aliasing: GradientTransformation<{ readonly last: readonly number[] }> = {
      init: (p) => ({ last: p.map(() => 0) }),
      update: (g) => {
        const last = g.map((x) => 2 * x);
        return [last, { last }];
      },
    };
    const t = chain(aliasing, scaleByLearningRate(0.5), addDecayedWeights(0.1), clipByValue(100));
    const g = Object.freeze([1, -2, 3]);
    const params = Object.freeze([1, 1, 1]);
    const [u, s] = t.update(g, t.init(params), params);
    expect(s.states[0].last).toEqual([2, -4, 6]);
    expectVectorClose(u, [-0.9, 2.1, -2.9]);
  });

  it("rejects a state that is not its own", () => {
    const t = chain(scale(1), scale(2));
    const wrong = chain(scale(1)).init([1]) as unknown as ReturnType<typeof t.init>;
    expect(() => t.update([1], wrong)).toThrow(/chain: expected a chain state holding 2 inner states/);
  });

  it("matches running the links one by one", () => {
    fc.assert(
      fc.property(vector(), (g) => {
        const links = [
          scaleByAdam(),
          addDecayedWeights(0.3),
          scaleByLearningRate(0.1),
          clipByGlobalNorm(1),
        ] as const;
        const params = g.map((x) => x / 7);
        const [u] = chain(...links).update(g, chain(...links).init(params), params);
        let manual: readonly number[] = g;
        for (const link of links as readonly GradientTransformation<unknown>[]) {
          [manual] = link.update(manual, link.init(params), params);
        }
        return u.every((x, i) => x === manual[i]);
      }),
    );
  });
});
