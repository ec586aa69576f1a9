import type { Lesson } from "../manifest/schema.ts";
import type { LessonReport, Problem, TaskReport, TestReport } from "../report/schema.ts";

/** Points are reported to two decimals. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/**
 * Input validation (a RangeError for bad arguments) is worth at most this share of a task's points;
 * the calculus earns the rest. Validation tests are the ones named "rejects …" ({@link isValidationTest}).
 */
export const VALIDATION_SHARE = 0.1;

/** How a hidden suite names a test of input validation: "rejects an empty x". */
export const VALIDATION_PREFIX = "rejects ";

/** Whether a test (its name, without the task) checks input validation. */
export function isValidationTest(name: string): boolean {
  return name.startsWith(VALIDATION_PREFIX);
}

/**
 * The weight of each test of a task, summing to 1: behaviour tests share equally, validation tests
 * share equally at most {@link VALIDATION_SHARE} (less when they are fewer than that share of the tests).
 * A task of validation tests only weighs them equally.
 */
export function testWeights(names: readonly string[]): number[] {
  const validation = names.filter(isValidationTest).length;
  const behaviour = names.length - validation;
  if (validation === 0 || behaviour === 0) return names.map(() => 1 / names.length);
  const validationShare = Math.min(VALIDATION_SHARE, validation / names.length);
  return names.map((name) =>
    isValidationTest(name) ? validationShare / validation : (1 - validationShare) / behaviour,
  );
}

/** A task earns its points times the weight of its tests that passed ({@link testWeights}). */
export function scoreTask(task: Lesson["tasks"][number], number: number, tests: TestReport[]): TaskReport {
  const passed = tests.filter((t) => t.status === "passed").length;
  const total = tests.length;
  const weights = testWeights(tests.map((t) => t.name));
  const earned = tests.reduce((sum, t, i) => sum + (t.status === "passed" ? (weights[i] as number) : 0), 0);
  const status: TaskReport["status"] =
    total > 0 && passed === total
      ? "complete"
      : tests.some((t) => t.status === "blocked")
        ? "blocked"
        : passed > 0
          ? "partial"
          : total > 0 && tests.every((t) => t.status === "todo")
            ? "not-started"
            : "failing";
  return {
    id: task.id,
    number,
    title: task.title,
    functions: task.functions,
    points: total === 0 ? 0 : roundPoints(passed === total ? task.points : task.points * earned),
    maxPoints: task.points,
    status,
    passed,
    total,
    tests,
  };
}

/** The lesson's status from its tasks and the problems of its runs. */
export function lessonStatus(
  tasks: readonly TaskReport[],
  problems: readonly Problem[],
): LessonReport["status"] {
  if (problems.some((p) => p.kind === "missing-file")) return "missing";
  if (tasks.every((t) => t.status === "complete")) return "complete";
  if (tasks.every((t) => t.status === "blocked")) return "blocked";
  if (problems.some((p) => p.kind === "timeout")) return "timed-out";
  if (problems.some((p) => p.kind === "out-of-memory" || p.kind === "crash")) return "crashed";
  if (tasks.every((t) => t.status === "not-started")) return "not-started";
  return tasks.some((t) => t.points > 0) ? "partial" : "failing";
}

/** A failure message without its `Why:` diagnosis (and the lines that continue it). */
function withoutWhy(message: string): string {
  const lines = message.split("\n");
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    if (line.startsWith("Why:")) dropping = true;
    else if (/^[A-Z][a-z]+:\s/.test(line)) dropping = false;
    if (!dropping) kept.push(line);
  }
  return kept.join("\n");
}

/** Task statuses whose failures may come from an earlier task. */
const BLAMABLE = new Set<TaskReport["status"]>(["failing", "partial"]);

/**
 * Blames the cause: a task that fails while a task it builds on (the manifest's `buildsOn`) is not
 * complete says so first, and drops its own diagnosis, which would explain a symptom ("the update
 * climbs the loss") of a bug that lives in the earlier function.
 */
export function blameCauses(lesson: Lesson, tasks: readonly TaskReport[]): TaskReport[] {
  return tasks.map((report) => {
    const spec = lesson.tasks.find((t) => t.id === report.id);
    if (!BLAMABLE.has(report.status) || !spec?.buildsOn) return report;
    // The earliest unfinished task it builds on is the one to fix first. (A blocked task has a
    // problem of the whole lesson, shown once above, not a cause of its own.)
    const t = tasks
      .filter((other) => spec.buildsOn?.includes(other.id))
      .sort((a, b) => a.number - b.number)
      .find((other) => other.status !== "complete" && other.status !== "blocked");
    if (t === undefined) return report;
    const names = t.functions.map((f) => `\`${f}\``).join(", ");
    const cause =
      t.status === "not-started"
        ? `${names} (task ${t.number}) is not written yet, and this task builds on it: do task ${t.number} first`
        : `${names} fails its own checks; fix task ${t.number} first: this task builds on it, so these failures may come from there`;
    const tests = report.tests.map((t) =>
      t.status === "passed" || t.message === undefined
        ? t
        : { ...t, message: `First:    ${cause.replace(/\n/g, "\n          ")}\n${withoutWhy(t.message)}` },
    );
    return { ...report, cause, tests };
  });
}
