import { numericalGradient, type Rng, type Vector } from "@calcml/math";
import * as lesson from "@lesson/12-regularization-and-clipping";
import { it } from "vitest";
import {
  awayFromKinks,
  type Call,
  CheckError,
  callLearner,
  check,
  describeValue,
  dot,
  expectClose,
  expectForAll,
  expectGradient,
  expectVectorClose,
  fail,
  fc,
  finite,
  frozen,
  isClose,
  learnerCalls,
  probePoints,
  suiteRng,
  task,
} from "../src/checks/index.ts";

const learner = learnerCalls(lesson);

/** Values computed by the same formula in another order agree to rounding. */
const VALUE_RTOL = 1e-12;
const VALUE_ATOL = 1e-12;
/** PyTorch divides by ‖g‖ + 1e-6 when clipping (docs/numerics.md): accept either form (every clipped norm here is ≥ 1.4). */
const CLIP_RTOL = 1e-6;
/** Size of the random vectors and how many random cases each test draws. */
const DIM = 7;
const CASES = 4;

// Oracles, written entry by entry.
const sumOf = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const absNorm = (w: Vector): number => sumOf(w.map(Math.abs));
const l2Of = (w: Vector, lambda: number): number => (lambda / 2) * dot(w, w);
const l1Of = (w: Vector, lambda: number): number => lambda * absNorm(w);
const elasticOf = (w: Vector, a: number, b: number): number => a * absNorm(w) + (b / 2) * dot(w, w);
const globalNorm = (grads: readonly Vector[]): number => Math.sqrt(sumOf(grads.map((t) => dot(t, t))));

/** A random strength in [0.1, 2). */
const strength = (rng: Rng): number => 0.1 + 1.9 * rng.uniform();

/** Typical and large probe points, every entry kept away from the kink at 0. */
function probes(rng: Rng): number[][] {
  return probePoints(rng, DIM).map((p) => awayFromKinks(p));
}

const ratioWhy =
  (what: string) =>
  (got: number, want: number): string | undefined => {
    const r = got / want;
    if (Math.abs(r - 2) < 1e-9) return `that is twice ${what}: the penalty has a ½ in front of λ‖w‖²`;
    if (Math.abs(r - 0.5) < 1e-9) return `that is half ${what}: only the L2 term carries a ½`;
    return undefined;
  };

/**
 * `expectGradient` of a learner's gradient at `at`, plus a sentence (instead of the generic hint) when
 * it matches a known wrong formula. `mistakes` are computed here from the probe point, never graded on.
 */
function expectGradientNaming(
  f: (w: Vector) => number,
  name: string,
  { value, called }: Call<number[]>,
  at: number[],
  mistakes: [string, number[]][],
): void {
  try {
    expectGradient(f, { name, derivative: () => value, at, called });
  } catch (error) {
    if (!(error instanceof CheckError)) throw error;
    const scale = Math.max(1, ...numericalGradient(f, at).map(Math.abs));
    const hit = mistakes.find(([, m]) =>
      m.every((v, i) => Math.abs(v - (value[i] as number)) <= 1e-9 * scale),
    );
    if (hit === undefined) throw error;
    // The specific diagnosis replaces the generic pattern hint, which may point elsewhere.
    const message = error.message
      .split("\n")
      .filter((line) => !line.startsWith("  hint:"))
      .join("\n");
    fail(`${message}\nWhy:      ${hit[0]}`);
  }
}

/** One clipByGlobalNorm call, checked for the shape of its result. */
function clipOf(grads: number[][], maxNorm: number) {
  const { value: result, called } = learner.clipByGlobalNorm(grads, maxNorm);
  check(typeof result === "object" && result !== null && Array.isArray(result.clipped), () => ({
    called,
    got: describeValue(result),
    expected: "{ clipped: number[][], norm: number }",
  }));
  check(
    result.clipped.length === grads.length &&
      grads.every((t, i) => Array.isArray(result.clipped[i]) && result.clipped[i]!.length === t.length),
    () => ({
      called,
      got: describeValue(result.clipped),
      expected: `one array per tensor, of lengths ${grads.map((t) => t.length).join(", ")}`,
    }),
  );
  return { ...result, called };
}

