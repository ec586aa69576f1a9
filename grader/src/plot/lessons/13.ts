/**
 * Lesson 13, optimisers: the paths of gradient descent, momentum, RMSprop and Adam (the learner's step
 * functions run by the learner's minimizeWith) on an ill-conditioned bowl and on Rosenbrock, and the loss
 * per iteration.
 */

import { rosenbrock } from "@calcml/math";
import { portable } from "../../sandbox/portable.ts";
import { lineChart, pathRows, perIteration, tagged, underlay } from "../charts.ts";
import { figure } from "../figure.ts";
import { contourRows, type Domain, sampleGrid } from "../grid.ts";
import { asRows, type Learner, LearnerFailure } from "../learner.ts";
import { contourLayer, q, type Spec } from "../vl.ts";

interface Problem {
  key: "bowl" | "rosenbrock";
  title: string;
  f: (p: readonly number[]) => number;
  grad: (p: readonly number[]) => number[];
  start: number[];
  minimum: [number, number];
  iterations: number;
  x: Domain;
  y: Domain;
  levels: number[];
  /** Learning rate per optimiser. */
  rates: Record<string, number>;
}

export const PROBLEMS: Problem[] = [
  {
    key: "bowl",
    title: "bowl ½x² + 50y² from (−4, 0.5)",
    f: (p) => 0.5 * p[0]! ** 2 + 50 * p[1]! ** 2,
    grad: portable((p: readonly number[]) => [p[0]!, 100 * p[1]!]),
    start: [-4, 0.5],
    minimum: [0, 0],
    iterations: 100,
    x: [-4.5, 1],
    y: [-1, 1],
    levels: [0.05, 0.3, 1, 2.5, 5, 8, 12, 17],
    rates: { "gradient descent": 0.018, momentum: 0.01, RMSprop: 0.05, Adam: 0.1 },
  },
  {
    key: "rosenbrock",
    title: "Rosenbrock from (−1.2, 1)",
    f: (p) => rosenbrock.f(p),
    grad: portable((p: readonly number[]) => [
      -2 * (1 - p[0]!) - 400 * p[0]! * (p[1]! - p[0]! ** 2),
      200 * (p[1]! - p[0]! ** 2),
    ]),
    start: [-1.2, 1],
    minimum: [1, 1],
    iterations: 3000,
    x: [-1.6, 1.6],
    y: [-0.4, 2],
    levels: [0.3, 1, 3, 10, 30, 100, 300],
    rates: { "gradient descent": 0.001, momentum: 0.0005, RMSprop: 0.002, Adam: 0.02 },
  },
];

const OPTIMISERS = [
  {
    name: "gradient descent",
    step: "momentumStep",
    options: (lr: number) => ({ learningRate: lr, momentum: 0 }),
  },
  { name: "momentum", step: "momentumStep", options: (lr: number) => ({ learningRate: lr, momentum: 0.9 }) },
  { name: "RMSprop", step: "rmspropStep", options: (lr: number) => ({ learningRate: lr }) },
  { name: "Adam", step: "adamStep", options: (lr: number) => ({ learningRate: lr }) },
] as const;
const SERIES = OPTIMISERS.map((o) => o.name);

export interface OptimiserData {
  /** Paths per problem (PROBLEMS order), per optimiser name. */
  problems: Record<string, [number, number][]>[];
}

function optimiserData(learner: Learner): OptimiserData {
  const useMinimize = learner.attempt(() => {
    learner.call(
      "minimizeWith",
      (p: number[]) => ({ params: p, state: undefined }),
      (p: number[]) => p,
      [0],
      1,
    );
    return true;
  });
  if (!useMinimize)
    learner.info(
      "minimizeWith is not working, so these paths come from the course's own loop around your step functions.",
    );
  const problems = PROBLEMS.map((problem) => {
    const paths: Record<string, [number, number][]> = {};
    for (const o of OPTIMISERS) {
      const path = learner.attempt(() => {
        const stepFn = learner.fn(o.step);
        const options = o.options(problem.rates[o.name]!);
        const step = (params: unknown, grad: unknown, state: unknown) => stepFn(params, grad, state, options);
        if (useMinimize) {
          return asRows(
            learner.call("minimizeWith", step, problem.grad, problem.start, problem.iterations),
            "minimizeWith(…)",
            2,
          );
        }
        const out: number[][] = [problem.start];
        let state: unknown;
        for (let k = 0; k < problem.iterations; k++) {
          const current = out[out.length - 1]!;
          const r = step(current, problem.grad(current), state) as { params?: unknown; state?: unknown };
          out.push(asRows([r?.params], `${o.step}(…).params`, 2)[0]!);
          state = r?.state;
        }
        return out;
      });
      if (path) paths[o.name] = path.slice(0, problem.iterations + 1) as [number, number][];
    }
    return paths;
  });
  if (problems.every((p) => Object.keys(p).length === 0))
    throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  return { problems };
}

