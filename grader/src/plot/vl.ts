/**
 * Vega-Lite in Node: specs compiled by vega-lite and rendered to SVG by vega (renderer "none": no canvas,
 * no browser), plus the small spec builders every lesson shares (axes, contour lines, heat maps, arrows,
 * the "yours" / "reference" line styles, the placeholder figure that says why nothing was drawn).
 */
import type { TopLevelSpec } from "vega-lite";
import type { Domain } from "./grid.ts";

/** A Vega-Lite spec or part of one, built loosely; compile() checks it (tests fail on any warning). */
export type Spec = { [key: string]: unknown };

/** Which code a row of data came from. */
export type Source = "yours" | "reference";

export const COLORS = {
  problem: "#b3261e",
  info: "#555555",
  contour: "#8a8a8a",
  guide: "#9a9a9a",
  highlight: "#d62728",
} as const;

/** Tableau 10, the Vega default, named so that figures can pin a series to a colour. */
export const PALETTE = [
  "#4c78a8",
  "#f58518",
  "#e45756",
  "#72b7b2",
  "#54a24b",
  "#eeca3b",
  "#b279a2",
  "#ff9da6",
  "#9d755d",
  "#bab0ac",
] as const;

export const BASE_CONFIG: Spec = {
  background: "white",
  padding: 8,
  aria: false,
  font: "Helvetica, Arial, sans-serif",
  view: { stroke: "#ccc" },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", gridColor: "#eee" },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: "normal", labelLimit: 260 },
  title: { fontSize: 14, anchor: "start", subtitleFontSize: 12, subtitlePadding: 4, offset: 10 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  concat: { spacing: 24 },
};

export interface RenderedSvg {
  svg: string;
  /** Warnings from vega-lite or vega: a figure bug, not the learner's. */
  warnings: string[];
}

function collectingLogger(warnings: string[]) {
  let level = 2;
  const logger = {
    level(_?: number) {
      if (_ === undefined) return level as never;
      level = _;
      return logger as never;
    },
    error(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(" "));
      return logger as never;
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(" "));
      return logger as never;
    },
    info: () => logger as never,
    debug: () => logger as never,
  };
  return logger;
}

const GEOMETRY = /\s(d|transform|x|y|x1|x2|y1|y2|width|height|viewBox)="([^"]*)"/g;

/** Coordinates to 2 decimals (vega writes 17 digits): a third of the size, and still exact to 1/100 px. */
export function roundCoordinates(svg: string): string {
  return svg.replace(GEOMETRY, (_, name: string, value: string) => {
    const rounded = value.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/g, (n) => {
      const v = Math.round(Number(n) * 100) / 100;
      return String(Object.is(v, -0) ? 0 : v);
    });
    return ` ${name}="${rounded}"`;
  });
}

/**
 * Vega numbers clip paths and gradients from a counter that runs for the whole process, so the same
 * figure gets other ids the second time. Renamed after the figure and their order, ids are the same on
 * every run and still unique on a page that inlines several SVGs.
 */
export function scopeIds(svg: string, prefix: string): string {
  const safe = prefix.replace(/[^A-Za-z0-9_-]/g, "-");
  const names = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g))
    if (!names.has(id!)) names.set(id!, `${safe}-${names.size + 1}`);
  const rename = (id: string) => names.get(id) ?? id;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, head: string, id: string) => `${head}${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${rename(id)}"`);
}

/**
 * vega and vega-lite, loaded on first use: the spec builders above do not need them, so code that only
 * runs a figure's data step (the terminal's text chart after `pnpm grade`) does not pay for loading them.
 */
let renderers: Promise<[typeof import("vega"), typeof import("vega-lite")]> | undefined;

/** Compiles a Vega-Lite spec and renders it to an SVG string. */
export async function renderSvg(spec: Spec): Promise<RenderedSvg> {
  renderers ??= Promise.all([import("vega"), import("vega-lite")]);
  const [vega, { compile }] = await renderers;
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const full = { ...spec, config: { ...BASE_CONFIG, ...((spec.config as Spec | undefined) ?? {}) } };
  const compiled = compile(full as unknown as TopLevelSpec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logger: logger as never });
  try {
    const svg = roundCoordinates(await view.toSVG());
    return { svg, warnings };
  } finally {
    view.finalize();
  }
}

/** A quantitative axis encoding. */
export function q(
  field: string,
  title: string | null,
  options: { log?: boolean; domain?: Domain | undefined; zero?: boolean; format?: string; axis?: Spec } = {},
): Spec {
  const scale: Spec = {};
  if (options.log) scale.type = "log";
  if (options.domain) {
    scale.domain = [...options.domain];
    scale.nice = false;
  }
  if (!options.log) scale.zero = options.zero ?? false;
  const axis: Spec = { ...(options.format ? { format: options.format } : {}), ...(options.axis ?? {}) };
  if (options.log && !options.format) {
    axis.format = "~e";
    axis.grid = true;
  }
  return { field, type: "quantitative", title, scale, axis };
}

