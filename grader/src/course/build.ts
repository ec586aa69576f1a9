import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runLessons } from "../grade/grade-lesson.ts";
import { courseJsonSchema, reportJsonSchema } from "../manifest/json-schema.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import { testId } from "../runner/raw-result.ts";
import { EXPECTED_TESTS_FILE, lessonFile, REPO_ROOT } from "./paths.ts";
import { generateStub } from "./stubs.ts";

/** Generated files that `course build` writes and `course check` compares. */
export interface GeneratedFile {
  file: string;
  content: string;
}

export const SCHEMA_FILES = {
  course: path.join(REPO_ROOT, "grader/schema/course.schema.json"),
  report: path.join(REPO_ROOT, "grader/schema/grade-report.schema.json"),
} as const;

/** The stub of each lesson, generated from its solution. */
export function stubFiles(lessons: readonly Lesson[]): GeneratedFile[] {
  return lessons.map((lesson) => {
    const solution = lessonFile(lesson.id, "solutions");
    const content = generateStub(readFileSync(solution, "utf8"), path.relative(REPO_ROOT, solution));
    return { file: lessonFile(lesson.id, "exercises"), content };
  });
}

export function schemaFiles(): GeneratedFile[] {
  return [
    { file: SCHEMA_FILES.course, content: courseJsonSchema() },
    { file: SCHEMA_FILES.report, content: reportJsonSchema() },
  ];
}

/**
 * The test ids each hidden suite reports when run against the solution, in order. The grader demands
 * exactly these from every run, so a suite that loses a test or a learner file that stops one from
 * running cannot go unnoticed.
 */
export async function collectExpectedTests(
  course: Course,
  lessons: readonly Lesson[],
  seed: number,
): Promise<Record<string, string[]>> {
  const { runs } = await runLessons(
    lessons.map((lesson) => ({
      course,
      lesson,
      sourceFile: lessonFile(lesson.id, "solutions"),
      expectedTests: undefined,
      seed,
      allowTrustedImports: true,
    })),
  );
  return Object.fromEntries(
    lessons.map((lesson, i) => [lesson.id, (runs[i]?.tests ?? []).map((t) => testId(t.path))]),
  );
}

export function expectedTestsFile(all: Record<string, string[]>): GeneratedFile {
  return { file: EXPECTED_TESTS_FILE, content: `${JSON.stringify(all, null, 2)}\n` };
}

export function writeGenerated(files: readonly GeneratedFile[]): void {
  for (const { file, content } of files) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
