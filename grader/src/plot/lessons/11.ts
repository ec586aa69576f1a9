/**
 * Lesson 11, backpropagation: XOR learned by the learner's two-layer network with each activation; the
 * unit square coloured by the trained network's output with its 0.5 contour, and the loss curves.
 */
import { lineChart, perIteration, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { bandRows, contourRows, type Domain, linspace, sampleGrid } from "../grid.ts";
import { asNumbers, asRows, field, type Learner, LearnerFailure } from "../learner.ts";
import { contourLayer, heatmapLayer, q, type Spec } from "../vl.ts";

const ACTIVATIONS = ["sigmoid", "tanh", "relu"] as const;
const OPTIONS = { hidden: 8, learningRate: 0.3, epochs: 800, seed: 1 };
const D: Domain = [-0.25, 1.25];
const G = 41;
const XOR = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 0, 1],
  [1, 1, 0],
];

export interface XorRun {
  activation: string;
  lossHistory: number[];
  /** The trained network's output on the grid (rows of y). */
  output?: number[][];
}

export interface XorData {
  runs: XorRun[];
}

function xorData(learner: Learner): XorData {
  const grid = sampleGrid(() => 0, D, D, G);
  const points = grid.ys.flatMap((y) => grid.xs.map((x) => [x, y]));
  const runs = ACTIVATIONS.flatMap((activation) => {
    const run = learner.attempt((): XorRun => {
      const r = learner.call("trainXor", { ...OPTIONS, activation });
      const lossHistory = asNumbers(field(r, "lossHistory", "trainXor(…)"), "trainXor(…).lossHistory").slice(
        0,
        20_000,
      );
      const params = field(r, "params", "trainXor(…)");
      const output = learner.attempt(() => {
        const cache = learner.call("forward", params, points, activation);
        const out = asRows(field(cache, "output", "forward(…)"), "forward(…).output", 1).map(
          (row) => row[0]!,
        );
        if (out.length !== points.length)
          throw new LearnerFailure(`forward(…).output has ${out.length} rows, expected ${points.length}`);
        return grid.ys.map((_, j) => out.slice(j * G, (j + 1) * G));
      });
      return { activation, lossHistory, ...(output ? { output } : {}) };
    });
    return run ? [run] : [];
  });
  if (runs.length === 0) throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  return { runs };
}

function squarePanel(activation: string, mine: XorRun | undefined, reference: XorRun | undefined): Spec {
  const x = q("x", "x₁", { domain: D });
  const y = q("y", "x₂", { domain: D });
  const base = sampleGrid(() => 0, D, D, G);
  const layers: Spec[] = [];
  const shade = mine?.output ?? reference?.output;
  if (shade) {
    layers.push(
      heatmapLayer(bandRows({ ...base, values: shade }, linspace(0, 1, 21)), x, y, {
        title: "output",
        scale: { scheme: "blueorange", domain: [0, 1], clamp: true },
        legend: { orient: "bottom", direction: "horizontal", gradientLength: 160 },
      }),
      contourLayer(contourRows({ ...base, values: shade }, [0.5]), x, y, "black"),
    );
  }
  if (reference?.output && mine)
    layers.push({
      ...contourLayer(contourRows({ ...base, values: reference.output }, [0.5]), x, y, "#555"),
      mark: { type: "line", strokeDash: [6, 4], color: "#555", clip: true },
    });
  layers.push({
    data: { values: XOR.map(([a, b, t]) => ({ x: a, y: b, target: `target ${t}` })) },
    mark: { type: "point", filled: true, size: 140, opacity: 1 },
    encoding: {
      x,
      y,
      color: {
        field: "target",
        type: "nominal",
        title: null,
        scale: { domain: ["target 0", "target 1"], range: ["#2166ac", "#b2182b"] },
        legend: { orient: "bottom" },
      },
    },
  });
  return {
    width: 220,
    height: 220,
    title: { text: activation, fontSize: 12, fontWeight: "normal" },
    layer: layers,
    resolve: { scale: { fill: "independent", stroke: "independent" } },
  };
}

export const figures = [
  figure<XorData>({
    id: "xor-boundary",
    title: "XOR: the unit square coloured by your trained network's output, with its 0.5 contour",
    caption:
      "The 0.5 contour is two curves: between them a blue band (output below 0.5) runs along the diagonal through (0, 0) and (1, 1); outside them, in orange (above 0.5), lie (0, 1) and (1, 0). Each hidden unit draws one straight line across the square; the output layer combines a few such lines into the band. A panel with no colour means your output is NaN or infinite: training blew up.",
    size: { width: 760, height: 320 },
    data: xorData,
    spec: (input) => ({
      hconcat: ACTIVATIONS.map((a) =>
        squarePanel(
          a,
          input.mine?.runs.find((r) => r.activation === a),
          input.reference?.runs.find((r) => r.activation === a),
        ),
      ),
      resolve: { scale: { fill: "independent", stroke: "independent" } },
    }),
  }),
  figure<XorData>({
    id: "loss-curves",
    title: `Loss per epoch (log scale) for each activation, from your trainXor (${OPTIONS.hidden} hidden units, learning rate ${OPTIONS.learningRate})`,
    caption:
      "The loss may sit for a while on a plateau near 0.25 (the network answers ½ everywhere; most visible with sigmoid) before it finds the trick and drops by orders of magnitude. At this large rate even correct gradients spike briefly (tanh near epoch 185, sigmoid above the top near 335) and recover; a loss that climbs for good, turns NaN (no line at all) or stays on the plateau to the end points to a bug in backward.",
    size: { width: 520, height: 300 },
    data: xorData,
    spec: (input) => {
      const rows = tagged(input, (d) =>
        d.runs.flatMap((run) => perIteration(run.activation, run.lossHistory, 600)),
      );
      return lineChart({
        rows,
        x: q("x", "epoch", { domain: [0, OPTIONS.epochs] }),
        y: q("y", "mean squared error", { log: true, domain: [1e-6, 1] }),
        series: [...ACTIVATIONS],
        compare: input.compare,
        width: 520,
        height: 300,
      });
    },
    curve: {
      title: `mean squared error per epoch on XOR (${OPTIONS.hidden} hidden units, learning rate ${OPTIONS.learningRate}), from your trainXor`,
      x: "epoch",
      log: true,
      series: (d) =>
        d.runs.map((run) => ({
          name: run.activation,
          values: run.lossHistory,
          expect: "falls",
          because: "each step goes against the gradient backward computes",
        })),
    },
  }),
];
