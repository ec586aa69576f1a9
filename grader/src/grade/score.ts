import type { Lesson } from "../manifest/schema.ts";
import type { LessonReport, Problem, TaskReport, TestReport } from "../report/schema.ts";

/** Points are reported to two decimals. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/** A task earns its points times the share of its tests that passed. */
export function scoreTask(task: Lesson["tasks"][number], number: number, tests: TestReport[]): TaskReport {
  const passed = tests.filter((t) => t.status === "passed").length;
  const total = tests.length;
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
    points: total === 0 ? 0 : roundPoints((task.points * passed) / total),
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
