import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import { loadCourse } from "../manifest/load.ts";
import { closeSandboxes, openSandbox } from "../sandbox/client.ts";
import { detectIsolation } from "../sandbox/level.ts";
import { createRunFolder, prepareLesson, type RunFolder } from "../sandbox/prepare.ts";
import type { LessonModule } from "./lesson-module.ts";

/** Course-owned files (solutions, fixtures) may import the solutions; a learner's file may not. */
const COURSE_OWNED = ["solutions", "grader/test"].map((d) => path.join(REPO_ROOT, d));

let folder: RunFolder | undefined;
let opened = 0;

/**
 * Loads a lesson file the way grading does: bundled, judged, and run in the sandbox. Plotting runs
 * untrusted code too, so the figures call the learner's functions through the same proxies the hidden
 * suites use. A file that does not bundle (a syntax error, a forbidden import) throws with the reason.
 */
export async function openLesson(lessonId: string, sourceFile: string): Promise<LessonModule> {
  const course = loadCourse();
  const lesson =
    course.lessons.find((l) => l.id === lessonId) ?? course.lessons.find((l) => sourceFile.includes(l.id));
  if (!lesson) throw new Error(`no lesson ${lessonId || `for ${sourceFile}`} in the manifest`);
  folder ??= createRunFolder();
  const owned = COURSE_OWNED.some((dir) => path.resolve(sourceFile).startsWith(dir + path.sep));
  const prepared = await prepareLesson({
    folder,
    key: `${lesson.id}-${++opened}`,
    lesson,
    sourceFile: path.resolve(sourceFile),
    isolation: detectIsolation(),
    timeLimitMs: 1000 * (lesson.timeLimitSeconds ?? course.defaults.timeLimitSeconds),
    memoryLimitMb: course.defaults.memoryLimitMb,
    ...(owned ? { trustedDirs: [...COURSE_OWNED, path.join(REPO_ROOT, "exercises")] } : {}),
  });
  if (!prepared.config) {
    const reason = prepared.syntax
      ? `a syntax error at ${prepared.syntax.where}: ${prepared.syntax.message}`
      : (prepared.violations[0]?.message ?? "it could not be bundled");
    throw new Error(`${path.relative(REPO_ROOT, sourceFile)} does not load: ${reason}`);
  }
  return openSandbox(prepared.config);
}

/** Ends every sandbox and removes their files (the plot command calls it when it is done). */
export function closeLessons(): void {
  closeSandboxes();
  folder?.remove();
  folder = undefined;
}
