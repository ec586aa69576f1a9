// @ts-check
/**
 * The hidden suites of one grading run, run by vitest's Node API in a process of the grader's. Every
 * process here is trusted: the suites import `@lesson/<id>`, which this file resolves to proxies into
 * each lesson's sandbox (grader/src/sandbox/client.ts), so learner code runs only in those sandboxes.
 * Results go to the grader over the IPC channel, never through stdout.
 *
 * Plain JavaScript on purpose: importing vitest under tsx's loader costs ~0.5 s more.
 */
import { KEYED_SANDBOX_GLOBAL, lessonModules } from "./lesson-module.mjs";

// Loading vitest starts at once; the configuration may come later, over IPC, while the grader is
// still bundling the learner files (the two overlap).
const vitestNode = import("vitest/node");

/** @typedef {{ message: string; name?: string; stack?: string }} RawError */
/** @typedef {{ id: string; path: string[]; state: string; errors: RawError[]; durationMs: number }} RawTest */
/** @typedef {{ type: "stdout" | "stderr"; taskId?: string; content: string }} RawLog */

/**
 * @typedef {object} ChildConfig
 * @property {string} root          repository root
 * @property {Record<string, string>} suites  key (a lesson id, or a keyed request's key) → absolute path
 *   of its suite file (the hidden suite, or the keyed suite file that imports it: see run-suites.ts)
 * @property {string[]} include     globs of the suite files (relative to root)
 * @property {string[]} setupFiles  absolute paths of fresh-modules.ts and worker-setup.ts, run in order
 * @property {string} client        absolute path of the sandbox client (sandbox/client.ts)
 * @property {Record<string, string[]>} exports  lesson id → names its `@lesson/<id>` module offers
 * @property {Record<string, string>} env  variables for the suites' processes (seed, sandbox configs)
 * @property {number} workers       suites run at once
 */

/** @type {ChildConfig} */
const config = process.env.CALCML_CHILD_CONFIG
  ? JSON.parse(process.env.CALCML_CHILD_CONFIG)
  : await new Promise((resolve) => {
      process.once("message", (message) => resolve(/** @type {{ config: ChildConfig }} */ (message).config));
      process.send?.({ type: "waiting" });
    });
const { createVitest } = await vitestNode;
/** Console bytes kept per log entry. */
const MAX_LOG_BYTES = 4000;
/** Console entries kept per lesson, and per test (a report shows 20 a test). */
const MAX_LOGS = 400;
const MAX_LOGS_PER_TEST = 40;
/** Characters kept of an error message (learner text can be arbitrarily long). */
const MAX_MESSAGE = 20_000;

/** @param {unknown} error @returns {RawError} */
function toRawError(error) {
  const e = /** @type {{ message?: unknown; name?: unknown; stack?: unknown }} */ (error ?? {});
  return {
    message: (typeof e.message === "string" ? e.message : String(error)).slice(0, MAX_MESSAGE),
    ...(typeof e.name === "string" ? { name: e.name } : {}),
    ...(typeof e.stack === "string" ? { stack: e.stack.slice(0, 4000) } : {}),
  };
}

/** Results, logs and console lines go by key: a lesson id, or the key of one of several runs of a lesson. */
const lessonOfFile = new Map(Object.entries(config.suites).map(([key, file]) => [file, key]));
/**
 * Console entries by the id of the test (or file) that printed them. They are sorted into lessons at the
 * end of the run: a console line can arrive before vitest reports its test.
 * @type {Map<string, RawLog[]>}
 */
const logsOfTask = new Map();
/** @type {Record<string, RawLog[]>} */
const logs = {};
/** @type {Record<string, { tests: RawTest[]; moduleErrors: RawError[] }>} */
const results = {};
/** @type {RawError[]} */
let unhandled = [];

/** @type {import("vitest/node").Reporter} */
const reporter = {
  onUserConsoleLog(log) {
    if (!log.taskId) return;
    const kept = logsOfTask.get(log.taskId) ?? [];
    if (kept.length >= MAX_LOGS_PER_TEST) return;
    kept.push({ type: log.type, taskId: log.taskId, content: log.content.slice(0, MAX_LOG_BYTES) });
    logsOfTask.set(log.taskId, kept);
  },
  onTestRunEnd(testModules, unhandledErrors) {
    for (const module of testModules) {
      const lesson = lessonOfFile.get(module.moduleId);
      // A file whose worker died under it is still "pending", and the files queued after it on that
      // worker are not here at all: neither gets a result, so run-suites reports them as crashed (and a
      // batch grades their students again on their own), never as a suite that ran no tests.
      const state = module.state();
      if (!lesson || (state !== "passed" && state !== "failed" && state !== "skipped")) continue;
      /** @type {RawTest[]} */
      const tests = [];
      for (const test of module.children.allTests()) {
        /** @type {string[]} */
        const path = [test.name];
        for (let parent = test.parent; parent.type === "suite"; parent = parent.parent)
          path.unshift(parent.name);
        const outcome = test.result();
        tests.push({
          id: test.id,
          path,
          state: outcome.state,
          errors: (outcome.errors ?? []).map(toRawError),
          durationMs: test.diagnostic()?.duration ?? 0,
        });
      }
      results[lesson] = { tests, moduleErrors: module.errors().map(toRawError) };
      logs[lesson] = [module.id, ...tests.map((t) => t.id)]
        .flatMap((id) => logsOfTask.get(id) ?? [])
        .slice(0, MAX_LOGS);
    }
    unhandled = unhandledErrors.map(toRawError);
  },
};

/** The run's files in the grader's order (vitest's own puts larger and slower files first). */
const ORDER = new Map(Object.values(config.suites).map((file, i) => [file, i]));
class InGivenOrder {
  /** @param {import("vitest/node").TestSpecification[]} files */
  async shard(files) {
    return files;
  }
  /** @param {import("vitest/node").TestSpecification[]} files */
  async sort(files) {
    return [...files].sort((a, b) => (ORDER.get(a.moduleId) ?? 0) - (ORDER.get(b.moduleId) ?? 0));
  }
}

const lessonPlugin = lessonModules({
  client: config.client,
  exports: config.exports,
  keyedSandbox: KEYED_SANDBOX_GLOBAL,
});

const vitest = await createVitest(
  "test",
  {
    root: config.root,
    config: false,
    watch: false,
    reporters: [reporter],
    pool: "forks",
    maxWorkers: config.workers,
    // One worker runs many suite files, one after another, instead of a new process for each file: a
    // whole-course grade takes well under half the CPU time it took with `isolate: true` (see
    // docs/instructors.md). What isolation gave is kept by the first setup file (fresh-modules.ts):
    // before each file, the last file's sandboxes are closed, its keyed sandbox is forgotten, and every
    // module the suites load is evaluated afresh.
    isolate: false,
    passWithNoTests: true,
    setupFiles: config.setupFiles,
    sequence: { setupFiles: "list", sequencer: InGivenOrder },
    env: config.env,
    // Learner calls have their own deadlines (the sandbox's); this only catches a stuck suite.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    include: config.include,
  },
  { plugins: [lessonPlugin], logLevel: "silent" },
);
await vitest.start(Object.values(config.suites));
await vitest.close();
process.exitCode = 0;
process.send?.({ type: "result", results, logs, unhandled });
