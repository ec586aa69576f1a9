import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the nearest folder above this file that holds the course manifest. (This file
 * runs from grader/src/course/ under tsx and vitest, and from grader/dist/ in the compiled CLI.)
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "grader", "course.json"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "../../..");
  }
}

export const REPO_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The grader's TypeScript sources (the compiled CLI starts processes that load some of them). */
export const GRADER_SRC = path.join(REPO_ROOT, "grader", "src");
export const COURSE_FILE = path.join(REPO_ROOT, "grader", "course.json");
export const SUITES_DIR = path.join(REPO_ROOT, "grader", "suites");
export const EXPECTED_TESTS_FILE = path.join(SUITES_DIR, "expected-tests.json");
export const WORK_DIR = path.join(REPO_ROOT, ".calcml");

/** Where lesson files live: the learner's stubs or the reference solutions. */
export type Target = "exercises" | "solutions";

/** `04-gradient-descent` → `gradient-descent`: the learner file is named after the slug. */
export function lessonSlug(id: string): string {
  return id.replace(/^\d{2}-/, "");
}

/** `exercises/04-gradient-descent/gradient-descent.ts` (absolute). */
export function lessonFile(id: string, target: Target, root = REPO_ROOT): string {
  return path.join(root, target, id, `${lessonSlug(id)}.ts`);
}

/** The hidden suite of a lesson: `grader/suites/04-gradient-descent.test.ts`. */
export function suiteFile(id: string): string {
  return path.join(SUITES_DIR, `${id}.test.ts`);
}

/** The module specifier hidden suites import a lesson through. */
export function lessonAlias(id: string): string {
  return `@lesson/${id}`;
}
