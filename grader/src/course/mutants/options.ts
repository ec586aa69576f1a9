/**
 * Stryker's options for a mutation run of one lesson (`pnpm course mutants`), and the environment its
 * test-runner processes read (see vitest.config.ts next to this file).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LogLevel, PartialStrykerOptions } from "@stryker-mutator/api/core";
import { GRADER_SRC, lessonFile, REPO_ROOT } from "../paths.ts";

/** Variables the main process sets for Stryker's test-runner processes (they inherit its environment). */
export const MUTANTS_ENV = {
  /** The lesson whose solution is mutated and whose hidden suite runs. */
  lesson: "CALCML_MUTANTS_LESSON",
  /** A folder for the sandbox bundles of every test-runner process, removed after the run. */
  runDir: "CALCML_MUTANTS_RUN_DIR",
  /** The suites' seed (the course default unless `--seed`). */
  seed: "CALCML_MUTANTS_SEED",
} as const;

/** The vitest configuration of a mutation run, relative to the repository (and to Stryker's sandbox copy). */
export const MUTANTS_VITEST_CONFIG = path.relative(
  REPO_ROOT,
  path.join(GRADER_SRC, "course", "mutants", "vitest.config.ts"),
);

/**
 * What Stryker's sandbox copy of the repository leaves out: everything a hidden suite's run does not
 * load (and Stryker's own output). node_modules are linked, not copied (`symlinkNodeModules`).
 */
export const SANDBOX_IGNORES = [
  "/.calcml",
  "/.turbo",
  "/coverage",
  "/docs",
  "/exercises",
  "/scripts",
  "/grader/dist",
  "/grader/bench",
  "/grader/test",
  "/grader/mutants",
  "/grader/suites/*.unpacked-*",
  "/grader/suites/hidden-suites.gz",
  "*.md",
];

export interface MutantRunSettings {
  lessonId: string;
  /** Stryker's temporary folder (its sandbox copy lives here). */
  tempDir: string;
  /** Where Stryker writes its own JSON and HTML reports for this lesson. */
  reportDir: string;
  /** Test-runner processes at once. */
  concurrency: number;
  /** Stryker's timeout on top of the expected time of a run: `timeoutFactor × net time + timeoutMS`. */
  timeoutMS: number;
  timeoutFactor: number;
  /** Stryker's own log level on the terminal (warnings by default). */
  logLevel?: `${LogLevel}`;
  /** Show Stryker's progress bar. */
  progress?: boolean;
}

/** The file of a module the grader depends on (resolved from here, which also works in grader/dist). */
function resolveModule(specifier: string): string {
  return fileURLToPath(import.meta.resolve(specifier));
}

/** Stryker's options for one lesson: its solution mutated, its hidden suite run through the grader. */
export function strykerOptions(settings: MutantRunSettings): PartialStrykerOptions {
  const solution = path.relative(REPO_ROOT, lessonFile(settings.lessonId, "solutions"));
  return {
    // Stryker resolves plugin names from its own folder, where pnpm puts no sibling packages.
    plugins: [resolveModule("@stryker-mutator/vitest-runner")],
    testRunner: "vitest",
    vitest: { configFile: MUTANTS_VITEST_CONFIG, related: false },
    mutate: [solution],
    // Which test reaches which mutant is decided in the sandboxed child, out of Stryker's sight.
    coverageAnalysis: "off",
    checkers: [],
    concurrency: settings.concurrency,
    timeoutMS: settings.timeoutMS,
    timeoutFactor: settings.timeoutFactor,
    // A mutant that fails the dry run's start-up is an error of the setup, not a survivor.
    dryRunTimeoutMinutes: 10,
    reporters: ["json", "html", ...(settings.progress ? ["progress"] : [])],
    jsonReporter: { fileName: path.join(settings.reportDir, "mutation.json") },
    htmlReporter: { fileName: path.join(settings.reportDir, "mutation.html") },
    tempDirName: settings.tempDir,
    cleanTempDir: true,
    symlinkNodeModules: true,
    ignorePatterns: SANDBOX_IGNORES,
    disableTypeChecks: true,
    incremental: false,
    // LogLevel is a const enum of these strings.
    logLevel: (settings.logLevel ?? "warn") as LogLevel,
    fileLogLevel: "off" as LogLevel,
    allowConsoleColors: false,
  };
}
