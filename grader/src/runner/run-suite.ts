import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT, WORK_DIR } from "../course/paths.ts";
import type { RawError, RawLog, RawTest, SuiteRun } from "./raw-result.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(HERE, "child.mjs");
const SETUP = path.join(HERE, "worker-setup.ts");
/** How much of the child's stderr is kept for diagnosis. */
const STDERR_TAIL = 16_000;
/** How long vitest may take to start before the lesson's own clock starts (generous: only a broken setup hits it). */
const STARTUP_LIMIT_MS = 60_000;
/** How often the journal is read for the worker's "ready" line. */
const READY_POLL_MS = 50;
/** Grace period for the child to exit after it sent its results. */
const EXIT_GRACE_MS = 3_000;

export interface SuiteRequest {
  lessonId: string;
  suiteFile: string;
  /** The learner file that `@lesson/<id>` points at. */
  sourceFile: string;
  seed: number;
  timeLimitMs: number;
  memoryLimitMb: number;
  /** Tasks whose tests the worker skips (a re-run after one of them hung). */
  skipTasks?: readonly string[];
}

/** Flags for the worker that runs learner code: a heap cap, and Node's permission model as a seat belt. */
function workerExecArgv(memoryLimitMb: number, journalDir: string): string[] {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  const permission =
    major > 22 || (major === 22 && minor >= 13) ? "--permission" : "--experimental-permission";
  return [
    `--max-old-space-size=${memoryLimitMb}`,
    permission,
    "--allow-fs-read=*",
    `--allow-fs-write=${journalDir}${path.sep}*`,
    "--no-warnings=ExperimentalWarning",
  ];
}

function packageAliases(): Record<string, string> {
  return {
    "@calcml/math": path.join(REPO_ROOT, "packages/math/src/index.ts"),
    "@calcml/optim": path.join(REPO_ROOT, "packages/optim/src/index.ts"),
  };
}

/** Ends the child and every worker it started (they share its process group). */
function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === "win32")
      spawn("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore" });
    else process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

function journalSaysReady(file: string): boolean {
  try {
    return readFileSync(file, "utf8").startsWith("ready\n");
  } catch {
    return false;
  }
}

function readJournal(file: string): string[] | undefined {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const open = new Set<string>();
  let last: string | undefined;
  for (const line of text.split("\n")) {
    const [kind, id] = line.split("\t");
    if (!id) continue;
    if (kind === "start") {
      open.add(id);
      last = id;
    } else if (kind === "end") open.delete(id);
  }
  return last !== undefined && open.has(last) ? last.split(" > ") : undefined;
}

interface ChildMessage {
  type: "result";
  tests: RawTest[];
  moduleErrors: RawError[];
  unhandled: RawError[];
  logs: RawLog[];
}

/**
 * Runs one hidden suite in a child process with a wall-clock deadline and a memory cap. Always resolves:
 * a crash, a kill or a hang becomes the `outcome`, and the tests reported so far are kept.
 */
export function runSuite(request: SuiteRequest): Promise<SuiteRun> {
  const runDir = path.join(WORK_DIR, "runs", `${request.lessonId}-${process.pid}-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });
  const journal = path.join(runDir, "journal.txt");
  const config = {
    root: REPO_ROOT,
    suite: request.suiteFile,
    setupFile: SETUP,
    alias: { [`@lesson/${request.lessonId}`]: request.sourceFile, ...packageAliases() },
    execArgv: workerExecArgv(request.memoryLimitMb, runDir),
    env: {
      CALCML_SEED: String(request.seed),
      CALCML_JOURNAL: journal,
      CALCML_SKIP_TASKS: JSON.stringify(request.skipTasks ?? []),
    },
  };
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
    const expire = () => {
      timedOut = true;
      killTree(child);
    };
    // Until the worker's set-up file says "ready" (learner code loads right after), only the generous
    // start-up limit applies: vitest's own start-up on a busy machine is not the learner's time.
    let deadline = setTimeout(expire, STARTUP_LIMIT_MS);
    const watchReady = setInterval(() => {
      if (!journalSaysReady(journal)) return;
      clearInterval(watchReady);
      clearTimeout(deadline);
      deadline = setTimeout(expire, request.timeLimitMs);
    }, READY_POLL_MS);
    child.on("message", (data: ChildMessage) => {
      message = data;
      setTimeout(() => killTree(child), EXIT_GRACE_MS).unref();
    });
    child.on("close", (code, signal) => {
      clearInterval(watchReady);
      clearTimeout(deadline);
      killTree(child);
      const runningTest = readJournal(journal);
      rmSync(runDir, { recursive: true, force: true });
      const crashed = !message && !timedOut;
      if (crashed && code !== 0)
        stderr += `\n(grader: the test process ended with code ${code}, signal ${signal})`;
      resolve({
        outcome: timedOut && !message ? "timeout" : crashed ? "crashed" : "completed",
        tests: message?.tests ?? [],
        moduleErrors: message?.moduleErrors ?? [],
        unhandled: message?.unhandled ?? [],
        logs: message?.logs ?? [],
        stderr,
        runningTest,
        durationMs: performance.now() - started,
      });
    });
  });
}
