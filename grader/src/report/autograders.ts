import { sanitizeReport } from "./sanitize.ts";
import type { GradeReport } from "./schema.ts";

/** Gradescope's results.json: one test per task, scored like the terminal view. */
export function renderGradescope(report: GradeReport): string {
  report = sanitizeReport(report);
  const tests = report.lessons.flatMap((lesson) =>
    lesson.tasks.map((task) => ({
      name: `${lesson.id} · ${task.number}. ${task.title}`,
      score: task.points,
      max_score: task.maxPoints,
      status: task.status === "complete" ? "passed" : "failed",
      output: task.tests
        .filter((t) => t.status !== "passed")
        .map((t) => `${t.name}\n${t.message ?? t.status}`)
        .join("\n\n"),
    })),
  );
  const output = report.lessons.flatMap((l) => l.problems.map((p) => `${l.id}: ${p.message}`)).join("\n");
  return `${JSON.stringify({ score: report.points, output, tests }, null, 2)}\n`;
}

/** Exercism's test-runner results (version 3): one entry per hidden test, with its task id. */
export function renderExercism(report: GradeReport): string {
  report = sanitizeReport(report);
  const tests = report.lessons.flatMap((lesson) =>
    lesson.tasks.flatMap((task) =>
      task.tests.map((test) => ({
        name: `${lesson.id} > ${test.id}`,
        status: test.status === "passed" ? "pass" : "fail",
        ...(test.message ? { message: test.message } : {}),
        task_id: task.number,
      })),
    ),
  );
  const crashed = report.error !== undefined;
  const status = crashed ? "error" : tests.every((t) => t.status === "pass") ? "pass" : "fail";
  return `${JSON.stringify({ version: 3, status, ...(crashed ? { message: report.error } : {}), tests }, null, 2)}\n`;
}
