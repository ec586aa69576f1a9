import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import { runnableSuite } from "../course/suite-bundle.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import type { LessonReport, Problem, TestReport } from "../report/schema.ts";
import { type RawTest, type SuiteRun, testId } from "../runner/raw-result.ts";
import { runSuite } from "../runner/run-suite.ts";
import { diagnoseRun, PROBLEM_MESSAGES } from "./diagnose.ts";
import { lessonStatus, roundPoints, scoreTask } from "./score.ts";
import { checkExports, checkImports, type ImportViolation } from "./static-checks.ts";

/** How many times a lesson is re-run after a kill, each time without the task that was running. */
const MAX_RERUNS = 2;
const TODO_ERROR = /^TODO\b/;
/** Console lines kept per test in the report. */
const CONSOLE_LINES = 20;

export const TEST_MESSAGES = {
  notRun: "this test did not run (the run ended before it, or your file did not load)",
  rerun: (problem: string) =>
    `${problem} The other checks of that task were not run and count as failed; the other tasks were graded in a second run.`,
  skipped: "this test was skipped; a skipped test never counts as passed",
  unexpected: (state: string) => `vitest reported the state "${state}" for this test; it counts as failed`,
} as const;

export interface LessonRequest {
  course: Course;
  lesson: Lesson;
  /** The learner file to grade. */
  sourceFile: string;
  expectedTests: readonly string[] | undefined;
  seed: number;
  /** Fixtures and the self-check may import from solutions/; learner files may not. */
  allowTrustedImports?: boolean;
}

interface Attempt {
  run: SuiteRun;
  /** Task id → the problem that got it skipped in later attempts. */
  culprits: Map<string, Problem>;
  problems: Problem[];
}

async function runWithReruns(request: LessonRequest, blockedTasks: readonly string[]): Promise<Attempt> {
  const suite = runnableSuite(request.lesson.id);
  try {
    return await runAttempts(request, blockedTasks, suite.file);
  } finally {
    suite.release();
  }
}

async function runAttempts(
  request: LessonRequest,
  blockedTasks: readonly string[],
  suite: string,
): Promise<Attempt> {
  const { course, lesson } = request;
  const seconds = lesson.timeLimitSeconds ?? course.defaults.timeLimitSeconds;
  const limits = { seconds, memoryMb: course.defaults.memoryLimitMb };
  const culprits = new Map<string, Problem>();
  const problems: Problem[] = [];
  const run = (skip: string[]) =>
    runSuite({
      lessonId: lesson.id,
      suiteFile: suite,
      sourceFile: request.sourceFile,
      seed: request.seed,
      timeLimitMs: seconds * 1000,
      memoryLimitMb: limits.memoryMb,
      skipTasks: [...blockedTasks, ...skip],
    });
  let current = await run([]);
  for (let attempt = 0; ; attempt++) {
    const found = diagnoseRun(current, lesson, request.sourceFile, limits);
    const interrupted = found.some(
      (p) => p.kind === "timeout" || p.kind === "crash" || p.kind === "out-of-memory",
    );
    const culprit = current.runningTest?.[0];
    if (!interrupted || attempt >= MAX_RERUNS || culprit === undefined || culprits.has(culprit)) {
      problems.push(...found);
      return { run: current, culprits, problems };
    }
    const [first, ...rest] = found;
    const stopped = { ...first!, message: TEST_MESSAGES.rerun(first!.message) };
    problems.push(stopped, ...rest);
    culprits.set(culprit, stopped);
    current = await run([...culprits.keys()]);
  }
}

/** What went wrong around the tests: the tasks stopped by a kill, and the problems of the runs. */
interface RunContext {
  culprits: ReadonlyMap<string, Problem>;
  problems: readonly Problem[];
}

