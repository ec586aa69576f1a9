/**
 * Lesson 02, gradients: contour lines of x²y + 3y² with an arrow of the learner's gradient at a grid of
 * points and the steepest-ascent direction at (1, 2); and the directional derivative over all directions.
 */
import { lineChart, ruleLayer, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { contourRows, linspace, quantileLevels, sampleGrid } from "../grid.ts";
import { asNumber, asNumbers, type Learner } from "../learner.ts";
import { type ArrowRow, arrowLayers, COLORS, contourLayer, q, type Spec } from "../vl.ts";

const f = (x: number, y: number) => x * x * y + 3 * y * y;
const VIEW = { width: 480, height: 440, x: [-3, 3] as const, y: [-2.5, 3] as const };
const ARROW_XS = linspace(-2.5, 2.5, 9);
const ARROW_YS = linspace(-2, 2, 7);
const POINT = [1, 2] as const;
const GRAD_AT_POINT = [4, 13];

export interface FieldData {
  arrows: { x: number; y: number; gx: number; gy: number }[];
  /** The learner's steepestAscent at (1, 2). */
  ascent?: [number, number];
}

function fieldData(learner: Learner): FieldData {
  const grad = learner.fn("gradXSquaredYPlus3YSquared");
  const arrows = ARROW_YS.flatMap((y) =>
    ARROW_XS.map((x) => {
      const [gx, gy] = asNumbers(grad([x, y]), `gradXSquaredYPlus3YSquared([${x}, ${y}])`, 2) as [
        number,
        number,
      ];
      return { x, y, gx, gy };
    }),
  );
  const ascent = learner.attempt(() => {
    const g = asNumbers(grad([...POINT]), "gradXSquaredYPlus3YSquared([1, 2])", 2);
    return asNumbers(learner.call("steepestAscent", g), "steepestAscent(∇f(1, 2))", 2) as [number, number];
  });
  return { arrows, ...(ascent ? { ascent } : {}) };
}

function arrowRows(d: FieldData, source: string): ArrowRow[] {
  const cell = ARROW_XS[1]! - ARROW_XS[0]!;
  const lengths = d.arrows
    .map((a) => Math.hypot(a.gx, a.gy))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length * 0.75)] || 1;
  const scale = (0.9 * cell) / typical;
  return d.arrows.flatMap((a) => {
    const length = Math.hypot(a.gx, a.gy);
    if (!Number.isFinite(length) || length === 0) return [];
    const shown = Math.min(length * scale, 1.4 * cell) / length;
    return [{ x: a.x, y: a.y, x2: a.x + a.gx * shown, y2: a.y + a.gy * shown, source }];
  });
}

const DIRECTIONS = linspace(0, 360, 73);

export interface SlopeData {
  slopes: number[];
  /** Angle of the learner's steepest-ascent direction, in degrees. */
  ascentAngle?: number;
}

function slopeData(learner: Learner): SlopeData {
  const slopes = DIRECTIONS.map((deg) => {
    const u = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
    return asNumber(
      learner.call("directionalDerivative", GRAD_AT_POINT, u),
      `directionalDerivative([4, 13], u)`,
    );
  });
  const ascent = learner.attempt(() =>
    asNumbers(learner.call("steepestAscent", GRAD_AT_POINT), "steepestAscent([4, 13])", 2),
  );
  const angle = ascent ? ((Math.atan2(ascent[1]!, ascent[0]!) * 180) / Math.PI + 360) % 360 : undefined;
  return { slopes, ...(angle !== undefined ? { ascentAngle: angle } : {}) };
}

export const figures = [
  figure<FieldData>({
    id: "gradient-field",
    title: "Contours of f(x, y) = x²y + 3y² and your gradient arrows",
    caption:
      "Every arrow crosses its contour line at a right angle and points uphill; arrows are long where the contours crowd together and short where they spread out (lengths are scaled, the longest cut short). The red arrow is your steepestAscent at (1, 2): the gradient there is (4, 13), nearly straight up.",
    size: { width: VIEW.width, height: VIEW.height },
    data: fieldData,
    spec: (input) => {
      const grid = sampleGrid(f, VIEW.x, VIEW.y, 81);
      const x = q("x", "x", { domain: VIEW.x });
      const y = q("y", "y", { domain: VIEW.y });
      const rows = [
        ...(input.reference ? arrowRows(input.reference, "reference") : []),
        ...(input.mine ? arrowRows(input.mine, "yours") : []),
      ];
      const ascent = (d: FieldData | undefined, source: string): ArrowRow[] =>
        d?.ascent
          ? [
              {
                x: POINT[0],
                y: POINT[1],
                x2: POINT[0] + 0.9 * d.ascent[0],
                y2: POINT[1] + 0.9 * d.ascent[1],
                source,
              },
            ]
          : [];
      const color = {
        field: "source",
        type: "nominal",
        title: null,
        scale: { domain: ["yours", "reference"], range: ["#333", "#bbb"] },
        legend: input.compare ? { orient: "bottom" } : null,
      };
      const layers: Spec[] = [
        contourLayer(contourRows(grid, quantileLevels(grid, 18)), x, y),
        ...arrowLayers(rows, VIEW, { color, width: 1.2, head: 30 }),
        ...arrowLayers([...ascent(input.reference, "reference"), ...ascent(input.mine, "yours")], VIEW, {
          color: COLORS.highlight,
          width: 3,
          head: 90,
        }),
        {
          data: { values: [{ x: POINT[0], y: POINT[1], label: "(1, 2)" }] },
          mark: { type: "text", align: "right", dx: -6, dy: 10, fontSize: 12, color: COLORS.highlight },
          encoding: { x, y, text: { field: "label" } },
        },
      ];
      return { width: VIEW.width, height: VIEW.height, layer: layers };
    },
  }),
  figure<SlopeData>({
    id: "directional-derivative",
    title: "Slope ∇f·u at (1, 2) over all unit directions u, from your directionalDerivative",
    caption:
      "A cosine: the slope is ‖∇f‖ ≈ 13.6 along the gradient (your steepestAscent, the dashed line), 0 along the contour line (90° either side) and −‖∇f‖ straight against it.",
    size: { width: 480, height: 300 },
    data: slopeData,
    spec: (input) => {
      const rows = tagged(input, (d) =>
        d.slopes.map((s, i): SeriesRow => ({ series: "∇f·u", x: DIRECTIONS[i]!, y: s, i })),
      );
      const x = q("x", "direction of u (degrees from the x axis)", {
        domain: [0, 360],
        axis: { values: linspace(0, 360, 9) },
      });
      const y = q("y", "slope ∇f·u", { domain: [-16, 16] });
      const norm = Math.hypot(4, 13);
      const angle = input.mine?.ascentAngle ?? input.reference?.ascentAngle;
      return lineChart({
        rows,
        x,
        y,
        series: ["∇f·u"],
        compare: input.compare,
        width: 480,
        height: 300,
        points: true,
        layers: [
          ...ruleLayer({ y: norm }, "‖∇f‖", x, y),
          ...ruleLayer({ y: -norm }, "−‖∇f‖", x, y),
          ...(angle !== undefined ? ruleLayer({ x: angle }, "your steepestAscent", x, y) : []),
        ],
      });
    },
  }),
];
