/**
 * Lesson 03, the chain rule: sin(x²) and its derivative from the learner's dual numbers, and one neuron's
 * loss and slope against its weight (the vanishing gradient where the sigmoid saturates).
 */
import { lineChart, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { linspace } from "../grid.ts";
import { asNumber, field, type Learner, LearnerFailure } from "../learner.ts";
import { COLORS, q } from "../vl.ts";

const XS = linspace(-3, 3, 241);

export interface DualData {
  value?: number[];
  derivative?: number[];
}

function dualData(learner: Learner): DualData {
  const dual = learner.fn("dual");
  const dMul = learner.fn("dMul");
  const dSin = learner.fn("dSin");
  const sinOfSquare = (d: unknown) => dSin(dMul(d, d));
  const value = learner.attempt(() =>
    XS.map((x) =>
      asNumber(field(sinOfSquare(dual(x, 1)), "value", "dSin(dMul(x, x))"), "dSin(dMul(x, x)).value"),
    ),
  );
  const derivative = learner.attempt(() =>
    XS.map((x) => asNumber(learner.call("derivativeAt", sinOfSquare, x), `derivativeAt(sin(x²), ${x})`)),
  );
  if (!value && !derivative) throw new LearnerFailure(learner.notes[0] ?? "no dual numbers");
  return { ...(value ? { value } : {}), ...(derivative ? { derivative } : {}) };
}

const DUAL_SERIES = [
  "sin(x²)",
  "derivativeAt: d/dx sin(x²)",
  "envelope ±2|x|",
  "cos(x²): the inner 2x forgotten",
];

const WS = linspace(-6, 4, 201);

export interface NeuronData {
  loss: number[];
  slope: number[];
}

function neuronData(learner: Learner): NeuronData {
  const loss: number[] = [];
  const slope: number[] = [];
  for (const w of WS) {
    const r = learner.call("neuronGradient", 2, w, 0, 1);
    loss.push(asNumber(field(r, "loss", "neuronGradient(…)"), "neuronGradient(…).loss"));
    slope.push(asNumber(field(r, "dLossDw", "neuronGradient(…)"), "neuronGradient(…).dLossDw"));
  }
  return { loss, slope };
}

export const figures = [
  figure<DualData>({
    id: "dual-derivative",
    title: "sin(x²) and its derivative, from your dual numbers",
    caption:
      "The function wiggles faster as |x| grows, and the derivative's envelope ±2|x| grows with it: that factor 2x is the inner derivative g′(x). Forget it, and you get cos(x²) (dotted), the same height everywhere.",
    size: { width: 560, height: 320 },
    data: dualData,
    spec: (input) => {
      const rows = tagged(input, (d) => [
        ...(d.value ?? []).map((y, i): SeriesRow => ({ series: DUAL_SERIES[0]!, x: XS[i]!, y, i })),
        ...(d.derivative ?? []).map((y, i): SeriesRow => ({ series: DUAL_SERIES[1]!, x: XS[i]!, y, i })),
      ]);
      const guides = XS.flatMap((x, i): SeriesRow[] => [
        { series: DUAL_SERIES[2]!, x, y: 2 * Math.abs(x), i },
        { series: DUAL_SERIES[2]!, x, y: -2 * Math.abs(x), i, group: "lower" },
        { series: DUAL_SERIES[3]!, x, y: Math.cos(x * x), i },
      ]);
      return lineChart({
        rows,
        x: q("x", "x", { domain: [-3, 3] }),
        y: q("y", null, { domain: [-6.5, 6.5] }),
        series: DUAL_SERIES,
        colors: ["#4c78a8", "#f58518", COLORS.guide, "#e45756"],
        compare: input.compare,
        width: 560,
        height: 320,
        guides,
      });
    },
  }),
  figure<NeuronData>({
    id: "neuron-loss",
    title: "One neuron's loss and slope against w (x = 2, b = 0, target 1), from your neuronGradient",
    caption:
      "Where w·x is very negative the loss is flat near 1 and the slope ∂loss/∂w is almost 0: σ′(z) is tiny when the sigmoid saturates. This is the vanishing gradient that makes saturated networks learn slowly.",
    size: { width: 560, height: 300 },
    data: neuronData,
    spec: (input) => {
      const rows = tagged(input, (d) => [
        ...d.loss.map((y, i): SeriesRow => ({ series: "loss", x: WS[i]!, y, i })),
        ...d.slope.map((y, i): SeriesRow => ({ series: "∂loss/∂w", x: WS[i]!, y, i })),
      ]);
      return lineChart({
        rows,
        x: q("x", "weight w", { domain: [-6, 4] }),
        y: q("y", null, { domain: [-0.6, 1.1] }),
        series: ["loss", "∂loss/∂w"],
        compare: input.compare,
        width: 560,
        height: 300,
      });
    },
  }),
];
