/**
 * Lesson 12, regularisation and clipping: soft-thresholding against clipping by value, and the
 * regularisation path of the weights of a small regression problem under L1 (proximal gradient with the
 * learner's softThreshold) and L2 (gradient descent with the learner's l2Gradient).
 */
import { linearData } from "@calcml/math";
import { lineChart, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { linspace, logspace } from "../grid.ts";
import { asNumbers, type Learner, LearnerFailure } from "../learner.ts";
import { COLORS, q } from "../vl.ts";

const WS = linspace(-3, 3, 121);

export interface MapsData {
  soft?: number[];
  clip?: number[];
}

function mapsData(learner: Learner): MapsData {
  const soft = learner.attempt(() =>
    asNumbers(learner.call("softThreshold", WS, 1), "softThreshold(w, 1)", WS.length),
  );
  const clip = learner.attempt(() =>
    asNumbers(learner.call("clipByValue", WS, 1), "clipByValue(g, 1)", WS.length),
  );
  if (!soft && !clip) throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  return { ...(soft ? { soft } : {}), ...(clip ? { clip } : {}) };
}

export const TRUE_WEIGHTS = [3, -2, 1.5, 0, 0.5, 0];
const DATA = linearData(12, { n: 100, weights: TRUE_WEIGHTS, bias: 0, noise: 0.5 });
export const LAMBDAS = logspace(-2, 1, 25);
const STEPS = 300;
const STEP_SIZE = 0.4;
const WEIGHT_SERIES = TRUE_WEIGHTS.map((w, j) => `w${j + 1} (true ${w})`);

/** ∇ of (1/2n)‖Xw − y‖². */
function lossGradient(w: readonly number[]): number[] {
  const n = DATA.X.length;
  const g = new Array<number>(w.length).fill(0);
  DATA.X.forEach((row, i) => {
    const r = row.reduce((s, x, j) => s + x * w[j]!, 0) - DATA.y[i]!;
    row.forEach((x, j) => {
      g[j]! += (x * r) / n;
    });
  });
  return g;
}

export interface PathData {
  /** Weights at each λ (LAMBDAS order), for L1 and for L2. */
  l1?: number[][];
  l2?: number[][];
}

function pathData(learner: Learner): PathData {
  const solve = (step: (w: number[], lambda: number) => number[]) => {
    let w = new Array<number>(TRUE_WEIGHTS.length).fill(0);
    const weights: number[][] = [];
    for (const lambda of [...LAMBDAS].reverse()) {
      for (let k = 0; k < STEPS; k++) w = step(w, lambda);
      weights.unshift(w);
    }
    return weights;
  };
  const l1 = learner.attempt(() =>
    solve((w, lambda) => {
      const g = lossGradient(w);
      const moved = w.map((wj, j) => wj - STEP_SIZE * g[j]!);
      return asNumbers(
        learner.call("softThreshold", moved, STEP_SIZE * lambda),
        "softThreshold(w, t)",
        w.length,
      );
    }),
  );
  const l2 = learner.attempt(() =>
    solve((w, lambda) => {
      const g = lossGradient(w);
      const penalty = asNumbers(learner.call("l2Gradient", w, lambda), "l2Gradient(w, λ)", w.length);
      // The penalty adds λ to the curvature: a step of 1/(2 + λ) stays stable for every λ.
      const step = 1 / (2 + lambda);
      return w.map((wj, j) => wj - step * (g[j]! + penalty[j]!));
    }),
  );
  if (!l1 && !l2) throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  return { ...(l1 ? { l1 } : {}), ...(l2 ? { l2 } : {}) };
}

export const figures = [
  figure<MapsData>({
    id: "soft-threshold-and-clipping",
    title: "Your softThreshold(w, 1) and clipByValue(g, 1), entry by entry",
    caption:
      "Soft-thresholding is flat (zero) on [−1, 1] and has slope 1 outside: small weights die, large ones shift towards 0 by 1. Clipping by value is the opposite: slope 1 on [−1, 1] and flat outside. The dotted line is the identity.",
    size: { width: 760, height: 300 },
    data: mapsData,
    spec: (input) => {
      const panel = (key: "soft" | "clip", title: string) => ({
        ...lineChart({
          rows: tagged(input, (d) =>
            (d[key] ?? []).map((y, i): SeriesRow => ({ series: title, x: WS[i]!, y, i })),
          ),
          x: q("x", key === "soft" ? "weight w" : "gradient entry g", { domain: [-3, 3] }),
          y: q("y", null, { domain: [-3, 3] }),
          series: [title, "identity"],
          colors: [key === "soft" ? "#4c78a8" : "#f58518", COLORS.guide],
          compare: input.compare,
          width: 320,
          height: 280,
          guides: WS.map((x, i) => ({ series: "identity", x, y: x, i })),
        }),
        title: { text: title, fontSize: 12, fontWeight: "normal" },
      });
      return {
        hconcat: [panel("soft", "soft-thresholding, t = 1"), panel("clip", "clipping by value, limit 1")],
        resolve: { scale: { color: "independent" } },
      };
    },
  }),
  figure<PathData>({
    id: "regularisation-path",
    title: "Regularisation paths: the weights of a 6-feature regression against the penalty λ",
    caption:
      "Left, L1 (proximal gradient steps with your softThreshold): as λ grows the weights reach exactly 0 one after another, the small ones first, so the model keeps only a few features. Right, L2 (gradient steps with your l2Gradient): every weight shrinks smoothly towards 0, but none becomes exactly 0.",
    size: { width: 760, height: 330 },
    data: pathData,
    spec: (input) => {
      const panel = (key: "l1" | "l2", title: string) => ({
        ...lineChart({
          rows: tagged(input, (d) =>
            (d[key] ?? []).flatMap((w, i) =>
              w.map((y, j): SeriesRow => ({ series: WEIGHT_SERIES[j]!, x: LAMBDAS[i]!, y, i })),
            ),
          ),
          x: q("x", "penalty λ", {
            log: true,
            domain: [LAMBDAS[0]!, LAMBDAS[LAMBDAS.length - 1]!],
            format: "~g",
          }),
          y: q("y", "weight", { domain: [-2.5, 3.5] }),
          series: WEIGHT_SERIES,
          compare: input.compare,
          width: 320,
          height: 260,
          points: true,
        }),
        title: { text: title, fontSize: 12, fontWeight: "normal" },
      });
      return {
        hconcat: [panel("l1", "L1 penalty λ‖w‖₁"), panel("l2", "L2 penalty ½λ‖w‖²")],
        resolve: { scale: { color: "shared" } },
      };
    },
  }),
];
