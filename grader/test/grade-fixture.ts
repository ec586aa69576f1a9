import path from "node:path";
import { gradeFixtureFile } from "../src/course/known-bugs.ts";
import { REPO_ROOT } from "../src/course/paths.ts";
import { loadCourse } from "../src/manifest/load.ts";
import type { Course } from "../src/manifest/schema.ts";
import type { LessonReport } from "../src/report/schema.ts";

/** The course with tighter limits, so that fault fixtures end quickly. */
export function courseWithLimits(seconds: number, memoryLimitMb: number): Course {
  const course = loadCourse();
  return {
    ...course,
    defaults: { ...course.defaults, memoryLimitMb },
    lessons: course.lessons.map((l) => ({ ...l, timeLimitSeconds: seconds })),
  };
}

/** Grades `file` as lesson `lessonId` through the real grader (child process, deadline, scoring). */
export function gradeFixture(
  lessonId: string,
  file: string,
  course: Course = loadCourse(),
): Promise<LessonReport> {
  return gradeFixtureFile(course, lessonId, path.resolve(REPO_ROOT, file));
}

export function task(report: LessonReport, id: string): LessonReport["tasks"][number] {
  const found = report.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id} in the report of ${report.id}`);
  return found;
}
