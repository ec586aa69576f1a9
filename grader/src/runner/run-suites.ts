import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SEED_VARIABLE } from "../checks/seed.ts";
import { GRADER_SRC, REPO_ROOT, WORK_DIR } from "../course/paths.ts";
import { CONFIG_VARIABLE, type SandboxConfig } from "../sandbox/config.ts";
import { KEYED_SANDBOX_GLOBAL } from "./lesson-module.mjs";
import type { RawError, RawLog, RawTest, SuiteRun } from "./raw-result.ts";

const CHILD = path.join(GRADER_SRC, "runner", "child.mjs");
/** Setup files of every suite file, in order (see child.mjs). */
const SETUP_FILES = ["fresh-modules.ts", "worker-setup.ts"].map((f) => path.join(GRADER_SRC, "runner", f));
const CLIENT = path.join(GRADER_SRC, "sandbox", "client.ts");
/** How much of the suites' process stderr is kept to explain a failure of the grader itself. */
const STDERR_TAIL = 16_000;
/** Start-up allowance of vitest, on top of the learner time the suites may use. */
const STARTUP_ALLOWANCE_MS = 60_000;
/**
 * Where the suite files of keyed requests (see `SuiteRequest.key`) are written for one run: inside
 * vitest's root, so that they resolve like the real suites, and outside every glob of vitest.config.ts
 * (and of `pnpm grade`'s own runs), so that no other run ever picks them up.
 */
export const KEYED_SUITES_DIR = path.join(WORK_DIR, "keyed-suites");
/** What child.mjs includes: the hidden suites, and keyed suites (they exist only during their run). */
const KEYED_SUITES_GLOB = `${path.relative(REPO_ROOT, KEYED_SUITES_DIR)}/*/*.test.mjs`;

export interface SuiteRequest {
  lessonId: string;
  /**
   * What the run's results are keyed by (default: `lessonId`). Requests with other keys may grade the
   * same lesson several times in one run (several students' files): each such request runs a small
   * suite file of its own that hands its sandbox to the lesson's real suite, which it then imports.
   */
  key?: string;
  suiteFile: string;
  /** How to start the lesson's sandbox (see sandbox/prepare.ts). */
  sandbox: SandboxConfig;
  /** Names the lesson's module offers: the bundle's exports and every function the manifest grades. */
  exports: readonly string[];
  /** Tasks in the lesson: each may use the sandbox's time limit once, plus loading. */
  taskCount: number;
}

interface ChildMessage {
  type: "result";
  results: Record<string, { tests: RawTest[]; moduleErrors: RawError[] }>;
  logs: Record<string, RawLog[]>;
  unhandled: RawError[];
}

/** The suites' process, started before its configuration is known (see `runSuites`). */
export interface SuitesProcess {
  child: ChildProcess;
  /** Resolves when the process waits for its configuration. */
  waiting: Promise<void>;
  /**
   * Resolves when the process has closed, however early: listening from the start means a process
   * that dies while the grader is still bundling is never missed.
   */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last bytes it wrote to stderr, from the start. */
  stderr: () => string;
}

/**
 * Starts the suites' process early: it loads vitest while the grader bundles the learner files, and
 * waits for its configuration. Kill it with `endSuitesProcess` when nothing turns out to need running.
 */
export function startSuitesProcess(): SuitesProcess {
  const child = spawn(process.execPath, [CHILD], {
    cwd: REPO_ROOT,
    detached: process.platform !== "win32",
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  const waiting = new Promise<void>((resolve) => {
    const onMessage = (message: { type?: string }) => {
      if (message?.type !== "waiting") return;
      child.off("message", onMessage);
      resolve();
    };
    child.on("message", onMessage);
    child.once("exit", () => resolve());
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
  });
  child.stdout?.on("data", () => {});
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("close", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: null, signal: null }));
  });
  return { child, waiting, closed, stderr: () => stderr };
}

/** Ends the suites' process and everything it started (sandboxes share its process group). */
export function endSuitesProcess(suites: SuitesProcess): void {
  killGroup(suites.child);
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? child.pid : -child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** The key a request's results go by. */
export function suiteKey(request: SuiteRequest): string {
  return request.key ?? request.lessonId;
}

let keyedRuns = 0;

/** Whether a process of this id still runs (a signal 0 only asks). */
function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
}

/** Deletes the keyed suites of runs whose grader was killed (their folders start with its pid). */
export function removeStaleKeyedSuites(): void {
  if (!existsSync(KEYED_SUITES_DIR)) return;
  for (const name of readdirSync(KEYED_SUITES_DIR)) {
    const pid = Number(name.split("-")[0]);
    if (pid !== process.pid && !isAlive(pid))
      rmSync(path.join(KEYED_SUITES_DIR, name), { recursive: true, force: true });
  }
}

/**
 * The suite file of each keyed request, in a folder of this run (pid and a counter in its name, so that
 * concurrent runs in one checkout never meet): it puts the request's sandbox where `@lesson/<id>` looks
 * for it (child.mjs), then imports the lesson's suite, whose tests become this file's. `remove` deletes
 * the folder (the run calls it however it ends).
 */
