import type { GradeReport, LessonReport } from "../src/report/schema.ts";

/**
 * A valid GradeReport around `lessons`, for renderer and format tests: fixed header fields (seed 1,
 * epoch time), the totals computed from the lessons, and any field overridden by `overrides`.
 */
export function reportOf(lessons: LessonReport[], overrides: Partial<GradeReport> = {}): GradeReport {
  const points = lessons.reduce((sum, l) => sum + l.points, 0);
  const maxPoints = lessons.reduce((sum, l) => sum + l.maxPoints, 0);
  return {
    schemaVersion: 1,
    course: "C",
    grader: { name: "@calcml/grader", node: "v20" },
    createdAt: new Date(0).toISOString(),
    target: "exercises",
    seed: 1,
    points,
    maxPoints,
    percent: maxPoints === 0 ? 0 : Math.round((10_000 * points) / maxPoints) / 100,
    durationMs: 1,
    lessons,
    ...overrides,
  };
}