/**
 * Calls `fn(w, x)` once more on an array the suite keeps (learnerCalls copies its arguments, so identity
 * needs the very array) and fails when the result is that array itself: results are fresh arrays.
 */
function expectFresh(
  name: string,
  fn: (w: Vector, x: number) => number[],
  w: number[],
  x: number,
  called: string,
): void {
  const input = frozen(w);
  const result = callLearner(name, fn, input, x);
  check(result !== input, () => ({
    called,
    got: "the input array itself",
    expected: "a fresh array (a copy), even when nothing changes",
    why: "results are fresh arrays: a caller who updates the result must not change its input",
  }));
}

/** Tensors of different sizes whose global norm is `scale` times `maxNorm`. */
function tensors(rng: Rng, maxNorm: number, scale: number): number[][] {
  const raw = [rng.normalVector(3), rng.normalVector(5), rng.normalVector(2)];
  const norm = globalNorm(raw);
  return raw.map((t) => t.map((x) => (x / norm) * maxNorm * scale));
}

task("l2", () => {
  it("computes ½·λ·‖w‖² on random vectors", () => {
    const rng = suiteRng("l2 penalty");
    for (let c = 0; c < CASES; c++) {
      const w = rng.normalVector(DIM, 2);
      const lambda = strength(rng);
      const { value, called } = learner.l2Penalty(w, lambda);
      expectClose(value, l2Of(w, lambda), {
        called,
        oracle: "½·λ·Σ wᵢ²",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: ratioWhy("½·λ·‖w‖²"),
      });
    }
  });

  it("gives λ·w, matching finite differences of ½·λ·‖w‖²", () => {
    const rng = suiteRng("l2 gradient");
    for (const w of probes(rng)) {
      const lambda = strength(rng);
      const { value, called } = learner.l2Gradient(w, lambda);
      expectGradient((x) => l2Of(x, lambda), { name: "l2Gradient", derivative: () => value, at: w, called });
    }
  });

  it("accepts a zero or negative λ and does not throw", () => {
    const w = [1.5, -2, 0.5];
    for (const lambda of [0, -0.4]) {
      const p = learner.l2Penalty(w, lambda);
      expectClose(p.value, l2Of(w, lambda), {
        called: p.called,
        oracle: "½·λ·Σ wᵢ², for any λ",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
      });
      const g = learner.l2Gradient(w, lambda);
      expectVectorClose(
        g.value,
        w.map((x) => lambda * x),
        { called: g.called, oracle: "λ·w, for any λ", rtol: VALUE_RTOL, atol: VALUE_ATOL },
      );
    }
  });
});

task("l1", () => {
  it("computes λ·‖w‖₁ on random vectors", () => {
    const rng = suiteRng("l1 penalty");
    for (let c = 0; c < CASES; c++) {
      const w = rng.normalVector(DIM, 2);
      const lambda = strength(rng);
      const { value, called } = learner.l1Penalty(w, lambda);
      expectClose(value, l1Of(w, lambda), {
        called,
        oracle: "λ·Σ |wᵢ|",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: (got) =>
          isClose(got, lambda * sumOf(w), 1e-9, 1e-12)
            ? "that is λ·Σ wᵢ: take the absolute value of every entry"
            : undefined,
      });
    }
  });

  it("gives λ·sign(w) away from 0, matching finite differences of λ·‖w‖₁", () => {
    const rng = suiteRng("l1 subgradient");
    for (const w of probes(rng)) {
      const lambda = strength(rng);
      const { value, called } = learner.l1Subgradient(w, lambda);
      expectGradient((x) => l1Of(x, lambda), {
        name: "l1Subgradient",
        derivative: () => value,
        at: w,
        called,
      });
    }
  });

  it("gives exactly 0 where an entry is 0 (the minimum-norm subgradient)", () => {
    const { value, called } = learner.l1Subgradient([1.5, 0, -2, 0, 0.25], 0.3);
    expectVectorClose(value, [0.3, 0, -0.3, 0, 0.3], {
      called,
      oracle: "λ·sign(wᵢ), and 0 where wᵢ = 0",
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why: (_got, want) =>
        want === 0
          ? "at wᵢ = 0 any value in [−λ, λ] is a subgradient of λ|wᵢ|; this course uses the minimum-norm one, 0 (sign(0) = 0)"
          : undefined,
    });
  });

  it("accepts a zero or negative λ and does not throw", () => {
    const w = [1.5, -2, 0.5, 0];
    for (const lambda of [0, -0.4]) {
      const p = learner.l1Penalty(w, lambda);
      expectClose(p.value, l1Of(w, lambda), {
        called: p.called,
        oracle: "λ·Σ |wᵢ|, for any λ",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
      });
      const g = learner.l1Subgradient(w, lambda);
      expectVectorClose(
        g.value,
        w.map((x) => lambda * Math.sign(x)),
        { called: g.called, oracle: "λ·sign(wᵢ), for any λ", rtol: VALUE_RTOL, atol: VALUE_ATOL },
      );
    }
  });
});