function writeKeyedSuites(requests: readonly SuiteRequest[]): { files: Map<string, string>; remove(): void } {
  const keyed = requests.filter((r) => suiteKey(r) !== r.lessonId);
  if (keyed.length === 0) return { files: new Map(), remove: () => {} };
  removeStaleKeyedSuites();
  mkdirSync(KEYED_SUITES_DIR, { recursive: true });
  keyedRuns += 1;
  const dir = mkdtempSync(path.join(KEYED_SUITES_DIR, `${process.pid}-${keyedRuns}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const files = new Map<string, string>();
    for (const [index, request] of keyed.entries()) {
      const file = path.join(dir, `${index}-${request.lessonId}.test.mjs`);
      const suite = path.relative(dir, request.suiteFile).split(path.sep).join("/");
      writeFileSync(
        file,
        [
          `// The suite of ${request.lessonId} on one keyed sandbox, for one run (grader/src/runner/run-suites.ts).`,
          `globalThis[${JSON.stringify(KEYED_SANDBOX_GLOBAL)}] = ${JSON.stringify(request.sandbox)};`,
          `await import(${JSON.stringify(suite.startsWith(".") ? suite : `./${suite}`)});`,
          "",
        ].join("\n"),
      );
      files.set(suiteKey(request), file);
    }
    return { files, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * Runs the hidden suites of several lessons in one vitest process (`workers` at a time, by default as
 * many as there are cores). A lesson may be graded several times (several students' files), each
 * request under its own key. Learner code runs only in each request's sandbox, whose deadlines and
 * memory cap the suites' side enforces; the deadline here is a backstop for the grader itself, the sum
 * of what every request's learner code may use. Always resolves, one SuiteRun per request, in order.
 */
export function runSuites(
  requests: readonly SuiteRequest[],
  seed: number,
  workers = os.availableParallelism(),
  suitesProcess: SuitesProcess = startSuitesProcess(),
): Promise<SuiteRun[]> {
  if (requests.length === 0) {
    endSuitesProcess(suitesProcess);
    return Promise.resolve([]);
  }
  let keyed: ReturnType<typeof writeKeyedSuites>;
  try {
    keyed = writeKeyedSuites(requests);
  } catch (error) {
    endSuitesProcess(suitesProcess);
    return Promise.reject(error);
  }
  // `@lesson/<id>` is one module per lesson for every request of it: it offers every name any of them exports.
  const exports: Record<string, Set<string>> = {};
  for (const r of requests) for (const name of r.exports) (exports[r.lessonId] ??= new Set()).add(name);
  const unkeyed = requests.filter((r) => suiteKey(r) === r.lessonId);
  const config = {
    root: REPO_ROOT,
    suites: Object.fromEntries(
      requests.map((r) => [suiteKey(r), keyed.files.get(suiteKey(r)) ?? r.suiteFile]),
    ),
    include: ["grader/suites/*.test.ts", KEYED_SUITES_GLOB],
    setupFiles: SETUP_FILES,
    client: CLIENT,
    exports: Object.fromEntries(Object.entries(exports).map(([id, names]) => [id, [...names]])),
    env: {
      [SEED_VARIABLE]: String(seed),
      [CONFIG_VARIABLE]: JSON.stringify(Object.fromEntries(unkeyed.map((r) => [r.lessonId, r.sandbox]))),
    },
    workers: Math.max(1, Math.min(workers, requests.length)),
  };
  const learnerTime = requests.reduce((sum, r) => sum + (r.taskCount + 1) * r.sandbox.timeLimitMs, 0);
  const backstopMs = STARTUP_ALLOWANCE_MS + learnerTime;
  const started = performance.now();
  return new Promise((resolve) => {
    const { child } = suitesProcess;
    void suitesProcess.waiting.then(() => {
      if (child.connected) child.send({ type: "config", config });
    });
    let message: ChildMessage | undefined;
    let timedOut = false;
    const killAll = () => killGroup(child);
    const backstop = setTimeout(() => {
      timedOut = true;
      killAll();
    }, backstopMs);
    child.on("message", (data: ChildMessage) => {
      if (data?.type === "result") message = data;
    });
    void suitesProcess.closed.then(({ code, signal }) => {
      clearTimeout(backstop);
      const stderr = suitesProcess.stderr();
      // Sandboxes are in this process group too: nothing outlives the run.
      killAll();
      keyed.remove();
      const problem = message
        ? ""
        : `\n(grader: the suites' process ended with code ${code}, signal ${signal}${timedOut ? ", after the run's backstop deadline" : ""})`;
      resolve(
        requests.map((r): SuiteRun => {
          const result = message?.results[suiteKey(r)];
          // The run ended, but this file did not: the worker that ran it died (child.mjs).
          const lost =
            message && !result ? "\n(grader: the suites' worker running this file ended before it did)" : "";
          return {
            outcome: message ? (result ? "completed" : "crashed") : timedOut ? "timeout" : "crashed",
            tests: result?.tests ?? [],
            moduleErrors: result?.moduleErrors ?? [],
            unhandled: message?.unhandled ?? [],
            logs: message?.logs[suiteKey(r)] ?? [],
            stderr: stderr + problem + lost,
            durationMs: performance.now() - started,
          };
        }),
      );
    });
  });
}
