import { z } from "zod";

export const TestStatus = z.enum([
  "passed",
  "failed",
  "todo",
  "skipped",
  "timeout",
  "crashed",
  "missing",
  "blocked",
]);
export const TaskStatus = z.enum(["complete", "partial", "failing", "not-started", "blocked"]);
export const LessonStatus = z.enum([
  "complete",
  "partial",
  "failing",
  "not-started",
  "timed-out",
  "crashed",
  "missing",
  "blocked",
]);
export const ProblemKind = z.enum([
  "timeout",
  "out-of-memory",
  "crash",
  "exit",
  "load-error",
  "missing-file",
  "forbidden-import",
  "missing-export",
  "no-tests",
]);

export const TestReportSchema = z.strictObject({
  id: z.string().describe("`task > test name`, as in expected-tests.json"),
  name: z.string(),
  status: TestStatus,
  message: z.string().optional().describe("Why it failed: Called / Got / Expected / Why"),
  durationMs: z.number().nonnegative(),
  console: z.array(z.string()).optional(),
});

export const TaskReportSchema = z.strictObject({
  id: z.string(),
  number: z
    .number()
    .int()
    .positive()
    .describe("1-based, as in README, HINTS and `pnpm hint <lesson> <number>`"),
  title: z.string(),
  functions: z.array(z.string()),
  points: z.number().nonnegative(),
  maxPoints: z.number().positive(),
  status: TaskStatus,
  passed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  tests: z.array(TestReportSchema),
});

export const ProblemSchema = z.strictObject({ kind: ProblemKind, message: z.string() });

export const LessonReportSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  source: z.string().describe("The file that was graded, relative to the repository"),
  status: LessonStatus,
  points: z.number().nonnegative(),
  maxPoints: z.number().positive(),
  durationMs: z.number().nonnegative(),
  problems: z.array(ProblemSchema),
  tasks: z.array(TaskReportSchema),
});

export const GradeReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  course: z.string(),
  grader: z.strictObject({ name: z.literal("@calcml/grader"), node: z.string() }),
  createdAt: z.iso.datetime(),
  target: z.enum(["exercises", "solutions", "custom"]),
  seed: z.number().int(),
  points: z.number().nonnegative(),
  maxPoints: z.number().nonnegative(),
  percent: z.number().min(0).max(100),
  durationMs: z.number().nonnegative(),
  lessons: z.array(LessonReportSchema),
  sandbox: z
    .strictObject({
      level: z.enum(["strict", "basic"]),
      whyNotStrict: z.string().optional(),
    })
    .optional()
    .describe("How learner code was isolated: strict (namespaces, uid nobody) or basic (Node's permission model)"),
  error: z.string().optional().describe("Set when the grader could not grade; the report is still written"),
});

export type TestReport = z.infer<typeof TestReportSchema>;
export type TaskReport = z.infer<typeof TaskReportSchema>;
export type LessonReport = z.infer<typeof LessonReportSchema>;
export type GradeReport = z.infer<typeof GradeReportSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
