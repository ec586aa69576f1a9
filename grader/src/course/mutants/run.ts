/**
 * `pnpm course mutants [lesson…]`: mutation testing of the hidden suites. For each lesson, Stryker
 * mutates the reference solution and runs the lesson's hidden suite against every mutant through the
 * grading path (the `@lesson/<id>` proxies and the sandboxed child; see vitest.config.ts). A mutant the
 * suite does not kill is a wrong solution that would earn full marks: a gap in the suite.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { MutantResult } from "@stryker-mutator/api/core";
import { loadExpectedTests } from "../../grade/expected-tests.ts";
import type { Course, Lesson } from "../../manifest/schema.ts";
import { lessonFile, REPO_ROOT } from "../paths.ts";
import { type Equivalent, findEquivalent, loadEquivalents } from "./equivalents.ts";
import { type MutantKey, repoPath, snippet, sourceBetween } from "./identify.ts";
import { MUTANTS_ENV, type MutantRunSettings, strykerOptions } from "./options.ts";

/** Where `pnpm course mutants` writes by default (gitignored). */
export const MUTANTS_OUT_DIR = path.join(REPO_ROOT, "grader", "mutants", "out");

/** Stryker's timeout beyond the sandbox's own per-task limit (see `MutantsOptions.timeoutMS`). */
export const STRYKER_TIMEOUT_SLACK_MS = 5000;

/** How a mutant ended, in the grader's terms. */
export type Outcome = "killed" | "timeout" | "not-loaded" | "survived" | "equivalent" | "error" | "ignored";

export interface MutantRecord extends MutantKey {
  outcome: Outcome;
  /** Stryker's status (Killed, Survived, Timeout, RuntimeError, …). */
  status: string;
  /** The first failing test, or Stryker's reason. */
  detail?: string;
  /** For an equivalent mutant: the reason the list gives. */
  reason?: string;
}

export interface LessonMutants {
  lesson: string;
  file: string;
  /** Mutants that count: all except listed equivalents, ignored ones and Stryker errors. */
  total: number;
  /** Killed by a failing check, a time-out or a crash (as grading would score them). */
  killed: number;
  survived: number;
  equivalent: number;
  /** Mutants Stryker could not run (errors): neither killed nor survived. */
  errors: number;
  /** killed / total, in percent (100 when there is nothing to count). */
  score: number;
  seconds: number;
  mutants: MutantRecord[];
  /** A run that could not happen (say, the dry run failed): the message. */
  failure?: string;
}

export interface MutantsReport {
  generatedAt: string;
  seed: number;
  concurrency: number;
  seconds: number;
  lessons: LessonMutants[];
}

export interface MutantsOptions {
  seed: number;
  concurrency: number;
  outDir: string;
  /**
   * Stryker's allowance on top of 1.5 × a clean run. Default: the lesson's time limit + 5 s, so that a
   * mutant that loops is stopped by the sandbox (as in grading: the task's checks fail), and Stryker's
   * own timeout is only a backstop that a busy machine does not reach.
   */
  timeoutMS?: number;
  timeoutFactor: number;
  progress: boolean;
  /** Stryker's log level (warn by default). */
  logLevel?: string;
  /** Called after each lesson (to print as the run goes). */
  onLesson?: (result: LessonMutants) => void;
}

/**
 * Sorts one Stryker result. Time-outs and crashes count as killed, as grading scores them (a learner
 * whose code loops loses the task). A "survivor" that ran fewer tests than the suite has did not load
 * or stopped the run: grading fails the tests that never ran, so it is killed too.
 */
export function classify(
  result: Pick<MutantResult, "status" | "testsCompleted" | "statusReason" | "killedBy">,
  expectedTests: number,
  equivalent: Equivalent | undefined,
): { outcome: Outcome; detail?: string } {
  const reason = result.statusReason ? firstLine(result.statusReason) : undefined;
  switch (result.status) {
    case "Killed":
      return { outcome: "killed", ...(reason ? { detail: reason } : {}) };
    case "Timeout":
      return { outcome: "timeout", ...(reason ? { detail: reason } : {}) };
    case "Survived":
    case "NoCoverage": {
      const ran = result.testsCompleted;
      if (ran !== undefined && expectedTests > 0 && ran < expectedTests)
        return { outcome: "not-loaded", detail: `only ${ran} of ${expectedTests} tests ran` };
      if (equivalent) return { outcome: "equivalent" };
      return { outcome: "survived" };
    }
    case "Ignored":
      return { outcome: "ignored", ...(reason ? { detail: reason } : {}) };
    default:
      return { outcome: "error", detail: `${result.status}${reason ? `: ${reason}` : ""}` };
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 300);
}

