/**
 * Lesson 10, logistic regression: the data, the plane shaded by the learner's predicted probability and
 * the decision boundary p = ½, without and with an L2 penalty; and the loss per epoch.
 */
import { blobs } from "@calcml/math";
import { lineChart, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { bandRows, contourRows, type Domain, linspace, sampleGrid } from "../grid.ts";
import { asNumber, asNumbers, field, type Learner, LearnerFailure } from "../learner.ts";
import { heatmapLayer, q, type Spec } from "../vl.ts";

export const DATA = blobs(10, {
  n: 120,
  centers: [
    [-1.3, -0.9],
    [1.3, 0.9],
  ],
  std: 0.6,
});
const RUNS = [
  { name: "no penalty", l2: 0 },
  { name: "L2 penalty λ = 0.05", l2: 0.05 },
];
const SERIES = RUNS.map((r) => r.name);
const OPTIONS = { learningRate: 0.5, epochs: 600, seed: 1 };
const X: Domain = [-3.5, 3.5];
const Y: Domain = [-3, 3];
const G = 41;

export interface LogisticRun {
  name: string;
  w: number[];
  b: number;
  lossHistory: number[];
  /** The learner's predictProbability on the grid (rows of y, columns of x). */
  probability?: number[][];
  accuracy?: number;
}

export interface LogisticData {
  runs: LogisticRun[];
}

function logisticData(learner: Learner): LogisticData {
  const grid = sampleGrid(() => 0, X, Y, G);
  const points = grid.ys.flatMap((y) => grid.xs.map((x) => [x, y]));
  const runs = RUNS.flatMap(({ name, l2 }) => {
    const run = learner.attempt((): LogisticRun => {
      const r = learner.call("trainLogisticRegression", DATA.X, DATA.y, { ...OPTIONS, l2 });
      const w = asNumbers(field(r, "w", "trainLogisticRegression(…)"), "trainLogisticRegression(…).w", 2);
      const b = asNumber(field(r, "b", "trainLogisticRegression(…)"), "trainLogisticRegression(…).b");
      const lossHistory = asNumbers(
        field(r, "lossHistory", "trainLogisticRegression(…)"),
        "trainLogisticRegression(…).lossHistory",
      ).slice(0, 2000);
      const flat = learner.attempt(() =>
        asNumbers(
          learner.call("predictProbability", points, w, b),
          "predictProbability(grid, w, b)",
          points.length,
        ),
      );
      const probability = flat ? grid.ys.map((_, j) => flat.slice(j * G, (j + 1) * G)) : undefined;
      const accuracy = learner.attempt(() => {
        const p = asNumbers(
          learner.call("predictProbability", DATA.X, w, b),
          "predictProbability(X, w, b)",
          DATA.X.length,
        );
        return asNumber(learner.call("accuracy", p, DATA.y), "accuracy(p, y)");
      });
      return {
        name,
        w,
        b,
        lossHistory,
        ...(probability ? { probability } : {}),
        ...(accuracy !== undefined ? { accuracy } : {}),
      };
    });
    return run ? [run] : [];
  });
  if (runs.length === 0) throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  return { runs };
}

function boundaryPanel(
  mine: LogisticRun | undefined,
  reference: LogisticRun | undefined,
  name: string,
): Spec {
  const x = q("x", "x₁", { domain: X });
  const y = q("y", "x₂", { domain: Y });
  const layers: Spec[] = [];
  const base = sampleGrid(() => 0, X, Y, G);
  const shade = mine?.probability ?? reference?.probability;
  if (shade) {
    layers.push(
      heatmapLayer(bandRows({ ...base, values: shade }, linspace(0, 1, 21)), x, y, {
        title: "p",
        scale: { scheme: "blueorange", domain: [0, 1] },
        legend: { orient: "right", gradientLength: 150 },
      }),
    );
  }
  const boundary = (run: LogisticRun | undefined, source: string) =>
    run?.probability
      ? contourRows({ ...base, values: run.probability }, [0.5]).map((r) => ({
          ...r,
          line: `${source}${r.line}`,
          source,
        }))
      : [];
  const lines = [...boundary(reference, "reference"), ...boundary(mine, "yours")];
  if (lines.length) {
    layers.push({
      data: { values: lines },
      mark: { type: "line", color: "black", strokeWidth: 2, clip: true },
      encoding: {
        x,
        y,
        detail: { field: "line" },
        order: { field: "i", type: "quantitative" },
        strokeDash: {
          field: "source",
          type: "nominal",
          scale: {
            domain: ["yours", "reference"],
            range: [
              [1, 0],
              [6, 4],
            ],
          },
          legend: null,
        },
      },
    });
  }
  layers.push({
    data: { values: DATA.X.map(([a, b], i) => ({ x: a, y: b, label: `class ${DATA.y[i]}` })) },
    mark: { type: "point", filled: true, size: 30, stroke: "white", strokeWidth: 0.8, opacity: 1 },
    encoding: {
      x,
      y,
      shape: {
        field: "label",
        type: "nominal",
        title: null,
        scale: { domain: ["class 0", "class 1"], range: ["circle", "triangle-up"] },
        legend: { orient: "bottom", direction: "horizontal" },
      },
      color: {
        field: "label",
        type: "nominal",
        title: null,
        scale: { domain: ["class 0", "class 1"], range: ["#2166ac", "#b2182b"] },
        legend: { orient: "bottom", direction: "horizontal" },
      },
    },
  });
  const acc = mine?.accuracy !== undefined ? ` · your accuracy ${(mine.accuracy * 100).toFixed(1)} %` : "";
  return {
    width: 300,
    height: 260,
    title: { text: `${name}${acc}`, fontSize: 12, fontWeight: "normal" },
    layer: layers,
    resolve: { scale: { fill: "independent", stroke: "independent" } },
  };
}

export const figures = [
  figure<LogisticData>({
    id: "decision-boundary",
    title: "Your decision boundary p = ½ over the data, the plane shaded by your predicted probability",
    caption:
      "The boundary runs through the gap between the classes. Without a penalty the weights keep growing, so p goes from ½ to 0 or 1 over a narrow band; the L2 penalty stops that growth and keeps the band wide.",
    size: { width: 760, height: 320 },
    data: logisticData,
    spec: (input) => ({
      hconcat: RUNS.map((run) =>
        boundaryPanel(
          input.mine?.runs.find((r) => r.name === run.name),
          input.reference?.runs.find((r) => r.name === run.name),
          run.name,
        ),
      ),
    }),
  }),
  figure<LogisticData>({
    id: "loss-per-epoch",
    title: "Log-loss per epoch (log scale), from your trainLogisticRegression",
    caption:
      "It falls quickly and then keeps creeping down on separable data: without a penalty the loss can always be made a bit smaller by scaling w up. With the L2 penalty it levels off.",
    size: { width: 520, height: 300 },
    data: logisticData,
    spec: (input) => {
      const rows = tagged(input, (d) =>
        d.runs.flatMap((run) =>
          run.lossHistory.map((y, i): SeriesRow => ({ series: run.name, x: i + 1, y, i })),
        ),
      );
      return lineChart({
        rows,
        x: q("x", "epoch", { domain: [1, OPTIONS.epochs] }),
        y: q("y", "mean log-loss (with the penalty)", { log: true, domain: [0.005, 1] }),
        series: SERIES,
        compare: input.compare,
        width: 520,
        height: 300,
      });
    },
    curve: {
      title: "mean log-loss per epoch (learning rate 0.5), from your trainLogisticRegression",
      x: "epoch",
      xFrom: 1,
      log: true,
      series: (d) =>
        d.runs.map((run) => ({
          name: run.name,
          values: run.lossHistory,
          // At w = 0, b = 0 every p is ½ and the penalty is 0: the loss is ln 2.
          start: Math.LN2,
          expect: "falls",
          because:
            "training starts at w = 0, b = 0, where the loss is ln 2 ≈ 0.693, and steps against the gradient",
        })),
    },
  }),
];
