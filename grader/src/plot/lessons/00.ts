/** Lesson 00, how the course works: secant lines of y = x² through (1, 1) settling onto the tangent. */
import { lineChart, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { linspace } from "../grid.ts";
import { asNumber, type Learner, LearnerFailure } from "../learner.ts";
import { COLORS, q } from "../vl.ts";

const XS = linspace(-0.5, 3.5, 81);
const SECOND_POINTS = [3, 2, 1.5, 1.1];
const square = (x: number) => x * x;

export interface SecantData {
  curve?: number[];
  secants: { b: number; slope: number }[];
}

const secantName = (b: number) => `secant to (${b}, ${b * b})`;
const SERIES = ["y = square(x)", ...SECOND_POINTS.map(secantName), "tangent y = 2x − 1"];

function data(learner: Learner): SecantData {
  const curve = learner.attempt(() => XS.map((x) => asNumber(learner.call("square", x), `square(${x})`)));
  const secants = SECOND_POINTS.flatMap((b) => {
    const slope = learner.attempt(() =>
      asNumber(learner.call("secantSlope", square, 1, b), `secantSlope(f, 1, ${b})`),
    );
    return slope === undefined ? [] : [{ b, slope }];
  });
  if (curve === undefined && secants.length === 0) throw new LearnerFailure(learner.notes.join("; "));
  return { ...(curve ? { curve } : {}), secants };
}

export const figures = [
  figure<SecantData>({
    id: "secants",
    title: "Secant lines of y = x² through (1, 1), from your secantSlope",
    caption:
      "As the second point moves towards (1, 1), the secant lines turn and settle onto the tangent at x = 1, whose slope is 2.",
    size: { width: 440, height: 340 },
    data,
    spec: (input) => {
      const rows = tagged(input, (d) => [
        ...(d.curve ? d.curve.map((y, i): SeriesRow => ({ series: SERIES[0]!, x: XS[i]!, y, i })) : []),
        ...d.secants.flatMap(({ b, slope }) =>
          XS.map((x, i): SeriesRow => ({ series: secantName(b), x, y: 1 + slope * (x - 1), i })),
        ),
      ]);
      const x = q("x", "x", { domain: [-0.5, 3.5] });
      const y = q("y", "y", { domain: [-2, 10] });
      return lineChart({
        rows,
        x,
        y,
        series: SERIES,
        colors: ["#222", "#4c78a8", "#72b7b2", "#54a24b", "#eeca3b", COLORS.highlight],
        compare: input.compare,
        width: 440,
        height: 340,
        guides: XS.map((xv, i) => ({ series: SERIES[SERIES.length - 1]!, x: xv, y: 2 * xv - 1, i })),
        layers: [
          {
            data: { values: [{ x: 1, y: 1 }] },
            mark: { type: "point", filled: true, size: 60, color: "black" },
            encoding: { x, y },
          },
        ],
      });
    },
  }),
];
