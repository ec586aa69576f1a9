import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import type { Lesson } from "../manifest/schema.ts";
import type { Problem } from "../report/schema.ts";
import type { RawError, SuiteRun } from "../runner/raw-result.ts";

export const PROBLEM_MESSAGES = {
  timeout: (seconds: number, where: string) =>
    `timed out after ${seconds} s ${where}; the run was stopped. Look for a loop that never ends (a stopping test that is never true), or for work that grows too fast (a search through an array inside a loop over many items).`,
  outOfMemory: (megabytes: number, where: string) =>
    `ran out of memory ${where} (the cap is ${megabytes} MB). Look for an array that grows without end.`,
  crash: (where: string) => `the test process crashed ${where}.`,
  exit: (detail: string) =>
    `your file called process.exit (${detail}); remove it: the grader decides when a run ends.`,
  loadError: (message: string, location: string) =>
    `your file could not be loaded: ${message}${location}. Every task scores 0 until it loads.`,
  syntaxError: (message: string, where: string, line: string) =>
    `your file has a syntax error at ${where}: ${message}${line ? `\n      ${line.trim()}` : ""}\n    Fix it (your editor underlines it too); every task scores 0 until the file parses.`,
  noTests:
    "the hidden suite ran no tests; this is a problem with the course, not your code (tell your instructor).",
  missingFile: (file: string) => `${file} does not exist; restore it with \`git checkout -- ${file}\`.`,
} as const;

/** `in \`secantSlope\` (test "finds the slope…")`, from the test the journal saw running. */
export function whereRunning(lesson: Lesson, runningTest: readonly string[] | undefined): string {
  if (!runningTest || runningTest.length === 0) return "while loading your file";
  const task = lesson.tasks.find((t) => t.id === runningTest[0]);
  const functions = task ? task.functions.map((f) => `\`${f}\``).join(", ") : `task ${runningTest[0]}`;
  return `in ${functions} (test "${runningTest.at(-1)}")`;
}

/** Terminal colour codes, which vite's error messages carry and a report must not. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** A parse error from vite's transform: "[PARSE_ERROR] Unexpected token" and "file.ts:16:14". */
function syntaxError(error: RawError, sourceFile: string): string | undefined {
  const text = error.message.replace(ANSI, "");
  if (!/Transform failed/.test(text)) return undefined;
  const detail = /\[[A-Z_]+\]\s*(.+)/.exec(text)?.[1]?.trim() ?? firstLine(text);
  const at = /([^\s[\]]+\.[cm]?[jt]s):(\d+):(\d+)/.exec(text);
  const lineNo = at ? Number(at[2]) : 0;
  let line = "";
  try {
    line = readFileSync(sourceFile, "utf8").split("\n")[lineNo - 1] ?? "";
  } catch {
    // The file is gone: say what we know.
  }
  const where = at
    ? `${path.relative(REPO_ROOT, sourceFile)}:${at[2]}:${at[3]}`
    : path.relative(REPO_ROOT, sourceFile);
  return PROBLEM_MESSAGES.syntaxError(detail, where, line);
}

function locationIn(error: RawError, sourceFile: string): string {
  const escaped = sourceFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+)(?::(\\d+))?`).exec(error.stack ?? "");
  return match ? ` (${path.relative(REPO_ROOT, sourceFile)}:${match[1]})` : "";
}

const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY/i;
const EXIT_CALLED = /process\.exit unexpectedly called/;

/** Says what went wrong with a run as a whole (not a single test), or nothing when the run was clean. */
export function diagnoseRun(
  run: SuiteRun,
  lesson: Lesson,
  sourceFile: string,
  limits: { seconds: number; memoryMb: number },
): Problem[] {
  const where = whereRunning(lesson, run.runningTest);
  const workerDied = run.unhandled.length > 0 && run.tests.some((t) => t.state === "pending");
  if (run.outcome === "timeout")
    return [{ kind: "timeout", message: PROBLEM_MESSAGES.timeout(limits.seconds, where) }];
  if (OUT_OF_MEMORY.test(run.stderr) && (run.outcome === "crashed" || workerDied)) {
    return [{ kind: "out-of-memory", message: PROBLEM_MESSAGES.outOfMemory(limits.memoryMb, where) }];
  }
  if (run.outcome === "crashed" || workerDied)
    return [{ kind: "crash", message: PROBLEM_MESSAGES.crash(where) }];
  const problems: Problem[] = [];
  for (const error of run.moduleErrors) {
    if (EXIT_CALLED.test(error.message)) {
      problems.push({
        kind: "exit",
        message: PROBLEM_MESSAGES.exit(error.message.replace(EXIT_CALLED, "").trim() || "while loading"),
      });
    } else {
      const plain = firstLine(error.message.replace(ANSI, ""));
      const message =
        syntaxError(error, sourceFile) ?? PROBLEM_MESSAGES.loadError(plain, locationIn(error, sourceFile));
      problems.push({ kind: "load-error", message });
    }
  }
  if (problems.length === 0 && run.tests.length === 0)
    problems.push({ kind: "no-tests", message: PROBLEM_MESSAGES.noTests });
  return problems;
}

export function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
