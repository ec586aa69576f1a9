import { spawnSync } from "node:child_process";
import path from "node:path";
import { lessonSlug, REPO_ROOT } from "../course/paths.ts";
import { loadCourse } from "../manifest/load.ts";
import { resolveLesson } from "./resolve-lesson.ts";

const VITEST = path.join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs");

/**
 * `pnpm visible [lesson…]`: the worked examples next to the learner's files, for the lessons named the
 * way `pnpm grade` names them (4, 04, 04-gradient-descent, gradient-descent), or all of them. They run
 * in vitest as the learner's own tests; passing them says nothing about the hidden suite.
 */
export async function visibleCommand(args: string[]): Promise<number> {
  const course = loadCourse();
  const files = [...new Set(args.filter((a) => !a.startsWith("-")).map((a) => resolveLesson(course, a)))].map(
    (lesson) => path.join("exercises", lesson.id, `${lessonSlug(lesson.id)}.test.ts`),
  );
  const options = args.filter((a) => a.startsWith("-"));
  const run = spawnSync(process.execPath, [VITEST, "run", "--project", "exercises", ...options, ...files], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  return run.status ?? 1;
}
