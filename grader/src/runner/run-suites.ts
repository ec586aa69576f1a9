import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { SEED_VARIABLE } from "../checks/seed.ts";
import { GRADER_SRC, REPO_ROOT } from "../course/paths.ts";
import { CONFIG_VARIABLE, type SandboxConfig } from "../sandbox/config.ts";
import type { RawError, RawLog, RawTest, SuiteRun } from "./raw-result.ts";

const CHILD = path.join(GRADER_SRC, "runner", "child.mjs");
const SETUP = path.join(GRADER_SRC, "runner", "worker-setup.ts");
const CLIENT = path.join(GRADER_SRC, "sandbox", "client.ts");
/** How much of the suites' process stderr is kept to explain a failure of the grader itself. */
const STDERR_TAIL = 16_000;
/** Start-up allowance of vitest, on top of the learner time the suites may use. */
const STARTUP_ALLOWANCE_MS = 60_000;

export interface SuiteRequest {
  lessonId: string;
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
  return { child, waiting };
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

/**
 * Runs the hidden suites of several lessons in one vitest process (as many at a time as there are
 * cores). Learner code runs only in each lesson's sandbox, whose deadlines and memory cap the suites'
 * side enforces; the deadline here is a backstop for the grader itself. Always resolves, one SuiteRun
 * per request, in order.
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
  const config = {
    root: REPO_ROOT,
    suites: Object.fromEntries(requests.map((r) => [r.lessonId, r.suiteFile])),
    setupFile: SETUP,
    client: CLIENT,
    exports: Object.fromEntries(requests.map((r) => [r.lessonId, [...r.exports]])),
    env: {
      [SEED_VARIABLE]: String(seed),
      [CONFIG_VARIABLE]: JSON.stringify(Object.fromEntries(requests.map((r) => [r.lessonId, r.sandbox]))),
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
    let stderr = "";
    let message: ChildMessage | undefined;
    let timedOut = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    child.stdout?.on("data", () => {});
    const killAll = () => killGroup(child);
    const backstop = setTimeout(() => {
      timedOut = true;
      killAll();
    }, backstopMs);
    child.on("message", (data: ChildMessage) => {
      if (data?.type === "result") message = data;
    });
    child.on("close", (code, signal) => {
      clearTimeout(backstop);
      // Sandboxes are in this process group too: nothing outlives the run.
      killAll();
      const problem = message
        ? ""
        : `\n(grader: the suites' process ended with code ${code}, signal ${signal}${timedOut ? ", after the run's backstop deadline" : ""})`;
      resolve(
        requests.map((r): SuiteRun => {
          const result = message?.results[r.lessonId];
          return {
            outcome: message ? "completed" : timedOut ? "timeout" : "crashed",
            tests: result?.tests ?? [],
            moduleErrors: result?.moduleErrors ?? [],
            unhandled: message?.unhandled ?? [],
            logs: message?.logs[r.lessonId] ?? [],
            stderr: stderr + problem,
            durationMs: performance.now() - started,
          };
        }),
      );
    });
  });
}
