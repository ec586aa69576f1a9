import * as lesson from "@lesson/00-welcome";
import { it } from "vitest";
import {
  expectClose,
  expectForAll,
  fc,
  labelled,
  learnerCalls,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

task("square", () => {
  it("squares small integers, negatives and zero", () => {
    for (const x of [0, 1, 2, -3, 7]) {
      const { value, called } = learner.square(x);
      expectClose(value, x * x, { called, oracle: "x · x" });
    }
  });

  it("squares random real numbers", () => {
    const rng = suiteRng("square random");
    for (let i = 0; i < 20; i++) {
      const x = rng.normal(0, 10);
      const { value, called } = learner.square(x);
      expectClose(value, x * x, {
        called,
        oracle: "x · x",
        why: (got, want) =>
          Math.abs(got - 2 * x) < 1e-9 * Math.abs(want) + 1e-12 ? "that is 2x, not x²" : undefined,
      });
    }
  });
});

task("secant-slope", () => {
  const parabola = labelled("x ↦ x²", (x: number) => x * x);

  it("finds the slope between two points of a parabola", () => {
    const { value, called } = learner.secantSlope(parabola, 1, 3);
    expectClose(value, 4, {
      called,
      oracle: "(9 − 1) / (3 − 1)",
      why: (got) => (got === 8 ? "that is the rise f(b) − f(a); divide it by the run b − a" : undefined),
    });
  });

  it("matches (a + b) for a parabola at random points, in either order", () => {
    // Oracle: for f(x) = x², (b² − a²)/(b − a) = a + b exactly.
    const rng = suiteRng("secant random");
    for (let i = 0; i < 10; i++) {
      const a = rng.normal(0, 5);
      const b = a + 0.5 + rng.uniform() * 3;
      for (const [p, q] of [
        [a, b],
        [b, a],
      ] as const) {
        const { value, called } = learner.secantSlope(parabola, p, q);
        expectClose(value, a + b, {
          called,
          oracle: "a + b, since (b² − a²)/(b − a) = a + b",
          rtol: 1e-9,
          atol: 1e-9,
          why: (got, want) =>
            Math.abs(got + want) < 1e-6
              ? "the sign is flipped: subtract in the same order on top and bottom"
              : undefined,
        });
      }
    }
  });

  it("gives the slope m of any straight line, whichever two distinct points it is given", () => {
    // Oracle: a line x ↦ m·x + c rises m·(b − a) over a run of b − a, for every a ≠ b.
    // Round numbers keep the shrunk counterexample readable.
    const round = (max: number) => fc.integer({ min: -100 * max, max: 100 * max }).map((k) => k / 100);
    expectForAll(
      "secant of a line",
      [round(10), round(10), round(100), round(100)],
      (m, c, a, d) => {
        const b = a + (d === 0 ? 0.01 : d);
        const line = labelled(`x ↦ ${m}·x + ${c}`, (x: number) => m * x + c);
        const { value, called } = learner.secantSlope(line, a, b);
        // Rounding of m·x + c at both ends (a few ε of each term), divided by the run.
        const atol =
          (8 * Number.EPSILON * (Math.abs(m) * (Math.abs(a) + Math.abs(b)) + Math.abs(c))) / Math.abs(b - a);
        expectClose(value, m, {
          called,
          oracle: "m, the slope of the line: (m·b + c − m·a − c) / (b − a)",
          rtol: 1e-9,
          atol,
          why: (got, want) =>
            Math.abs(got + want) <= 1e-9 * Math.abs(want) + atol
              ? "the sign is flipped: subtract in the same order on top and bottom"
              : undefined,
        });
      },
      { numRuns: 40 },
    );
  });

  it("rejects a equal to b with a RangeError", () => {
    learner.secantSlope.rangeError("a and b are equal", parabola, 2, 2);
  });
});
