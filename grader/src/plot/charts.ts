/**
 * Chart builders shared by the lessons: line charts of named series (with the reference dashed under the
 * learner's lines in --compare mode), and the data plumbing that goes with them.
 */
import type { FigureInput } from "./figure.ts";
import { thin } from "./grid.ts";
import { COLORS, PALETTE, type Source, type Spec, seriesColor, sourceDash } from "./vl.ts";

/** One point of a named series; `i` orders the points of a line (a path need not be sorted by x). */
export interface SeriesRow {
  series: string;
  x: number;
  y: number;
  i: number;
  /** Separate lines of one series (the two halves of an envelope, say). */
  group?: string;
}

export type Tagged<R> = R & { source: Source };

/** Rows from the reference (drawn first, underneath) and from the code being plotted, tagged by source. */
export function tagged<D, R extends object>(input: FigureInput<D>, rows: (data: D) => R[]): Tagged<R>[] {
  const out: Tagged<R>[] = [];
  if (input.reference !== undefined)
    out.push(...rows(input.reference).map((r) => ({ ...r, source: "reference" as const })));
  if (input.mine !== undefined)
    out.push(...rows(input.mine).map((r) => ({ ...r, source: "yours" as const })));
  return out;
}

/** Points of a series from parallel arrays. */
export function seriesRows(series: string, xs: readonly number[], ys: readonly number[]): SeriesRow[] {
  return ys.map((y, i) => ({ series, x: xs[i]!, y, i }));
}

type Axis = { log: boolean; domain?: readonly [number, number] | undefined };

function toScreen(value: number, axis: Axis): number {
  return axis.log ? Math.log10(value) : value;
}

function fromScreen(value: number, axis: Axis): number {
  return axis.log ? 10 ** value : value;
}

/**
 * Lines cut where they leave a box a few times larger than the view (and resumed where they come back,
 * as a new `part`): a diverging path reaches 1e150, and an SVG path with such numbers does not render.
 * The cut point lies on the segment, so the visible part of every line keeps its direction.
 */
export function clipToView<
  R extends { x: number; y: number; i: number; series: string; source?: string; group?: string },
