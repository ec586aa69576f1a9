import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { COMMENT_LIMIT, renderFeedback } from "../gradebook/feedback.ts";
import { GRADEBOOK_FILES, MAX_BATCH, mergeGradebooks, runGradebook } from "../gradebook/gradebook.ts";
import { loadCourse } from "../manifest/load.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import { GradeReportSchema } from "../report/schema.ts";
import { chooseIsolation, type SandboxRequest } from "../sandbox/level.ts";
import { CLI_MESSAGES } from "./messages.ts";
import { resolveLesson, UsageError } from "./resolve-lesson.ts";

export const GRADEBOOK_MESSAGES = {
  usage: `Usage:
  pnpm gradebook <roster.csv> --out <dir> [--deadline <ISO time>] [--shard i/n] [--jobs n] [--batch k]
                 [--lessons 00,04] [--seed n] [--sandbox strict|basic|auto] [--regrade]
  pnpm gradebook merge <dir…> --out <dir>
  pnpm gradebook feedback <report.json> [--out <file>] [--comment]

The roster has lines student,repo[,ref] (a header line student,repo,ref is optional); a repo is a git URL
or a path relative to the roster.`,
  needsOut: "pnpm gradebook needs --out <dir>: where gradebook.csv, reports/ and feedback/ go.",
  needsRoster: "pnpm gradebook needs a roster: pnpm gradebook roster.csv --out grades/",
  badDeadline: (given: string) =>
    `--deadline takes an ISO time with its time zone, e.g. 2030-05-01T23:59:00Z or 2030-05-01T23:59:00+02:00, not "${given}".`,
  badShard: (given: string) => `--shard takes i/n with 1 ≤ i ≤ n, e.g. --shard 2/4, not "${given}".`,
  badJobs: (given: string) =>
    `--jobs takes how many batches of students to grade at once (1 to 16), not "${given}".`,
  badBatch: (given: string) =>
    `--batch takes how many students one run of the hidden suites grades (1 to ${MAX_BATCH}), not "${given}".`,
  written: (out: string, rows: number) =>
    `Gradebook of ${rows} student(s) written to ${path.join(out, GRADEBOOK_FILES.csv)} (reports and feedback beside it).`,
  throughput: (graded: number, skipped: number, failed: number, seconds: number) =>
    `Graded ${graded} submission(s) in ${seconds.toFixed(1)} s (${graded > 0 ? ((60 * graded) / seconds).toFixed(1) : "0"} a minute); ${skipped} already graded, kept; ${failed} could not be graded (see their rows).`,
} as const;

function parseDeadline(raw: string | undefined): Date | undefined {
  if (raw === undefined) return undefined;
  const date = new Date(raw);
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(raw) || Number.isNaN(date.getTime()))
    throw new UsageError(GRADEBOOK_MESSAGES.badDeadline(raw));
  return date;
}

function parseShard(raw: string | undefined): { index: number; count: number } | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || index < 1 || count < 1 || index > count)
    throw new UsageError(GRADEBOOK_MESSAGES.badShard(raw));
  return { index, count };
}

/**
 * Batches graded at once (each one run of the hidden suites for `--batch` students): one per core, the
 * cores shared among them, so that one batch's fetching and bundling overlaps another's suites. Measured
 * on this 2-core machine with 12 students: two batches of 6, each running one suite at a time, 33 s;
 * one batch of 12 running two at a time, 33 s; three batches of 4, 35 s; two batches of 6 each running
 * two at a time, 36 s (the cores oversubscribed).
 */
export function defaultJobs(cores = os.availableParallelism()): number {
  return Math.max(1, cores);
}

function parseJobs(raw: string | undefined): number {
  if (raw === undefined) return defaultJobs();
  const jobs = Number(raw);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) throw new UsageError(GRADEBOOK_MESSAGES.badJobs(raw));
  return jobs;
}