/** The records and counts of one lesson's results (`runMutationTest`'s, or its JSON report's mutants). */
export function summarise(
  lesson: Lesson,
  results: readonly MutantResult[],
  source: string,
  equivalents: readonly Equivalent[],
  expectedTests: number,
  seconds: number,
): LessonMutants {
  const file = repoPath(lessonFile(lesson.id, "solutions"));
  const lines = source.split("\n");
  const mutants = results
    .map((r): MutantRecord => {
      // Stryker's results (like its JSON report) count lines and columns from 1.
      const { start, end } = r.location;
      const key: MutantKey = {
        file,
        line: start.line,
        column: start.column,
        mutator: r.mutatorName,
        original: snippet(
          sourceBetween(
            lines,
            { line: start.line - 1, column: start.column - 1 },
            { line: end.line - 1, column: end.column - 1 },
          ),
        ),
        replacement: snippet(r.replacement ?? ""),
      };
      const equivalent = findEquivalent(
        equivalents.filter((e) => e.lesson === lesson.id),
        key,
      );
      const { outcome, detail } = classify(r, expectedTests, equivalent);
      return {
        ...key,
        outcome,
        status: r.status,
        ...(detail ? { detail } : {}),
        ...(outcome === "equivalent" && equivalent ? { reason: equivalent.reason } : {}),
      };
    })
    .sort((a, b) => a.line - b.line || a.mutator.localeCompare(b.mutator));
  const count = (...outcomes: Outcome[]) => mutants.filter((m) => outcomes.includes(m.outcome)).length;
  const killed = count("killed", "timeout", "not-loaded");
  const survived = count("survived");
  const total = killed + survived;
  return {
    lesson: lesson.id,
    file,
    total,
    killed,
    survived,
    equivalent: count("equivalent"),
    errors: count("error"),
    score: total === 0 ? 100 : Math.round((killed / total) * 1000) / 10,
    seconds: Math.round(seconds * 10) / 10,
    mutants,
  };
}

/** How many tests the clean run (Stryker's dry run) ran, from Stryker's JSON report. */
export function cleanRunTests(reportFile: string): number | undefined {
  try {
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
      testFiles?: Record<string, { tests?: unknown[] }>;
    };
    if (!report.testFiles) return undefined;
    return Object.values(report.testFiles).reduce((n, f) => n + (f.tests?.length ?? 0), 0) || undefined;
  } catch {
    return undefined;
  }
}

/** Runs Stryker for one lesson, in this process (Stryker starts its own test-runner processes). */
async function runLesson(
  course: Course,
  lesson: Lesson,
  options: MutantsOptions,
  runDir: string,
  equivalents: readonly Equivalent[],
  expectedTests: number,
): Promise<LessonMutants> {
  const started = performance.now();
  const reportDir = path.join(options.outDir, lesson.id);
  mkdirSync(reportDir, { recursive: true });
  const source = readFileSync(lessonFile(lesson.id, "solutions"), "utf8");
  process.env[MUTANTS_ENV.lesson] = lesson.id;
  process.env[MUTANTS_ENV.runDir] = path.join(runDir, "sandboxes");
  process.env[MUTANTS_ENV.seed] = String(options.seed);
  try {
    const { Stryker } = await import("@stryker-mutator/core");
    const stryker = new Stryker(
      strykerOptions({
        lessonId: lesson.id,
        tempDir: path.join(runDir, "stryker"),
        reportDir,
        concurrency: options.concurrency,
        timeoutMS:
          options.timeoutMS ??
          (lesson.timeLimitSeconds ?? course.defaults.timeLimitSeconds) * 1000 + STRYKER_TIMEOUT_SLACK_MS,
        timeoutFactor: options.timeoutFactor,
        progress: options.progress,
        ...(options.logLevel
          ? { logLevel: options.logLevel as NonNullable<MutantRunSettings["logLevel"]> }
          : {}),
      }),
    );
    const results = await stryker.runMutationTest();
    return summarise(
      lesson,
      results,
      source,
      equivalents,
      cleanRunTests(path.join(reportDir, "mutation.json")) ?? expectedTests,
      (performance.now() - started) / 1000,
    );
  } catch (error) {
    return {
      lesson: lesson.id,
      file: repoPath(lessonFile(lesson.id, "solutions")),
      total: 0,
      killed: 0,
      survived: 0,
      equivalent: 0,
      errors: 0,
      score: 0,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      mutants: [],
      failure: error instanceof Error ? error.message : String(error),
    };
  } finally {
    delete process.env[MUTANTS_ENV.lesson];
  }
}

/** Mutation-tests each lesson in turn (one Stryker run each) and writes `report.json` to `outDir`. */
export async function runMutants(
  course: Course,
  lessons: readonly Lesson[],
  options: MutantsOptions,
): Promise<MutantsReport> {
  const started = performance.now();
  const equivalents = loadEquivalents();
  const expected = loadExpectedTests();
  const runDir = mkdtempSync(path.join(os.tmpdir(), "calcml-mutants-"));
  // In strict mode the sandboxed child runs as `nobody`: it must pass through (not list) this folder to
  // read its bundle in `sandboxes/` (the permission model limits it to its own files there).
  chmodSync(runDir, 0o711);
  mkdirSync(path.join(runDir, "sandboxes"), { mode: 0o755 });
  chmodSync(path.join(runDir, "sandboxes"), 0o755);
  const results: LessonMutants[] = [];
  // Ctrl-C: the terminal stops Stryker's processes (same process group); the temp folder goes too.
  const interrupted = () => {
    rmSync(runDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  try {
    for (const lesson of lessons) {
      const result = await runLesson(
        course,
        lesson,
        options,
        runDir,
        equivalents,
        expected[lesson.id]?.length ?? 0,
      );
      results.push(result);
      writeReport();
      options.onLesson?.(result);
    }
  } finally {
    process.off("SIGINT", interrupted);
    // CALCML_MUTANTS_KEEP=1 keeps Stryker's sandbox and the bundles, to debug a run that failed.
    if (!process.env.CALCML_MUTANTS_KEEP) rmSync(runDir, { recursive: true, force: true });
    else console.log(`kept ${runDir}`);
  }
  return writeReport();

  /** report.json so far: written after every lesson, so an interrupted run keeps what it found. */
  function writeReport(): MutantsReport {
    const report: MutantsReport = {
      generatedAt: new Date().toISOString(),
      seed: options.seed,
      concurrency: options.concurrency,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      lessons: results,
    };
    mkdirSync(options.outDir, { recursive: true });
    writeFileSync(path.join(options.outDir, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
    return report;
  }
}