task("elastic-net", () => {
  it("computes l1·‖w‖₁ + ½·l2·‖w‖² on random vectors", () => {
    const rng = suiteRng("elastic net penalty");
    for (let c = 0; c < CASES; c++) {
      const w = rng.normalVector(DIM, 2);
      const [a, b] = [strength(rng), strength(rng)];
      const { value, called } = learner.elasticNet(w, a, b);
      expectClose(value, elasticOf(w, a, b), {
        called,
        oracle: "l1·Σ|wᵢ| + ½·l2·Σwᵢ²",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
        why: (got) => {
          if (isClose(got, a * absNorm(w) + b * dot(w, w), 1e-9, 1e-12))
            return "the L2 term is missing its ½: ½·l2·‖w‖²";
          if (isClose(got, b * absNorm(w) + (a / 2) * dot(w, w), 1e-9, 1e-12))
            return "l1 and l2 are swapped: l1 weighs ‖w‖₁, l2 weighs ½‖w‖²";
          return undefined;
        },
      });
    }
  });

  it("gives l1·sign(w) + l2·w away from 0, matching finite differences", () => {
    const rng = suiteRng("elastic net gradient");
    for (const w of probes(rng)) {
      const [a, b] = [strength(rng), strength(rng)];
      const sign = w.map(Math.sign);
      expectGradientNaming(
        (x) => elasticOf(x, a, b),
        "elasticNetGradient",
        learner.elasticNetGradient(w, a, b),
        w,
        [
          ["the L1 part l1·sign(w) is missing", w.map((x) => b * x)],
          ["the L2 part l2·w is missing", sign.map((s) => a * s)],
          [
            "the L2 part should be l2·w: the ½ of ½·l2·‖w‖² cancels the 2",
            w.map((x, i) => a * sign[i]! + 2 * b * x),
          ],
          ["l1 and l2 are swapped", w.map((x, i) => b * sign[i]! + a * x)],
        ],
      );
    }
  });

  it("gives l2·0 + 0 = 0 where an entry is 0", () => {
    const { value, called } = learner.elasticNetGradient([2, 0, -1], 0.5, 0.25);
    expectVectorClose(value, [1, 0, -0.75], {
      called,
      oracle: "l1·sign(wᵢ) + l2·wᵢ with sign(0) = 0",
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why: (_got, want) =>
        want === 0 ? "at wᵢ = 0 the L1 part contributes its minimum-norm subgradient, 0" : undefined,
    });
  });

  it("accepts zero or negative l1 and l2 and does not throw", () => {
    const w = [1.5, -2, 0.5, 0];
    for (const [a, b] of [
      [0, 0.3],
      [0.3, 0],
      [-0.2, -0.5],
    ] as const) {
      const p = learner.elasticNet(w, a, b);
      expectClose(p.value, elasticOf(w, a, b), {
        called: p.called,
        oracle: "l1·Σ|wᵢ| + ½·l2·Σwᵢ², for any l1, l2",
        rtol: VALUE_RTOL,
        atol: VALUE_ATOL,
      });
      const g = learner.elasticNetGradient(w, a, b);
      expectVectorClose(
        g.value,
        w.map((x) => a * Math.sign(x) + b * x),
        {
          called: g.called,
          oracle: "l1·sign(wᵢ) + l2·wᵢ, for any l1, l2",
          rtol: VALUE_RTOL,
          atol: VALUE_ATOL,
        },
      );
    }
  });
});

