import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WORK_DIR } from "../course/paths.ts";
import { sanitizeReport } from "./sanitize.ts";
import { type GradeReport, GradeReportSchema, type LessonReport } from "./schema.ts";

/** Where `pnpm grade` keeps the latest result of each lesson, for `pnpm lessons` and `pnpm hint`. */
export const LAST_GRADE_FILE = path.join(WORK_DIR, "last-grade.json");

export function writeReport(file: string, report: GradeReport): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(GradeReportSchema.parse(sanitizeReport(report)), null, 2)}\n`);
}

/** A report that says why nothing was graded: written even when grading failed. */
export function errorReport(course: string, seed: number, error: string): GradeReport {
  return {
    schemaVersion: 1,
    course,
    grader: { name: "@calcml/grader", node: process.version },
    createdAt: new Date().toISOString(),
    target: "exercises",
    seed,
    points: 0,
    maxPoints: 0,
    percent: 0,
    durationMs: 0,
    lessons: [],
    error,
  };
}

/** The last grade of each lesson of exercises/ (lessons graded later replace earlier ones). */
export function readLastGrades(): Map<string, LessonReport> {
  try {
    const report = GradeReportSchema.parse(JSON.parse(readFileSync(LAST_GRADE_FILE, "utf8")));
    return new Map(report.lessons.map((l) => [l.id, l]));
  } catch {
    return new Map();
  }
}

/** Merges a fresh grade of exercises/ into the saved one. */
export function saveLastGrades(report: GradeReport): void {
  if (report.target !== "exercises") return;
  const lessons = readLastGrades();
  for (const lesson of report.lessons) lessons.set(lesson.id, lesson);
  const merged = [...lessons.values()].sort((a, b) => a.id.localeCompare(b.id));
  writeReport(LAST_GRADE_FILE, { ...report, lessons: merged });
}
