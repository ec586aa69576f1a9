/**
 * The gradebook: every student of a roster fetched, the commit of record picked, graded on this
 * checkout, and written down as gradebook.csv, one JSON report and one feedback page each. A student's
 * broken repository is that student's row with its reason; a re-run skips students whose commit was
 * already graded by the same grader; `--shard i/n` grades a deterministic share, and `merge` joins shards.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { suiteFile } from "../course/paths.ts";
import { LessonBatch } from "../grade/grade-lesson.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import { cleanText } from "../report/sanitize.ts";
import { type GradeReport, GradeReportSchema } from "../report/schema.ts";
import { writeReport } from "../report/write.ts";
import type { Isolation } from "../sandbox/level.ts";
import { type Collected, collectSubmission, parseSubmissionSpec } from "../submission/collect.ts";
import { gradeCollected, SUBMISSION_CACHE } from "../submission/grade-submission.ts";
import { graderIdentity } from "../submission/version.ts";
import { csvLine } from "./csv.ts";
import { renderFeedback } from "./feedback.ts";
import { inShard, parseRoster, type RosterEntry, studentFileName } from "./roster.ts";

/** Characters kept of a reason in the CSV's problems column (the feedback page has the whole story). */
const PROBLEM_CHARS = 200;
/** Most students in one run of the hidden suites (should a run fail, its students are graded again one by one). */
export const MAX_BATCH = 16;

/**
 * Students per run of the hidden suites when `--batch` is not given: the students split evenly among
 * the `jobs`, in as few rounds as MAX_BATCH allows. Each run's start-up (vitest and its transforms) is
 * shared by its students, and no job is left grading a last small batch alone while the other cores
 * idle (12 students, 2 jobs: two batches of 6, not 4, 4 and a lone 4).
 */
export function defaultBatch(students: number, jobs: number): number {
  const perJob = Math.ceil(Math.max(1, students) / Math.max(1, jobs));
  return Math.ceil(perJob / Math.ceil(perJob / MAX_BATCH));
}

/** Suites at once in each of `jobs` concurrent runs: the cores shared among them, at least one. */
export function defaultWorkers(jobs: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.round(cores / Math.max(1, jobs)));
}

export const GradebookRowSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  student: z.string(),
  repo: z.string(),
  ref: z.string().optional(),
  commit: z.string().optional(),
  lessons: z.record(z.string(), z.number()),
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  late: z.number().int().nonnegative().optional(),
  problems: z.array(z.string()),
  report: z.string().optional(),
  feedback: z.string().optional(),
});
export type GradebookRow = z.infer<typeof GradebookRowSchema>;

export const GradebookSchema = z.strictObject({
  gradebookVersion: z.literal(1),
  course: z.string(),
  lessons: z.array(z.strictObject({ id: z.string(), maxPoints: z.number() })),
  seed: z.number().int(),
  deadline: z.string().optional(),
  shard: z
    .strictObject({ index: z.number().int().positive(), count: z.number().int().positive() })
    .optional(),
  rosterSize: z.number().int().nonnegative(),
  grader: z.strictObject({
    version: z.string().optional(),
    commit: z.string().optional(),
    digest: z.string(),
  }),
  rows: z.array(GradebookRowSchema),
});
export type Gradebook = z.infer<typeof GradebookSchema>;

export const GRADEBOOK_FILES = {
  csv: "gradebook.csv",
  json: "gradebook.json",
  reports: "reports",
  feedback: "feedback",
} as const;

export interface GradebookOptions {
  course: Course;
  lessons: readonly Lesson[];
  roster: string;
  out: string;
  seed: number;
  deadline?: Date;
  shard?: { index: number; count: number };
  /** Batches graded at once, each by one run of the hidden suites (default 1). */
  jobs?: number;
  /** Students per batch (default: defaultBatch). */
  batch?: number;
  /** Suites run at once in each batch's run (default: the cores shared among the jobs). */
  workers?: number;
  isolation?: Isolation;
  cacheDir?: string;
  /** Grade again even when the same commit was graded by the same grader. */
  regrade?: boolean;
  onProgress?: (line: string) => void;
}

