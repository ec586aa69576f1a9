/**
 * Lesson 06, Hessians: a convex bowl, a saddle and Rosenbrock, each filled by its curvature (the smallest
 * eigenvalue of the learner's Hessian at every point) with its contour lines, and the Hessian's
 * eigenvectors at the critical point.
 */
import { portable } from "../../sandbox/portable.ts";
import { figure } from "../figure.ts";
import { bandRows, contourRows, type Domain, linspace, sampleGrid } from "../grid.ts";
import { asNumber, asNumbers, asRows, type Learner, LearnerFailure } from "../learner.ts";
import { arrowLayers, contourLayer, heatmapLayer, q, type Spec } from "../vl.ts";

interface Surface {
  key: "bowl" | "saddle" | "rosenbrock";
  name: string;
  x: Domain;
  y: Domain;
  critical: [number, number];
  levels: number[];
}

const SURFACES: Surface[] = [
  {
    key: "bowl",
    name: "bowl x² + y²",
    x: [-2, 2],
    y: [-2, 2],
    critical: [0, 0],
    levels: [0.25, 1, 2, 3, 4.5, 6],
  },
  {
    key: "saddle",
    name: "saddle x² − y²",
    x: [-2, 2],
    y: [-2, 2],
    critical: [0, 0],
    levels: [-3, -2, -1, -0.3, 0, 0.3, 1, 2, 3],
  },
  {
    key: "rosenbrock",
    name: "Rosenbrock",
    x: [-2, 2],
    y: [-1, 3],
    critical: [1, 1],
    levels: [0.3, 1, 4, 15, 50, 150, 400, 1000, 2000],
  },
];

const N = 41;
// Shipped into the sandbox (they use nothing but their argument): numericalHessian calls them thousands of times.
const bowl = portable((p: readonly number[]) => p[0]! ** 2 + p[1]! ** 2);
const saddle = portable((p: readonly number[]) => p[0]! ** 2 - p[1]! ** 2);

export interface SurfaceData {
  key: Surface["key"];
  /** f on the grid (the learner's rosenbrock for Rosenbrock). */
  values?: number[][];
  /** Smallest eigenvalue of the learner's Hessian on the grid. */
  curvature?: number[][];
  /** At the critical point: the learner's Hessian, its eigenvalues, and classifyCriticalPoint's verdict. */
  hessian?: number[][];
  eigenvalues?: [number, number];
  verdict?: string;
}

export interface HessianData {
  surfaces: SurfaceData[];
}

function hessianAt(learner: Learner, surface: Surface, p: number[]): number[][] {
  if (surface.key === "rosenbrock")
    return asRows(learner.call("rosenbrockHessian", p), "rosenbrockHessian(p)", 2);
  return asRows(
    learner.call("numericalHessian", surface.key === "bowl" ? bowl : saddle, p),
    "numericalHessian(f, p)",
    2,
  );
}

function eigenvalues(learner: Learner, H: number[][]): [number, number] {
  return asNumbers(learner.call("eigenvaluesSymmetric2x2", H), "eigenvaluesSymmetric2x2(H)", 2) as [
    number,
    number,
  ];
}

function hessianData(learner: Learner): HessianData {
  const surfaces = SURFACES.map((surface): SurfaceData => {
    const grid = (f: (x: number, y: number) => number) => sampleGrid(f, surface.x, surface.y, N).values;
    const values =
      surface.key === "rosenbrock"
        ? learner.attempt(() => grid((x, y) => asNumber(learner.call("rosenbrock", [x, y]), "rosenbrock(p)")))
        : grid((x, y) => (surface.key === "bowl" ? bowl : saddle)([x, y]));
    const curvature = learner.attempt(() =>
      grid((x, y) => eigenvalues(learner, hessianAt(learner, surface, [x, y]))[0]),
    );
    const hessian = learner.attempt(() => hessianAt(learner, surface, [...surface.critical]));
    const values2 = hessian ? learner.attempt(() => eigenvalues(learner, hessian)) : undefined;
    const verdict = hessian
      ? learner.attempt(() => String(learner.call("classifyCriticalPoint", hessian)))
      : undefined;
    return {
      key: surface.key,
      ...(values ? { values } : {}),
      ...(curvature ? { curvature } : {}),
      ...(hessian ? { hessian } : {}),
      ...(values2 ? { eigenvalues: values2 } : {}),
      ...(verdict ? { verdict: verdict.slice(0, 30) } : {}),
    };
  });
  if (surfaces.every((s) => !s.curvature && !s.hessian && !s.values))
    throw new LearnerFailure(learner.notes[0] ?? "nothing to draw");
  return { surfaces };
}

/** Unit eigenvectors of a symmetric 2×2 matrix for the given eigenvalues. */
function eigenvector(H: number[][], lambda: number): [number, number] {
  const [a, b] = [H[0]![0]!, (H[0]![1]! + H[1]![0]!) / 2];
  const d = H[1]![1]!;
  let v: [number, number] =
    Math.abs(b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(d))
      ? [lambda - d, b]
      : Math.abs(lambda - a) <= Math.abs(lambda - d)
        ? [1, 0]
        : [0, 1];
  const n = Math.hypot(v[0], v[1]) || 1;
  v = [v[0] / n, v[1] / n];
  return v;
}

