import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gradeCourse } from "../grade/grade-course.ts";
import { loadCourse } from "../manifest/load.ts";
import type { Course } from "../manifest/schema.ts";
import { renderExercism, renderGradescope } from "../report/autograders.ts";
import { classroomOutput, renderClassroom } from "../report/classroom.ts";
import { renderGithubAnnotations, renderGithubSummary } from "../report/github.ts";
import { writeHtmlReport } from "../report/html-report.ts";
import { renderJunit } from "../report/junit.ts";
import type { GradeReport } from "../report/schema.ts";
import { renderTerminal, useColor } from "../report/terminal.ts";
import type { TerminalPicture } from "../report/text-chart.ts";
import { errorReport, saveLastGrades, writeReport } from "../report/write.ts";
import { chooseIsolation, type SandboxRequest } from "../sandbox/level.ts";
import { SubmissionError } from "../submission/git.ts";
import { gradeSubmission, renderSubmissionSummary } from "../submission/grade-submission.ts";
import { CLI_MESSAGES } from "./messages.ts";
import { resolveLesson, UsageError } from "./resolve-lesson.ts";

const MAX_SEED = 2 ** 32 - 1;
const SUBMISSION_ALONE =
  "--submission grades a submission's own learner files; it does not combine with --solutions or --source.";

function parseSeed(raw: string | undefined, course: Course | undefined): number {
  if (raw === undefined) return course?.defaults.seed ?? 0;
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new UsageError(CLI_MESSAGES.badSeed(raw));
  return seed;
}

function parseSources(course: Course, raw: readonly string[]): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const entry of raw) {
    const [lesson, file] = entry.split("=", 2);
    if (!lesson || !file) throw new UsageError(CLI_MESSAGES.badSource(entry));
    sources[resolveLesson(course, lesson).id] = path.resolve(file);
  }
  return sources;
}

/** The text chart for the lesson the terminal details; its code (the figures) loads only when one may be drawn. */
async function pictureFor(report: GradeReport): Promise<TerminalPicture | undefined> {
  if (!report.lessons.some((l) => l.status === "partial" || l.status === "failing")) return undefined;
  return (await import("../report/picture.ts")).terminalPicture(report);
}

function parseSandbox(raw: string | undefined): SandboxRequest {
  if (raw === "strict" || raw === "basic" || raw === "auto") return raw;
  throw new UsageError(CLI_MESSAGES.badSandbox(String(raw)));
}

const RENDERERS = {
  junit: renderJunit,
  gradescope: renderGradescope,
  exercism: renderExercism,
  classroom: (report: GradeReport, maxScore?: number) => renderClassroom(report, maxScore),
} as const;

/** The course's total points (what a failed grade is out of), when the manifest loaded. */
function courseMaxPoints(course: Course | undefined): number | undefined {
  return course?.lessons.reduce((sum, l) => sum + l.tasks.reduce((s, t) => s + t.points, 0), 0);
}

/**
 * Other formats on request, and GitHub's summary and annotations when running in GitHub Actions. Also
 * called with an error report when grading failed, so that every requested file exists.
 */
function writeRenderedReports(
  report: GradeReport,
  files: Partial<Record<keyof typeof RENDERERS, string | undefined>>,
  maxScore?: number,
): void {
  for (const [format, render] of Object.entries(RENDERERS)) {
    const file = files[format as keyof typeof RENDERERS];
    if (!file) continue;
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, render(report, maxScore));
    console.log(CLI_MESSAGES.reportWritten(file));
  }
  // GitHub Classroom's reporter reads the result as a base64 step output named `result`.
  if (files.classroom && process.env.GITHUB_OUTPUT)
    appendFileSync(process.env.GITHUB_OUTPUT, classroomOutput(report, maxScore));
  if (process.env.GITHUB_ACTIONS === "true") {
    for (const line of renderGithubAnnotations(report)) console.log(line);
    if (process.env.GITHUB_STEP_SUMMARY)
      appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderGithubSummary(report));
  }
}

/**
 * `pnpm grade [lesson…] [--solutions] [--json file] [--seed n] [--min-score pct] [--source lesson=file]`
 * `[--submission <dir | git URL or path>[#ref]] [--classroom file]`
 */
export async function gradeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      solutions: { type: "boolean", default: false },
      json: { type: "string" },
      seed: { type: "string" },
      "min-score": { type: "string" },
      source: { type: "string", multiple: true, default: [] },
      junit: { type: "string" },
      gradescope: { type: "string" },
      exercism: { type: "string" },
      classroom: { type: "string" },
      submission: { type: "string" },
      sandbox: { type: "string", default: "auto" },
      html: { type: "string" },
      verbose: { type: "boolean", default: false },
    },
  });
  const formats = {
    junit: values.junit,
    gradescope: values.gradescope,
    exercism: values.exercism,
    classroom: values.classroom,
  };
  let course: Course | undefined;
  try {
    course = loadCourse();
    const loaded = course;
    const seed = parseSeed(values.seed, course);
    const minScore = values["min-score"] === undefined ? undefined : Number(values["min-score"]);
    if (minScore !== undefined && !(minScore >= 0 && minScore <= 100))
      throw new UsageError(CLI_MESSAGES.badMinScore(values["min-score"] ?? ""));
    const sources = parseSources(course, values.source);
    const chosen =
      positionals.length > 0 ? positionals.map((given) => resolveLesson(loaded, given)) : course.lessons;
    const lessons = [...new Set(chosen)];
    if (values.submission !== undefined && (values.solutions || values.source.length > 0))
      throw new UsageError(SUBMISSION_ALONE);
    const isolation = chooseIsolation(parseSandbox(values.sandbox));
    if (typeof isolation === "string") throw new UsageError(isolation);
    const report =
      values.submission !== undefined
        ? await gradeSubmission({ course, lessons, seed, isolation, submission: values.submission })
        : await gradeCourse({
            isolation,
            course,
            lessons,
            target: values.solutions ? "solutions" : "exercises",
            seed,
            sources,
          });
    console.log(
      renderTerminal(report, useColor(), { picture: await pictureFor(report), verbose: values.verbose }),
    );
    if (report.submission) console.log(renderSubmissionSummary(report));
    saveLastGrades(report);
    if (values.json) {
      writeReport(values.json, report);
      console.log(CLI_MESSAGES.reportWritten(values.json));
    }
    writeRenderedReports(report, formats);
    if (values.html) {
      await writeHtmlReport(report, values.html);
      console.log(CLI_MESSAGES.reportWritten(values.html));
    }
    if (minScore !== undefined && report.percent < minScore) {
      console.error(CLI_MESSAGES.belowMinScore(report.percent, minScore));
      return 1;
    }
    return 0;
  } catch (error) {
    const failed = errorReport(
      course?.title ?? "unknown course",
      course?.defaults.seed ?? 0,
      error instanceof Error ? error.message : String(error),
    );
    try {
      if (values.json) writeReport(values.json, failed);
      writeRenderedReports(failed, formats, courseMaxPoints(course));
    } catch {
      // The original error is the one to report.
    }
    if (error instanceof SubmissionError) throw new UsageError(CLI_MESSAGES.couldNotGrade(error.message));
    throw error;
  }
}