task("soft-threshold", () => {
  it("moves every entry larger than t towards 0 by t", () => {
    const rng = suiteRng("soft threshold shrink");
    for (let c = 0; c < CASES; c++) {
      const t = 0.2 + rng.uniform();
      const w = rng.normalVector(DIM, 1).map((x) => x + Math.sign(x) * (t + 0.01));
      const { value, called } = learner.softThreshold(w, t);
      expectVectorClose(
        value,
        w.map((x) => Math.sign(x) * (Math.abs(x) - t)),
        {
          called,
          oracle: "sign(wᵢ)·(|wᵢ| − t) for |wᵢ| > t",
          rtol: VALUE_RTOL,
          atol: VALUE_ATOL,
          why: (got, want) =>
            Math.abs(got - want) > t ? "the shrink goes the wrong way: move each entry towards 0" : undefined,
        },
      );
    }
  });

  it("sets entries with |w| ≤ t to exactly 0", () => {
    const { value, called } = learner.softThreshold([0.5, -0.7, 0.75, -0.75, 0, 1e-9, 2, -3], 0.75);
    expectVectorClose(value, [0, 0, 0, 0, 0, 0, 1.25, -2.25], {
      called,
      oracle: "0 when |wᵢ| ≤ t, else sign(wᵢ)·(|wᵢ| − t)",
      rtol: VALUE_RTOL,
      atol: 0,
      why: (g, e) =>
        e === 0 && g !== 0
          ? "an entry within t of 0 must stop at exactly 0, not cross it: sign(w)·max(|w| − t, 0). That exact 0 is what makes L1 sparse"
          : undefined,
    });
  });

  it("is the identity for t = 0, returning a fresh array", () => {
    const w = [1.5, -2, 0.25, 0];
    const { value, called } = learner.softThreshold(w, 0);
    expectVectorClose(value, w, {
      called,
      oracle: "a threshold of 0 changes nothing",
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
    });
    expectFresh("softThreshold", lesson.softThreshold, w, 0, called);
  });

  it("equals sign(w)·max(|w| − t, 0) for any w and t ≥ 0", () => {
    expectForAll(
      "soft threshold for all",
      [fc.array(finite(-5, 5), { minLength: 1, maxLength: 6 }), finite(0, 3)],
      (w, t) => {
        const { value, called } = learner.softThreshold(w, t);
        expectVectorClose(
          value,
          w.map((x) => Math.sign(x) * Math.max(Math.abs(x) - t, 0)),
          {
            called,
            oracle: "sign(wᵢ)·max(|wᵢ| − t, 0): shrink by t, stop at 0",
            rtol: VALUE_RTOL,
            atol: 0,
            why: (g, e) =>
              e === 0 && g !== 0
                ? "an entry within t of 0 must stop at exactly 0, not cross it"
                : Math.abs(g) > Math.abs(e) + t / 2
                  ? "the shrink goes the wrong way: move each entry towards 0"
                  : undefined,
          },
        );
      },
      { numRuns: 40 },
    );
  });

  it("rejects a negative or NaN threshold with a RangeError", () => {
    const w = [1.5, -2, 0.25];
    learner.softThreshold.rangeError("a negative threshold", w, -0.5);
    learner.softThreshold.rangeError("a NaN threshold", w, Number.NaN);
  });
});

