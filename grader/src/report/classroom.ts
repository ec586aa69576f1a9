/**
 * GitHub Classroom's autograding result: the JSON a grader action (education/autograding-command-grader,
 * -python-grader) hands to `classroom-resources/autograding-grading-reporter` as its base64 `result` output.
 * The reporter reads `<RUNNER>_RESULTS` (base64 JSON), sums each test's `score` against the top-level
 * `max_score`, and posts "Points N/M" to the check run named "Autograding Tests", which Classroom reads.
 */
import { z } from "zod";
import { cleanText, sanitizeReport } from "./sanitize.ts";
import type { GradeReport } from "./schema.ts";

/** A test's message is cut here: the whole result travels as one step output (at most 1 MB). */
const MESSAGE_LIMIT = 1000;

export const ClassroomTestSchema = z.strictObject({
  name: z.string().min(1),
  status: z.enum(["pass", "fail", "error"]),
  score: z.number().nonnegative(),
  max_score: z.number().nonnegative(),
  message: z.string().nullable(),
  test_code: z.string(),
  filename: z.string(),
  line_no: z.number().int().nonnegative(),
  duration: z.number().nonnegative().describe("milliseconds"),
});

export const ClassroomResultSchema = z
  .strictObject({
    version: z.literal(1),
    status: z.enum(["pass", "fail", "error"]),
    max_score: z.number().nonnegative(),
    tests: z.array(ClassroomTestSchema),
  })
  .refine(
    (r) => r.tests.reduce((sum, t) => sum + t.score, 0) <= r.max_score + 1e-6,
    "the tests' scores add up to at most max_score",
  );
export type ClassroomResult = z.infer<typeof ClassroomResultSchema>;

/**
 * One Classroom test per task, scored with the task's points, so that Classroom's "Points N/M" is the
 * grade. A report that could not grade is one `error` test worth 0 of `maxScore` (the course's total).
 */
export function classroomResult(report: GradeReport, maxScore = report.maxPoints): ClassroomResult {
  report = sanitizeReport(report);
  const tests: z.infer<typeof ClassroomTestSchema>[] = report.lessons.flatMap((lesson) =>
    lesson.tasks.map((task) => {
      const failing = task.tests.filter((t) => t.status !== "passed");
      const couldNotRun =
        task.tests.length > 0 &&
        task.tests.every((t) => ["missing", "blocked", "skipped"].includes(t.status));
      const status = task.status === "complete" ? "pass" : couldNotRun ? "error" : ("fail" as const);
      const message = failing.map((t) => `${t.name}: ${t.message ?? t.status}`).join("\n\n");
      return {
        name: `${lesson.id} · ${task.number}. ${task.title}`,
        status,
        score: task.points,
        max_score: task.maxPoints,
        message: message ? cleanText(message, MESSAGE_LIMIT) : null,
        test_code: `pnpm grade ${lesson.id.slice(0, 2)} (${task.functions.join(", ")})`,
        filename: lesson.source,
        line_no: 0,
        duration: task.tests.reduce((sum, t) => sum + t.durationMs, 0),
      };
    }),
  );
  if (report.error !== undefined || tests.length === 0) {
    tests.push({
      name: "calcml grader",
      status: "error",
      score: 0,
      max_score: maxScore,
      message: cleanText(report.error ?? "nothing was graded", MESSAGE_LIMIT),
      test_code: "pnpm grade",
      filename: "",
      line_no: 0,
      duration: report.durationMs,
    });
  }
  const status =
    tests.some((t) => t.status === "error") && tests.every((t) => t.status !== "pass")
      ? "error"
      : tests.every((t) => t.status === "pass")
        ? "pass"
        : "fail";
  return ClassroomResultSchema.parse({
    version: 1,
    status,
    max_score: report.error !== undefined || report.lessons.length === 0 ? maxScore : report.maxPoints,
    tests,
  });
}

/** The result file `--classroom` writes. */
export function renderClassroom(report: GradeReport, maxScore?: number): string {
  return `${JSON.stringify(classroomResult(report, maxScore), null, 2)}\n`;
}

/** The step output the reporter expects: `result=<base64 of the JSON>`, one line. */
export function classroomOutput(report: GradeReport, maxScore?: number): string {
  return `result=${Buffer.from(JSON.stringify(classroomResult(report, maxScore))).toString("base64")}\n`;
}
