import path from "node:path";
import { defineConfig, type Plugin } from "vitest/config";
import course from "./grader/course.json" with { type: "json" };
import { lessonAlias, lessonFile, REPO_ROOT } from "./grader/src/course/paths.ts";

const exercisesDir = path.join(REPO_ROOT, "exercises");
const solutionsDir = path.join(REPO_ROOT, "solutions");

/** Points the visible tests' `./slug.ts` imports at solutions/, so CI checks the visible tests teach the truth. */
const visibleOnSolutions: Plugin = {
  name: "calcml:visible-on-solutions",
  enforce: "pre",
  resolveId(source, importer) {
    if (!importer || !source.startsWith(".") || !importer.startsWith(exercisesDir)) return null;
    const resolved = path.resolve(path.dirname(importer), source);
    return resolved.endsWith(".test.ts") ? null : resolved.replace(exercisesDir, solutionsDir);
  },
};

/**
 * Hidden suites against solutions/ (a bare run of what `pnpm grade --solutions` grades). For one lesson,
 * CALCML_LESSON=<id> CALCML_LESSON_SOURCE=<file> grades another file, e.g. a known-bug fixture.
 */
const hiddenAliases = Object.fromEntries(
  course.lessons.map(({ id }) => [
    lessonAlias(id),
    process.env.CALCML_LESSON === id && process.env.CALCML_LESSON_SOURCE
      ? path.resolve(process.env.CALCML_LESSON_SOURCE)
      : lessonFile(id, "solutions"),
  ]),
);

export default defineConfig({
  test: {
    projects: [
      "packages/*",
      {
        test: {
          name: "grader",
          include: ["grader/test/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [visibleOnSolutions],
        test: { name: "visible", include: ["exercises/*/*.test.ts"] },
      },
      { test: { name: "exercises", include: ["exercises/*/*.test.ts"] } },
      {
        resolve: { alias: hiddenAliases },
        test: {
          name: "hidden",
          include: ["grader/suites/*.test.ts"],
          setupFiles: ["grader/src/runner/worker-setup.ts"],
        },
      },
    ],
  },
});
