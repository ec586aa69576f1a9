import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync, lstatSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import { type RunnableSuite, runnableSuite } from "../course/suite-bundle.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import type { LessonReport, Problem, TestReport } from "../report/schema.ts";
import { type RawTest, type SuiteRun, testId } from "../runner/raw-result.ts";
import { endSuitesProcess, runSuites, type SuiteRequest, startSuitesProcess } from "../runner/run-suites.ts";
import { detectIsolation, type Isolation } from "../sandbox/level.ts";
import { createRunFolder, prepareLesson } from "../sandbox/prepare.ts";
import { diagnoseRun, faultKindOf, PROBLEM_MESSAGES } from "./diagnose.ts";
import { blameCauses, lessonStatus, roundPoints, scoreTask } from "./score.ts";
import { type ImportViolation, importViolations, missingExports } from "./static-checks.ts";

const TODO_ERROR = /^TODO\b/;
/** Console lines kept per test in the report. */
const CONSOLE_LINES = 20;
/** Folders a course-owned file (a fixture) may import from; a learner file gets none. */
const TRUSTED_DIRS = ["solutions", "grader/test", "exercises"].map((d) => path.join(REPO_ROOT, d));

export const TEST_MESSAGES = {
  notRun: "this test did not run (the run ended before it, or your file did not load)",
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
  /**
   * What the request's sandbox files and results are keyed by in its run (default: the lesson's id).
   * The requests of one run need different keys; keys other than the lesson id let one run grade a
   * lesson for several students (`s3/04-gradient-descent`). Letters, digits, `.`, `_` and `-`, in
   * parts joined by `/`, none starting with a dot.
   */
  key?: string;
}

/** The key a request goes by in its run. */
export function requestKey(request: LessonRequest): string {
  return request.key ?? request.lesson.id;
}

const KEY_FORM = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Throws (a bug of the caller's, never a learner's) when the requests' keys clash or are not folder names. */
function checkKeys(requests: readonly LessonRequest[]): void {
  const seen = new Set<string>();
  for (const request of requests) {
    const key = requestKey(request);
    if (!KEY_FORM.test(key)) throw new Error(`grader: "${key}" is not a request key (see LessonRequest.key)`);
    if (seen.has(key)) throw new Error(`grader: two requests of one run have the key "${key}"`);
    seen.add(key);
  }
}

/** What the static checks and the bundler found before anything ran. */
export interface Plan {
  request: LessonRequest;
  problems: Problem[];
  violations: ImportViolation[];
  suite?: SuiteRequest;
}

function checkLearnerFile(file: string): Problem | undefined {
  const shown = path.relative(REPO_ROOT, file);
  if (!existsSync(file)) return { kind: "missing-file", message: PROBLEM_MESSAGES.missingFile(shown) };
  const stat = lstatSync(file);
  if (stat.isSymbolicLink() || !stat.isFile())
    return { kind: "load-error", message: PROBLEM_MESSAGES.notRegular(shown, stat.isSymbolicLink()) };
  // The lesson's folder is what the file may import from: a folder that is a link (to solutions/, say)
  // would make another folder's files the learner's own.
  if (lstatSync(path.dirname(file)).isSymbolicLink())
    return { kind: "load-error", message: PROBLEM_MESSAGES.linkedFolder(path.dirname(shown)) };
  return undefined;
}