function parseBatch(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const batch = Number(raw);
  if (!Number.isInteger(batch) || batch < 1 || batch > MAX_BATCH)
    throw new UsageError(GRADEBOOK_MESSAGES.badBatch(raw));
  return batch;
}

function parseLessons(course: Course, raw: string | undefined): Lesson[] {
  if (raw === undefined) return course.lessons;
  return [
    ...new Set(
      raw
        .split(",")
        .filter(Boolean)
        .map((given) => resolveLesson(course, given.trim())),
    ),
  ];
}

function parseSeed(raw: string | undefined, course: Course): number {
  if (raw === undefined) return course.defaults.seed;
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
    throw new UsageError(CLI_MESSAGES.badSeed(raw));
  return seed;
}

async function merge(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: "string" } },
  });
  if (!values.out) throw new UsageError(GRADEBOOK_MESSAGES.needsOut);
  if (positionals.length === 0) throw new UsageError(GRADEBOOK_MESSAGES.usage);
  try {
    const merged = mergeGradebooks(positionals, values.out);
    console.log(GRADEBOOK_MESSAGES.written(values.out, merged.rows.length));
    return 0;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A report as Markdown: a student's feedback page, or (--comment) a pull-request comment's body. */
function feedback(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      comment: { type: "boolean", default: false },
      student: { type: "string" },
    },
  });
  const [file] = positionals;
  if (!file) throw new UsageError(GRADEBOOK_MESSAGES.usage);
  const report = GradeReportSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const page = renderFeedback(report, {
    ...(values.student ? { student: values.student } : {}),
    ...(values.comment ? { maxLength: COMMENT_LIMIT } : {}),
  });
  if (values.out) writeFileSync(values.out, page);
  else process.stdout.write(page);
  return 0;
}

/** `pnpm gradebook <roster.csv> --out <dir> …`, `pnpm gradebook merge …`, `pnpm gradebook feedback …` */
export async function gradebookCommand(args: string[]): Promise<number> {
  if (args[0] === "merge") return merge(args.slice(1));
  if (args[0] === "feedback") return feedback(args.slice(1));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      deadline: { type: "string" },
      shard: { type: "string" },
      jobs: { type: "string" },
      batch: { type: "string" },
      lessons: { type: "string" },
      seed: { type: "string" },
      sandbox: { type: "string", default: "auto" },
      regrade: { type: "boolean", default: false },
    },
  });
  const [roster, ...extra] = positionals;
  if (!roster || extra.length > 0)
    throw new UsageError(`${GRADEBOOK_MESSAGES.needsRoster}\n\n${GRADEBOOK_MESSAGES.usage}`);
  if (!values.out) throw new UsageError(GRADEBOOK_MESSAGES.needsOut);
  const course = loadCourse();
  const sandbox = values.sandbox;
  if (sandbox !== "strict" && sandbox !== "basic" && sandbox !== "auto")
    throw new UsageError(CLI_MESSAGES.badSandbox(String(sandbox)));
  const isolation = chooseIsolation(sandbox as SandboxRequest);
  if (typeof isolation === "string") throw new UsageError(isolation);
  const deadline = parseDeadline(values.deadline);
  const shard = parseShard(values.shard);
  const batch = parseBatch(values.batch);
  const result = await runGradebook({
    course,
    lessons: parseLessons(course, values.lessons),
    roster: path.resolve(roster),
    out: path.resolve(values.out),
    seed: parseSeed(values.seed, course),
    jobs: parseJobs(values.jobs),
    isolation,
    regrade: values.regrade,
    ...(deadline ? { deadline } : {}),
    ...(shard ? { shard } : {}),
    ...(batch ? { batch } : {}),
    onProgress: (line) => console.error(line),
  });
  console.log(GRADEBOOK_MESSAGES.written(values.out, result.gradebook.rows.length));
  console.log(GRADEBOOK_MESSAGES.throughput(result.graded, result.skipped, result.failed, result.seconds));
  return 0;
}
