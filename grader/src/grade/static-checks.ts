import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import type { Lesson } from "../manifest/schema.ts";
import type { BundleViolation } from "../sandbox/bundle.ts";

/**
 * What the grader says about a learner file before anything runs, from what the bundler found
 * (sandbox/bundle.ts resolves every import to the file it loads): a forbidden import scores 0 for the
 * task whose answer it imports (or for all, when it is no one task's), and a graded function the file
 * does not export is named with its task.
 */
export interface ImportViolation {
  message: string;
  /** Task ids that score 0 because of it, or "all". */
  tasks: string[] | "all";
}

export const EXPORT_MESSAGES = {
  missing: (where: string, name: string, task: number) =>
    `${where} does not export \`${name}\` (task ${task}); keep the stub's \`export\` line and its exact name.`,
} as const;

/** Each violation, charged to the tasks that grade the forbidden name (all tasks otherwise). */
export function importViolations(found: readonly BundleViolation[], lesson: Lesson): ImportViolation[] {
  return found.map((v) => {
    const tasks = v.name ? lesson.tasks.filter((t) => t.functions.includes(v.name!)).map((t) => t.id) : [];
    return { message: v.message, tasks: tasks.length > 0 ? tasks : "all" };
  });
}

/** The functions the manifest grades that the file does not export, each named with its task. */
export function missingExports(exported: readonly string[], file: string, lesson: Lesson): string[] {
  const names = new Set(exported);
  const where = path.relative(REPO_ROOT, file);
  return lesson.tasks.flatMap((task, index) =>
    task.functions
      .filter((name) => !names.has(name))
      .map((name) => EXPORT_MESSAGES.missing(where, name, index + 1)),
  );
}
