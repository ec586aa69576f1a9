import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { lessonFile, WORK_DIR } from "../course/paths.ts";
import { loadCourse } from "../manifest/load.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import type { PlotMode } from "../plot/figure.ts";
import type { OpenLessonLike } from "../plot/lesson-module.ts";
import { closeLessons, openLesson } from "../plot/open-lesson.ts";
import { plotLesson, relativeToRepo } from "../plot/page.ts";
import type { GradeReportLike } from "../report/html.ts";
import { readLastGrades } from "../report/write.ts";
import { resolveLesson, UsageError } from "./resolve-lesson.ts";

/** Where `pnpm plot` writes, inside the git-ignored work folder. */
export const PLOTS_DIR = path.join(WORK_DIR, "plots");

export const PLOT_MESSAGES = {
  usage: `Usage: pnpm plot <lesson…|all> [--solutions | --compare] [--open] [--source <lesson>=<file>] [--out <dir>]
  Draws the lesson's figures from your code: one SVG per figure and one HTML page, in .calcml/plots/<lesson>/.
  --solutions   draw the reference solution instead
  --compare     draw your curves (solid) over the reference's (dashed)
  --open        open the page in your browser
A lesson is its number or its id: 4, 04, 04-gradient-descent or gradient-descent.`,
  needsLesson: "Which lesson? For example: pnpm plot 04 (or pnpm plot all).",
  bothModes: "--solutions and --compare do not go together: --compare already draws the reference (dashed).",
  badSource: (given: string) =>
    `--source takes <lesson>=<file>, e.g. --source 04=my-gradient-descent.ts, not "${given}".`,
  written: (lesson: string, count: number, html: string) =>
    `${lesson}: ${count} figure${count === 1 ? "" : "s"} → ${html}`,
  figureLine: (file: string, status: string) => `  ${file.padEnd(34)}${status}`,
  openHint: (url: string) => `Open it in a browser: ${url}`,
  couldNotOpen: (file: string) => `Could not start a browser; open ${file} yourself.`,
} as const;

export interface PlotCommandOptions {
  /** How lesson files are loaded (default: in the sandbox, as grading does). */
  openLesson?: OpenLessonLike;
  /** Opens a file in the browser (tests replace it). */
  openInBrowser?: (file: string) => Promise<boolean>;
  log?: (line: string) => void;
}

/** Starts the platform's opener on a file or a URL, detached; false when it could not be started. */
export function openInBrowser(file: string): Promise<boolean> {
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [file]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", '""', file]]
        : ["xdg-open", [file]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command as string, args as string[], { detached: true, stdio: "ignore" });
      child.once("error", () => resolve(false));
      child.once("spawn", () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

function parseSources(course: Course, raw: readonly string[]): Map<string, string> {
  const sources = new Map<string, string>();
  for (const entry of raw) {
    const [lesson, file] = entry.split("=", 2);
    if (!lesson || !file) throw new UsageError(PLOT_MESSAGES.badSource(entry));
    sources.set(resolveLesson(course, lesson).id, path.resolve(file));
  }
  return sources;
}

function statusText(status: string, notes: readonly string[]): string {
  if (status === "drawn") return "drawn";
  return `${status === "partial" ? "partly drawn" : "not drawn"}: ${notes[0] ?? ""}${notes.length > 1 ? ` (+${notes.length - 1} more)` : ""}`;
}

/** `pnpm plot <lesson…|all> [--solutions | --compare] [--open] [--source <lesson>=<file>] [--out <dir>]` */
export async function plotCommand(args: string[], options: PlotCommandOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      solutions: { type: "boolean", default: false },
      compare: { type: "boolean", default: false },
      open: { type: "boolean", default: false },
      source: { type: "string", multiple: true, default: [] },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    log(PLOT_MESSAGES.usage);
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError(`${PLOT_MESSAGES.needsLesson}\n\n${PLOT_MESSAGES.usage}`);
  if (values.solutions && values.compare) throw new UsageError(PLOT_MESSAGES.bothModes);
  const course = loadCourse();
  const lessons: Lesson[] = positionals.some((p) => p.toLowerCase() === "all")
    ? course.lessons
    : [...new Map(positionals.map((p) => resolveLesson(course, p)).map((l) => [l.id, l])).values()];
  const sources = parseSources(course, values.source);
  const mode: PlotMode = values.solutions ? "solutions" : values.compare ? "compare" : "yours";
  const root = values.out ? path.resolve(values.out) : PLOTS_DIR;
  const lastGrades = mode === "solutions" ? new Map() : readLastGrades();
  const pages: string[] = [];
  try {
    await drawAll();
  } finally {
    closeLessons();
  }
  async function drawAll(): Promise<void> {
    for (const lesson of lessons) {
      const custom = sources.get(lesson.id);
      const learnerFile = custom ?? lessonFile(lesson.id, "exercises");
      // The last grade belongs to exercises/, so it is shown only next to figures of that file.
      const report: GradeReportLike | undefined =
        custom === undefined && lastGrades.size > 0 ? { lessons: [...lastGrades.values()] } : undefined;
      const result = await plotLesson({
        lesson: { id: lesson.id, title: lesson.title },
        mode,
        learnerFile,
        referenceFile: lessonFile(lesson.id, "solutions"),
        outDir: path.join(root, lesson.id, ...(mode === "yours" ? [] : [mode])),
        openLesson: options.openLesson ?? openLesson,
        report,
        generatedAt: new Date().toISOString(),
      });
      log(PLOT_MESSAGES.written(lesson.id, result.figures.length, relativeToRepo(result.html)));
      result.figures.forEach((figure) => {
        log(PLOT_MESSAGES.figureLine(`${figure.id}.svg`, statusText(figure.status, figure.notes)));
      });
      pages.push(result.html);
    }
  }
  const first = pages[0];
  if (first !== undefined) {
    if (values.open) {
      const opened = await (options.openInBrowser ?? openInBrowser)(first);
      if (!opened) log(PLOT_MESSAGES.couldNotOpen(first));
    } else if (pages.length === 1) log(PLOT_MESSAGES.openHint(pathToFileURL(first).href));
  }
  return 0;
}
