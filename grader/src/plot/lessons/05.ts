/**
 * Lesson 05, Jacobians: a grid in the (r, θ) plane and its image under the polar map, coloured by the
 * learner's det J, with the measured area ratio of each wedge against det J; and the softmax Jacobian.
 */
import { figure } from "../figure.ts";
import { linspace } from "../grid.ts";
import { asNumber, asRows, type Learner } from "../learner.ts";
import { COLORS, q, type Spec } from "../vl.ts";

const R_EDGES = [0.5, 1, 1.5, 2, 2.5];
const T_EDGES = linspace(0, Math.PI / 2, 7);

interface Cell {
  r0: number;
  r1: number;
  t0: number;
  t1: number;
  r: number;
  t: number;
}

const CELLS: Cell[] = R_EDGES.slice(1).flatMap((r1, a) =>
  T_EDGES.slice(1).map((t1, b) => {
    const r0 = R_EDGES[a]!;
    const t0 = T_EDGES[b]!;
    return { r0, r1, t0, t1, r: (r0 + r1) / 2, t: (t0 + t1) / 2 };
  }),
);

export interface PolarData {
  /** The learner's det J at the centre of each cell (CELLS order). */
  dets?: number[];
}

function polarData(learner: Learner): PolarData {
  const dets = learner.attempt(() =>
    CELLS.map(({ r, t }) => {
      const J = asRows(
        learner.call("polarToCartesianJacobian", [r, t]),
        "polarToCartesianJacobian([r, θ])",
        2,
      );
      return asNumber(learner.call("jacobianDeterminant2x2", J), "jacobianDeterminant2x2(J)");
    }),
  );
  return dets ? { dets } : {};
}

/** The boundary of the image of a cell: two straight sides and two arcs. */
function wedge(cell: Cell): [number, number][] {
  const arc = (r: number, from: number, to: number) =>
    linspace(from, to, 9).map((t) => [r * Math.cos(t), r * Math.sin(t)] as [number, number]);
  return [...arc(cell.r0, cell.t0, cell.t1), ...arc(cell.r1, cell.t1, cell.t0)];
}

function polarSpec(mine: PolarData | undefined, reference: PolarData | undefined, compare: boolean): Spec {
  const dets = mine?.dets ?? reference?.dets;
  const color: Spec = dets
    ? {
        field: "det",
        type: "quantitative",
        title: mine?.dets ? "your det J" : "reference det J",
        scale: { scheme: "viridis", domain: [0, 2.5] },
        legend: { orient: "right", gradientLength: 160 },
      }
    : { value: "#ddd" };
  const cells = CELLS.map((c, k) => ({ ...c, cell: k, ...(dets ? { det: dets[k]! } : {}) }));
  const size = 230;
  const left: Spec = {
    width: size,
    height: size,
    title: { text: "cells in the (r, θ) plane", fontSize: 12, fontWeight: "normal" },
    data: { values: cells },
    mark: { type: "rect", stroke: "white", strokeWidth: 1.5 },
    encoding: {
      x: q("r0", "r", { domain: [0, 2.6] }),
      x2: { field: "r1" },
      y: q("t0", "θ (radians)", { domain: [0, Math.PI / 2] }),
      y2: { field: "t1" },
      fill: color,
    },
  };
  const polygons = cells.flatMap((c) => wedge(c).map(([x, y], i) => ({ ...c, i, x, y })));
  const middle: Spec = {
    width: size,
    height: size,
    title: { text: "their images (x, y) = (r cos θ, r sin θ)", fontSize: 12, fontWeight: "normal" },
    data: { values: polygons },
    mark: { type: "line", filled: true, stroke: "white", strokeWidth: 1.5, interpolate: "linear-closed" },
    encoding: {
      x: q("x", "x", { domain: [0, 2.6] }),
      y: q("y", "y", { domain: [0, 2.6] }),
      detail: { field: "cell", type: "nominal" },
      order: { field: "i", type: "quantitative" },
      fill: color,
    },
  };
  const ratioRows = [
    ...CELLS.map((c) => ({
      r: c.r,
      value: (c.r1 * c.r1 - c.r0 * c.r0) / 2 / (c.r1 - c.r0),
      series: "area of wedge ÷ area of cell",
    })),
    ...(reference?.dets && compare
      ? reference.dets.map((det, k) => ({ r: CELLS[k]!.r, value: det, series: "reference det J" }))
      : []),
    ...(mine?.dets
      ? mine.dets.map((det, k) => ({ r: CELLS[k]!.r, value: det, series: "your det J at the centre" }))
      : []),
  ];
  const series = ["area of wedge ÷ area of cell", "your det J at the centre", "reference det J"];
  const right: Spec = {
    width: size,
    height: size,
    title: { text: "stretch factor against r", fontSize: 12, fontWeight: "normal" },
    layer: [
      {
        data: {
          values: [
            { r: 0, value: 0 },
            { r: 2.6, value: 2.6 },
          ],
        },
        mark: { type: "line", strokeDash: [2, 3], color: COLORS.guide },
        encoding: {
          x: q("r", "r at the cell's centre", { domain: [0, 2.6] }),
          y: q("value", null, { domain: [0, 2.6] }),
        },
      },
      {
        data: { values: ratioRows.filter((row) => Number.isFinite(row.value)) },
        mark: { type: "point", clip: true, filled: false },
        encoding: {
          x: q("r", "r at the cell's centre", { domain: [0, 2.6] }),
          y: q("value", null, { domain: [0, 2.6] }),
          shape: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: series, range: ["circle", "cross", "diamond"] },
            legend: { orient: "bottom", direction: "vertical" },
          },
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: series, range: ["#333", COLORS.highlight, "#888"] },
            legend: { orient: "bottom", direction: "vertical" },
          },
          size: { value: 70 },
        },
      },
    ],
    resolve: { scale: { color: "independent", shape: "independent" } },
  };
  return { hconcat: [left, middle, right], resolve: { scale: { fill: "shared" } } };
}