/** Solid lines for the learner's code, dashed and lighter for the reference (with --compare). */
export function sourceDash(compare: boolean): Spec {
  return {
    field: "source",
    type: "nominal",
    title: null,
    scale: {
      domain: ["yours", "reference"],
      range: [
        [1, 0],
        [6, 4],
      ],
    },
    legend: compare
      ? {
          orient: "bottom",
          symbolType: "stroke",
          symbolStrokeColor: "#333",
          symbolStrokeWidth: 2,
          labelExpr: "datum.label === 'yours' ? 'yours (solid)' : 'reference (dashed)'",
        }
      : null,
  };
}

/** Categorical colours with the series named in a fixed order (so the legend and colours never shuffle). */
export function seriesColor(
  domain: readonly string[],
  title: string | null = null,
  range?: readonly string[],
): Spec {
  return {
    field: "series",
    type: "nominal",
    title,
    sort: [...domain],
    scale: { domain: [...domain], range: [...(range ?? PALETTE.slice(0, domain.length))] },
    legend: {
      orient: "bottom",
      direction: "horizontal",
      columns: Math.min(domain.length, 3),
      labelLimit: 320,
    },
  };
}

/** Grey contour lines from `contourRows`, labelled by level only through their spacing. */
export function contourLayer(
  rows: readonly object[],
  x: Spec,
  y: Spec,
  color: string = COLORS.contour,
): Spec {
  return {
    data: { values: rows },
    mark: { type: "line", strokeWidth: 0.8, color, clip: true, interpolate: "linear" },
    encoding: {
      x,
      y,
      detail: { field: "line", type: "nominal" },
      order: { field: "i", type: "quantitative" },
    },
  };
}

/** A heat map of `heatmapRows` with a colour legend. */
export function heatmapLayer(rows: readonly object[], x: Spec, y: Spec, color: Spec): Spec {
  return {
    data: { values: rows },
    mark: { type: "rect", clip: true, strokeWidth: 0 },
    encoding: {
      x,
      x2: { field: "x2" },
      y,
      y2: { field: "y2" },
      fill: { field: "v", type: "quantitative", ...color },
    },
  };
}

/** Screen-space angle (degrees clockwise from up) of a data-space vector, for an arrow head. */
export function arrowAngle(
  dx: number,
  dy: number,
  view: { width: number; height: number; x: Domain; y: Domain },
): number {
  const kx = view.width / (view.x[1] - view.x[0]);
  const ky = view.height / (view.y[1] - view.y[0]);
  return (Math.atan2(dx * kx, dy * ky) * 180) / Math.PI;
}

export interface ArrowRow {
  x: number;
  y: number;
  x2: number;
  y2: number;
  [key: string]: unknown;
}

/** Arrows: a rule from (x, y) to (x2, y2) and a triangle at the tip, turned along the arrow. */
export function arrowLayers(
  rows: readonly ArrowRow[],
  view: { width: number; height: number; x: Domain; y: Domain },
  style: { color?: Spec | string; width?: number; head?: number; opacity?: number; axes?: boolean } = {},
): Spec[] {
  const color = typeof style.color === "object" ? style.color : { value: style.color ?? "#333" };
  const heads = rows.map((r) => ({ ...r, angle: arrowAngle(r.x2 - r.x, r.y2 - r.y, view) }));
  const axis = style.axes === false ? { axis: null } : {};
  const x = {
    field: "x",
    type: "quantitative",
    scale: { domain: [...view.x], nice: false, zero: false },
    ...axis,
  };
  const y = {
    field: "y",
    type: "quantitative",
    scale: { domain: [...view.y], nice: false, zero: false },
    ...axis,
  };
  return [
    {
      data: { values: rows },
      mark: { type: "rule", strokeWidth: style.width ?? 1.2, opacity: style.opacity ?? 1, clip: true },
      encoding: { x, y, x2: { field: "x2" }, y2: { field: "y2" }, color },
    },
    {
      data: { values: heads },
      mark: {
        type: "point",
        shape: "triangle-up",
        filled: true,
        size: style.head ?? 40,
        opacity: style.opacity ?? 1,
        clip: true,
      },
      encoding: {
        x: { ...x, field: "x2" },
        y: { ...y, field: "y2" },
        angle: { field: "angle", type: "quantitative", scale: null },
        color,
      },
    },
  ];
}

/** The figure drawn when nothing can be: a frame with the reason in the middle, in large red text. */
export function placeholderSpec(lines: readonly string[], width: number, height: number): Spec {
  const wrapped = lines.flatMap((line) => wrap(line, Math.max(30, Math.floor(width / 8))));
  const top = height / 2 - ((wrapped.length - 1) * 20) / 2;
  return {
    width,
    height,
    data: { values: wrapped.map((text, i) => ({ text, y: top + i * 20 })) },
    mark: { type: "text", fontSize: 15, color: COLORS.problem, align: "center", baseline: "middle" },
    encoding: {
      x: { value: width / 2 },
      y: { field: "y", type: "quantitative", scale: null },
      text: { field: "text", type: "nominal" },
    },
    config: { view: { stroke: COLORS.problem, strokeDash: [6, 4] } },
  };
}

/** Greedy word wrap for placeholder text. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