function testStatus(
  raw: RawTest | undefined,
  context: RunContext,
  taskId: string,
  blocked: ImportViolation[],
): Omit<TestReport, "id" | "name" | "durationMs"> {
  const block = blocked.find((v) => v.tasks === "all" || v.tasks.includes(taskId));
  if (block) return { status: "blocked", message: block.message };
  const culprit = context.culprits.get(taskId);
  if (culprit && raw?.state !== "passed") {
    return { status: culprit.kind === "timeout" ? "timeout" : "crashed", message: culprit.message };
  }
  if (!raw || raw.state === "pending") {
    const runProblem = context.problems.find((p) => p.kind !== "no-tests");
    return {
      status: runProblem?.kind === "timeout" ? "timeout" : "missing",
      message: runProblem?.message ?? TEST_MESSAGES.notRun,
    };
  }
  if (raw.state === "passed") return { status: "passed" };
  if (raw.state === "skipped") return { status: "skipped", message: TEST_MESSAGES.skipped };
  if (raw.state !== "failed") return { status: "failed", message: TEST_MESSAGES.unexpected(raw.state) };
  const message = raw.errors[0]?.message ?? "failed without a message";
  return TODO_ERROR.test(message) ? { status: "todo", message } : { status: "failed", message };
}

/** Grades one lesson: static checks, the hidden suite in its own process, then scoring. Never throws. */
export async function gradeLesson(request: LessonRequest): Promise<LessonReport> {
  const { lesson, sourceFile } = request;
  const started = performance.now();
  const source = path.relative(REPO_ROOT, sourceFile);
  const problems: Problem[] = [];
  let violations: ImportViolation[] = [];
  let attempt: Attempt | undefined;
  if (!existsSync(sourceFile)) {
    problems.push({ kind: "missing-file", message: PROBLEM_MESSAGES.missingFile(source) });
  } else {
    const options = request.allowTrustedImports ? { allowTrustedImports: true } : {};
    const text = readFileSync(sourceFile, "utf8");
    violations = checkImports(text, sourceFile, lesson, options);
    problems.push(...violations.map((v) => ({ kind: "forbidden-import" as const, message: v.message })));
    problems.push(
      ...checkExports(text, sourceFile, lesson).map((message) => ({
        kind: "missing-export" as const,
        message,
      })),
    );
    const blockedTasks = lesson.tasks.filter((t) =>
      violations.some((v) => v.tasks === "all" || v.tasks.includes(t.id)),
    );
    if (blockedTasks.length < lesson.tasks.length) {
      attempt = await runWithReruns(
        request,
        blockedTasks.map((t) => t.id),
      );
      problems.push(...attempt.problems);
    }
  }
  const reported = new Map((attempt?.run.tests ?? []).map((t) => [testId(t.path), t]));
  const logs = attempt?.run.logs ?? [];
  const expected = request.expectedTests ?? [...reported.keys()];
  // Without a run (a missing file, every task blocked), the static problems explain the missing tests.
  const context: RunContext = attempt ?? { culprits: new Map(), problems };
  const tasks = lesson.tasks.map((task, index) => {
    const ids = expected.filter((id) => id.startsWith(`${task.id} > `));
    const tests = ids.map((id): TestReport => {
      const raw = reported.get(id);
      const status = testStatus(raw, context, task.id, violations);
      const consoleLines = raw ? logs.filter((l) => l.taskId === raw.id).map((l) => l.content.trimEnd()) : [];
      return {
        id,
        name: id.slice(task.id.length + 3),
        ...status,
        durationMs: raw?.durationMs ?? 0,
        ...(consoleLines.length > 0 ? { console: consoleLines.slice(0, CONSOLE_LINES) } : {}),
      };
    });
    return scoreTask(task, index + 1, tests);
  });
  const points = roundPoints(tasks.reduce((sum, t) => sum + t.points, 0));
  return {
    id: lesson.id,
    title: lesson.title,
    source,
    status: lessonStatus(tasks, problems),
    points,
    maxPoints: lesson.tasks.reduce((sum, t) => sum + t.points, 0),
    durationMs: Math.round(performance.now() - started),
    problems: dedupe(problems),
    tasks,
  };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
}