/** Static checks, then the bundle the sandbox will load. Never throws for anything in the learner file. */
async function plan(
  request: LessonRequest,
  folder: { dir: string; remove(): void },
  isolation: Isolation,
): Promise<Plan> {
  const { lesson, sourceFile, course } = request;
  const refused = checkLearnerFile(sourceFile);
  if (refused) return { request, problems: [refused], violations: [] };
  const problems: Problem[] = [];
  const seconds = lesson.timeLimitSeconds ?? course.defaults.timeLimitSeconds;
  const prepared = await prepareLesson({
    folder,
    key: requestKey(request),
    lesson,
    sourceFile,
    isolation,
    timeLimitMs: seconds * 1000,
    memoryLimitMb: course.defaults.memoryLimitMb,
    ...(request.allowTrustedImports ? { trustedDirs: TRUSTED_DIRS } : {}),
  });
  if (prepared.syntax) {
    const { message, where, line } = prepared.syntax;
    problems.push({ kind: "load-error", message: PROBLEM_MESSAGES.syntaxError(message, where, line) });
    return { request, problems, violations: [] };
  }
  const violations = importViolations(prepared.violations, lesson);
  problems.push(...violations.map((v) => ({ kind: "forbidden-import" as const, message: v.message })));
  if (prepared.exports)
    problems.push(
      ...missingExports(prepared.exports, sourceFile, lesson).map((message) => ({
        kind: "missing-export" as const,
        message,
      })),
    );
  const blocked = lesson.tasks.filter((t) =>
    violations.some((v) => v.tasks === "all" || v.tasks.includes(t.id)),
  );
  if (!prepared.config || blocked.length === lesson.tasks.length) return { request, problems, violations };
  const graded = lesson.tasks.flatMap((t) => t.functions);
  return {
    request,
    problems,
    violations,
    suite: {
      lessonId: lesson.id,
      key: requestKey(request),
      suiteFile: "",
      sandbox: prepared.config,
      exports: [...new Set([...(prepared.exports ?? []), ...graded])],
      taskCount: lesson.tasks.length,
    },
  };
}

function testStatus(
  raw: RawTest | undefined,
  problems: readonly Problem[],
  taskId: string,
  blocked: ImportViolation[],
): Omit<TestReport, "id" | "name" | "durationMs"> {
  const block = blocked.find((v) => v.tasks === "all" || v.tasks.includes(taskId));
  if (block) return { status: "blocked", message: block.message };
  if (!raw || raw.state === "pending") {
    const runProblem = problems.find((p) => p.kind !== "no-tests" && p.kind !== "missing-export");
    return {
      status: runProblem?.kind === "timeout" ? "timeout" : "missing",
      message: runProblem?.message ?? TEST_MESSAGES.notRun,
    };
  }
  if (raw.state === "passed") return { status: "passed" };
  if (raw.state === "skipped") return { status: "skipped", message: TEST_MESSAGES.skipped };
  if (raw.state !== "failed") return { status: "failed", message: TEST_MESSAGES.unexpected(raw.state) };
  const error = raw.errors[0];
  const message = error?.message ?? "failed without a message";
  const fault = faultKindOf(error);
  if (fault === "timeout") return { status: "timeout", message };
  if (fault) return { status: "crashed", message };
  return TODO_ERROR.test(message) ? { status: "todo", message } : { status: "failed", message };
}

