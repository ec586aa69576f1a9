/**
 * Lesson 15, integration: quadrature error against n on log-log axes (with reference slopes −2 and −4),
 * Monte Carlo error against the number of samples, the ROC curve with the learner's AUC, and the running
 * integral of cos.
 */

import { createRng } from "@calcml/math";
import { portable, portableRng } from "../../sandbox/portable.ts";
import { lineChart, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { linspace } from "../grid.ts";
import { asNumber, asNumbers, field, type Learner, LearnerFailure } from "../learner.ts";
import { COLORS, q, type Spec } from "../vl.ts";

// Shipped into the sandbox: the learner's code calls these hundreds of thousands of times.
const SIN = portable((x: number) => Math.sin(x));
const COS = portable((x: number) => Math.cos(x));
const SQUARES = portable((p: readonly number[]) => p[0]! ** 2 + p[1]! ** 2);

/** ∫₀^π sin = 2 with n = 2, 4, …, 2¹⁴ subintervals. */
export const NS = Array.from({ length: 14 }, (_, k) => 2 ** (k + 1));

export interface QuadratureData {
  trapezoid?: number[];
  simpson?: number[];
}

function quadratureData(learner: Learner): QuadratureData {
  const errors = (name: string) =>
    learner.attempt(() =>
      NS.map((n) =>
        Math.abs(asNumber(learner.call(name, SIN, 0, Math.PI, n), `${name}(sin, 0, π, ${n})`) - 2),
      ),
    );
  const trapezoid = errors("trapezoid");
  const simpson = errors("simpson");
  if (!trapezoid && !simpson) throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  const zeros = [...(trapezoid ?? []), ...(simpson ?? [])].filter((v) => v === 0).length;
  if (zeros) learner.info(`${zeros} errors are exactly 0 and cannot be drawn on the log scale.`);
  return { ...(trapezoid ? { trapezoid } : {}), ...(simpson ? { simpson } : {}) };
}

const Q_SERIES = ["trapezoid", "Simpson", "slope −2: π²/(6n²)", "slope −4: π⁴/(90n⁴)"];

/** ∫∫ over [0, 1]² of x² + y² = 2/3; each N averaged over 8 seeds. */
export const SAMPLES = [10, 32, 100, 316, 1000, 3162, 10_000, 31_623];
const SEEDS = 8;
const SIGMA = Math.sqrt(8 / 45);

export interface MonteCarloData {
  error: number[];
  standardError: number[];
}

function monteCarloData(learner: Learner): MonteCarloData {
  const error: number[] = [];
  const standardError: number[] = [];
  for (const n of SAMPLES) {
    let e = 0;
    let s = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      // The generator is re-created from its seed inside the sandbox (the same stream either way).
      const rng = portableRng(createRng(1500 + seed), 1500 + seed);
      const r = learner.call("monteCarloIntegral", SQUARES, [0, 0], [1, 1], n, rng);
      e += Math.abs(
        asNumber(field(r, "estimate", "monteCarloIntegral(…)"), "monteCarloIntegral(…).estimate") - 2 / 3,
      );
      s += asNumber(
        field(r, "standardError", "monteCarloIntegral(…)"),
        "monteCarloIntegral(…).standardError",
      );
    }
    error.push(e / SEEDS);
    standardError.push(s / SEEDS);
  }
  return { error, standardError };
}

const MC_SERIES = [
  "|estimate − 2/3|, mean of 8 seeds",
  "your standardError, mean of 8 seeds",
  "slope −1/2: σ/√N",
];

/** Scores of a good classifier and of a coin toss, 150 positives and 150 negatives each. */
function classifiers(): { name: string; scores: number[]; labels: number[] }[] {
  const rng = createRng(15);
  const labels = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? 1 : 0));
  const good = labels.map((y) => rng.normal(y === 1 ? 1.2 : -1.2, 1));
  const coin = labels.map(() => Math.round(rng.uniform() * 20) / 20);
  return [
    { name: "a good classifier", scores: good, labels },
    { name: "a coin toss", scores: coin, labels },
  ];
}
const CLASSIFIERS = classifiers();

/** The ROC curve's points (false-positive rate, true-positive rate), one per group of tied scores. */
export function rocPoints(scores: readonly number[], labels: readonly number[]): [number, number][] {
  const order = scores.map((_, i) => i).sort((i, j) => scores[j]! - scores[i]!);
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  const points: [number, number][] = [[0, 0]];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; ) {
    const score = scores[order[k]!];
    for (; k < order.length && scores[order[k]!] === score; k++) {
      if (labels[order[k]!] === 1) tp++;
      else fp++;
    }
    points.push([fp / negatives, tp / positives]);
  }
  return points;
}

export interface RocData {
  auc: (number | null)[];
}

function rocData(learner: Learner): RocData {
  return {
    auc: CLASSIFIERS.map((c) =>
      asNumber(learner.call("rocAuc", c.scores, c.labels), "rocAuc(scores, labels)"),
    ),
  };
}

const XS = linspace(-2 * Math.PI, 2 * Math.PI, 121);

export interface CumulativeData {
  values: number[];
}

