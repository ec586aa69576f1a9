// @ts-check
/**
 * One lesson's hidden suite, run by vitest's Node API in a process of its own. The grader starts this
 * file with a deadline and kills its whole process group when the deadline passes: a synchronous
 * `while (true)` in learner code cannot be stopped any other way (TOOLING-NOTES.md).
 *
 * Plain JavaScript on purpose: importing vitest under tsx's loader costs ~0.5 s more per lesson.
 * This process runs no learner code itself (vitest's fork worker does); it sends the results to the
 * grader over the IPC channel, which the worker cannot reach. It never prints results to stdout.
 */
import { createVitest } from "vitest/node";

/** @typedef {{ message: string; name?: string; stack?: string }} RawError */
/** @typedef {{ id: string; path: string[]; state: string; errors: RawError[]; durationMs: number }} RawTest */
/** @typedef {{ type: "stdout" | "stderr"; taskId?: string; content: string }} RawLog */

/**
 * @typedef {object} ChildConfig
 * @property {string} root          repository root
 * @property {string} suite         absolute path of the hidden suite file
 * @property {string} setupFile     absolute path of worker-setup.ts
 * @property {Record<string, string>} alias  module aliases (`@lesson/<id>` → learner file, packages → source)
 * @property {string[]} execArgv    flags for the worker that runs learner code (memory cap, permissions)
 * @property {Record<string, string>} env  variables for the worker (seed, journal, skipped tasks)
 */

/** @type {ChildConfig} */
const config = JSON.parse(process.env.CALCML_CHILD_CONFIG ?? "{}");
/** Console lines kept per test; the rest are dropped before they reach the grader. */
const MAX_LOG_BYTES = 4000;

/** @param {unknown} error @returns {RawError} */
function toRawError(error) {
  const e = /** @type {{ message?: unknown; name?: unknown; stack?: unknown }} */ (error ?? {});
  return {
    message: typeof e.message === "string" ? e.message : String(error),
    ...(typeof e.name === "string" ? { name: e.name } : {}),
    ...(typeof e.stack === "string" ? { stack: e.stack.slice(0, 4000) } : {}),
  };
}

/** @type {RawLog[]} */
const logs = [];
let logBytes = 0;
/** @type {{ tests: RawTest[]; moduleErrors: RawError[]; unhandled: RawError[]; reason: string } | undefined} */
let result;

/** @type {import("vitest/node").Reporter} */
const reporter = {
  onUserConsoleLog(log) {
    if (logBytes > MAX_LOG_BYTES * 20) return;
    logBytes += log.content.length;
    logs.push({
      type: log.type,
      ...(log.taskId ? { taskId: log.taskId } : {}),
      content: log.content.slice(0, MAX_LOG_BYTES),
    });
  },
  onTestRunEnd(testModules, unhandledErrors, reason) {
    /** @type {RawTest[]} */
    const tests = [];
    /** @type {RawError[]} */
    const moduleErrors = [];
    for (const module of testModules) {
      moduleErrors.push(...module.errors().map(toRawError));
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
    }
    result = { tests, moduleErrors, unhandled: unhandledErrors.map(toRawError), reason };
  },
};

const vitest = await createVitest(
  "test",
  {
    root: config.root,
    config: false,
    watch: false,
    reporters: [reporter],
    pool: "forks",
    maxWorkers: 1,
    isolate: true,
    fileParallelism: false,
    passWithNoTests: true,
    setupFiles: [config.setupFile],
    execArgv: config.execArgv,
    env: config.env,
    // The hidden suite's own slow tests still fail when they finish late; the grader's deadline
    // handles the ones that never finish.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ["grader/suites/*.test.ts"],
  },
  { resolve: { alias: config.alias }, logLevel: "silent" },
);
await vitest.start([config.suite]);
await vitest.close();
process.exitCode = 0;
process.send?.({
  type: "result",
  ...(result ?? { tests: [], moduleErrors: [], unhandled: [], reason: "no-result" }),
  logs,
});
process.disconnect?.();
