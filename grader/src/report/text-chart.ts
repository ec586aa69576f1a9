/**
 * Small text charts for the terminal: a sparkline (one row of ▁▂▃▄▅▆▇█) or a block chart a few rows
 * high, on a linear or log scale, and the "picture" block `pnpm grade` prints under a lesson when a
 * curve drawn from the learner's code (a loss that climbs, a path that diverges) says more than a number.
 * Pure functions of plain data: the data comes from the lesson's figure code (plot/curves.ts).
 */

/** Eighths of a cell, from empty to full. */
const BLOCKS = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const;
/** Cells for values a scale cannot place. */
export const MARKS = {
  /** +Infinity, or a value above the top of the scale (an overflow: the curve left the chart). */
  above: "↑",
  /** −Infinity. */
  below: "↓",
  /** NaN. */
  nan: "×",
  /** 0 or a negative value on a log scale. */
  offScale: "·",
} as const;

export interface ChartScale {
  log?: boolean;
  /** The range shown; default: the finite (and, on a log scale, positive) values' own range. */
  min?: number;
  max?: number;
}

export interface ChartOptions extends ChartScale {
  /** Columns at most; a longer series is averaged into this many (default 40). */
  width?: number;
  /** Rows (default 1: a sparkline). */
  rows?: number;
}

function toScale(value: number, log: boolean): number {
  return log ? Math.log10(value) : value;
}

/** The values a scale can place: finite, and positive on a log scale. */
function placeable(value: number, log: boolean): boolean {
  return Number.isFinite(value) && (!log || value > 0);
}

