/** The gradient transformations, one describe each, in the order of the exports. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDecayedWeights,
  clipByGlobalNorm,
  clipByValue,
  scale,
  scaleByAdagrad,
  scaleByAdam,
  scaleByLearningRate,
  scaleByRms,
  trace,
} from "../src/index.ts";
import { expectVectorClose, isClose } from "./support/close.ts";

const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const vector = (n = 6) =>
  fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: n });

describe("scale", () => {
  it("multiplies every entry by the factor", () => {
    const t = scale(-3);
    expect(t.update([1, -2, 0.5], t.init([]))[0]).toEqual([-3, 6, -1.5]);
  });

  it("rejects a non-finite factor", () => {
    expect(() => scale(Number.NaN)).toThrow(RangeError);
  });
});

describe("scaleByLearningRate", () => {
  it("negates and scales by a constant rate", () => {
    const t = scaleByLearningRate(0.1);
    expect(t.update([1, -2], t.init([0, 0]))[0]).toEqual([-0.1, 0.2]);
  });

  it("evaluates a schedule at the step count, starting from 0", () => {
    const seen: number[] = [];
    const t = scaleByLearningRate((step) => {
      seen.push(step);
      return 1 / (step + 1);
    });
    let s = t.init([0]);
    const out: number[] = [];
    for (let k = 0; k < 3; k++) {
      const [u, next] = t.update([1], s);
      out.push(u[0]!);
      s = next;
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(out).toEqual([-1, -1 / 2, -1 / 3]);
    expect(s).toEqual({ kind: "scale-by-learning-rate", count: 3 });
  });

  it("rejects a schedule value that is not finite, naming the step", () => {
    const t = scaleByLearningRate(() => Number.NaN);
    expect(() => t.update([1], t.init([0]))).toThrow(/schedule returned NaN at step 0/);
  });
});

describe("trace", () => {
  it("starts the buffer at the first gradient (PyTorch), then b ← μb + g", () => {
    const t = trace({ decay: 0.5 });
    const [u1, s1] = t.update([2, -4], t.init([0, 0]));
    expect(u1).toEqual([2, -4]);
    const [u2, s2] = t.update([1, 1], s1);
    expect(u2).toEqual([2, -1]);
    expect(s2).toEqual({ kind: "trace", buffer: [2, -1] });
  });

  it("returns g + μ·b with Nesterov", () => {
    const t = trace({ decay: 0.5, nesterov: true });
    const [u1, s1] = t.update([2, -4], t.init([0, 0]));
    expect(u1).toEqual([3, -6]);
    expect(t.update([1, 1], s1)[0]).toEqual([2, 0.5]);
  });

  it("hands out a copy, so changing the updates cannot change the state", () => {
    const t = trace();
    const [u, s] = t.update([1, 2], t.init([0, 0]));
    u[0] = 99;
    expect(s.buffer).toEqual([1, 2]);
  });

  it("rejects a gradient of the wrong length", () => {
    const t = trace();
    expect(() => t.update([1, 2, 3], t.init([0, 0]))).toThrow(/trace: gradient has length 3, expected 2/);
  });
});

describe("scaleByAdagrad", () => {
  it("divides by the root of the summed squares (ε = 1e-10 by default)", () => {
    const t = scaleByAdagrad();
    const [u1, s1] = t.update([3, -4], t.init([0, 0]));
    expectVectorClose(u1, [3 / (3 + 1e-10), -4 / (4 + 1e-10)]);
    const [u2, s2] = t.update([4, 3], s1);
    expectVectorClose(u2, [4 / (5 + 1e-10), 3 / (5 + 1e-10)]);
    expect(s2).toEqual({ kind: "adagrad", sumOfSquares: [25, 25] });
  });
});

describe("scaleByRms", () => {
  it("divides by the root of the running mean square (α = 0.99, ε = 1e-8 by default)", () => {
    const t = scaleByRms();
    const [u, s] = t.update([2], t.init([0]));
    expect(isClose(s.v[0]!, 0.04)).toBe(true);
    expectVectorClose(u, [2 / (Math.sqrt(0.01 * 4) + 1e-8)]);
  });
});

describe("scaleByAdam", () => {
  it("bias-corrects, so the first update is ≈ sign(g) per coordinate", () => {
    const t = scaleByAdam();
    const [u, s] = t.update([0.3, -1e3, 2e-3], t.init([0, 0, 0]));
    u.forEach((ui, i) => {
      expect(Math.abs(ui - Math.sign([0.3, -1e3, 2e-3][i]!))).toBeLessThan(1e-5);
    });
    expect(s.count).toBe(1);
    expect(s.kind).toBe("adam");
  });

  it("rejects β₁ = 1 (bias correction would divide by zero)", () => {
    expect(() => scaleByAdam({ beta1: 1 })).toThrow(/scaleByAdam: beta1 must lie in \[0, 1\)/);
  });
});

describe("addDecayedWeights", () => {
  it("adds λ·θ to the incoming updates", () => {
    const t = addDecayedWeights(0.5);
    expect(t.update([1, 1], t.init([2, -4]), [2, -4])[0]).toEqual([2, -1]);
  });

  it("says so when params are missing", () => {
    const t = addDecayedWeights();
    expect(() => t.update([1], t.init([1]))).toThrow(/needs the current params/);
  });
});

describe("clipByValue", () => {
  it("clamps each entry to [−max, max]", () => {
    const t = clipByValue(1);
    expect(t.update([-3, 0.5, 2, -1], t.init([]))[0]).toEqual([-1, 0.5, 1, -1]);
  });

  it("is a no-op below the limit", () => {
    fc.assert(
      fc.property(vector(), (g) => {
        const limit = Math.max(1, ...g.map(Math.abs));
        const t = clipByValue(limit);
        const [u] = t.update(g, t.init(g));
        return u.every((x, i) => Object.is(x, g[i]));
      }),
    );
  });
});

describe("clipByGlobalNorm", () => {
  it("keeps the direction and brings the norm down to the limit", () => {
    fc.assert(
      fc.property(vector(), fc.double({ min: 1e-3, max: 10, noNaN: true }), (g, limit) => {
        fc.pre(norm(g) > limit);
        const t = clipByGlobalNorm(limit);
        const [u] = t.update(g, t.init(g));
        const factor = limit / norm(g);
        return isClose(norm(u), limit, 1e-12) && u.every((x, i) => isClose(x, factor * g[i]!, 1e-12));
      }),
    );
  });

  it("is a no-op below the limit", () => {
    const t = clipByGlobalNorm(5);
    const g = [3, -4];
    const [u] = t.update(g, t.init(g));
    expect(u).toEqual(g);
    expect(u).not.toBe(g);
  });

  it("agrees with PyTorch's ‖g‖ + 1e-6 form within 1e-6 relative", () => {
    const g = [30, -40];
    const [u] = clipByGlobalNorm(1).update(g, { kind: "clip-by-global-norm" });
    const torch = g.map((x) => (x * 1) / (50 + 1e-6));
    u.forEach((x, i) => {
      expect(Math.abs(x - torch[i]!) / Math.abs(torch[i]!)).toBeLessThan(1e-6);
    });
  });

  it("does not overflow on huge entries", () => {
    const [u] = clipByGlobalNorm(1).update([3e200, 4e200], { kind: "clip-by-global-norm" });
    expectVectorClose(u, [0.6, 0.8]);
  });
});