task("clip-by-value", () => {
  it("clamps every entry into [−limit, limit]", () => {
    const rng = suiteRng("clip by value");
    for (let c = 0; c < CASES; c++) {
      const limit = 0.5 + rng.uniform();
      const g = rng.normalVector(DIM + 3, 2);
      const { value, called } = learner.clipByValue(g, limit);
      expectVectorClose(
        value,
        g.map((x) => Math.min(Math.max(x, -limit), limit)),
        {
          called,
          oracle: "min(max(gᵢ, −limit), limit)",
          rtol: VALUE_RTOL,
          atol: VALUE_ATOL,
          why: (got, want) => {
            if (want === -limit && got < -limit)
              return "entries below −limit must be raised to −limit: clamp both sides";
            if (want === limit && got > limit) return "entries above limit must be lowered to limit";
            if (Math.abs(want) < limit)
              return "an entry inside [−limit, limit] stays as it is: clip each entry, do not rescale the vector";
            return undefined;
          },
        },
      );
    }
  });

  it("leaves a gradient inside the limits unchanged, returning a fresh array", () => {
    const g = [0.1, -0.9, 0.5, 0];
    const { value, called } = learner.clipByValue(g, 1);
    expectVectorClose(value, g, { called, oracle: "every entry is within the limit", rtol: 0, atol: 0 });
    expectFresh("clipByValue", lesson.clipByValue, g, 1, called);
  });

  it("clamps every entry to 0 for a limit of 0", () => {
    // Entries of both signs and sizes on both sides of 1: only a clamp into [0, 0] gives all zeros.
    const g = [2.5, -0.3, 0.7, -4, 0];
    const { value, called } = learner.clipByValue(g, 0);
    expectVectorClose(value, [0, 0, 0, 0, 0], {
      called,
      oracle: "min(max(gᵢ, −0), 0) = 0 for every entry: a limit of 0 is allowed and gives zeros",
      rtol: 0,
      atol: 0,
      why: (got, want) =>
        got === want
          ? undefined
          : got < 0
            ? "negative entries must be raised to −limit = 0: clamp both sides"
            : "entries above the limit 0 must be lowered to 0",
    });
  });

  it("rejects a negative or NaN limit with a RangeError", () => {
    const g = [0.1, -0.9, 0.5, 0];
    learner.clipByValue.rangeError("a negative limit", g, -1);
    learner.clipByValue.rangeError("a NaN limit", g, Number.NaN);
  });
});