function pathPanel(
  problem: Problem,
  k: number,
  input: { mine?: OptimiserData | undefined; reference?: OptimiserData | undefined; compare: boolean },
): Spec {
  const x = q("x", "x", { domain: problem.x });
  const y = q("y", "y", { domain: problem.y });
  const grid = sampleGrid((a, b) => problem.f([a, b]), problem.x, problem.y, 71);
  const rows = tagged(input, (d) =>
    SERIES.flatMap((s) => (d.problems[k]?.[s] ? pathRows(s, d.problems[k]![s]!, 800) : [])),
  );
  const chart = lineChart({
    rows,
    x,
    y,
    series: SERIES,
    compare: input.compare,
    width: 340,
    height: 300,
    points: problem.iterations <= 100,
    strokeWidth: 1.5,
  });
  return {
    ...underlay(chart, [contourLayer(contourRows(grid, problem.levels), x, y)]),
    title: { text: problem.title, fontSize: 12, fontWeight: "normal" },
  };
}

function lossPanel(
  problem: Problem,
  k: number,
  input: { mine?: OptimiserData | undefined; reference?: OptimiserData | undefined; compare: boolean },
): Spec {
  const rows = tagged(input, (d) =>
    SERIES.flatMap((s) =>
      d.problems[k]?.[s]
        ? perIteration(
            s,
            d.problems[k]![s]!.map((p) => problem.f(p)),
          )
        : [],
    ),
  );
  return {
    ...lineChart({
      rows,
      x: q("x", "iteration", { domain: [0, problem.iterations] }),
      y: q("y", "f(xₖ)", { log: true, domain: [1e-10, 100] }),
      series: SERIES,
      compare: input.compare,
      width: 340,
      height: 260,
    }),
    title: { text: problem.title, fontSize: 12, fontWeight: "normal" },
  };
}

const rateText = (p: Problem) =>
  Object.entries(p.rates)
    .map(([name, lr]) => `${name} ${lr}`)
    .join(", ");

export const figures = [
  figure<OptimiserData>({
    id: "optimiser-paths",
    title: "Your optimisers' paths on an ill-conditioned bowl and on Rosenbrock",
    caption: `Gradient descent zig-zags across the valley and crawls along it; momentum overshoots, swings, and arrives much sooner; RMSprop and Adam rescale each coordinate, so their paths head more directly for the minimum. On Rosenbrock's banana-shaped valley the differences are starker still. Learning rates: bowl ${rateText(PROBLEMS[0]!)}; Rosenbrock ${rateText(PROBLEMS[1]!)}.`,
    size: { width: 760, height: 340 },
    data: optimiserData,
    spec: (input) => ({
      hconcat: PROBLEMS.map((p, k) => pathPanel(p, k, input)),
      resolve: { scale: { color: "shared" } },
    }),
  }),
  figure<OptimiserData>({
    id: "loss-per-iteration",
    title: "The loss along each path (log scale)",
    caption: "The same runs: which optimiser gets low fastest, and which stalls or oscillates.",
    size: { width: 760, height: 300 },
    data: optimiserData,
    spec: (input) => ({
      hconcat: PROBLEMS.map((p, k) => lossPanel(p, k, input)),
      resolve: { scale: { color: "shared" } },
    }),
    curve: {
      title: "f(xₖ) per iteration on the bowl ½x² + 50y² and on Rosenbrock, from your optimisers",
      x: "iteration",
      log: true,
      series: (d) =>
        PROBLEMS.flatMap((problem, k) =>
          SERIES.flatMap((s) => {
            const path = d.problems[k]?.[s];
            return path
              ? [
                  {
                    name: `${problem.key} · ${s}`,
                    values: path.map((p) => problem.f(p)),
                    expect: "falls" as const,
                    because: `its learning rate ${problem.rates[s]} is small enough for this ${problem.key === "bowl" ? "bowl" : "valley"}`,
                  },
                ]
              : [];
          }),
        ),
    },
  }),
];
