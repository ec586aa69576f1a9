/**
 * Lesson 09, linear regression: the loss per epoch for batch sizes 1, 16 and n (with the loss of the
 * normal-equation fit as a flat line), and the data with the fitted lines.
 */
import { linearData } from "@calcml/math";
import { lineChart, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { asNumber, asNumbers, field, type Learner, LearnerFailure } from "../learner.ts";
import { COLORS, q, type Spec } from "../vl.ts";

export const DATA = linearData(9, { n: 200, weights: [2], bias: 0.5, noise: 0.8 });
const N = DATA.X.length;
export const BATCH_SIZES = [1, 16, N];
const EPOCHS = 30;
const LEARNING_RATE = 0.05;
const batchName = (b: number) => (b === N ? `full batch (${N})` : `batch size ${b}`);
const SERIES = [...BATCH_SIZES.map(batchName), "normal equation"];

export interface Model {
  w: number;
  b: number;
}

export interface RegressionData {
  runs: ({ batchSize: number; lossHistory: number[] } & Model)[];
  exact?: Model & { loss: number };
}

const mse = ({ w, b }: Model) => DATA.X.reduce((s, [x], i) => s + (w * x! + b - DATA.y[i]!) ** 2, 0) / N;

function regressionData(learner: Learner): RegressionData {
  const runs = BATCH_SIZES.flatMap((batchSize) => {
    const run = learner.attempt(() => {
      const r = learner.call("trainLinearRegression", DATA.X, DATA.y, {
        learningRate: LEARNING_RATE,
        epochs: EPOCHS,
        batchSize,
        seed: 1,
      });
      return {
        batchSize,
        lossHistory: asNumbers(
          field(r, "lossHistory", "trainLinearRegression(…)"),
          "trainLinearRegression(…).lossHistory",
        ).slice(0, 1000),
        w: asNumbers(field(r, "w", "trainLinearRegression(…)"), "trainLinearRegression(…).w", 1)[0]!,
        b: asNumber(field(r, "b", "trainLinearRegression(…)"), "trainLinearRegression(…).b"),
      };
    });
    return run ? [run] : [];
  });
  const exact = learner.attempt(() => {
    const m = learner.call("normalEquation", DATA.X, DATA.y);
    const model = {
      w: asNumbers(field(m, "w", "normalEquation(…)"), "normalEquation(…).w", 1)[0]!,
      b: asNumber(field(m, "b", "normalEquation(…)"), "normalEquation(…).b"),
    };
    return { ...model, loss: mse(model) };
  });
  if (runs.length === 0 && !exact) throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  return { runs, ...(exact ? { exact } : {}) };
}

const COLORS4 = ["#4c78a8", "#f58518", "#54a24b", COLORS.highlight];

export const figures = [
  figure<RegressionData>({
    id: "loss-per-epoch",
    title: `Loss per epoch for three batch sizes (200 points, learning rate ${LEARNING_RATE}), from your trainLinearRegression`,
    caption:
      "Full-batch gradient descent makes one step per epoch and falls slowly along a smooth curve. Batch size 16 (13 steps per epoch) falls much faster, then wobbles a little above the minimum; batch size 1 falls fastest and wobbles most. All level off near the loss of your normal-equation fit (the dotted line).",
    size: { width: 520, height: 320 },
    data: regressionData,
    spec: (input) => {
      const rows = tagged(input, (d) =>
        d.runs.flatMap((run) =>
          run.lossHistory.map((y, i): SeriesRow => ({ series: batchName(run.batchSize), x: i + 1, y, i })),
        ),
      );
      const exact = input.mine?.exact ?? input.reference?.exact;
      return lineChart({
        rows,
        x: q("x", "epoch", { domain: [1, EPOCHS] }),
        y: q("y", "mean squared error on all the data", { domain: [0.5, 4] }),
        series: SERIES,
        colors: COLORS4,
        compare: input.compare,
        width: 520,
        height: 320,
        points: true,
        guides: exact ? [1, EPOCHS].map((x, i) => ({ series: "normal equation", x, y: exact.loss, i })) : [],
      });
    },
    curve: {
      title: `mean squared error per epoch (200 points, learning rate ${LEARNING_RATE}), from your trainLinearRegression`,
      x: "epoch",
      xFrom: 1,
      log: false,
      series: (d) =>
        d.runs.map((run) => ({
          name: batchName(run.batchSize),
          values: run.lossHistory,
          start: mse({ w: 0, b: 0 }),
          expect: "falls",
          because: "training starts at w = 0, b = 0 and steps against the gradient",
        })),
    },
  }),
  figure<RegressionData>({
    id: "fitted-lines",
    title: "The data and your fitted lines ŷ = wx + b",
    caption:
      "Once trained, the three lines and the normal equation's nearly coincide: the true line is y = 2x + 0.5.",
    size: { width: 520, height: 340 },
    data: regressionData,
    spec: (input) => {
      const xs = [-3.5, 3.5];
      const line = (series: string, m: Model) =>
        xs.map((x, i): SeriesRow => ({ series, x, y: m.w * x + m.b, i }));
      const rows = tagged(input, (d) => [
        ...d.runs.flatMap((run) => line(batchName(run.batchSize), run)),
        ...(d.exact ? line("normal equation", d.exact) : []),
      ]);
      const x = q("x", "x", { domain: [-3.5, 3.5] });
      const y = q("y", "y", { domain: [-7.5, 8.5] });
      const dots: Spec = {
        data: { values: DATA.X.map(([xv], i) => ({ x: xv, y: DATA.y[i] })) },
        mark: { type: "circle", size: 14, color: "#999", opacity: 0.7, clip: true },
        encoding: { x, y },
      };
      const chart = lineChart({
        rows,
        x,
        y,
        series: SERIES,
        colors: COLORS4,
        compare: input.compare,
        width: 520,
        height: 340,
      });
      return { ...chart, layer: [dots, ...(chart.layer as Spec[])] };
    },
  }),
];
