/**
 * Lesson 04, gradient descent: the paths from (1, 1) on the ill-conditioned bowl x² + 10y² for three
 * learning rates (smooth, zig-zag, diverging), and the loss per iteration of each.
 */
import { portable } from "../../sandbox/portable.ts";
import { lineChart, type SeriesRow, tagged } from "../charts.ts";
import { type FigureInput, figure } from "../figure.ts";
import { contourRows, sampleGrid, thin } from "../grid.ts";
import { asNumber, asRows, field, type Learner, LearnerFailure } from "../learner.ts";
import { contourLayer, q, type Spec } from "../vl.ts";

export const BOWL = {
  f: (x: number, y: number) => x * x + 10 * y * y,
  grad: portable((p: readonly number[]) => [2 * p[0]!, 20 * p[1]!]),
  start: [1, 1],
  learningRates: [0.01, 0.09, 0.11],
  maxIterations: 1000,
  hessian: [
    [2, 0],
    [0, 20],
  ],
} as const;

export interface Run {
  learningRate: number;
  path: [number, number][];
  /** f at every iterate of the path: the loss per iteration. */
  loss: number[];
  converged: boolean | undefined;
}

export interface DescentData {
  runs: Run[];
}

const name = (eta: number) => `η = ${eta}`;
const SERIES = BOWL.learningRates.map(name);

/** The learner's gradientDescent on the bowl, one run per learning rate (each may fail on its own). */
export function runBowl(learner: Learner): DescentData {
  const descend = learner.fn("gradientDescent");
  const runs: Run[] = [];
  for (const learningRate of BOWL.learningRates) {
    const run = learner.attempt(() => {
      const result = descend(BOWL.grad, [...BOWL.start], { learningRate, maxIterations: BOWL.maxIterations });
      const path = asRows(field(result, "path", "gradientDescent(…)"), "gradientDescent(…).path", 2)
        .slice(0, BOWL.maxIterations + 1)
        .map(([x, y]) => [x!, y!] as [number, number]);
      const converged = (result as { converged?: unknown }).converged;
      return {
        learningRate,
        path,
        loss: path.map(([x, y]) => BOWL.f(x, y)),
        converged: typeof converged === "boolean" ? converged : undefined,
      };
    });
    if (run) runs.push(run);
  }
  if (runs.length === 0) throw new LearnerFailure(learner.notes[0] ?? "gradientDescent drew no path");
  describeRates(learner);
  return { runs };
}

/** The learner's own verdicts on the three rates, said under the figure. */
function describeRates(learner: Learner): void {
  if (!learner.has("classifyLearningRate") || !learner.has("maxStableLearningRate")) return;
  try {
    const verdicts = BOWL.learningRates.map(
      (eta) => `${eta} → ${String(learner.call("classifyLearningRate", 20, eta))}`,
    );
    const limit = asNumber(learner.call("maxStableLearningRate", BOWL.hessian), "maxStableLearningRate(…)");
    learner.info(
      `Your classifyLearningRate(20, η) for the steep direction: ${verdicts.join(", ")}; your maxStableLearningRate: ${limit}.`,
    );
  } catch {
    // Unfinished: the figure does not depend on these.
  }
}

const VIEW = { width: 400, height: 400, x: [-1.25, 1.25] as const, y: [-1.25, 1.25] as const };

function pathsSpec(input: FigureInput<DescentData>): Spec {
  const grid = sampleGrid(BOWL.f, VIEW.x, VIEW.y, 61);
  const levels = [0.02, 0.1, 0.3, 0.6, 1, 2, 4, 7, 11, 16];
  const x = q("x", "x", { domain: VIEW.x });
  const y = q("y", "y", { domain: VIEW.y });
  const rows = tagged(input, (d) =>
    d.runs.flatMap((run) =>
      thin(run.path, 400).map(({ point: [px, py], index }) => ({
        series: name(run.learningRate),
        x: px,
        y: py,
        i: index,
      })),
    ),
  );
  const start: Spec = {
    data: { values: [{ x: BOWL.start[0], y: BOWL.start[1], label: "start (1, 1)" }] },
    mark: { type: "text", align: "left", dx: 6, dy: -8, fontSize: 11 },
    encoding: { x, y, text: { field: "label" } },
  };
  const minimum: Spec = {
    data: { values: [{ x: 0, y: 0 }] },
    mark: { type: "point", shape: "cross", size: 80, color: "black", filled: true },
    encoding: { x, y },
  };
  const chart = lineChart({
    rows,
    x,
    y,
    series: SERIES,
    compare: input.compare,
    width: VIEW.width,
    height: VIEW.height,
    points: true,
    strokeWidth: 1.5,
    legendTitle: "learning rate",
    layers: [minimum, start],
  });
  chart.layer = [contourLayer(contourRows(grid, levels), x, y), ...(chart.layer as Spec[])];
  return chart;
}

function lossSpec(input: FigureInput<DescentData>): Spec {
  const rows = tagged(input, (d) =>
    d.runs.flatMap((run) =>
      thin(run.loss, 400).map(
        ({ point, index }): SeriesRow => ({ series: name(run.learningRate), x: index, y: point, i: index }),
      ),
    ),
  );
  return lineChart({
    rows,
    x: q("x", "iteration k"),
    y: q("y", "loss f(xₖ) = xₖ² + 10yₖ²", { log: true, domain: [1e-16, 1e4] }),
    series: SERIES,
    compare: input.compare,
    width: 460,
    height: 300,
    legendTitle: "learning rate",
  });
}

