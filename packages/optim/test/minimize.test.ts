/** The minimise loop: its result, its stopping reasons and its callback. */
import { describe, expect, it } from "vitest";
import { type GradientTransformation, minimize, sgd } from "../src/index.ts";
import { expectVectorClose } from "./support/close.ts";
import { bowl, quadratic } from "./support/problems.ts";

describe("minimize", () => {
  it("descends a bowl to its minimum and says it converged on the tolerance", () => {
    const r = minimize(bowl.f, bowl.grad, bowl.x0, sgd({ learningRate: 0.5 }), { tolerance: 1e-8 });
    expect(r.reason).toBe("tolerance");
    expect(r.converged).toBe(true);
    expect(Math.hypot(...r.x)).toBeLessThanOrEqual(1e-8);
  });

  it("records the path from x₀ and the value at every point", () => {
    const { f, grad, x0 } = quadratic;
    const r = minimize(f, grad, x0, sgd({ learningRate: 0.1 }), { maxIterations: 4, tolerance: 0 });
    expect(r.iterations).toBe(4);
    expect(r.path).toHaveLength(5);
    expect(r.path[0]).toEqual(x0);
    expect(r.path[0]).not.toBe(x0);
    expect(r.values).toEqual(r.path.map(f));
    expect(r.x).toBe(r.path[4]);
    // Each point is the previous one minus γ∇f.
    const g0 = grad(x0);
    expectVectorClose(
      r.path[1]!,
      x0.map((xi, i) => xi - 0.1 * g0[i]!),
    );
  });

  it("stops on the budget with reason max-iterations", () => {
    const { f, grad, x0 } = quadratic;
    const r = minimize(f, grad, x0, sgd({ learningRate: 1e-3 }), { maxIterations: 7 });
    expect(r).toMatchObject({ iterations: 7, converged: false, reason: "max-iterations" });
  });

  it("stops at once when x₀ already meets the tolerance", () => {
    const r = minimize(bowl.f, bowl.grad, [0, 0], sgd());
    expect(r).toMatchObject({ iterations: 0, converged: true, reason: "tolerance", path: [[0, 0]] });
  });

  it("stops with reason non-finite when a step diverges to infinity", () => {
    // γ = 3 on ½x² multiplies x by −2 each step: it overflows after about a thousand steps.
    const r = minimize(
      (x) => 0.5 * x[0]! ** 2,
      (x) => [x[0]!],
      [1],
      sgd({ learningRate: 3 }),
      { maxIterations: 5000 },
    );
    expect(r.reason).toBe("non-finite");
    expect(r.converged).toBe(false);
    expect(r.iterations).toBeLessThan(1100);
    expect(Number.isFinite(r.values.at(-1)!)).toBe(false);
  });

  it("stops with reason non-finite when f is NaN at the start", () => {
    const r = minimize(
      () => Number.NaN,
      (x) => x.slice(),
      [1],
      sgd(),
    );
    expect(r).toMatchObject({ iterations: 0, reason: "non-finite", converged: false });
  });

  it("calls onStep after every step with the iteration, point, value, gradient and state", () => {
    const seen: number[] = [];
    const r = minimize(bowl.f, bowl.grad, bowl.x0, sgd({ learningRate: 0.1 }), {
      maxIterations: 3,
      tolerance: 0,
      onStep: ({ iteration, x, value, gradient, state }) => {
        seen.push(iteration);
        expect(value).toBe(bowl.f(x));
        expect(gradient).toEqual(bowl.grad(x));
        expect(state.kind).toBe("chain");
      },
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(r.iterations).toBe(3);
  });

  it("passes the current params to update (weight decay needs them)", () => {
    const seen: (readonly number[] | undefined)[] = [];
    const spy: GradientTransformation<null> = {
      init: () => null,
      update: (g, s, params) => {
        seen.push(params);
        return [g.map(() => 0), s];
      },
    };
    minimize(bowl.f, bowl.grad, [1, 2], spy, { maxIterations: 2 });
    expect(seen).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it("rejects a budget that is not a whole number", () => {
    expect(() => minimize(bowl.f, bowl.grad, [1], sgd(), { maxIterations: 2.5 })).toThrow(
      /minimize: maxIterations must be an integer ≥ 0, got 2.5/,
    );
  });

  it("rejects a gradient of the wrong length", () => {
    expect(() => minimize(bowl.f, () => [1], [1, 2], sgd())).toThrow(
      /minimize: ∇f\(x0\) has length 1, expected 2/,
    );
  });
});
