import { lessonFile, type Target } from "../course/paths.ts";
import { removeStaleUnpackedSuites } from "../course/suite-bundle.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import { type GradeReport, GradeReportSchema, type LessonReport } from "../report/schema.ts";
import { detectIsolation, type Isolation } from "../sandbox/level.ts";
import { loadExpectedTests } from "./expected-tests.ts";
import { gradeLessons } from "./grade-lesson.ts";
import { roundPoints } from "./score.ts";

export interface GradeOptions {
  course: Course;
  lessons: readonly Lesson[];
  target: Target;
  seed: number;
  /** Lesson id → file to grade instead of `<target>/<id>/<slug>.ts` (a submission, a fixture). */
  sources?: Readonly<Record<string, string>>;
  allowTrustedImports?: boolean;
  /** The sandbox to grade under (default: the strongest this machine allows). */
  isolation?: Isolation;
  onLesson?: (report: LessonReport) => void;
}

/** Grades the chosen lessons and returns one validated report. */
export async function gradeCourse(options: GradeOptions): Promise<GradeReport> {
  const started = performance.now();
  removeStaleUnpackedSuites();
  const expected = loadExpectedTests();
  const isolation = options.isolation ?? detectIsolation();
  const custom = Object.keys(options.sources ?? {}).length > 0;
  const lessons = await gradeLessons(
    options.lessons.map((lesson) => ({
      course: options.course,
      lesson,
      sourceFile: options.sources?.[lesson.id] ?? lessonFile(lesson.id, options.target),
      expectedTests: expected[lesson.id],
      seed: options.seed,
      ...(options.allowTrustedImports ? { allowTrustedImports: true } : {}),
    })),
    isolation,
  );
  for (const report of lessons) options.onLesson?.(report);
  const points = roundPoints(lessons.reduce((sum, l) => sum + l.points, 0));
  const maxPoints = lessons.reduce((sum, l) => sum + l.maxPoints, 0);
  return GradeReportSchema.parse({
    schemaVersion: 1,
    course: options.course.title,
    grader: { name: "@calcml/grader", node: process.version },
    createdAt: new Date().toISOString(),
    target: custom ? "custom" : options.target,
    seed: options.seed,
    points,
    maxPoints,
    percent: maxPoints === 0 ? 0 : roundPoints((100 * points) / maxPoints),
    durationMs: Math.round(performance.now() - started),
    lessons,
    sandbox: {
      level: isolation.level,
      ...(isolation.whyNotStrict ? { whyNotStrict: isolation.whyNotStrict } : {}),
    },
  });
}