export interface GradebookResult {
  gradebook: Gradebook;
  /** Students graded in this run. */
  graded: number;
  /** Students whose earlier grade of the same commit was kept. */
  skipped: number;
  /** Students who could not be graded (their row says why). */
  failed: number;
  seconds: number;
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** The short problems a row lists: lessons that did not load or run, refused files. */
function reportProblems(report: GradeReport): string[] {
  const problems = report.lessons.flatMap((l) => {
    const kinds = [...new Set(l.problems.map((p) => p.kind))];
    return kinds.length > 0 ? [`${l.id}: ${kinds.join(", ")}`] : [];
  });
  if (report.error) problems.push(cleanText(report.error, PROBLEM_CHARS));
  return problems;
}

function rowOf(entry: RosterEntry, report: GradeReport | undefined, problem?: string): GradebookRow {
  const base = {
    index: entry.index,
    student: entry.student,
    repo: report?.submission?.source ?? entry.repo.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1"),
    ...(entry.ref ? { ref: entry.ref } : {}),
  };
  if (!report) {
    return {
      ...base,
      lessons: {},
      points: 0,
      maxPoints: 0,
      percent: 0,
      problems: [cleanText(problem ?? "not graded", PROBLEM_CHARS)],
    };
  }
  const name = studentFileName(entry.student);
  return {
    ...base,
    ...(report.submission?.commit ? { commit: report.submission.commit } : {}),
    lessons: Object.fromEntries(report.lessons.map((l) => [l.id, l.points])),
    points: report.points,
    maxPoints: report.maxPoints,
    percent: report.percent,
    ...(report.submission?.lateCommits !== undefined ? { late: report.submission.lateCommits } : {}),
    problems: reportProblems(report),
    report: `${GRADEBOOK_FILES.reports}/${name}.json`,
    feedback: `${GRADEBOOK_FILES.feedback}/${name}.md`,
  };
}

/** gradebook.csv: student, commit, one column per lesson, total, percent, late, problems. */
export function renderGradebookCsv(gradebook: Gradebook): string {
  const ids = gradebook.lessons.map((l) => l.id);
  const header = ["student", "commit", ...ids, "total", "percent", "late", "problems"];
  const max = gradebook.lessons.reduce((sum, l) => sum + l.maxPoints, 0);
  const lines = [csvLine(header)];
  for (const row of gradebook.rows) {
    const graded = row.report !== undefined;
    lines.push(
      csvLine([
        row.student,
        row.commit ?? "",
        ...ids.map((id) => (graded ? (row.lessons[id] ?? 0) : "")),
        graded ? row.points : 0,
        graded ? row.percent : 0,
        gradebook.deadline === undefined ? "" : (row.late ?? ""),
        row.problems.join("; "),
      ]),
    );
  }
  lines.push(csvLine(["(max)", "", ...gradebook.lessons.map((l) => l.maxPoints), max, 100, "", ""]));
  return `${lines.join("\n")}\n`;
}

/** An earlier report of this student that still stands: same commit, same grader, same seed and lessons. */
function standingReport(
  file: string,
  commit: string | undefined,
  options: GradebookOptions,
): GradeReport | undefined {
  if (options.regrade || !commit || !existsSync(file)) return undefined;
  try {
    const report = GradeReportSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    const sameLessons = report.lessons.map((l) => l.id).join() === options.lessons.map((l) => l.id).join();
    const same =
      report.submission?.commit === commit &&
      report.grader.digest === graderIdentity().digest &&
      report.seed === options.seed &&
      sameLessons &&
      report.error === undefined;
    return same ? report : undefined;
  } catch {
    return undefined;
  }
}

/** A student done before any grading (a broken repository, a grade that stands), or one to grade. */
type Prepared =
  | { done: { row: GradebookRow; skipped: boolean } }
  | { entry: RosterEntry; collected: Collected; reportFile: string; feedbackFile: string };

type ToGrade = Exclude<Prepared, { done: unknown }>;

function failedRow(entry: RosterEntry, error: unknown): { row: GradebookRow; skipped: boolean } {
  return {
    row: rowOf(entry, undefined, error instanceof Error ? error.message : String(error)),
    skipped: false,
  };
}

/** Fetches one student's repository and picks the commit; a report that still stands is kept at once. */
async function prepareStudent(entry: RosterEntry, options: GradebookOptions): Promise<Prepared> {
  if (entry.problem) return { done: { row: rowOf(entry, undefined, entry.problem), skipped: false } };
  const name = studentFileName(entry.student);
  const reportFile = path.join(options.out, GRADEBOOK_FILES.reports, `${name}.json`);
  const feedbackFile = path.join(options.out, GRADEBOOK_FILES.feedback, `${name}.md`);
  try {
    const parsed = parseSubmissionSpec(entry.ref ? `${entry.repo}#${entry.ref}` : entry.repo);
    // A roster names repositories: a local clone is read at its commit, never as a folder of files.
    const spec =
      parsed.kind === "folder" && existsSync(path.join(parsed.location, ".git"))
        ? { ...parsed, kind: "git" as const }
        : parsed;
    const collected = await collectSubmission(spec, options.lessons, {
      cacheDir: options.cacheDir ?? SUBMISSION_CACHE,
      ...(options.deadline ? { deadline: options.deadline } : {}),
    });
    const standing = standingReport(reportFile, collected.submission.commit, options);
    if (!standing) return { entry, collected, reportFile, feedbackFile };
    // Late commits may have been pushed since: the count is today's, the grade stands.
    const report = GradeReportSchema.parse({
      ...standing,
      submission: { ...standing.submission, ...collected.submission },
    });
    writeReport(reportFile, report);
    write(feedbackFile, renderFeedback(report, { student: entry.student }));
    return { done: { row: rowOf(entry, report), skipped: true } };
  } catch (error) {
    return { done: failedRow(entry, error) };
  }
}

/** Grades one fetched student and writes the report and the feedback page. Never throws. */
async function gradeStudent(
  student: ToGrade,
  options: GradebookOptions,
): Promise<{ row: GradebookRow; skipped: boolean }> {
  const { entry, collected, reportFile, feedbackFile } = student;
  try {
    const report = await gradeCollected(collected, {
      course: options.course,
      lessons: options.lessons,
      seed: options.seed,
      ...(options.isolation ? { isolation: options.isolation } : {}),
    });
    writeReport(reportFile, report);
    write(feedbackFile, renderFeedback(report, { student: entry.student }));
    return { row: rowOf(entry, report), skipped: false };
  } catch (error) {
    return failedRow(entry, error);
  }
}

export function gradebookHeader(
  options: Pick<GradebookOptions, "course" | "lessons" | "seed" | "deadline" | "shard">,
  rosterSize: number,
): Omit<Gradebook, "rows"> {
  const id = graderIdentity();
  return {
    gradebookVersion: 1,
    course: options.course.title,
    lessons: options.lessons.map((l) => ({ id: l.id, maxPoints: l.tasks.reduce((s, t) => s + t.points, 0) })),
    seed: options.seed,
    ...(options.deadline ? { deadline: options.deadline.toISOString() } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    rosterSize,
    grader: {
      ...(id.version ? { version: id.version } : {}),
      ...(id.commit ? { commit: id.commit } : {}),
      digest: id.digest ?? "",
    },
  };
}

function writeGradebook(out: string, gradebook: Gradebook): void {
  write(
    path.join(out, GRADEBOOK_FILES.json),
    `${JSON.stringify(GradebookSchema.parse(gradebook), null, 2)}\n`,
  );
  write(path.join(out, GRADEBOOK_FILES.csv), renderGradebookCsv(gradebook));
}

/**
 * Grades the roster (or this shard's share of it) into `out`. Students are taken in roster order and
 * fetched; those whose grade does not stand go into batches of `batch`, and each batch is graded by one
 * run of the hidden suites (one vitest process: see LessonBatch in grade/grade-lesson.ts), `jobs`
 * batches at a time. A student's grade is the same as when graded alone.
 */
export async function runGradebook(options: GradebookOptions): Promise<GradebookResult> {
  const started = performance.now();
  const roster = parseRoster(
    readFileSync(options.roster, "utf8"),
    path.dirname(path.resolve(options.roster)),
  );
  const mine = roster.filter((e) => inShard(e, options.shard));
  // Runs in one process share the suites unpacked from a student export's bundle, and each removes
  // what it finds unpacked: where the suites are not plaintext, grade one batch at a time.
  const plainSuites = options.lessons.every((l) => existsSync(suiteFile(l.id)));
  const jobs = plainSuites ? Math.max(1, options.jobs ?? 1) : 1;
  const batchSize = Math.max(1, options.batch ?? defaultBatch(mine.length, jobs));
  const workers = options.workers ?? defaultWorkers(jobs);
  let done = 0;
  let skipped = 0;
  let failed = 0;
  const rows: GradebookRow[] = new Array(mine.length);
  const finish = (i: number, result: { row: GradebookRow; skipped: boolean }, t0: number) => {
    rows[i] = result.row;
    done += 1;
    if (result.skipped) skipped += 1;
    const r = result.row;
    if (!r.report) failed += 1;
    const what = r.report
      ? `${r.points} / ${r.maxPoints} (${r.percent} %)${r.commit ? ` at ${r.commit.slice(0, 12)}` : ""}${result.skipped ? ", already graded: kept" : ""}`
      : `not graded: ${r.problems[0]}`;
    options.onProgress?.(
      `[${done}/${mine.length}] ${cleanText(mine[i]!.student, 80)}: ${what} · ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  };
  let next = 0;
  /** The next students in roster order until `batchSize` of them need grading; the others are done on the way. */
  const nextBatch = async () => {
    const batch: { i: number; t0: number; student: ToGrade }[] = [];
    while (batch.length < batchSize && next < mine.length) {
      const taken = Array.from(
        { length: Math.min(batchSize - batch.length, mine.length - next) },
        () => next++,
      );
      const prepared = await Promise.all(
        taken.map(async (i) => {
          const t0 = performance.now();
          return { i, t0, prepared: await prepareStudent(mine[i]!, options) };
        }),
      );
      for (const { i, t0, prepared: p } of prepared) {
        if ("done" in p) finish(i, p.done, t0);
        else batch.push({ i, t0, student: p });
      }
    }
    return batch;
  };
  const worker = async () => {
    for (let batch = await nextBatch(); batch.length > 0; batch = await nextBatch()) {
      const shared = new LessonBatch({ workers });
      await Promise.all(
        batch.map(({ i, t0, student }) =>
          shared.run(() => gradeStudent(student, options)).then((result) => finish(i, result, t0)),
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, Math.max(1, mine.length)) }, worker));
  const gradebook: Gradebook = { ...gradebookHeader(options, roster.length), rows };
  writeGradebook(options.out, gradebook);
  const seconds = (performance.now() - started) / 1000;
  return { gradebook, graded: mine.length - skipped - failed, skipped, failed, seconds };
}

export const MERGE_MESSAGES = {
  noGradebook: (dir: string) =>
    `${dir} has no ${GRADEBOOK_FILES.json} (run pnpm gradebook --out ${dir} first)`,
  differ: (what: string, a: string, b: string) =>
    `the gradebooks differ in ${what}: ${a} and ${b}; merge only shards of one run`,
  overlap: (student: string) => `${student} is in more than one of the gradebooks merged`,
} as const;

/** Joins the gradebooks of shards (their reports and feedback pages too) into `out`. */
export function mergeGradebooks(dirs: readonly string[], out: string): Gradebook {
  const books = dirs.map((dir) => {
    const file = path.join(dir, GRADEBOOK_FILES.json);
    if (!existsSync(file)) throw new Error(MERGE_MESSAGES.noGradebook(dir));
    return { dir, book: GradebookSchema.parse(JSON.parse(readFileSync(file, "utf8"))) };
  });
  const [first, ...rest] = books;
  if (!first) throw new Error("merge needs at least one gradebook folder");
  const key = (b: Gradebook) => ({
    course: b.course,
    lessons: b.lessons.map((l) => l.id).join(" "),
    seed: String(b.seed),
    deadline: b.deadline ?? "none",
    grader: b.grader.digest,
  });
  for (const other of rest) {
    const [a, b] = [key(first.book), key(other.book)];
    for (const field of Object.keys(a) as (keyof typeof a)[])
      if (a[field] !== b[field]) throw new Error(MERGE_MESSAGES.differ(field, a[field], b[field]));
  }
  const seen = new Set<number>();
  const rows: GradebookRow[] = [];
  for (const { dir, book } of books) {
    for (const row of book.rows) {
      if (seen.has(row.index)) throw new Error(MERGE_MESSAGES.overlap(row.student));
      seen.add(row.index);
      rows.push(row);
      for (const file of [row.report, row.feedback]) {
        if (!file) continue;
        const from = path.join(dir, file);
        if (path.resolve(from) !== path.resolve(out, file) && existsSync(from))
          write(path.join(out, file), readFileSync(from, "utf8"));
      }
    }
  }
  rows.sort((a, b) => a.index - b.index);
  const { shard: _shard, ...header } = first.book;
  const merged: Gradebook = { ...header, rows };
  writeGradebook(out, merged);
  return merged;
}