function score(plan: Plan, run: SuiteRun | undefined, started: number): LessonReport {
  const { lesson, sourceFile, expectedTests } = plan.request;
  const problems = [...plan.problems];
  if (run) problems.push(...diagnoseRun(run, sourceFile));
  const reported = new Map((run?.tests ?? []).map((t) => [testId(t.path), t]));
  const logs = run?.logs ?? [];
  const expected = expectedTests ?? [...reported.keys()];
  const scored = lesson.tasks.map((task, index) => {
    const ids = expected.filter((id) => id.startsWith(`${task.id} > `));
    const tests = ids.map((id): TestReport => {
      const raw = reported.get(id);
      const status = testStatus(raw, problems, task.id, plan.violations);
      // vitest hands over a test's console output in blocks of several lines.
      const consoleLines = raw
        ? logs.filter((l) => l.taskId === raw.id).flatMap((l) => l.content.trimEnd().split("\n"))
        : [];
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
  const tasks = blameCauses(lesson, scored);
  const points = roundPoints(tasks.reduce((sum, t) => sum + t.points, 0));
  return {
    id: lesson.id,
    title: lesson.title,
    source: path.relative(REPO_ROOT, sourceFile),
    status: lessonStatus(tasks, problems),
    points,
    maxPoints: lesson.tasks.reduce((sum, t) => sum + t.points, 0),
    durationMs: Math.round(performance.now() - started),
    problems: dedupe(problems),
    tasks,
  };
}

/**
 * Grades several lessons: static checks and a sandbox bundle for each, one run of their hidden suites
 * (learner code only in the sandboxes), then scoring. Never throws for anything a learner file does.
 * Each request must have a different key (by default its lesson's id: each a different lesson). Called
 * inside `LessonBatch.run`, the run is shared with the batch's other calls (see LessonBatch).
 */
export async function gradeLessons(
  requests: readonly LessonRequest[],
  isolation: Isolation = detectIsolation(),
): Promise<LessonReport[]> {
  const started = performance.now();
  const joined = participation.getStore();
  const { plans, runs } = joined
    ? await joined.batch.submit(joined.participant, requests, isolation)
    : await runLessons(requests, isolation);
  return plans.map((p, i) => score(p, runs[i], started));
}

/** Per request, its plan and its run (undefined when nothing could run: a missing file, every task blocked). */
export interface LessonRuns {
  plans: Plan[];
  runs: (SuiteRun | undefined)[];
}

/**
 * Runs the hidden suites of several lessons (each request with a different key) and returns, per
 * request, its plan and its run. `workers`: suites run at once (default: one per core).
 */
export async function runLessons(
  requests: readonly LessonRequest[],
  isolation: Isolation = detectIsolation(),
  options: { workers?: number } = {},
): Promise<LessonRuns> {
  checkKeys(requests);
  const folder = createRunFolder();
  // One runnable suite per lesson, however many requests grade it.
  const suites = new Map<string, RunnableSuite>();
  for (const r of requests) if (!suites.has(r.lesson.id)) suites.set(r.lesson.id, runnableSuite(r.lesson.id));
  // vitest loads in its process while the learner files are bundled here.
  const early = startSuitesProcess();
  try {
    const plans = await Promise.all(requests.map((r) => plan(r, folder, isolation)));
    const runnable = plans.flatMap((p) =>
      p.suite ? [{ ...p.suite, suiteFile: suites.get(p.request.lesson.id)!.file }] : [],
    );
    const results = await runSuites(runnable, requests[0]?.seed ?? 0, options.workers, early);
    const runOf = new Map(runnable.map((s, i) => [s.key ?? s.lessonId, results[i]]));
    return { plans, runs: plans.map((p) => runOf.get(requestKey(p.request))) };
  } catch (error) {
    endSuitesProcess(early);
    throw error;
  } finally {
    for (const suite of suites.values()) suite.release();
    folder.remove();
  }
}

interface Submission {
  participant: number;
  requests: readonly LessonRequest[];
  isolation: Isolation;
  resolve(runs: LessonRuns): void;
  reject(error: unknown): void;
}

const participation = new AsyncLocalStorage<{ batch: LessonBatch; participant: number }>();

/**
 * Several gradings sharing one run of the hidden suites (the gradebook grades a few students this way:
 * one vitest process, not one each). `batch.run(work)` runs `work`, e.g. one student's whole grade
 * (collect, stage, `gradeCourse`, reports). A `gradeLessons` call made inside it waits until every other
 * `work` of the batch has made its call or has finished; then all those calls' lessons run in one
 * `runLessons`, each request under a key of its own (`s<n>/<its key>`), and each call gets back exactly
 * its own plans and runs, and scores them as it would alone. Each lesson still runs on fresh modules
 * against its own sandbox (see runner/fresh-modules.ts), with its own deadlines (a looping file costs
 * its own task), and the run's
 * backstop is the sum of every request's learner time. Should the run itself fail (the suites' process
 * crashed, or the grader threw), each call is run again on its own, so that whatever caused it costs
 * only the one it belongs to; so is each call whose lessons did not all run to their end (a worker that
 * died takes the files queued on it along).
 */
export class LessonBatch {
  private active = 0;
  private participants = 0;
  private submissions = 0;
  private waiting: Submission[] = [];
  private checking = false;
  /**
   * The runs of the hidden suites this batch made whose results it gave out: shared by several calls,
   * or a call's own (a group of one, or a call run again after its shared run failed).
   */
  readonly runCounts = { shared: 0, own: 0 };

  /** `workers`: suites run at once in the shared run (default: one per core). */
  constructor(private readonly options: { workers?: number } = {}) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    this.active += 1;
    const participant = this.participants++;
    let done: Promise<T>;
    try {
      done = participation.run({ batch: this, participant }, work);
    } catch (error) {
      done = Promise.reject(error);
    }
    return done.finally(() => {
      this.active -= 1;
      this.flushIfReady();
    });
  }

  /** Called by gradeLessons inside `run`. */
  submit(participant: number, requests: readonly LessonRequest[], isolation: Isolation): Promise<LessonRuns> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ participant, requests, isolation, resolve, reject });
      this.flushIfReady();
    });
  }

  /**
   * Checks, once the current turn of the event loop is over, whether every running `work` is waiting:
   * `work`s started in one turn (a `map` over students) have all joined by then, even one that reaches
   * gradeLessons without awaiting anything.
   */
  private flushIfReady(): void {
    if (this.checking) return;
    this.checking = true;
    setImmediate(() => {
      this.checking = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.waiting.length === 0) return;
    if (new Set(this.waiting.map((w) => w.participant)).size < this.active) return;
    // In the order the calls joined the batch (a roster's order), whichever was ready first.
    const round = this.waiting.sort((a, b) => a.participant - b.participant);
    this.waiting = [];
    // Calls with another seed or sandbox level cannot share a run.
    const groups = new Map<string, Submission[]>();
    for (const s of round) {
      const key = JSON.stringify([s.requests[0]?.seed ?? 0, s.isolation]);
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const group of groups.values()) void this.runTogether(group);
  }

  private async runTogether(group: readonly Submission[]): Promise<void> {
    if (group.length === 1) return this.runAlone(group[0]!);
    const keyed = group.flatMap((s) => {
      const prefix = `s${this.submissions++}`;
      return s.requests.map((r) => ({ ...r, key: `${prefix}/${requestKey(r)}` }));
    });
    let shared: LessonRuns;
    try {
      shared = await runLessons(keyed, group[0]!.isolation, this.options);
    } catch {
      for (const s of group) await this.runAlone(s);
      return;
    }
    // A call any of whose lessons did not run to its end (the suites' process, or the worker that ran
    // the lesson, died) is run again on its own; the others keep what the shared run gave them.
    const again: Submission[] = [];
    let offset = 0;
    for (const s of group) {
      const n = s.requests.length;
      const runs = shared.runs.slice(offset, offset + n);
      const plans = shared.plans.slice(offset, offset + n).map((p, i) => ({ ...p, request: s.requests[i]! }));
      offset += n;
      if (runs.some((r) => r !== undefined && r.outcome !== "completed")) again.push(s);
      else s.resolve({ plans, runs });
    }
    if (again.length < group.length) this.runCounts.shared += 1;
    for (const s of again) await this.runAlone(s);
  }

  private async runAlone(submission: Submission): Promise<void> {
    this.runCounts.own += 1;
    try {
      submission.resolve(await runLessons(submission.requests, submission.isolation, this.options));
    } catch (error) {
      submission.reject(error);
    }
  }
}

/** Grades one lesson (see gradeLessons). */
export async function gradeLesson(request: LessonRequest, isolation?: Isolation): Promise<LessonReport> {
  const [report] = await gradeLessons([request], isolation);
  return report!;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
}
