/**
 * The text chart `pnpm grade` (and `pnpm watch`) prints under the lesson it details, when a curve from
 * the learner's code carries the feedback: a loss that climbs, a descent that diverges, a loss per epoch
 * that does not fall. It is computed after grading, and only when it can matter: for the one lesson the
 * terminal details (the first that is not complete), when that lesson has a curve figure and its code
 * ran (partial or failing, not timed out or crashed). Then the lesson file is loaded once more in the
 * sandbox and the figure's data step runs (no drawing); everything else costs nothing.
 * This module is light: the plot code is loaded only when a picture is computed.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import type { OpenLessonLike } from "../plot/lesson-module.ts";
import type { GradeReport, LessonReport } from "./schema.ts";
import type { TerminalPicture } from "./text-chart.ts";

/** Lessons with a curve figure (the test "picture" keeps this equal to the figures that have a `curve`). */
export const CURVE_LESSONS: readonly string[] = [
  "04-gradient-descent",
  "07-newtons-method",
  "09-linear-regression",
  "10-logistic-regression",
  "11-backpropagation",
  "13-optimizers",
];

/** Lessons whose code ran to the end when graded: worth running again for a picture. */
const RAN: ReadonlySet<LessonReport["status"]> = new Set(["partial", "failing"]);

/** The lesson the terminal details: the first that is not complete. */
export function detailedLesson(report: Pick<GradeReport, "lessons">): LessonReport | undefined {
  return report.lessons.find((l) => l.status !== "complete");
}

function quoted(text: string): string {
  return /^[\w./@+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The `pnpm plot` command that draws the figures of what was graded. */
export function plotCommandFor(report: Pick<GradeReport, "target">, lesson: LessonReport): string {
  const number = lesson.id.slice(0, 2);
  if (report.target === "solutions") return `pnpm plot ${number} --solutions`;
  if (report.target === "custom") {
    // `source` is relative to the repository, where pnpm runs; a file outside it is named in full.
    const file = lesson.source.startsWith("..") ? path.resolve(REPO_ROOT, lesson.source) : lesson.source;
    return `pnpm plot ${number} --source ${quoted(`${number}=${file}`)}`;
  }
  return `pnpm plot ${number}`;
}

export interface PictureOptions {
  /** How the lesson file is loaded (default: in the sandbox, as grading does; its sandboxes are then closed). */
  open?: OpenLessonLike;
  /** Also return a picture whose curves all do what they should (default: only one with a finding). */
  always?: boolean;
}

/** Whether {@link terminalPicture} would run anything for this report (cheap; no file is read). */
export function wantsPicture(report: Pick<GradeReport, "lessons" | "submission">): boolean {
  const lesson = detailedLesson(report);
  return (
    lesson !== undefined &&
    report.submission === undefined &&
    RAN.has(lesson.status) &&
    CURVE_LESSONS.includes(lesson.id)
  );
}

/**
 * The picture for the lesson the terminal details, or undefined (no curve figure, nothing wrong with the
 * curves, or anything going wrong while computing it: the grade is what counts, the picture is a help).
 */
export async function terminalPicture(
  report: GradeReport,
  options: PictureOptions = {},
): Promise<TerminalPicture | undefined> {
  if (!wantsPicture(report)) return undefined;
  const lesson = detailedLesson(report)!;
  // A submission is graded from a temporary copy, gone by now.
  const file = path.resolve(REPO_ROOT, lesson.source);
  if (!existsSync(file)) return undefined;
  const plot = options.open ? undefined : await import("../plot/open-lesson.ts");
  try {
    const { lessonPicture } = await import("../plot/curves.ts");
    const picture = await lessonPicture({
      lessonId: lesson.id,
      file,
      open: options.open ?? plot!.openLesson,
      command: plotCommandFor(report, lesson),
    });
    return picture && (options.always || picture.series.some((s) => s.finding)) ? picture : undefined;
  } catch {
    return undefined;
  } finally {
    plot?.closeLessons();
  }
}
