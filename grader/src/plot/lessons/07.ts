/**
 * Lesson 07, Newton's method: damped Newton (the learner's newtonsMethod) against gradient descent with
 * the learner's backtracking line search on Rosenbrock, from (−1.2, 1): the paths, and the error per
 * iteration on a log scale.
 */
import { portable } from "../../sandbox/portable.ts";
import { lineChart, pathRows, perIteration, tagged, underlay } from "../charts.ts";
import { figure } from "../figure.ts";
import { contourRows, sampleGrid } from "../grid.ts";
import { asNumber, asRows, field, type Learner, LearnerFailure } from "../learner.ts";
import { contourLayer, q, type Spec } from "../vl.ts";

const START = [-1.2, 1];
const MINIMUM = [1, 1];
/** Steps of gradient descent (each with a line search). */
const DESCENT_STEPS = 5000;
// Shipped into the sandbox (they use nothing but their argument): the line search calls f thousands of times.
const f = portable((p: readonly number[]) => (1 - p[0]!) ** 2 + 100 * (p[1]! - p[0]! ** 2) ** 2);
const grad = portable((p: readonly number[]) => [
  -2 * (1 - p[0]!) - 400 * p[0]! * (p[1]! - p[0]! ** 2),
  200 * (p[1]! - p[0]! ** 2),
]);
const hess = portable((p: readonly number[]) => [
  [1200 * p[0]! ** 2 - 400 * p[1]! + 2, -400 * p[0]!],
  [-400 * p[0]!, 200],
]);

export interface NewtonData {
  newton?: [number, number][];
  descent?: [number, number][];
}

const NEWTON = "damped Newton (your newtonsMethod)";
const DESCENT = "gradient descent (your line search)";
/** The line search's first trial step for gradient descent: small, as a fixed learning rate would be. */
const DESCENT_INITIAL_STEP = 1e-3;
const SERIES = [NEWTON, DESCENT];

function newtonData(learner: Learner): NewtonData {
  const newton = learner.attempt(() => {
    const result = learner.call("newtonsMethod", f, grad, hess, [...START]);
    return asRows(field(result, "path", "newtonsMethod(…)"), "newtonsMethod(…).path", 2).slice(0, 1000) as [
      number,
      number,
    ][];
  });
  const descent = learner.attempt(() => {
    const search = learner.fn("backtrackingLineSearch");
    const path: [number, number][] = [[START[0]!, START[1]!]];
    let x = [...START];
    for (let k = 0; k < DESCENT_STEPS; k++) {
      const g = grad(x);
      if (Math.hypot(g[0]!, g[1]!) < 1e-10) break;
      const alpha = asNumber(
        search(f, g, x, [-g[0]!, -g[1]!], { initialStep: DESCENT_INITIAL_STEP }),
        "backtrackingLineSearch(…)",
      );
      if (!(alpha > 0) || !Number.isFinite(alpha)) break;
      x = [x[0]! - alpha * g[0]!, x[1]! - alpha * g[1]!];
      if (!x.every(Number.isFinite)) break;
      path.push([x[0]!, x[1]!]);
    }
    return path;
  });
  if (!newton && !descent) throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  return { ...(newton ? { newton } : {}), ...(descent ? { descent } : {}) };
}

const VIEW = { width: 460, height: 380, x: [-1.6, 1.6] as const, y: [-0.4, 2.0] as const };
const errorOf = (path: readonly [number, number][]) =>
  path.map(([x, y]) => Math.hypot(x - MINIMUM[0]!, y - MINIMUM[1]!));

function errorPanel(
  input: { mine?: NewtonData | undefined; reference?: NewtonData | undefined; compare: boolean },
  last: number,
  title: string,
): Spec {
  const rows = tagged(input, (d) => [
    ...(d.newton ? perIteration(NEWTON, errorOf(d.newton)) : []),
    ...(d.descent ? perIteration(DESCENT, errorOf(d.descent).slice(0, last + 1), 800) : []),
  ]);
  return {
    ...lineChart({
      rows,
      x: q("x", "iteration k", { domain: [0, last] }),
      y: q("y", "error ‖xₖ − (1, 1)‖", { log: true, domain: [1e-16, 10] }),
      series: SERIES,
      compare: input.compare,
      width: 330,
      height: 280,
      points: last <= 60,
    }),
    title: { text: title, fontSize: 12, fontWeight: "normal" },
  };
}

export const figures = [
  figure<NewtonData>({
    id: "rosenbrock-paths",
    title: "Damped Newton against gradient descent on Rosenbrock, from (−1.2, 1)",
    caption:
      "Gradient descent (steps from your backtrackingLineSearch, starting each search at α = 0.001) creeps along the curved floor of the valley in thousands of tiny zig-zags; damped Newton takes about twenty steps, the first few shortened by the line search, the last few landing almost exactly on (1, 1).",
    size: { width: 460, height: 380 },
    data: newtonData,
    spec: (input) => {
      const x = q("x", "x", { domain: VIEW.x });
      const y = q("y", "y", { domain: VIEW.y });
      const grid = sampleGrid((a, b) => f([a, b]), VIEW.x, VIEW.y, 81);
      const rows = tagged(input, (d) => [
        ...(d.descent ? pathRows(DESCENT, d.descent, 1500) : []),
        ...(d.newton ? pathRows(NEWTON, d.newton) : []),
      ]);
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
      });
      return underlay(chart, [contourLayer(contourRows(grid, [0.3, 1, 3, 10, 30, 100, 300]), x, y)]);
    },
  }),
  figure<NewtonData>({
    id: "error-per-iteration",
    title: "Error per iteration (log scale)",
    caption:
      "Gradient descent is (roughly) a straight line on the log scale: linear convergence, a constant factor per step. Newton is a curve that plunges off the bottom of the chart, since each step doubles the number of correct digits.",
    size: { width: 720, height: 300 },
    data: newtonData,
    spec: (input) => ({
      hconcat: [
        errorPanel(input, 40, "the first 40 iterations"),
        errorPanel(input, DESCENT_STEPS, `all ${DESCENT_STEPS} iterations`),
      ],
    }),
    curve: {
      title: "error ‖xₖ − (1, 1)‖ per iteration on Rosenbrock from (−1.2, 1)",
      x: "iteration",
      log: true,
      series: (d) => [
        ...(d.newton
          ? [
              {
                name: "damped Newton",
                values: errorOf(d.newton),
                expect: "falls" as const,
                because: "your newtonsMethod should end at the minimum (1, 1)",
              },
            ]
          : []),
        ...(d.descent
          ? [
              {
                name: "gradient descent",
                values: errorOf(d.descent),
                expect: "falls" as const,
                because: "every step of your line search should go downhill",
              },
            ]
          : []),
      ],
    },
  }),
];
