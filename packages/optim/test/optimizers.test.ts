/** Invariants of the named optimisers (docs/numerics.md), in the order of the exports. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adagrad,
  adam,
  adamw,
  applyUpdates,
  type GradientTransformation,
  momentum,
  nesterov,
  rmsprop,
  sgd,
} from "../src/index.ts";
import { expectVectorClose, isClose } from "./support/close.ts";

const nonZero = fc.double({ min: 1e-3, max: 1e3, noNaN: true }).chain((m) => fc.constantFrom(m, -m));
const gradient = fc.array(nonZero, { minLength: 1, maxLength: 8 });

/** One update from a fresh state. */
function firstUpdate<S>(opt: GradientTransformation<S>, g: readonly number[], params = g): number[] {
  return opt.update(g, opt.init(params), params)[0];
}

describe("sgd", () => {
  it("steps by −γg with γ = 1e-3 by default", () => {
    expect(firstUpdate(sgd(), [2, -1])).toEqual([-2e-3, 1e-3]);
  });
});

describe("momentum", () => {
  it("takes exactly SGD's first step", () => {
    fc.assert(
      fc.property(gradient, (g) => {
        const a = firstUpdate(momentum({ learningRate: 0.1 }), g);
        const b = firstUpdate(sgd({ learningRate: 0.1 }), g);
        return a.every((x, i) => x === b[i]);
      }),
    );
  });

  it("uses μ = 0.9 by default: the second step of a constant gradient is 1.9× the first", () => {
    const opt = momentum({ learningRate: 0.1 });
    const [u1, s1] = opt.update([1], opt.init([0]));
    const [u2] = opt.update([1], s1);
    expect(isClose(u2[0]! / u1[0]!, 1.9)).toBe(true);
  });
});

describe("nesterov", () => {
  it("takes (1 + μ)·γ·g as its first step", () => {
    fc.assert(
      fc.property(gradient, (g) => {
        const u = firstUpdate(nesterov({ learningRate: 0.1, momentum: 0.9 }), g);
        return u.every((x, i) => isClose(x, -1.9 * 0.1 * g[i]!, 1e-15));
      }),
    );
  });
});

describe("adagrad", () => {
  it("first moves each coordinate by ≈ γ = 1e-2 (g/|g|, ε = 1e-10)", () => {
    const u = firstUpdate(adagrad(), [5, -0.2]);
    expectVectorClose(u, [-1e-2 * (5 / (5 + 1e-10)), 1e-2 * (0.2 / (0.2 + 1e-10))], 1e-15);
  });
});

describe("rmsprop", () => {
  it("first moves each coordinate by ≈ γ/√(1 − α) = 0.1 with the defaults γ = 1e-2, α = 0.99", () => {
    const u = firstUpdate(rmsprop(), [3]);
    expect(isClose(u[0]!, (-1e-2 * 3) / (Math.sqrt(0.01 * 9) + 1e-8), 1e-15)).toBe(true);
    expect(Math.abs(u[0]! + 0.1)).toBeLessThan(1e-8);
  });
});

describe("adam", () => {
  it("first moves each coordinate by ≈ γ (bias correction), whatever the gradient's scale", () => {
    fc.assert(
      fc.property(gradient, (g) => {
        const gamma = 1e-3;
        const u = firstUpdate(adam(), g);
        // |u| = γ|g|/(|g| + ε) ∈ [γ(1 − 1e-5), γ] for |g| ≥ 1e-3; sign opposite to g.
        return u.every(
          (x, i) =>
            Math.sign(x) === -Math.sign(g[i]!) && Math.abs(x) <= gamma && Math.abs(x) >= gamma * (1 - 1e-5),
        );
      }),
    );
  });

  it("moves 0.99999997γ for g = 0.3 (docs/numerics.md), not the 3.162γ of the uncorrected form", () => {
    const u = firstUpdate(adam({ learningRate: 1 }), [0.3]);
    expect(Math.abs(-u[0]! - 0.99999997)).toBeLessThan(1e-8);
    const uncorrected = (0.1 * 0.3) / (Math.sqrt(0.001 * 0.09) + 1e-8);
    expect(Math.abs(uncorrected - 3.162)).toBeLessThan(1e-3);
  });
});

describe("adamw", () => {
  it("shrinks θ by exactly (1 − γλ) at zero gradient", () => {
    fc.assert(
      fc.property(gradient, (theta) => {
        const opt = adamw({ learningRate: 0.01, weightDecay: 0.1 });
        const next = applyUpdates(
          theta,
          firstUpdate(
            opt,
            theta.map(() => 0),
            theta,
          ),
        );
        return next.every((x, i) => isClose(x, theta[i]! * (1 - 0.01 * 0.1), 1e-15));
      }),
    );
  });

  it("differs from Adam with an L2 term, which moves θ by ≈ γ·sign(θ) instead", () => {
    const theta = [4, -0.5];
    const lambda = 0.1;
    const gamma = 0.01;
    const l2 = applyUpdates(
      theta,
      firstUpdate(
        adam({ learningRate: gamma }),
        theta.map((t) => lambda * t),
      ),
    );
    expectVectorClose(l2, [4 - gamma, -0.5 + gamma], 1e-8); // ≈: |u| = γ|g|/(|g| + ε)
    const decoupled = applyUpdates(
      theta,
      firstUpdate(adamw({ learningRate: gamma, weightDecay: lambda }), [0, 0], theta),
    );
    expectVectorClose(decoupled, [4 * 0.999, -0.5 * 0.999], 1e-15);
  });

  it("uses λ = 1e-2 by default", () => {
    const next = applyUpdates([1], firstUpdate(adamw(), [0], [1]));
    expect(isClose(next[0]!, 1 - 1e-3 * 1e-2, 1e-15)).toBe(true);
  });
});
