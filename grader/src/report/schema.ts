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
  cause: z
    .string()
    .optional()
    .describe(
      "Set when a task this one builds on fails too: fix that one first (its failures may come from there)",
    ),
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

export const SubmissionFileSchema = z.strictObject({
  path: z.string().describe("Where the file is in the submission, e.g. exercises/00-welcome/welcome.ts"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});

export const SubmissionSchema = z
  .strictObject({
    source: z.string().describe("The folder or git repository graded (a URL's credentials removed)"),
    kind: z.enum(["folder", "git"]),
    ref: z.string().optional().describe("The ref asked for (default: the repository's HEAD)"),
    commit: z.string().optional().describe("The commit graded"),
    committedAt: z.iso.datetime().optional().describe("Its committer date (set by the student's clock)"),
    deadline: z.iso.datetime().optional().describe("--deadline: the last commit at or before it was graded"),
    lateCommits: z.number().int().nonnegative().optional().describe("Commits on the ref after the deadline"),
    taken: z.array(SubmissionFileSchema).describe("The learner files graded, one per lesson at most"),
    refused: z
      .array(z.strictObject({ path: z.string(), reason: z.string() }))
      .describe(
        "Learner paths that exist but were not graded (a symbolic link, not a regular file, too large)",
      ),
    missing: z.array(z.string()).describe("Learner paths absent from the submission"),
    ignored: z
      .strictObject({ count: z.number().int().nonnegative(), examples: z.array(z.string()) })
      .describe("Every other file of the submission: never read, never run"),
  })
  .describe(
    "Set when a submission was graded on the trusted tree (`pnpm grade --submission`, `pnpm gradebook`)",
  );

export const GraderInfoSchema = z.strictObject({
  name: z.literal("@calcml/grader"),
  node: z.string(),
  version: z.string().optional().describe("The grader package's version"),
  commit: z.string().optional().describe("The git commit of the trusted tree that graded"),
  dirty: z.boolean().optional().describe("The trusted tree had uncommitted changes to tracked files"),
  digest: z
    .string()
    .optional()
    .describe(
      "sha256 of the grader, suites, manifest and packages it ran (a regrade is needed when it changes)",
    ),
});

export const GradeReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  course: z.string(),
  grader: GraderInfoSchema,
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
    .describe(
      "How learner code was isolated: strict (namespaces, uid nobody) or basic (Node's permission model)",
    ),
  submission: SubmissionSchema.optional(),
  error: z.string().optional().describe("Set when the grader could not grade; the report is still written"),
});

export type TestReport = z.infer<typeof TestReportSchema>;
export type TaskReport = z.infer<typeof TaskReportSchema>;
export type LessonReport = z.infer<typeof LessonReportSchema>;
export type GradeReport = z.infer<typeof GradeReportSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type Submission = z.infer<typeof SubmissionSchema>;
export type GraderInfo = z.infer<typeof GraderInfoSchema>;
