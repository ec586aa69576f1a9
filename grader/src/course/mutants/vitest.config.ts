/**
 * The vitest configuration of a mutation run (`pnpm course mutants`, see docs/mutation-testing.md).
 * Stryker's vitest runner loads it in each of its test-runner processes, inside Stryker's sandbox copy of
 * the repository, where the lesson's solution is instrumented with every mutant at once (mutant
 * switching). It sets up what a grading run sets up (grader/src/runner/child.mjs and run-suites.ts):
 * the instrumented solution bundled and judged like a learner file, the hidden suite importing
 * `@lesson/<id>` as proxies into a sandboxed child, the worker setup file, the seed and the sandbox
 * configuration in the suites' environment. The one addition is `strykerMutants` in the sandbox
 * configuration: each child the trusted side starts runs the mutant Stryker activated in that process
 * (Stryker's setup file sets it before the suite loads; see client.ts and host.ts).
 */
import os from "node:os";
import { tsImport } from "tsx/esm/api";
import { defineConfig } from "vitest/config";
import { lessonModules } from "../../runner/lesson-module.mjs";
import { MUTANTS_ENV } from "./options.ts";

const lessonId = process.env[MUTANTS_ENV.lesson];
if (!lessonId)
  throw new Error(`${MUTANTS_ENV.lesson} is not set: this config is for \`pnpm course mutants\``);
// Through tsx: bundling imports the course's packages, which are TypeScript.
const { prepareMutantRun } = (await tsImport(
  "./prepare-solution.ts",
  import.meta.url,
)) as typeof import("./prepare-solution.ts");
const run = await prepareMutantRun(
  lessonId,
  process.env[MUTANTS_ENV.runDir] ?? os.tmpdir(),
  Number(process.env[MUTANTS_ENV.seed] ?? Number.NaN),
);

export default defineConfig({
  plugins: [lessonModules({ client: run.client, exports: run.exports })],
  test: {
    root: run.root,
    watch: false,
    // As child.mjs asks; Stryker's runner overrides the pool (one worker thread). Each run is a fresh
    // module graph, so the suite opens a fresh sandboxed child, which runs the newly activated mutant.
    pool: "forks",
    isolate: true,
    passWithNoTests: true,
    setupFiles: [run.setupFile],
    env: run.env,
    // As in grading: learner calls have their own deadlines (the sandbox's); Stryker has its own timeout.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    include: [run.suite],
  },
});
