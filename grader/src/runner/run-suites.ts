import { spawn } from "node:child_process";
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
): Promise<SuiteRun[]> {
  if (requests.length === 0) return Promise.resolve([]);
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
    const child = spawn(process.execPath, [CHILD], {
      cwd: REPO_ROOT,
      detached: process.platform !== "win32",
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: { ...process.env, CALCML_CHILD_CONFIG: JSON.stringify(config), NODE_OPTIONS: "" },
    });
    let stderr = "";
    let message: ChildMessage | undefined;
    let timedOut = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    child.stdout?.on("data", () => {});
    const killAll = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(process.platform === "win32" ? child.pid : -child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const backstop = setTimeout(() => {
      timedOut = true;
      killAll();
    }, backstopMs);
    child.on("message", (data: ChildMessage) => {
      message = data;
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
            runningTest: undefined,
            durationMs: performance.now() - started,
          };
        }),
      );
    });
  });
}