function panel(surface: Surface, mine: SurfaceData | undefined, reference: SurfaceData | undefined): Spec {
  const size = 250;
  const view = { width: size, height: size, x: surface.x, y: surface.y };
  const x = q("x", "x", { domain: surface.x });
  const y = q("y", "y", { domain: surface.y });
  const layers: Spec[] = [];
  // Each part from the learner's code, or (with --compare) from the reference where the learner's is missing.
  const shown = {
    curvature: mine?.curvature ?? reference?.curvature,
    values: mine?.values ?? reference?.values,
    eigenvalues: mine?.eigenvalues ?? reference?.eigenvalues,
  };
  const fromReference = mine?.eigenvalues === undefined && reference?.eigenvalues !== undefined;
  if (shown.curvature) {
    const grid = { ...sampleGrid(() => 0, surface.x, surface.y, N), values: shown.curvature };
    const extent = Math.max(1, ...shown.curvature.flat().filter(Number.isFinite).map(Math.abs));
    // Bands evenly spaced on the colour scale's symlog axis: sign(v)·log(1 + |v|).
    const toSymlog = (v: number) => Math.sign(v) * Math.log1p(Math.abs(v));
    const fromSymlog = (s: number) => Math.sign(s) * Math.expm1(Math.abs(s));
    const edges = linspace(-toSymlog(extent), toSymlog(extent), 25).map(fromSymlog);
    const middle = (k: number) => fromSymlog((toSymlog(edges[k]!) + toSymlog(edges[k + 1]!)) / 2);
    layers.push(
      heatmapLayer(bandRows(grid, edges, middle), x, y, {
        title: "λmin of H",
        scale: { type: "symlog", scheme: "redblue", domain: [-extent, extent], domainMid: 0 },
        legend: {
          orient: "bottom",
          direction: "horizontal",
          gradientLength: 200,
          tickCount: 5,
          format: ".3~s",
        },
      }),
    );
  }
  if (shown.values) {
    const grid = { ...sampleGrid(() => 0, surface.x, surface.y, N), values: shown.values };
    layers.push(contourLayer(contourRows(grid, surface.levels), x, y, "#222"));
  }
  const arrows = (d: SurfaceData | undefined, source: string) => {
    if (!d?.hessian || !d.eigenvalues) return [];
    const span = 0.3 * (surface.x[1] - surface.x[0]);
    const first = eigenvector(d.hessian!, d.eigenvalues[0]);
    // A symmetric matrix has orthogonal eigenvectors (this also separates a repeated eigenvalue's two).
    const vectors = [first, [-first[1], first[0]] as [number, number]];
    return d.eigenvalues.map((lambda, k) => {
      const [vx, vy] = vectors[k]!;
      return {
        x: surface.critical[0],
        y: surface.critical[1],
        x2: surface.critical[0] + span * vx,
        y2: surface.critical[1] + span * vy,
        source,
        sign: lambda > 0 ? "λ > 0" : lambda < 0 ? "λ < 0" : "λ = 0",
      };
    });
  };
  const rows = [...arrows(reference, "reference"), ...arrows(mine, "yours")];
  const color = {
    field: "source",
    type: "nominal",
    title: null,
    scale: { domain: ["yours", "reference"], range: ["#111", "#777"] },
    legend: null,
  };
  if (rows.length) layers.push(...arrowLayers(rows, view, { color, width: 2.5, head: 70 }));
  layers.push({
    data: { values: [{ x: surface.critical[0], y: surface.critical[1] }] },
    mark: { type: "point", filled: true, color: "#111", size: 40 },
    encoding: { x, y },
  });
  const verdict = mine?.verdict ? `${mine.verdict} · ` : "";
  const eig = shown.eigenvalues
    ? `${fromReference ? "reference " : ""}λ = ${shown.eigenvalues.map((v) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(2))).join(", ")}`
    : "";
  return {
    width: size,
    height: size,
    title: {
      text: surface.name,
      subtitle: `${verdict}${eig}`,
      fontSize: 12,
      subtitleFontSize: 11,
      anchor: "start",
    },
    layer: layers,
  };
}

export const figures = [
  figure<HessianData>({
    id: "curvature",
    title: "Curvature of three surfaces: the smallest eigenvalue of your Hessian, with contour lines",
    caption:
      "Under each panel's name: your classifyCriticalPoint at the critical point and your eigenvaluesSymmetric2x2 there. Blue where the surface curves up in every direction, red where it curves down in some direction. The bowl is blue everywhere, the saddle red everywhere (its two families of contour lines cross at the critical point), and Rosenbrock is not convex roughly above the parabola y = x². The arrows are the Hessian's eigenvectors at the critical point; at Rosenbrock's minimum the eigenvalues are about 1001.6 and 0.4.",
    size: { width: 820, height: 330 },
    data: hessianData,
    spec: (input) => ({
      hconcat: SURFACES.map((surface, k) =>
        panel(surface, input.mine?.surfaces[k], input.reference?.surfaces[k]),
      ),
      resolve: { scale: { fill: "independent", stroke: "independent", x: "independent", y: "independent" } },
    }),
  }),
];
