/**
 * The trusted side's preparation for a mutation run, in one of Stryker's test-runner processes (loaded
 * by vitest.config.ts through tsx, because it imports the course's TypeScript packages): the lesson's
 * instrumented solution in Stryker's sandbox copy, bundled and judged exactly as a learner file is
 * (sandbox/prepare.ts, as grade-lesson.ts calls it), and the environment a grading run gives the suites
 * (run-suites.ts).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SEED_VARIABLE } from "../../checks/seed.ts";
import { loadCourse } from "../../manifest/load.ts";
import { CONFIG_VARIABLE, type SandboxConfig } from "../../sandbox/config.ts";
import { detectIsolation } from "../../sandbox/level.ts";
import { prepareLesson } from "../../sandbox/prepare.ts";
import { GRADER_SRC, lessonFile, REPO_ROOT, suiteFile } from "../paths.ts";

export interface PreparedMutantRun {
  /** The repository root (here: Stryker's sandbox copy). */
  root: string;
  /** The hidden suite, relative to the root. */
  suite: string;
  /** sandbox/client.ts and runner/worker-setup.ts, absolute. */
  client: string;
  setupFile: string;
  /** The names `@lesson/<id>` offers: the bundle's exports and every function the manifest grades. */
  exports: Record<string, string[]>;
  /** The suites' environment: the seed and the sandbox configuration. */
  env: Record<string, string>;
}

/**
 * Bundles the (instrumented) solution of `lessonId` into a folder of its own under `parent`, removed
 * when this process ends. Throws when the import judge refuses the file or it does not parse: the
 * mutation run cannot mean anything then.
 */
export async function prepareMutantRun(
  lessonId: string,
  parent: string,
  seed: number,
): Promise<PreparedMutantRun> {
  const course = loadCourse();
  const lesson = course.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`no lesson ${lessonId} in the course manifest`);
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent || os.tmpdir(), "runner-"));
  // In strict mode the sandbox's uid (nobody) must read, never write, these files.
  chmodSync(dir, 0o755);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", remove);
  const seconds = lesson.timeLimitSeconds ?? course.defaults.timeLimitSeconds;
  const prepared = await prepareLesson({
    folder: { dir, remove },
    key: lesson.id,
    lesson,
    sourceFile: lessonFile(lesson.id, "solutions", REPO_ROOT),
    isolation: detectIsolation(),
    timeLimitMs: seconds * 1000,
    memoryLimitMb: course.defaults.memoryLimitMb,
  });
  if (prepared.syntax)
    throw new Error(
      `the instrumented solution does not parse: ${prepared.syntax.message} (${prepared.syntax.where})`,
    );
  if (prepared.violations.length > 0 || !prepared.config)
    throw new Error(
      `the import judge refused the instrumented solution:\n${prepared.violations.map((v) => v.message).join("\n")}`,
    );
  const sandbox: SandboxConfig = { ...prepared.config, strykerMutants: true };
  const graded = lesson.tasks.flatMap((t) => t.functions);
  return {
    root: REPO_ROOT,
    suite: path.relative(REPO_ROOT, suiteFile(lesson.id)),
    client: path.join(GRADER_SRC, "sandbox", "client.ts"),
    setupFile: path.join(GRADER_SRC, "runner", "worker-setup.ts"),
    exports: { [lesson.id]: [...new Set([...(prepared.exports ?? []), ...graded])] },
    env: {
      [SEED_VARIABLE]: String(seed),
      [CONFIG_VARIABLE]: JSON.stringify({ [lesson.id]: sandbox }),
    },
  };
}
