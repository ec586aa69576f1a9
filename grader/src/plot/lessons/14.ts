/**
 * Lesson 14, reverse-mode autodiff: the computation graph of the README's worked example
 * f = (a·b + c)·a, built with the learner's Value class, each node with its data and grad after the
 * learner's backward(); and a function with its derivative from the learner's gradientOf.
 */
import { lineChart, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { linspace } from "../grid.ts";
import { asNumber, asNumbers, field, type Learner, LearnerFailure } from "../learner.ts";
import { type ArrowRow, arrowLayers, COLORS, type Spec } from "../vl.ts";

/** The nodes of the worked example, where they are drawn, and how each is computed. */
const NODES = [
  { name: "a", op: "leaf", x: 0, y: 3 },
  { name: "b", op: "leaf", x: 0, y: 1.5 },
  { name: "c", op: "leaf", x: 0, y: 0 },
  { name: "e", op: "a · b", x: 1.5, y: 2.25 },
  { name: "d", op: "e + c", x: 3, y: 1.1 },
  { name: "f", op: "d · a", x: 4.5, y: 2.25 },
] as const;
/** Edges input → output, in the order of the output's inputs. */
const EDGES = [
  ["a", "e"],
  ["b", "e"],
  ["e", "d"],
  ["c", "d"],
  ["d", "f"],
  ["a", "f"],
] as const;

export interface GraphData {
  nodes: { name: string; data: number; grad: number }[];
  /** Local derivative of each edge as the learner's Value recorded it (EDGES order), when it did. */
  locals: (number | null)[];
}

function graphData(learner: Learner): GraphData {
  const leaf = (x: number) => learner.construct("Value", x);
  const a = leaf(2);
  const b = leaf(-3);
  const c = leaf(10);
  const e = learner.method(a, "mul", "Value.mul", b);
  const d = learner.method(e, "add", "Value.add", c);
  const f = learner.method(d, "mul", "Value.mul", a);
  learner.method(f, "backward", "Value.backward");
  const values: Record<string, unknown> = { a, b, c, e, d, f };
  const nodes = NODES.map(({ name }) => ({
    name,
    data: asNumber(field(values[name], "data", name), `${name}.data`),
    grad: asNumber(field(values[name], "grad", name), `${name}.grad`),
  }));
  // The edges as the learner's Value recorded them: [input, local derivative] pairs in `inputs`, if kept.
  const locals = EDGES.map(([from, to]) => {
    const inputs = (values[to] as { inputs?: unknown }).inputs;
    if (!Array.isArray(inputs)) return null;
    const edge = inputs.find((pair) => Array.isArray(pair) && pair[0] === values[from]) as
      | unknown[]
      | undefined;
    return typeof edge?.[1] === "number" ? edge[1] : null;
  });
  return { nodes, locals };
}

const fmt = (v: number | null | undefined) =>
  v === null || v === undefined
    ? "?"
    : Number.isInteger(v)
      ? String(v)
      : Number.isFinite(v)
        ? v.toFixed(3)
        : String(v);

const BOX = { w: 0.34, h: 0.42 };

function graphSpec(mine: GraphData | undefined, reference: GraphData | undefined, compare: boolean): Spec {
  const shown = mine ?? reference!;
  const ref = compare ? reference : undefined;
  const at = Object.fromEntries(NODES.map((n) => [n.name, n]));
  const boxes = NODES.map((n, k) => {
    const node = shown.nodes[k]!;
    const refNode = ref?.nodes[k];
    const wrong = refNode !== undefined && (refNode.data !== node.data || refNode.grad !== node.grad);
    return {
      x: n.x - BOX.w,
      x2: n.x + BOX.w,
      y: n.y - BOX.h,
      y2: n.y + BOX.h,
      cx: n.x,
      cy: n.y,
      title: n.op === "leaf" ? n.name : `${n.name} = ${n.op}`,
      dataText: `data ${fmt(node.data)}${refNode && refNode.data !== node.data ? ` (ref ${fmt(refNode.data)})` : ""}`,
      gradText: `grad ${fmt(node.grad)}${refNode && refNode.grad !== node.grad ? ` (ref ${fmt(refNode.grad)})` : ""}`,
      state: wrong ? "differs from the reference" : "ok",
    };
  });
  const grads = Object.fromEntries(shown.nodes.map((n) => [n.name, n.grad]));
  const arrows: ArrowRow[] = EDGES.map(([from, to], k) => {
    const s = at[from]!;
    const t = at[to]!;
    const local = shown.locals[k];
    const sent = local === null || local === undefined ? null : local * grads[to]!;
    return {
      x: s.x + BOX.w,
      y: s.y,
      x2: t.x - BOX.w - 0.03,
      y2: t.y,
      label: `local ${fmt(local)} · sends ${fmt(sent)}`,
      mx: (s.x + BOX.w + t.x - BOX.w) / 2,
      my: (s.y + t.y) / 2,
      // Text turned along its arrow (degrees clockwise on screen).
      angle:
        (Math.atan2(-(t.y - s.y) * (380 / 4.2), (t.x - BOX.w - (s.x + BOX.w)) * (820 / 5.4)) * 180) / Math.PI,
    };
  });
  const view = { width: 820, height: 380, x: [-0.45, 4.95] as const, y: [-0.6, 3.6] as const };
  const x = {
    field: "cx",
    type: "quantitative",
    axis: null,
    scale: { domain: [...view.x], nice: false, zero: false },
  };
  const y = {
    field: "cy",
    type: "quantitative",
    axis: null,
    scale: { domain: [...view.y], nice: false, zero: false },
  };
  const text = (field: string, dy: number, weight = "normal"): Spec => ({
    data: { values: boxes },
    mark: { type: "text", fontSize: 12, fontWeight: weight, dy, color: "#111" },
    encoding: { x, y, text: { field } },
  });
  return {
    width: view.width,
    height: view.height,
    layer: [
      ...arrowLayers(arrows, view, { color: "#666", width: 1.5, head: 60, axes: false }),
      {
        data: { values: arrows },
        mark: { type: "text", fontSize: 11, color: COLORS.info, dy: -7 },
        encoding: {
          x: { ...x, field: "mx" },
          y: { ...y, field: "my" },
          text: { field: "label" },
          angle: { field: "angle", type: "quantitative", scale: null },
        },
      },
      {
        data: { values: boxes },
        mark: { type: "rect", cornerRadius: 6, strokeWidth: 1.5 },
        encoding: {
          x: { ...x, field: "x" },
          x2: { field: "x2" },
          y: { ...y, field: "y" },
          y2: { field: "y2" },
          fill: { value: "#f4f7fb" },
          stroke: {
            field: "state",
            type: "nominal",
            title: null,
            scale: { domain: ["ok", "differs from the reference"], range: ["#4c78a8", COLORS.problem] },
            legend: compare ? { orient: "bottom" } : null,
          },
        },
      },
      text("title", -16, "bold"),
      text("dataText", 2),
      text("gradText", 18),
    ],
    config: { view: { stroke: null } },
  };
}

const XS = linspace(-3, 3, 121);

export interface GradientOfData {
  value: number[];
  derivative: number[];
}

/** f(x) = x·tanh(x) + sigmoid(x)², built from the learner's Value operations. */
function gradientOfData(learner: Learner): GradientOfData {
  const method = (v: unknown, name: string, ...args: unknown[]) =>
    learner.method(v, name, `Value.${name}`, ...args);
  const fn = ([x]: unknown[]) =>
    method(method(x, "mul", method(x, "tanh")), "add", method(method(x, "sigmoid"), "pow", 2));
  const value: number[] = [];
  const derivative: number[] = [];
  for (const x of XS) {
    const r = learner.call("gradientOf", fn, [x]);
    value.push(asNumber(field(r, "value", "gradientOf(…)"), "gradientOf(…).value"));
    derivative.push(asNumbers(field(r, "gradient", "gradientOf(…)"), "gradientOf(…).gradient", 1)[0]!);
  }
  return { value, derivative };
}

export const figures = [
  figure<GraphData>({
    id: "computation-graph",
    title: "The graph of f = (a·b + c)·a at a = 2, b = −3, c = 10, after your backward()",
    caption:
      "One box per value with its data and grad, an arrow from each input to the value made from it, labelled with its local derivative and what it sends back (local × grad of the value it feeds). The box of a has two arrows leaving it, and its grad, −2, is the sum of what came back along them, 4 and −6.",
    size: { width: 820, height: 380 },
    data: (learner) => {
      try {
        return graphData(learner);
      } catch (error) {
        if (error instanceof LearnerFailure) throw error;
        throw new LearnerFailure(
          `the graph could not be built with your Value (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    },
    spec: (input) => graphSpec(input.mine, input.reference, input.compare),
  }),
  figure<GradientOfData>({
    id: "gradient-of",
    title: "f(x) = x·tanh(x) + σ(x)² and its derivative, from your gradientOf",
    caption:
      "One forward and one backward pass per point give the value and the slope together: the slope is 0 where f has its minimum, and tends to ±1 far out where f ≈ |x|.",
    size: { width: 520, height: 300 },
    data: gradientOfData,
    spec: (input) => {
      const rows = tagged(input, (d) => [
        ...d.value.map((y, i): SeriesRow => ({ series: "f(x)", x: XS[i]!, y, i })),
        ...d.derivative.map((y, i): SeriesRow => ({ series: "f′(x) from gradientOf", x: XS[i]!, y, i })),
      ]);
      return lineChart({
        rows,
        x: { field: "x", type: "quantitative", title: "x", scale: { domain: [-3, 3], nice: false } },
        y: { field: "y", type: "quantitative", title: null, scale: { domain: [-1.5, 4], nice: false } },
        series: ["f(x)", "f′(x) from gradientOf"],
        compare: input.compare,
        width: 520,
        height: 300,
      });
    },
  }),
];