>(rows: readonly R[], xAxis: Axis, yAxis: Axis): (R & { part: number })[] {
  const box = (axis: Axis): [number, number] => {
    if (!axis.domain) return [-1e12, 1e12];
    const [a, b] = [toScreen(axis.domain[0], axis), toScreen(axis.domain[1], axis)];
    const span = Math.abs(b - a) || 1;
    return [Math.min(a, b) - 3 * span, Math.max(a, b) + 3 * span];
  };
  const [x0, x1] = box(xAxis);
  const [y0, y1] = box(yAxis);
  const inside = (x: number, y: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
  /** The point where the segment from (ax, ay) (inside) towards (bx, by) leaves the box. */
  const cut = (ax: number, ay: number, bx: number, by: number): [number, number] => {
    let t = 1;
    const dx = bx - ax;
    const dy = by - ay;
    if (bx > x1) t = Math.min(t, (x1 - ax) / dx);
    if (bx < x0) t = Math.min(t, (x0 - ax) / dx);
    if (by > y1) t = Math.min(t, (y1 - ay) / dy);
    if (by < y0) t = Math.min(t, (y0 - ay) / dy);
    return [ax + t * dx, ay + t * dy];
  };
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = `${row.series}\u0000${row.source ?? ""}\u0000${row.group ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const out: (R & { part: number })[] = [];
  let part = 0;
  for (const group of groups.values()) {
    let previous: [number, number] | undefined;
    let previousInside = false;
    for (const row of [...group].sort((a, b) => a.i - b.i)) {
      const sx = toScreen(row.x, xAxis);
      const sy = toScreen(row.y, yAxis);
      if (!Number.isFinite(sx) || !Number.isFinite(sy)) {
        previous = undefined;
        previousInside = false;
        part++;
        continue;
      }
      const here = inside(sx, sy);
      const emit = (x: number, y: number, i: number) =>
        out.push({ ...row, x: fromScreen(x, xAxis), y: fromScreen(y, yAxis), i, part });
      if (here && !previousInside && previous) {
        const [cx, cy] = cut(sx, sy, previous[0], previous[1]);
        emit(cx, cy, row.i - 0.5);
      }
      if (here) emit(sx, sy, row.i);
      else if (previousInside && previous) {
        const [cx, cy] = cut(previous[0], previous[1], sx, sy);
        emit(cx, cy, row.i);
        part++;
      }
      previous = [sx, sy];
      previousInside = here;
    }
    part++;
  }
  return out;
}

/** Rows a scale can draw: finite, and positive on a log axis. */
export function drawable<R extends { x: number; y: number }>(
  rows: readonly R[],
  logX: boolean,
  logY: boolean,
): R[] {
  return rows.filter(
    (r) => Number.isFinite(r.x) && Number.isFinite(r.y) && (!logX || r.x > 0) && (!logY || r.y > 0),
  );
}

/** How many values a log axis cannot show, as a remark for under the figure (or undefined when none). */
export function hiddenOnLog(values: readonly number[], what: string): string | undefined {
  const zero = values.filter((v) => v === 0).length;
  const bad = values.filter((v) => !Number.isFinite(v) || v < 0).length;
  const parts = [
    zero ? `${zero} ${what} exactly 0` : "",
    bad ? `${bad} ${what} negative or not finite` : "",
  ].filter(Boolean);
  return parts.length ? `Not drawn on the log scale: ${parts.join(", ")}.` : undefined;
}

export interface LineChartOptions {
  rows: readonly Tagged<SeriesRow>[];
  x: Spec;
  y: Spec;
  /** Series in legend order; colours follow this order unless `colors` is given. */
  series: readonly string[];
  colors?: readonly string[];
  compare: boolean;
  width: number;
  height: number;
  /** Course-drawn guide lines (theory, reference slopes), dotted; their series must be in `series`. */
  guides?: readonly SeriesRow[];
  /** Also a dot at each point. */
  points?: boolean;
  legendTitle?: string | null;
  /** Extra layers drawn on top (annotations). */
  layers?: readonly Spec[];
  strokeWidth?: number;
}

function isLog(axis: Spec): boolean {
  return (axis.scale as Spec | undefined)?.type === "log";
}

function axisOf(axis: Spec): Axis {
  const domain = (axis.scale as Spec | undefined)?.domain as [number, number] | undefined;
  return { log: isLog(axis), domain };
}

/** A layered line chart: guides (dotted), the reference (dashed, with --compare) and the lines plotted. */
export function lineChart(options: LineChartOptions): Spec {
  const { x, y, compare } = options;
  const logX = isLog(x);
  const logY = isLog(y);
  const color = seriesColor(options.series, options.legendTitle ?? null, options.colors ?? PALETTE);
  const layers: Spec[] = [];
  if (options.guides?.length) {
    layers.push({
      data: { values: clipToView(drawable(options.guides, logX, logY), axisOf(x), axisOf(y)) },
      mark: { type: "line", strokeDash: [2, 3], strokeWidth: 1.2, clip: true },
      encoding: { x, y, color, detail: { field: "part" }, order: { field: "i", type: "quantitative" } },
    });
  }
  const clipped = clipToView(drawable(options.rows, logX, logY), axisOf(x), axisOf(y)).map((r) => ({
    ...r,
    alpha: r.source === "reference" ? 0.55 : 1,
  }));
  layers.push({
    data: { values: clipped },
    mark: {
      type: "line",
      clip: true,
      strokeWidth: options.strokeWidth ?? 2,
      ...(options.points ? { point: { size: 14, filled: true } } : {}),
    },
    encoding: {
      x,
      y,
      color,
      strokeDash: sourceDash(compare),
      opacity: { field: "alpha", type: "quantitative", scale: null, legend: null },
      detail: { field: "part", type: "nominal" },
      order: { field: "i", type: "quantitative" },
    },
  });
  layers.push(...(options.layers ?? []));
  return {
    width: options.width,
    height: options.height,
    layer: layers,
    resolve: { scale: { color: "shared" } },
  };
}

/** A horizontal or vertical reference line with a label (drawn in grey). */
export function ruleLayer(at: { x?: number; y?: number }, label: string, x: Spec, y: Spec): Spec[] {
  const row = { ...at, label };
  const encoding: Spec = at.x !== undefined ? { x: { ...x, field: "x" } } : { y: { ...y, field: "y" } };
  return [
    {
      data: { values: [row] },
      mark: { type: "rule", strokeDash: [4, 3], color: COLORS.guide },
      encoding,
    },
    {
      data: { values: [row] },
      mark: {
        type: "text",
        color: COLORS.info,
        align: "left",
        dx: 4,
        dy: -3,
        fontSize: 11,
        ...(at.x !== undefined ? { y: 4, baseline: "top" } : { x: 4, baseline: "bottom" }),
      },
      encoding: { ...encoding, text: { field: "label" } },
    },
  ];
}

/** Layers drawn under a chart's own (contour lines, heat maps). */
export function underlay(chart: Spec, layers: readonly Spec[]): Spec {
  return { ...chart, layer: [...layers, ...((chart.layer as Spec[] | undefined) ?? [])] };
}

/** A path of 2-D points from the lesson's code, cut to `max` points. */
export function pathRows(series: string, path: readonly (readonly number[])[], max = 600): SeriesRow[] {
  return thin(path, max).map(({ point, index }) => ({ series, x: point[0]!, y: point[1]!, i: index }));
}

/** A value per iteration, thinned for drawing. */
export function perIteration(series: string, values: readonly number[], max = 600): SeriesRow[] {
  return thin(values, max).map(({ point, index }) => ({ series, x: index, y: point, i: index }));
}