/**
 * Rosenbrock from (−1.2, 1): a rate under 2/λmax ≈ 0.002 (λmax ≈ 1001.6 at the minimum) crawls along the
 * valley towards (1, 1); one just above does not blow up but ends in a two-step cycle across the valley
 * floor (from η ≈ 0.0062 the iterates overflow within 8 to 16 steps).
 */
const ROSENBROCK = {
  f: (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  grad: portable((p: readonly number[]) => [
    -2 * (1 - p[0]!) - 400 * p[0]! * (p[1]! - p[0]! ** 2),
    200 * (p[1]! - p[0]! ** 2),
  ]),
  start: [-1.2, 1],
  learningRates: [0.001, 0.0021],
  maxIterations: 10_000,
} as const;
const ROSENBROCK_SERIES = ROSENBROCK.learningRates.map(name);

export interface RosenbrockData {
  runs: { learningRate: number; path: [number, number][] }[];
}

function runRosenbrock(learner: Learner): RosenbrockData {
  const descend = learner.fn("gradientDescent");
  const runs = ROSENBROCK.learningRates.flatMap((learningRate) => {
    const run = learner.attempt(() => {
      const result = descend(ROSENBROCK.grad, [...ROSENBROCK.start], {
        learningRate,
        maxIterations: ROSENBROCK.maxIterations,
      });
      const path = asRows(field(result, "path", "gradientDescent(…)"), "gradientDescent(…).path", 2)
        .slice(0, ROSENBROCK.maxIterations + 1)
        .map(([x, y]) => [x!, y!] as [number, number]);
      return { learningRate, path };
    });
    return run ? [run] : [];
  });
  if (runs.length === 0) throw new LearnerFailure(learner.notes[0] ?? "gradientDescent drew no path");
  return { runs };
}

const ROSENBROCK_VIEW = { width: 440, height: 340, x: [-1.6, 1.6] as const, y: [-0.4, 2] as const };

function rosenbrockSpec(input: FigureInput<RosenbrockData>): Spec {
  const x = q("x", "x", { domain: ROSENBROCK_VIEW.x });
  const y = q("y", "y", { domain: ROSENBROCK_VIEW.y });
  const grid = sampleGrid(ROSENBROCK.f, ROSENBROCK_VIEW.x, ROSENBROCK_VIEW.y, 81);
  const rows = tagged(input, (d) =>
    d.runs.flatMap((run) =>
      thin(run.path, 800).map(({ point: [px, py], index }) => ({
        series: name(run.learningRate),
        x: px,
        y: py,
        i: index,
      })),
    ),
  );
  const chart = lineChart({
    rows,
    x,
    y,
    series: ROSENBROCK_SERIES,
    colors: ["#4c78a8", "#e45756"],
    compare: input.compare,
    width: ROSENBROCK_VIEW.width,
    height: ROSENBROCK_VIEW.height,
    points: true,
    strokeWidth: 1.5,
    legendTitle: "learning rate",
  });
  chart.layer = [
    contourLayer(contourRows(grid, [0.3, 1, 3, 10, 30, 100, 300]), x, y),
    ...(chart.layer as Spec[]),
  ];
  return chart;
}

export const figures = [
  figure<DescentData>({
    id: "bowl-paths",
    title: "Gradient descent on x² + 10y² from (1, 1), three learning rates",
    caption:
      "λmax = 20, so the limit is η = 2/20 = 0.1. η = 0.01 drops quickly along the steep y direction, then crawls along x; η = 0.09 zig-zags across the valley yet gets there; η = 0.11 zig-zags further out with every step and leaves the plot.",
    size: { width: 400, height: 400 },
    data: runBowl,
    spec: pathsSpec,
  }),
  figure<DescentData>({
    id: "loss-per-iteration",
    title: "Loss per iteration (log scale), from your paths",
    caption:
      "Below the limit the loss falls along a straight line on a log scale (a constant factor per step); η = 0.11 climbs along a line instead and leaves the top of the plot after about 20 steps. If η = 0.01 and 0.09 also leave the top within a few steps, your steps go uphill: that is gradient ascent, not descent.",
    size: { width: 460, height: 300 },
    data: runBowl,
    spec: lossSpec,
    curve: {
      title: "loss f(xₖ) = xₖ² + 10yₖ² per iteration from (1, 1), from your gradientDescent",
      x: "iteration",
      log: true,
      series: (d) =>
        d.runs.map((run) => {
          const stable = run.learningRate < 2 / 20;
          return {
            name: name(run.learningRate),
            values: run.loss,
            expect: stable ? "falls" : "grows",
            because: `η = ${run.learningRate} is ${stable ? "below" : "above"} the limit 2/λmax = 2/20 = 0.1`,
          };
        }),
    },
  }),
  figure<RosenbrockData>({
    id: "rosenbrock-path",
    title: "Gradient descent on Rosenbrock's valley from (−1.2, 1), 10 000 steps at most",
    caption:
      "The minimum (1, 1) is at the upper-right end of the valley floor, where the blue path should end. At η = 0.001 the path falls into the curved valley within a few steps and then creeps along its floor for thousands of iterations. Near the minimum the Hessian's eigenvalues are about 1001.6 and 0.4, so no η above 2/1001.6 ≈ 0.002 can settle there: η = 0.0021 (red) bounces between the steep walls for its first 20 or so steps, follows the floor, and ends bouncing for good between two points across the floor, the small red cluster 0.07 short of (1, 1).",
    size: { width: 440, height: 340 },
    data: runRosenbrock,
    spec: rosenbrockSpec,
  }),
];