task("clip-by-global-norm", () => {
  it("returns the global norm over all tensors, before clipping", () => {
    const rng = suiteRng("global norm value");
    const grads = tensors(rng, 1.5, 2 + rng.uniform());
    const perTensor = grads.map((t) => Math.sqrt(dot(t, t)));
    const { norm, called } = clipOf(grads, 1.5);
    expectClose(norm, globalNorm(grads), {
      called,
      oracle: "√(Σ over every tensor of Σ gᵢ²), before clipping",
      rtol: VALUE_RTOL,
      atol: VALUE_ATOL,
      why: (got) => {
        if (isClose(got, 1.5, 1e-6, 1e-12))
          return "that is the norm after clipping: report the norm before clipping";
        if (isClose(got, sumOf(perTensor), 1e-9, 1e-12))
          return "that is the sum of the tensors' norms: take the square root of the sum of every squared entry";
        if (perTensor.some((n) => isClose(got, n, 1e-9, 1e-12)))
          return "that is one tensor's norm: the global norm runs over all tensors together";
        return undefined;
      },
    });
  });

  it("scales every tensor by maxNorm / norm when the norm is above maxNorm, keeping the direction", () => {
    const rng = suiteRng("global norm clipping");
    for (let c = 0; c < CASES; c++) {
      const maxNorm = 1 + 2 * rng.uniform(); // ‖g‖ ≥ 1.5: PyTorch's +1e-6 stays within CLIP_RTOL
      const grads = tensors(rng, maxNorm, 1.5 + 3 * rng.uniform());
      const factor = maxNorm / globalNorm(grads);
      const { clipped, called } = clipOf(grads, maxNorm);
      grads.forEach((t, i) => {
        const ownFactor = Math.min(1, maxNorm / Math.sqrt(dot(t, t)));
        expectVectorClose(
          clipped[i],
          t.map((x) => x * factor),
          {
            called: `${called}, clipped[${i}]`,
            oracle: `gᵢ · maxNorm / ‖g‖ = gᵢ · ${factor.toPrecision(6)} (‖g‖ over all tensors)`,
            rtol: CLIP_RTOL,
            atol: 1e-12,
            why: (got, want) => {
              if (want !== 0 && Math.abs(got / want - ownFactor / factor) < 1e-6 * (ownFactor / factor))
                return "each tensor was clipped by its own norm: scale all of them by one factor from the norm over all tensors together, or the direction changes";
              if (want !== 0 && Math.sign(got) !== Math.sign(want))
                return "clipping changed the sign of an entry: scale by a positive factor";
              return undefined;
            },
          },
        );
      });
    }
  });

  it("uses the norm over all tensors together", () => {
    // Each tensor is within the limit on its own; together they are not.
    const grads = [
      [0.6, 0.8],
      [0, 0.6, 0.8],
    ];
    const { clipped, called } = clipOf(grads, 1);
    grads.forEach((t, i) => {
      expectVectorClose(
        clipped[i],
        t.map((x) => x / Math.SQRT2),
        {
          called: `${called}, clipped[${i}]`,
          oracle: "each tensor's norm is 1, the global norm √2, so every entry is divided by √2",
          rtol: CLIP_RTOL,
          atol: 1e-12,
          why: (g, w) =>
            isClose(g, w * Math.SQRT2, 1e-9, 1e-12)
              ? "nothing was clipped: each tensor is within the limit alone, but the norm that counts runs over all tensors together"
              : undefined,
        },
      );
    });
  });

  it("is a no-op below the limit and for a zero gradient, returning fresh arrays", () => {
    const rng = suiteRng("global norm no-op");
    const grads = tensors(rng, 2, 0.5);
    const result = clipOf(grads, 2);
    grads.forEach((t, i) => {
      expectVectorClose(result.clipped[i], t, {
        called: `${result.called}, clipped[${i}]`,
        oracle: "the norm is half of maxNorm, so nothing changes",
        rtol: 1e-15,
        atol: 0,
        why: "below the limit the factor is min(1, maxNorm/‖g‖) = 1: never scale a small gradient up",
      });
    });
    // Identity is the check here, so the suite keeps the very input it passes (learnerCalls copies it).
    const input = frozen(grads);
    const again = callLearner("clipByGlobalNorm", lesson.clipByGlobalNorm, input, 2);
    check(
      again.clipped.every((t, i) => t !== input[i]),
      () => ({
        called: result.called,
        got: "clipped holds the input arrays themselves",
        expected: "fresh arrays (copies), even when nothing is clipped",
        why: "results are fresh arrays: a caller who updates the clipped gradient must not change its input",
      }),
    );
    const zeros = [
      [0, 0],
      [0, 0, 0],
    ];
    const z = clipOf(zeros, 1);
    expectClose(z.norm, 0, { called: z.called, oracle: "the norm of zeros", atol: 0 });
    zeros.forEach((t, i) => {
      expectVectorClose(z.clipped[i], t, {
        called: `${z.called}, clipped[${i}]`,
        oracle: "zeros stay zeros",
        atol: 0,
        why: "a zero gradient is below any limit: do not divide by its norm (0/0 is NaN)",
      });
    });
  });

  it("scales by min(1, maxNorm / ‖g‖) for any tensors: never longer than maxNorm, same direction", () => {
    const tensorsOf = fc.array(fc.array(finite(-10, 10), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 3,
    });
    expectForAll(
      "global norm clipping for all",
      [tensorsOf, finite(1.5, 8)],
      (grads, maxNorm) => {
        const { clipped, called } = clipOf(grads, maxNorm);
        const norm = globalNorm(grads);
        const factor = norm > maxNorm ? maxNorm / norm : 1;
        grads.forEach((t, i) => {
          expectVectorClose(
            clipped[i],
            t.map((x) => x * factor),
            {
              called: `${called}, clipped[${i}]`,
              oracle: `gᵢ · min(1, maxNorm / ‖g‖) = gᵢ · ${factor.toPrecision(6)}, ‖g‖ = ${norm.toPrecision(6)} over all tensors`,
              rtol: CLIP_RTOL,
              atol: 1e-12,
              why: (got, want) =>
                factor === 1 && got !== want
                  ? "the gradient is within the limit: the factor is min(1, maxNorm/‖g‖) = 1, never scale it"
                  : undefined,
            },
          );
        });
      },
      { numRuns: 40 },
    );
  });

  it("rejects a zero, negative or NaN maxNorm with a RangeError", () => {
    learner.clipByGlobalNorm.rangeError("a negative maxNorm", [[1, 2]], -1);
    learner.clipByGlobalNorm.rangeError("a maxNorm of 0", [[1, 2]], 0);
    learner.clipByGlobalNorm.rangeError("a NaN maxNorm", [[1, 2]], Number.NaN);
  });
});
