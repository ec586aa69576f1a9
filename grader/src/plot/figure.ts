/**
 * A figure in two steps, so that the step that runs lesson code returns plain data only:
 * `data(learner)` calls the lesson's functions on the lesson's fixed, seeded scenario and returns JSON-able
 * data; `spec(...)` turns that data (the learner's, and the reference's with --compare) into a Vega-Lite
 * spec. When the learner's code fails, the figure says why (in place of the curve, or above a partial one).
 */
import { Learner, LearnerFailure } from "./learner.ts";
import type { LessonModule } from "./lesson-module.ts";
import { cleanLine } from "./text.ts";
import { COLORS, placeholderSpec, renderSvg, type Spec, scopeIds, wrap } from "./vl.ts";

/** What the page draws: the learner's code, the reference alone, or the learner's over the reference. */
export type PlotMode = "yours" | "solutions" | "compare";

export interface FigureInput<D> {
  /** Data from the code being plotted (the learner's; the reference's with --solutions). */
  mine?: D | undefined;
  /** The reference's data, with --compare, drawn dashed under the learner's. */
  reference?: D | undefined;
  /** Whether both are drawn (legends then say which is which). */
  compare: boolean;
}

export interface FigureDef<D = unknown> {
  /** File name of the SVG and anchor on the page: `step-size-errors`. */
  id: string;
  title: string;
  /** What to look for: the question the lesson README's "What a plot shows" asks. */
  caption: string;
  /** Size of the placeholder drawn when nothing can be (about the figure's own size). */
  size: { width: number; height: number };
  /** Runs the lesson's functions; plain data only. Throws {@link LearnerFailure} when nothing can be drawn. */
  data(learner: Learner): D;
  spec(input: FigureInput<D>): Spec;
  /**
   * For a figure whose picture is a curve over time (a loss per iteration or per epoch): the same data as
   * a few named series with what each should do, so that `pnpm grade` can show a text chart when one
   * does not (see plot/curves.ts).
   */
  curve?: CurveDef<D>;
}

/** What a series of a curve should do on the lesson's scenario. */
export type CurveExpectation = "falls" | "grows";

export interface CurveSeries {
  name: string;
  values: readonly number[];
  expect: CurveExpectation;
  /** Why it should, said after the finding: "η = 0.01 is below the limit 2/20 = 0.1". */
  because?: string;
  /** The value before the first one (the loss before any training), when the series leaves it out. */
  start?: number;
}

export interface CurveDef<D> {
  /** What is drawn: "loss per iteration on x² + 10y² from (1, 1)". */
  title: string;
  /** The x axis: "iteration", "epoch". */
  x: string;
  /** The x of the first value (default 0; 1 for a loss history that starts after the first epoch). */
  xFrom?: number;
  log: boolean;
  series(data: D): CurveSeries[];
}

export type FigureStatus = "drawn" | "partial" | "not-drawn";

export interface DrawnFigure {
  id: string;
  title: string;
  caption: string;
  svg: string;
  /** drawn: everything; partial: some of the learner's parts are missing; not-drawn: none of them. */
  status: FigureStatus;
  /** Why parts are missing, one sentence each (learner text already cleaned). */
  notes: string[];
  /** Remarks that are no problem, e.g. points a log scale cannot show. */
  infos: string[];
  /** The data behind the figure (what tests compare). */
  data: { mine?: unknown; reference?: unknown };
  /** vega-lite / vega warnings: a bug in the figure code, never the learner's. */
  warnings: string[];
  ms: number;
}

/** One lesson file, loaded or not. */
export interface LoadedLesson {
  module?: LessonModule | undefined;
  /** Why it could not be loaded (a syntax error, an exception at load time). */
  loadProblem?: string | undefined;
}

interface Attempt<D> {
  data?: D;
  notes: string[];
  infos: string[];
}

/** Figures of a lesson often share their data step (paths, then the loss along them): run it once per file. */
const memo = new WeakMap<LoadedLesson, Map<unknown, Attempt<unknown>>>();

