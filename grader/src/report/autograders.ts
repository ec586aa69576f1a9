import { z } from "zod";
import { cleanText, sanitizeReport } from "./sanitize.ts";
import type { GradeReport, TestReport } from "./schema.ts";

/**
 * Gradescope's results.json (gradescope-autograders "Autograder Specifications", output format): the
 * fields this grader writes, checked as the spec describes them.
 */
export const GradescopeResultSchema = z.strictObject({
  score: z.number().nonnegative(),
  execution_time: z.number().int().nonnegative().describe("seconds"),
  output: z.string(),
  output_format: z.enum(["text", "html", "simple_format", "md", "ansi"]),
  visibility: z.enum(["hidden", "after_due_date", "after_published", "visible"]),
  stdout_visibility: z.enum(["hidden", "after_due_date", "after_published", "visible"]),
  tests: z.array(
    z.strictObject({
      name: z.string(),
      number: z.string(),
      score: z.number().nonnegative(),
      max_score: z.number().nonnegative(),
      status: z.enum(["passed", "failed"]),
      output: z.string(),
      tags: z.array(z.string()),
      visibility: z.enum(["hidden", "after_due_date", "after_published", "visible"]),
    }),
  ),
});
export type GradescopeResult = z.infer<typeof GradescopeResultSchema>;

/** Gradescope's results.json: one test per task, scored like the terminal view. */
export function renderGradescope(report: GradeReport): string {
  report = sanitizeReport(report);
  const tests = report.lessons.flatMap((lesson) =>
    lesson.tasks.map((task) => ({
      name: `${lesson.id} · ${task.number}. ${task.title}`,
      number: `${Number.parseInt(lesson.id, 10)}.${task.number}`,
      score: task.points,
      max_score: task.maxPoints,
      status: task.status === "complete" ? ("passed" as const) : ("failed" as const),
      output: task.tests
        .filter((t) => t.status !== "passed")
        .map((t) => `${t.name}\n${t.message ?? t.status}`)
        .join("\n\n"),
      tags: [lesson.id],
      visibility: "visible" as const,
    })),
  );
  const problems = report.lessons.flatMap((l) => l.problems.map((p) => `${l.id}: ${p.message}`));
  const result: GradescopeResult = {
    score: report.points,
    execution_time: Math.round(report.durationMs / 1000),
    output: [report.error ? `The grader could not grade: ${report.error}` : "", ...problems]
      .filter(Boolean)
      .join("\n"),
    output_format: "text",
    visibility: "visible",
    stdout_visibility: "hidden",
    tests,
  };
  return `${JSON.stringify(GradescopeResultSchema.parse(result), null, 2)}\n`;
}

/** Exercism's test-runner interface, version 3 (exercism/docs building/tooling/test-runners/interface.md). */
export const ExercismTestSchema = z
  .strictObject({
    name: z.string().min(1),
    test_code: z.string(),
    status: z.enum(["pass", "fail", "error"]),
    message: z.string().max(65_535).optional(),
    output: z
      .string()
      .max(500 + 80)
      .optional(),
    task_id: z.number().int().positive().optional(),
  })
  .refine(
    (t) => t.status === "pass" || t.message !== undefined,
    "a failing or erroring test needs a message",
  );

export const ExercismResultSchema = z
  .strictObject({
    version: z.literal(3),
    status: z.enum(["pass", "fail", "error"]),
    message: z.string().max(65_535).optional(),
    tests: z.array(ExercismTestSchema),
  })
  .refine((r) => r.status !== "error" || r.message !== undefined, "status error needs a top-level message")
  .refine((r) => new Set(r.tests.map((t) => t.name)).size === r.tests.length, "test names are unique")
  .refine(
    (r) => r.status !== "pass" || r.tests.every((t) => t.status === "pass"),
    "status pass means every test passed",
  );
export type ExercismResult = z.infer<typeof ExercismResultSchema>;

/** A test the grader could not run (its file missing or not loading, a refused import, skipped). */
function couldNotRun(test: TestReport): boolean {
  return test.status === "missing" || test.status === "blocked" || test.status === "skipped";
}

/** Exercism v3 `output`: the learner's console, at most 500 characters. */
function exercismOutput(lines: readonly string[] | undefined): string | undefined {
  if (!lines || lines.length === 0) return undefined;
  const text = lines.join("\n");
  return text.length > 500 ? `${text.slice(0, 500)}… (output cut at 500 characters)` : text;
}

/**
 * Exercism's test-runner results (version 3): one entry per hidden test. Task ids are numbered across
 * the whole report (lesson 00's tasks are 1 and 2, lesson 01's start at 3), so each names one task.
 * A test that could not run has status `error`; the report is `error` when no test ran at all.
 */
export function renderExercism(report: GradeReport): string {
  report = sanitizeReport(report);
  let taskId = 0;
  const tests = report.lessons.flatMap((lesson) =>
    lesson.tasks.flatMap((task) => {
      taskId += 1;
      return task.tests.map((test) => {
        const status = test.status === "passed" ? "pass" : couldNotRun(test) ? "error" : "fail";
        const output = exercismOutput(test.console);
        return {
          name: `${lesson.id} > ${test.id}`,
          test_code: `// hidden check of ${task.functions.join(", ")} (${lesson.id}, task ${task.number}: ${task.title})\n// ${test.name}`,
          status,
          ...(status !== "pass" ? { message: test.message ?? test.status } : {}),
          ...(output ? { output } : {}),
          task_id: taskId,
        } as const;
      });
    }),
  );
  const problems = report.lessons.flatMap((l) => l.problems.map((p) => `${l.id}: ${p.message}`));
  const noneRan = tests.length === 0 || tests.every((t) => t.status === "error");
  const status =
    report.error !== undefined || noneRan
      ? "error"
      : tests.every((t) => t.status === "pass")
        ? "pass"
        : "fail";
  const message =
    status === "error"
      ? cleanText(report.error ?? (problems.join("\n") || "no hidden test could run"), 65_000)
      : undefined;
  const result: ExercismResult = { version: 3, status, ...(message ? { message } : {}), tests };
  return `${JSON.stringify(ExercismResultSchema.parse(result), null, 2)}\n`;
}