const SCORES = [2, 1, 0.1];

export interface SoftmaxData {
  J: number[][];
}

function softmaxData(learner: Learner): SoftmaxData {
  return {
    J: asRows(learner.call("softmaxJacobian", SCORES), "softmaxJacobian([2, 1, 0.1])", 3).slice(0, 3),
  };
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : String(v));

export const figures = [
  figure<PolarData>({
    id: "polar-map",
    title: "A grid in the (r, θ) plane and its image under the polar map, coloured by your det J",
    caption:
      "The rectangles become curved wedges, and the wedges get larger as r grows: each one has about r times the area of its rectangle, which is det J = r. On the right, your det J at each cell's centre should sit on the measured ratio (the dotted line is y = r).",
    size: { width: 760, height: 260 },
    data: polarData,
    spec: (input) => polarSpec(input.mine, input.reference, input.compare),
  }),
  figure<SoftmaxData>({
    id: "softmax-jacobian",
    title: "Your softmax Jacobian at the scores (2, 1, 0.1)",
    caption:
      "A positive diagonal sᵢ(1 − sᵢ) and negative off-diagonal entries −sᵢsⱼ: raising one score takes probability from all the others. The matrix is symmetric and every row sums to 0.",
    size: { width: 300, height: 300 },
    data: softmaxData,
    spec: (input) => {
      const J = input.mine?.J ?? input.reference!.J;
      const ref = input.compare ? input.reference?.J : undefined;
      const rows = J.flatMap((row, i) =>
        row.map((v, j) => ({
          i: `∂s${i + 1}`,
          j: `∂z${j + 1}`,
          v: Number.isFinite(v) ? v : null,
          label: ref ? `${fmt(v)}\nref ${fmt(ref[i]?.[j] ?? Number.NaN)}` : fmt(v),
        })),
      );
      const x = { field: "j", type: "ordinal", title: "score", axis: { labelAngle: 0, orient: "top" } };
      const y = { field: "i", type: "ordinal", title: "probability" };
      return {
        width: 300,
        height: 300,
        data: { values: rows },
        layer: [
          {
            mark: { type: "rect" },
            encoding: {
              x,
              y,
              color: {
                field: "v",
                type: "quantitative",
                title: "J[i][j]",
                scale: { scheme: "blueorange", domainMid: 0, domain: [-0.25, 0.25], clamp: true },
              },
            },
          },
          {
            mark: { type: "text", fontSize: 13, lineBreak: "\n" },
            encoding: { x, y, text: { field: "label" } },
          },
        ],
      };
    },
  }),
];
