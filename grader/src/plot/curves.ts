/**
 * The terminal's picture of a lesson: the curve figure of the lesson (a loss per iteration or per epoch)
 * run on the learner's file, as plain series, each with a finding when it does not do what it should
 * (rises where it should fall, reaches Infinity, stays flat). Runs only the figure's data step, in the
 * sandbox as `pnpm plot` does; nothing is drawn and vega is not loaded.
 */
import { formatValue, type PictureSeries, type TerminalPicture } from "../report/text-chart.ts";
import { type CurveSeries, figureData } from "./figure.ts";
import type { OpenLessonLike } from "./lesson-module.ts";
import { LESSON_FIGURES } from "./lessons/index.ts";
import { loadLesson } from "./page.ts";
import { cleanLine } from "./text.ts";

/** Points kept per series (a sparkline averages them into a few dozen columns anyway). */
const MAX_POINTS = 20_000;

/** The lessons that have a curve figure, by id. */
export function curveLessons(): string[] {
  return Object.entries(LESSON_FIGURES)
    .filter(([, defs]) => defs.some((d) => d.curve))
    .map(([id]) => id);
}

/** What is wrong with a series, in one sentence, or undefined when it does what it should. */
export function curveFinding(series: CurveSeries, x: string, xFrom = 0): string | undefined {
  const values = series.values;
  const all = series.start === undefined ? values : [series.start, ...values];
  if (all.length < 2) return undefined;
  const because = series.because ? ` (${series.because})` : "";
  const first = all[0]!;
  const last = all.at(-1)!;
  const offset = series.start === undefined ? xFrom : xFrom - 1;
  const bad = all.findIndex((v) => !Number.isFinite(v));
  const where = (i: number) => (i + offset < xFrom ? "the start" : `${x} ${i + offset}`);
  if (series.expect === "falls") {
    if (bad >= 0)
      return `diverges: it reaches ${formatValue(all[bad]!)} at ${where(bad)}, where it should fall${because}`;
    if (last > first)
      return `rises from ${formatValue(first)} to ${formatValue(last)}, where it should fall${because}`;
    if (!(first - last > 1e-9 * Math.abs(first)))
      return `stays at ${formatValue(first)}, where it should fall${because}`;
    return undefined;
  }
  // "grows": diverging (an Infinity or NaN) is what it should do.
  if (bad >= 0) return undefined;
  if (!(last > first))
    return `does not grow (${formatValue(first)} → ${formatValue(last)}), where it should${because}`;
  return undefined;
}

export interface PictureRequest {
  lessonId: string;
  /** The learner's file (the one just graded). */
  file: string;
  open: OpenLessonLike;
  /** The command that draws the figure in full, said under the chart. */
  command: string;
}

/**
 * The lesson's curve from the learner's file, with findings; undefined when the lesson has no curve
 * figure or nothing could be computed (the file does not load, the function is unfinished).
 */
export async function lessonPicture(request: PictureRequest): Promise<TerminalPicture | undefined> {
  const def = (LESSON_FIGURES[request.lessonId] ?? []).find((d) => d.curve);
  const curve = def?.curve;
  if (!def || !curve) return undefined;
  const loaded = await loadLesson(request.open, request.lessonId, request.file);
  if (!loaded.module) return undefined;
  const { data, notes } = figureData(def, loaded);
  if (data === undefined) return undefined;
  let series: PictureSeries[];
  try {
    series = curve.series(data).map((s) => ({
      name: cleanLine(s.name, 40),
      values: s.values.slice(0, MAX_POINTS),
      finding: curveFinding(s, curve.x, curve.xFrom ?? 0),
    }));
  } catch {
    // A value of an unexpected shape got past the data step's checks: no picture, grading said the rest.
    return undefined;
  }
  return {
    lessonId: request.lessonId,
    figureId: def.id,
    title: curve.title,
    x: curve.x,
    xFrom: curve.xFrom ?? 0,
    log: curve.log,
    series,
    notes,
    command: request.command,
  };
}
