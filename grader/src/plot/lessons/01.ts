/**
 * Lesson 01, the derivative as a limit: the error of both difference quotients against the step h on
 * log-log axes (the V of truncation and rounding error), and secant lines settling onto the tangent.
 */
import { hiddenOnLog, lineChart, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { linspace, logspace } from "../grid.ts";
import { asNumber, asNumbers, field, type Learner, LearnerFailure } from "../learner.ts";
import { COLORS, q } from "../vl.ts";

/** f = eˣ at x = 1, steps from 1 down to 1e-14, four per decade. */
export const STEPS = logspace(0, -14, 57);
const EPS = 2.220446049250313e-16;

export interface ErrorData {
  steps: number[];
  forward?: number[];
  central?: number[];
}

function errors(learner: Learner): ErrorData {
  const result = learner.call("stepSizeErrors", Math.exp, Math.exp, 1, STEPS);
  const forward = learner.attempt(() =>
    asNumbers(field(result, "forward", "stepSizeErrors(…)"), "stepSizeErrors(…).forward", STEPS.length),
  );
  const central = learner.attempt(() =>
    asNumbers(field(result, "central", "stepSizeErrors(…)"), "stepSizeErrors(…).central", STEPS.length),
  );
  if (!forward && !central) throw new LearnerFailure(learner.notes[0] ?? "stepSizeErrors returned no errors");
  const hidden = hiddenOnLog([...(forward ?? []), ...(central ?? [])], "errors");
  if (hidden) learner.info(hidden);
  return { steps: STEPS, ...(forward ? { forward } : {}), ...(central ? { central } : {}) };
}

const ERROR_SERIES = [
  "forward",
  "central",
  "slope 1: (e/2)·h",
  "slope 2: (e/6)·h²",
  "slope −1: ε·e/h (rounding)",
];

const H_XS = linspace(-0.5, 2.5, 61);
const SECANT_STEPS = [1, 0.5, 0.25, 0.1];
const square = (x: number) => x * x;

export interface TangentData {
  curve?: number[];
  secants: { h: number; slope: number }[];
  tangent?: { slope: number; intercept: number };
}

function tangents(learner: Learner): TangentData {
  const curve = learner.attempt(() =>
    H_XS.map((x) => asNumber(learner.call("polyEval", [0, 0, 1], x), `polyEval([0, 0, 1], ${x})`)),
  );
  const secants = SECANT_STEPS.flatMap((h) => {
    const slope = learner.attempt(() =>
      asNumber(learner.call("forwardDifference", square, 1, h), `forwardDifference(f, 1, ${h})`),
    );
    return slope === undefined ? [] : [{ h, slope }];
  });
  const tangent = learner.attempt(() => {
    const line = learner.call("tangentLine", square, (x: number) => 2 * x, 1);
    return {
      slope: asNumber(field(line, "slope", "tangentLine(…)"), "tangentLine(…).slope"),
      intercept: asNumber(field(line, "intercept", "tangentLine(…)"), "tangentLine(…).intercept"),
    };
  });
  if (!curve && secants.length === 0 && !tangent) throw new LearnerFailure(learner.notes.join("; "));
  return { ...(curve ? { curve } : {}), secants, ...(tangent ? { tangent } : {}) };
}

const secantName = (h: number) => `secant, h = ${h}`;
const TANGENT_SERIES = ["y = x² (polyEval)", ...SECANT_STEPS.map(secantName), "tangent at 1 (tangentLine)"];

export const figures = [
  figure<ErrorData>({
    id: "step-size-errors",
    title: "Error of the difference quotients of eˣ at x = 1 against the step h",
    caption:
      "Each curve is a V. On the right truncation error dominates: forward falls with slope 1, central with slope 2. On the left rounding error dominates and both rise with slope −1. Forward bottoms out near h = 1e-8, central near 1e-5, about a hundred times lower.",
    size: { width: 520, height: 360 },
    data: errors,
    spec: (input) => {
      const rows = tagged(input, (d) => [
        ...(d.forward
          ? d.forward.map((y, i): SeriesRow => ({ series: "forward", x: d.steps[i]!, y, i }))
          : []),
        ...(d.central
          ? d.central.map((y, i): SeriesRow => ({ series: "central", x: d.steps[i]!, y, i }))
          : []),
      ]);
      const e = Math.E;
      const guides = STEPS.flatMap((h, i): SeriesRow[] => [
        { series: ERROR_SERIES[2]!, x: h, y: (e / 2) * h, i },
        { series: ERROR_SERIES[3]!, x: h, y: (e / 6) * h * h, i },
        { series: ERROR_SERIES[4]!, x: h, y: (EPS * e) / h, i },
      ]);
      return lineChart({
        rows,
        x: q("x", "step h", { log: true, domain: [1e-14, 1] }),
        y: q("y", "absolute error", { log: true, domain: [1e-13, 10] }),
        series: ERROR_SERIES,
        colors: ["#4c78a8", "#f58518", "#9ecae9", "#ffbf79", COLORS.guide],
        compare: input.compare,
        width: 520,
        height: 360,
        guides,
        points: true,
      });
    },
  }),
  figure<TangentData>({
    id: "secants-to-tangent",
    title: "Secants of y = x² through (1, 1) and (1 + h, (1 + h)²), from your forwardDifference",
    caption:
      "As h shrinks the secant lines turn and settle onto the tangent y = 2x − 1. The curve is drawn with your polyEval and the tangent with your tangentLine.",
    size: { width: 440, height: 340 },
    data: tangents,
    spec: (input) => {
      const rows = tagged(input, (d) => [
        ...(d.curve
          ? d.curve.map((y, i): SeriesRow => ({ series: TANGENT_SERIES[0]!, x: H_XS[i]!, y, i }))
          : []),
        ...d.secants.flatMap(({ h, slope }) =>
          H_XS.map((x, i): SeriesRow => ({ series: secantName(h), x, y: 1 + slope * (x - 1), i })),
        ),
        ...(d.tangent
          ? H_XS.map(
              (x, i): SeriesRow => ({
                series: TANGENT_SERIES[TANGENT_SERIES.length - 1]!,
                x,
                y: d.tangent!.slope * x + d.tangent!.intercept,
                i,
              }),
            )
          : []),
      ]);
      return lineChart({
        rows,
        x: q("x", "x", { domain: [-0.5, 2.5] }),
        y: q("y", "y", { domain: [-2, 6.5] }),
        series: TANGENT_SERIES,
        colors: ["#222", "#4c78a8", "#72b7b2", "#54a24b", "#eeca3b", COLORS.highlight],
        compare: input.compare,
        width: 440,
        height: 340,
      });
    },
  }),
];
