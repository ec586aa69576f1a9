/**
 * Lesson 08, losses: MSE, MAE and Huber against the residual with their gradients, and binary
 * cross-entropy on a logit with its gradient (near 0 and out at ±1000, where a naive formula overflows).
 */
import { lineChart, type SeriesRow, tagged } from "../charts.ts";
import { figure } from "../figure.ts";
import { linspace } from "../grid.ts";
import { asNumber, asNumbers, type Learner, LearnerFailure } from "../learner.ts";
import { COLORS, q, type Spec } from "../vl.ts";

const RESIDUALS = linspace(-4, 4, 161);
const LOSSES = [
  { series: "MSE", loss: "mse", gradient: "mseGradient" },
  { series: "MAE", loss: "mae", gradient: "maeGradient" },
  { series: "Huber, δ = 1", loss: "huber", gradient: "huberGradient" },
] as const;
const SERIES = LOSSES.map((l) => l.series);

export interface LossData {
  /** One curve per loss (in LOSSES order), undefined where the learner's function failed. */
  curves: (number[] | null)[];
}

function curves(learner: Learner, pick: "loss" | "gradient"): LossData {
  const curves = LOSSES.map((l) => {
    const name = l[pick];
    const values = learner.attempt(() =>
      RESIDUALS.map((r) => {
        const out = learner.call(name, [r], [0]);
        return pick === "loss"
          ? asNumber(out, `${name}([r], [0])`)
          : asNumbers(out, `${name}([r], [0])`, 1)[0]!;
      }),
    );
    return values ?? null;
  });
  if (curves.every((c) => c === null)) throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  return { curves };
}

function lossSpec(
  input: { mine?: LossData | undefined; reference?: LossData | undefined; compare: boolean },
  yTitle: string,
  domain: [number, number],
): Spec {
  const rows = tagged(input, (d) =>
    d.curves.flatMap((c, k) =>
      c ? c.map((y, i): SeriesRow => ({ series: SERIES[k]!, x: RESIDUALS[i]!, y, i })) : [],
    ),
  );
  return lineChart({
    rows,
    x: q("x", "residual r = prediction − target", { domain: [-4, 4] }),
    y: q("y", yTitle, { domain }),
    series: SERIES,
    compare: input.compare,
    width: 440,
    height: 300,
  });
}

const NEAR = linspace(-8, 8, 161);
const FAR = linspace(-1000, 1000, 201);

export interface BceData {
  near?: number[];
  nearGradient?: number[];
  far?: number[];
}

function bceData(learner: Learner): BceData {
  const loss = (z: number) =>
    asNumber(
      learner.call("binaryCrossEntropyWithLogits", [z], [1]),
      "binaryCrossEntropyWithLogits([z], [1])",
    );
  const near = learner.attempt(() => NEAR.map(loss));
  const nearGradient = learner.attempt(() =>
    NEAR.map(
      (z) =>
        asNumbers(
          learner.call("binaryCrossEntropyWithLogitsGradient", [z], [1]),
          "binaryCrossEntropyWithLogitsGradient([z], [1])",
          1,
        )[0]!,
    ),
  );
  const far = learner.attempt(() => FAR.map(loss));
  if (!near && !nearGradient && !far) throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  const broken = (far ?? []).filter((v) => !Number.isFinite(v)).length;
  if (broken)
    learner.note(
      `binaryCrossEntropyWithLogits is not finite at ${broken} of the ${FAR.length} logits in [−1000, 1000] (it overflows: use the stable formula)`,
    );
  return { ...(near ? { near } : {}), ...(nearGradient ? { nearGradient } : {}), ...(far ? { far } : {}) };
}

const BCE_SERIES = ["BCE, label 1", "its gradient", "−z (the asymptote)"];

export const figures = [
  figure<LossData>({
    id: "regression-losses",
    title: "The loss of one example against its residual, from your mse, mae and huber",
    caption:
      "MSE is a parabola; MAE a V with a corner at 0; Huber with δ = 1 follows the parabola (½r²) between −1 and 1 and then continues as two straight lines of slope ±1.",
    size: { width: 440, height: 300 },
    data: (learner) => curves(learner, "loss"),
    spec: (input) => lossSpec(input, "loss", [0, 8]),
  }),
  figure<LossData>({
    id: "regression-gradients",
    title: "Their gradients, from your mseGradient, maeGradient and huberGradient",
    caption:
      "MSE's gradient grows without bound (outliers dominate), MAE's is a step from −1 to 1, Huber's is r (the slope of ½r²) clipped to [−δ, δ].",
    size: { width: 440, height: 300 },
    data: (learner) => curves(learner, "gradient"),
    spec: (input) => lossSpec(input, "d loss / d prediction", [-8, 8]),
  }),
  figure<BceData>({
    id: "binary-cross-entropy",
    title: "Binary cross-entropy on the logit z (label 1), from your binaryCrossEntropyWithLogits",
    caption:
      "It tends to 0 on the right and becomes the straight line −z on the left; the gradient σ(z) − 1 runs from −1 to 0. On the right, at logits of ±1000, the stable formula still gives 0 and 1000, with no overflow.",
    size: { width: 760, height: 300 },
    data: bceData,
    spec: (input) => {
      const near = tagged(input, (d) => [
        ...(d.near ?? []).map((y, i): SeriesRow => ({ series: BCE_SERIES[0]!, x: NEAR[i]!, y, i })),
        ...(d.nearGradient ?? []).map((y, i): SeriesRow => ({ series: BCE_SERIES[1]!, x: NEAR[i]!, y, i })),
      ]);
      const far = tagged(input, (d) =>
        (d.far ?? []).map((y, i): SeriesRow => ({ series: BCE_SERIES[0]!, x: FAR[i]!, y, i })),
      );
      const colors = ["#4c78a8", "#f58518", COLORS.guide];
      const left = lineChart({
        rows: near,
        x: q("x", "logit z", { domain: [-8, 8] }),
        y: q("y", "loss, gradient", { domain: [-1.2, 8.5] }),
        series: BCE_SERIES,
        colors,
        compare: input.compare,
        width: 340,
        height: 280,
        guides: NEAR.map((z, i) => ({ series: BCE_SERIES[2]!, x: z, y: -z, i })),
      });
      const right = lineChart({
        rows: far,
        x: q("x", "logit z", { domain: [-1000, 1000], axis: { values: [-1000, -500, 0, 500, 1000] } }),
        y: q("y", "loss", { domain: [-50, 1050] }),
        series: BCE_SERIES,
        colors,
        compare: input.compare,
        width: 340,
        height: 280,
        guides: FAR.map((z, i) => ({ series: BCE_SERIES[2]!, x: z, y: -z, i })),
      });
      return { hconcat: [left, right], resolve: { scale: { color: "shared" } } };
    },
  }),
];