function run<D>(def: FigureDef<D>, lesson: LoadedLesson): Attempt<D> {
  let cache = memo.get(lesson);
  if (!cache) memo.set(lesson, (cache = new Map()));
  const known = cache.get(def.data) as Attempt<D> | undefined;
  if (known) return known;
  const attempt = runOnce(def, lesson);
  cache.set(def.data, attempt as Attempt<unknown>);
  return attempt;
}

function runOnce<D>(def: FigureDef<D>, lesson: LoadedLesson): Attempt<D> {
  const learner = new Learner(lesson.module, lesson.loadProblem);
  try {
    const data = def.data(learner);
    return { data, notes: learner.notes, infos: learner.infos };
  } catch (error) {
    if (error instanceof LearnerFailure)
      return { notes: [...new Set([...learner.notes, error.note])], infos: [] };
    // A value of an unexpected shape got past the checks and broke the figure code.
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      notes: [
        ...learner.notes,
        `the figure could not be drawn from what the code returned (${cleanLine(why, 160)})`,
      ],
      infos: [],
    };
  }
}

/**
 * Runs a figure's data step only (no drawing): the data from the lesson's code, or undefined with the
 * notes saying why not. Shares the memo with {@link drawFigure}.
 */
export function figureData<D>(
  def: FigureDef<D>,
  lesson: LoadedLesson,
): { data?: D | undefined; notes: string[] } {
  const attempt = run(def, lesson);
  return { data: attempt.data, notes: attempt.notes.map((n) => cleanLine(n, 300)) };
}

const NOTE_WIDTH = 110;

/** Draws one figure; never throws for anything the lesson's code does. */
export async function drawFigure<D>(
  def: FigureDef<D>,
  main: LoadedLesson,
  reference?: LoadedLesson,
): Promise<DrawnFigure> {
  const started = performance.now();
  const compare = reference !== undefined;
  const mine = run(def, main);
  const ref = reference ? run(def, reference) : undefined;
  const notes = mine.notes.map((n) => cleanLine(n, 300));
  if (ref?.notes.length) notes.push(...ref.notes.map((n) => `reference: ${cleanLine(n, 280)}`));
  const status: FigureStatus = mine.data === undefined ? "not-drawn" : notes.length > 0 ? "partial" : "drawn";
  const shown =
    compare && mine.data === undefined && ref?.data !== undefined
      ? [...notes.map((n) => `yours: ${n}`), "Only the reference is drawn."]
      : notes;
  let spec: Spec;
  if (mine.data === undefined && ref?.data === undefined) {
    spec = { ...placeholderSpec(shown, def.size.width, def.size.height), title: def.title };
  } else {
    spec = def.spec({ mine: mine.data, reference: ref?.data, compare });
    const subtitle = shown.flatMap((n) => wrap(`⚠ ${n}`, NOTE_WIDTH));
    spec.title = subtitle.length
      ? { text: def.title, subtitle, subtitleColor: COLORS.problem }
      : { text: def.title };
  }
  let rendered: { svg: string; warnings: string[] };
  try {
    rendered = await renderSvg(spec);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    rendered = await renderSvg({
      ...placeholderSpec(
        [`this figure could not be rendered (${cleanLine(why, 160)})`],
        def.size.width,
        def.size.height,
      ),
      title: def.title,
    });
    rendered.warnings.push(why);
  }
  return {
    id: def.id,
    title: def.title,
    caption: def.caption,
    svg: scopeIds(rendered.svg, def.id),
    status,
    notes,
    infos: mine.infos.map((n) => cleanLine(n, 300)),
    data: { mine: mine.data, ...(ref ? { reference: ref.data } : {}) },
    warnings: rendered.warnings,
    ms: performance.now() - started,
  };
}

/** A figure of any data type, as the lesson lists hold them. */
export function figure<D>(def: FigureDef<D>): FigureDef {
  return def as unknown as FigureDef;
}

/** Every figure of a lesson, in order. */
export async function drawFigures(
  defs: readonly FigureDef[],
  main: LoadedLesson,
  reference?: LoadedLesson,
): Promise<DrawnFigure[]> {
  const drawn: DrawnFigure[] = [];
  for (const def of defs) drawn.push(await drawFigure(def, main, reference));
  return drawn;
}
