/**
 * The grade of record: a submission's learner files graded on the trusted tree. Only the files the
 * manifest allows are taken (see collect.ts); the suites, the grader, its configuration and lockfile
 * are this checkout's, whatever the submission contains.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, WORK_DIR } from "../course/paths.ts";
import { gradeCourse } from "../grade/grade-course.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import { sanitizeReport } from "../report/sanitize.ts";
import { type GradeReport, GradeReportSchema, type LessonReport } from "../report/schema.ts";
import type { Isolation } from "../sandbox/level.ts";
import {
  type Collected,
  collectSubmission,
  learnerPath,
  parseSubmissionSpec,
  type SubmissionSpec,
} from "./collect.ts";
import { graderIdentity } from "./version.ts";

/** Where fetched repositories are kept between runs (bare clones; safe to delete; CALCML_SUBMISSION_CACHE moves it). */
export const SUBMISSION_CACHE =
  process.env.CALCML_SUBMISSION_CACHE || path.join(WORK_DIR, "submissions", "repos");
/** Where taken learner files are staged for one grading run. */
const STAGING = path.join(WORK_DIR, "submissions", "staging");

export const SUBMISSION_MESSAGES = {
  refused: (file: string, reason: string) => `${file} ${reason}. This lesson was not graded and earns 0.`,
  missing: (file: string, commit: string | undefined) =>
    `${file} is not in the submission${commit ? ` (commit ${commit.slice(0, 12)})` : ""}. This lesson earns 0.`,
} as const;

export interface SubmissionGradeOptions {
  course: Course;
  lessons: readonly Lesson[];
  seed: number;
  /** A spec as `--submission` takes it, or one already parsed. */
  submission: string | SubmissionSpec;
  isolation?: Isolation;
  cacheDir?: string;
  deadline?: Date;
  onLesson?: (report: LessonReport) => void;
}

/** Every string of `value` with `from` replaced by `to`. */
function replaceDeep<T>(value: T, from: string, to: string): T {
  if (typeof value === "string") return value.split(from).join(to) as T;
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, from, to)) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDeep(v, from, to)])) as T;
  return value;
}

/** Writes each taken file to `<staging>/exercises/<id>/<slug>.ts`, alone in its folder. */
function stage(collected: Collected, lessons: readonly Lesson[], dir: string): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const lesson of lessons) {
    const file = path.join(dir, learnerPath(lesson.id));
    sources[lesson.id] = file;
    const taken = collected.taken.find((t) => t.lessonId === lesson.id);
    if (!taken) continue;
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    writeFileSync(file, taken.content, { mode: 0o644 });
  }
  return sources;
}

/** A lesson whose file was refused or absent says so, in the submission's terms. */
function explainUntaken(report: LessonReport, collected: Collected): LessonReport {
  const file = learnerPath(report.id);
  const refused = collected.submission.refused.find((r) => r.path === file);
  const missing = collected.submission.missing.includes(file);
  if (!refused && !missing) return report;
  const message = refused
    ? SUBMISSION_MESSAGES.refused(file, refused.reason)
    : SUBMISSION_MESSAGES.missing(file, collected.submission.commit);
  const original = report.problems.find((p) => p.kind === "missing-file")?.message;
  const replaced = original ? replaceDeep(report, original, message) : report;
  return {
    ...replaced,
    problems: [{ kind: refused ? "load-error" : "missing-file", message }],
  };
}

/** Collects, stages and grades a submission; the report says what was taken, ignored and refused. */
export async function gradeSubmission(options: SubmissionGradeOptions): Promise<GradeReport> {
  const spec =
    typeof options.submission === "string" ? parseSubmissionSpec(options.submission) : options.submission;
  const collected = await collectSubmission(spec, options.lessons, {
    cacheDir: options.cacheDir ?? SUBMISSION_CACHE,
    ...(options.deadline ? { deadline: options.deadline } : {}),
  });
  return gradeCollected(collected, options);
}

/** Grades learner files already collected (see collect.ts) on this checkout. */
export async function gradeCollected(
  collected: Collected,
  options: Pick<SubmissionGradeOptions, "course" | "lessons" | "seed" | "isolation" | "onLesson">,
): Promise<GradeReport> {
  mkdirSync(STAGING, { recursive: true });
  const dir = mkdtempSync(path.join(STAGING, "run-"));
  try {
    const sources = stage(collected, options.lessons, dir);
    const graded = await gradeCourse({
      course: options.course,
      lessons: options.lessons,
      target: "exercises",
      seed: options.seed,
      sources,
      ...(options.isolation ? { isolation: options.isolation } : {}),
    });
    // The staging folder is the grader's business: reports name the files as the submission has them.
    let report = replaceDeep(graded, `${dir}${path.sep}`, "");
    report = replaceDeep(report, `${path.relative(REPO_ROOT, dir)}${path.sep}`, "");
    const lessons = report.lessons.map((l) => explainUntaken(l, collected));
    for (const lesson of lessons) options.onLesson?.(lesson);
    return GradeReportSchema.parse({
      ...report,
      lessons,
      grader: { ...report.grader, ...graderIdentity() },
      submission: collected.submission,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lines for the terminal after the grade: where the files came from, what was taken and ignored. */
export function renderSubmissionSummary(graded: GradeReport): string {
  const report = sanitizeReport(graded);
  const s = report.submission;
  if (!s) return "";
  const where = s.commit ? `${s.source} at ${s.commit.slice(0, 12)}${s.ref ? ` (${s.ref})` : ""}` : s.source;
  const lines = [`Submission: ${where}`];
  lines.push(
    `  graded ${s.taken.length} learner file(s): ${s.taken.map((t) => t.path).join(", ") || "none"}`,
  );
  for (const r of s.refused) lines.push(`  refused ${r.path}: it ${r.reason}`);
  if (s.missing.length > 0) lines.push(`  missing ${s.missing.length}: ${s.missing.join(", ")}`);
  if (s.ignored.count > 0)
    lines.push(
      `  ignored ${s.ignored.count} other file(s), never read or run (suites, grader, configs and lockfile come from this checkout): ${s.ignored.examples.join(", ")}${s.ignored.count > s.ignored.examples.length ? ", …" : ""}`,
    );
  if (s.deadline)
    lines.push(
      `  deadline ${s.deadline}: graded the last commit before it; ${s.lateCommits ?? 0} later commit(s) not graded`,
    );
  const g = report.grader;
  lines.push(
    `  grader ${g.version ?? "?"}${g.commit ? ` at ${g.commit.slice(0, 12)}${g.dirty ? " (with uncommitted changes)" : ""}` : ""}, seed ${report.seed}`,
  );
  return lines.join("\n");
}