export const figures = [
  figure<QuadratureData>({
    id: "quadrature-error",
    title: "Error of your trapezoid and simpson on ∫₀^π sin x dx = 2 against n (log-log)",
    caption:
      "With h = π/n, the trapezoid rule's error falls along a line of slope −2 (error ∝ h²) all the way to about 6e-9 at n = 16 384; Simpson's falls along slope −4 (∝ h⁴) until rounding stops it near 1e-15, from about n = 4096 on.",
    size: { width: 520, height: 340 },
    data: quadratureData,
    spec: (input) => {
      const rows = tagged(input, (d) => [
        ...(d.trapezoid ?? []).map((y, i): SeriesRow => ({ series: "trapezoid", x: NS[i]!, y, i })),
        ...(d.simpson ?? []).map((y, i): SeriesRow => ({ series: "Simpson", x: NS[i]!, y, i })),
      ]);
      const guides = NS.flatMap((n, i): SeriesRow[] => [
        { series: Q_SERIES[2]!, x: n, y: Math.PI ** 2 / 6 / n ** 2, i },
        { series: Q_SERIES[3]!, x: n, y: Math.PI ** 4 / 90 / n ** 4, i },
      ]);
      return lineChart({
        rows,
        x: q("x", "subintervals n (h = π/n)", { log: true, domain: [2, NS[NS.length - 1]!], format: "~s" }),
        y: q("y", "absolute error", { log: true, domain: [1e-17, 1] }),
        series: Q_SERIES,
        colors: ["#4c78a8", "#f58518", "#9ecae9", "#ffbf79"],
        compare: input.compare,
        width: 520,
        height: 340,
        guides,
        points: true,
      });
    },
  }),
  figure<MonteCarloData>({
    id: "monte-carlo-error",
    title: "Monte Carlo error of ∫∫ over [0, 1]² of (x² + y²) = 2/3 against the number of samples N",
    caption:
      "A line of slope −1/2 on log-log axes: a hundred times more samples buy one more correct digit. Your standard error should follow the actual error.",
    size: { width: 520, height: 320 },
    data: monteCarloData,
    spec: (input) => {
      const rows = tagged(input, (d) => [
        ...d.error.map((y, i): SeriesRow => ({ series: MC_SERIES[0]!, x: SAMPLES[i]!, y, i })),
        ...d.standardError.map((y, i): SeriesRow => ({ series: MC_SERIES[1]!, x: SAMPLES[i]!, y, i })),
      ]);
      return lineChart({
        rows,
        x: q("x", "samples N", { log: true, domain: [10, SAMPLES[SAMPLES.length - 1]!], format: "~s" }),
        y: q("y", "error", { log: true, domain: [1e-4, 1] }),
        series: MC_SERIES,
        colors: ["#4c78a8", "#f58518", COLORS.guide],
        compare: input.compare,
        width: 520,
        height: 320,
        guides: SAMPLES.map((n, i) => ({ series: MC_SERIES[2]!, x: n, y: SIGMA / Math.sqrt(n), i })),
        points: true,
      });
    },
  }),
  figure<RocData>({
    id: "roc",
    title: "ROC curves, with the AUC from your rocAuc",
    caption:
      "The ROC curve climbs from (0, 0) to (1, 1); a good classifier hugs the top-left corner, a coin toss follows the diagonal. The AUC is the area under the curve: the chance that a random positive scores above a random negative.",
    size: { width: 420, height: 420 },
    data: rocData,
    spec: (input) => {
      const names = CLASSIFIERS.map((c, k) => {
        const mine = input.mine?.auc[k];
        const ref = input.reference?.auc[k];
        const auc = [
          mine !== undefined && mine !== null ? `your AUC ${mine.toFixed(3)}` : "",
          input.compare && ref != null ? `reference ${ref.toFixed(3)}` : "",
        ]
          .filter(Boolean)
          .join(", ");
        return `${c.name}${auc ? ` (${auc})` : ""}`;
      });
      const rows = CLASSIFIERS.flatMap((c, k) =>
        rocPoints(c.scores, c.labels).map(([x, y], i) => ({
          series: names[k]!,
          x,
          y,
          i,
          source: "yours" as const,
        })),
      );
      const x = q("x", "false-positive rate", { domain: [0, 1] });
      const y = q("y", "true-positive rate", { domain: [0, 1] });
      const chart = lineChart({
        rows,
        x,
        y,
        series: [...names, "diagonal"],
        colors: ["#4c78a8", "#f58518", COLORS.guide],
        compare: false,
        width: 380,
        height: 380,
        guides: [0, 1].map((v, i) => ({ series: "diagonal", x: v, y: v, i })),
      });
      // The area under the good classifier's curve: the curve closed along the x axis.
      const under = rows.filter((r) => r.series === names[0]);
      const area: Spec = {
        data: { values: [...under, { x: 1, y: 0, i: under.length }] },
        mark: { type: "line", filled: true, fillOpacity: 0.12, strokeWidth: 0, color: "#4c78a8" },
        encoding: { x, y, order: { field: "i", type: "quantitative" } },
      };
      return { ...chart, layer: [area, ...(chart.layer as Spec[])] };
    },
  }),
  figure<CumulativeData>({
    id: "cumulative-integral",
    title: "The running integral F(x) = ∫₀ˣ cos t dt, from your cumulativeIntegral",
    caption:
      "By the fundamental theorem of calculus F′ = cos, so F is sin x (dotted), negative to the left of 0 as well.",
    size: { width: 520, height: 280 },
    data: (learner) => ({
      values: asNumbers(
        learner.call("cumulativeIntegral", COS, 0, XS),
        "cumulativeIntegral(cos, 0, xs)",
        XS.length,
      ),
    }),
    spec: (input) => {
      const rows = tagged(input, (d) =>
        d.values.map((y, i): SeriesRow => ({ series: "F(x)", x: XS[i]!, y, i })),
      );
      return lineChart({
        rows,
        x: q("x", "x", { domain: [XS[0]!, XS[XS.length - 1]!] }),
        y: q("y", null, { domain: [-1.3, 1.3] }),
        series: ["F(x)", "sin x"],
        colors: ["#4c78a8", COLORS.guide],
        compare: input.compare,
        width: 520,
        height: 280,
        guides: XS.map((x, i) => ({ series: "sin x", x, y: Math.sin(x), i })),
      });
    },
  }),
];
