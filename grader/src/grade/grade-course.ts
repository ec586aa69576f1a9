import os from "node:os";
import { lessonFile, type Target } from "../course/paths.ts";
import { removeStaleUnpackedSuites } from "../course/suite-bundle.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import { type GradeReport, GradeReportSchema, type LessonReport } from "../report/schema.ts";
import { pool } from "../util/pool.ts";
import { loadExpectedTests } from "./expected-tests.ts";
import { gradeLesson } from "./grade-lesson.ts";
import { roundPoints } from "./score.ts";

export interface GradeOptions {
  course: Course;
  lessons: readonly Lesson[];
  target: Target;
  seed: number;
  /** Lesson id → file to grade instead of `<target>/<id>/<slug>.ts` (a submission, a fixture). */
  sources?: Readonly<Record<string, string>>;
  allowTrustedImports?: boolean;
  /** Lessons graded at once; each is a process tree, so the default is the number of cores. */
  concurrency?: number;
  onLesson?: (report: LessonReport) => void;
}

/** Grades the chosen lessons and returns one validated report. */
export async function gradeCourse(options: GradeOptions): Promise<GradeReport> {
  const started = performance.now();
  removeStaleUnpackedSuites();
  const expected = loadExpectedTests();
  const custom = Object.keys(options.sources ?? {}).length > 0;
  const lessons = await pool(
    options.lessons,
    options.concurrency ?? os.availableParallelism(),
    async (lesson) => {
      const report = await gradeLesson({
        course: options.course,
        lesson,
        sourceFile: options.sources?.[lesson.id] ?? lessonFile(lesson.id, options.target),
        expectedTests: expected[lesson.id],
        seed: options.seed,
        ...(options.allowTrustedImports ? { allowTrustedImports: true } : {}),
      });
      options.onLesson?.(report);
      return report;
    },
  );
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
  });
}