/** The range of a set of series on a scale (for charts that share one); undefined when nothing can be placed. */
export function scaleRange(
  series: readonly (readonly number[])[],
  log = false,
): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const values of series) {
    for (const v of values) {
      if (!placeable(v, log)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  return min <= max ? { min, max } : undefined;
}

/**
 * The series cut into at most `width` columns. A column stands for consecutive values: the mean (on the
 * scale: a geometric mean on a log scale) of those it can place, or the first it cannot (an Infinity or a
 * NaN is what a reader must see, not average away). A short series keeps one column per value.
 */
export function columns(values: readonly number[], width: number, log = false): number[] {
  const n = values.length;
  const count = Math.min(n, Math.max(1, Math.floor(width)));
  const out: number[] = [];
  for (let c = 0; c < count; c++) {
    const from = Math.floor((c * n) / count);
    const to = Math.max(from + 1, Math.floor(((c + 1) * n) / count));
    const bucket = values.slice(from, to);
    const odd = bucket.find((v) => !Number.isFinite(v) || (log && v <= 0));
    if (odd !== undefined) {
      out.push(odd);
      continue;
    }
    const mean = bucket.reduce((s, v) => s + toScale(v, log), 0) / bucket.length;
    out.push(log ? 10 ** mean : mean);
  }
  return out;
}

function markFor(value: number, log: boolean): string {
  if (Number.isNaN(value)) return MARKS.nan;
  if (value === Number.POSITIVE_INFINITY) return MARKS.above;
  if (value === Number.NEGATIVE_INFINITY) return MARKS.below;
  return log && value <= 0 ? MARKS.offScale : MARKS.nan;
}

/**
 * A block chart, `rows` high, of at most `width` columns: returns its rows, top first. Each column's
 * height is its value's place between min and max, in eighths of a cell; the lowest value still shows
 * as ▁. A value the scale cannot place is one mark (see {@link MARKS}) in the bottom row.
 */
export function blockChart(values: readonly number[], options: ChartOptions = {}): string[] {
  const log = options.log ?? false;
  const rows = Math.max(1, Math.floor(options.rows ?? 1));
  const cols = columns(values, options.width ?? 40, log);
  const own = scaleRange([cols], log);
  const min = options.min ?? own?.min ?? 0;
  const max = options.max ?? own?.max ?? 1;
  const [lo, hi] = [toScale(min, log), toScale(max, log)];
  const eighths = rows * 8;
  const grid = Array.from({ length: rows }, () => [] as string[]);
  for (const value of cols) {
    if (!placeable(value, log)) {
      for (let r = 0; r < rows; r++) grid[r]!.push(r === rows - 1 ? markFor(value, log) : " ");
      continue;
    }
    if (value > max && max !== min) {
      for (let r = 0; r < rows; r++) grid[r]!.push(r === 0 ? MARKS.above : BLOCKS[8]);
      continue;
    }
    const t = hi > lo ? (toScale(value, log) - lo) / (hi - lo) : 0.5;
    // From one eighth (the lowest value stays visible) to all of them.
    const height = 1 + Math.round(Math.min(1, Math.max(0, t)) * (eighths - 1));
    for (let r = 0; r < rows; r++) {
      const fromBottom = rows - 1 - r;
      const cell = Math.min(8, Math.max(0, height - fromBottom * 8));
      grid[r]!.push(BLOCKS[cell]!);
    }
  }
  return grid.map((row) => row.join(""));
}

/** One row of ▁▂▃▄▅▆▇█. */
export function sparkline(values: readonly number[], options: ChartScale & { width?: number } = {}): string {
  return blockChart(values, { ...options, rows: 1 })[0] ?? "";
}

/** A number for a chart's label: 3 significant digits, exponent notation when large or small. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return "0";
  const size = Math.abs(value);
  if (size >= 1e5 || size < 1e-3) return value.toExponential(1).replace("e+", "e").replace(".0e", "e");
  return String(Number(value.toPrecision(3)));
}

/** A curve from the learner's code, with what it did wrong (when it did). */
export interface PictureSeries {
  name: string;
  values: readonly number[];
  /** "rises from 11 to 3.4e30, where it should fall (η = 0.01 is below the limit 2/20 = 0.1)". */
  finding?: string | undefined;
}

/** What `pnpm grade` shows under a lesson: a text chart of a curve from the learner's code. */
export interface TerminalPicture {
  lessonId: string;
  /** The figure it summarises (its id in `pnpm plot`). */
  figureId: string;
  /** "loss f(xₖ) per iteration on x² + 10y² from (1, 1), from your gradientDescent". */
  title: string;
  x: string;
  /** The x of the first value. */
  xFrom: number;
  log: boolean;
  series: readonly PictureSeries[];
  /** Why some series could not be computed (the learner's code threw), one sentence each. */
  notes: readonly string[];
  /** The command that draws it in full: `pnpm plot 04`. */
  command: string;
}

/** Series shown at most; when there are more, those with a finding come first and the rest are counted. */
const SERIES_SHOWN = 4;
const CHART_WIDTH = 32;

type Paint = (code: number, text: string) => string;

/**
 * The picture as terminal lines (indented by two spaces, as the lesson's details are): a title, one
 * sparkline per series (each on its own scale) with its first and last value and its finding, and the
 * command that draws the figure in full.
 */
export function renderPicture(
  picture: TerminalPicture,
  paint: Paint = (_, text) => text,
  width = CHART_WIDTH,
): string[] {
  const lines = [paint(1, `  Picture from your code: ${picture.title}${picture.log ? " (log scale)" : ""}`)];
  const ordered = [...picture.series.filter((s) => s.finding), ...picture.series.filter((s) => !s.finding)];
  const shown = picture.series.length <= SERIES_SHOWN ? picture.series : ordered.slice(0, SERIES_SHOWN);
  const nameWidth = Math.max(...shown.map((s) => [...s.name].length), 0);
  for (const s of shown) {
    // Each on its own scale: the shape (falls, climbs, leaves the chart) is the point; the values say how far.
    const chart = sparkline(s.values, { log: picture.log, width });
    const first = s.values[0];
    const last = s.values.at(-1);
    const span =
      first === undefined || last === undefined
        ? "no values"
        : `${formatValue(first)} → ${formatValue(last)}`;
    const name = s.name + " ".repeat(nameWidth - [...s.name].length);
    const row = `    ${name}  ${chart}${" ".repeat(Math.max(0, width - [...chart].length))}  ${span}`;
    lines.push(s.finding ? paint(31, `${row}`) : row);
    if (s.finding) lines.push(paint(31, `      ✗ ${s.finding}`));
  }
  const hidden = picture.series.length - shown.length;
  if (hidden > 0)
    lines.push(
      `    … and ${hidden} more curve${hidden === 1 ? "" : "s"} that do${hidden === 1 ? "es" : ""} as expected`,
    );
  for (const note of picture.notes.slice(0, 2)) lines.push(paint(90, `    (not drawn: ${note})`));
  const lengths = new Set(shown.map((s) => s.values.length));
  const [length] = lengths;
  const axis =
    lengths.size === 1 && length !== undefined
      ? `${picture.x} ${picture.xFrom} … ${picture.xFrom + Math.max(0, length - 1)}`
      : `each from ${picture.x} ${picture.xFrom} to its last`;
  lines.push(
    paint(90, `    left to right: ${axis}; each curve on its own scale`),
    `  Drawn in full by \`${picture.command}\` (add --compare to see the reference's curves beneath yours).`,
  );
  return lines;
}
