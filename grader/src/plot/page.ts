/**
 * Plots one lesson: loads the lesson file(s), draws every figure, and writes one SVG per figure and one
 * self-contained HTML page into a folder.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import { type GradeReportLike, lessonPageHtml } from "../report/html.ts";
import { type DrawnFigure, drawFigures, type LoadedLesson, type PlotMode } from "./figure.ts";
import type { OpenLessonLike } from "./lesson-module.ts";
import { LESSON_FIGURES } from "./lessons/index.ts";
import { cleanLine } from "./text.ts";

export interface PlotRequest {
  lesson: { id: string; title: string };
  mode: PlotMode;
  /** The learner's file (drawn in "yours" and "compare" modes). */
  learnerFile: string;
  /** The reference solution (drawn in "solutions" mode, and dashed under the learner's in "compare"). */
  referenceFile: string;
  /** The folder that receives the SVGs and index.html (its old SVGs are removed first). */
  outDir: string;
  openLesson: OpenLessonLike;
  report?: GradeReportLike | undefined;
  generatedAt?: string | undefined;
}

export interface PlotResult {
  html: string;
  svgs: string[];
  figures: DrawnFigure[];
  ms: number;
}

export function relativeToRepo(file: string): string {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}

/** Loads a lesson file; a file that cannot be loaded becomes a reason, shown in every figure. */
export async function loadLesson(
  open: OpenLessonLike,
  lessonId: string,
  file: string,
): Promise<LoadedLesson> {
  try {
    return { module: await open(lessonId, file) };
  } catch (error) {
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { loadProblem: `${relativeToRepo(file)} could not be loaded (${cleanLine(why, 200)})` };
  }
}

/** Draws the figures of one lesson (without writing anything). */
export async function drawLesson(
  lessonId: string,
  mode: PlotMode,
  files: { learner: string; reference: string },
  open: OpenLessonLike,
): Promise<DrawnFigure[]> {
  const defs = LESSON_FIGURES[lessonId] ?? [];
  const main = await loadLesson(open, lessonId, mode === "solutions" ? files.reference : files.learner);
  const reference = mode === "compare" ? await loadLesson(open, lessonId, files.reference) : undefined;
  return drawFigures(defs, main, reference);
}

export async function plotLesson(request: PlotRequest): Promise<PlotResult> {
  const started = performance.now();
  const { lesson, mode, outDir } = request;
  const files = { learner: request.learnerFile, reference: request.referenceFile };
  const figures = await drawLesson(lesson.id, mode, files, request.openLesson);
  mkdirSync(outDir, { recursive: true });
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isFile() && (entry.name.endsWith(".svg") || entry.name === "index.html"))
      rmSync(path.join(outDir, entry.name));
  }
  const svgs = figures.map((figure) => {
    const file = path.join(outDir, `${figure.id}.svg`);
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${figure.svg}\n`);
    return file;
  });
  const html = path.join(outDir, "index.html");
  writeFileSync(
    html,
    lessonPageHtml({
      lesson,
      mode,
      source: relativeToRepo(mode === "solutions" ? files.reference : files.learner),
      figures,
      report: request.report,
      generatedAt: request.generatedAt,
    }),
  );
  return { html, svgs, figures, ms: performance.now() - started };
}
