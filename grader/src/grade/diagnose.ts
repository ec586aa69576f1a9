import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import type { Problem } from "../report/schema.ts";
import type { RawError, SuiteRun } from "../runner/raw-result.ts";
import { FAULT_NAMES, type FaultKind } from "../sandbox/fault.ts";

export const PROBLEM_MESSAGES = {
  loadError: (message: string, location: string) =>
    `your file could not be loaded: ${message}${location}. Every task scores 0 until it loads.`,
  syntaxError: (message: string, where: string, line: string) =>
    `your file has a syntax error at ${where}: ${message}${line ? `\n      ${line.trim()}` : ""}\n    Fix it (your editor underlines it too); every task scores 0 until the file parses.`,
  unparsable: (where: string, detail: string) =>
    `${where} could not be parsed (${detail}); it is probably nested too deeply. Every task scores 0 until it parses.`,
  notRegular: (file: string, link: boolean) =>
    `${file} is ${link ? "a symbolic link" : "not a regular file"}; the grader reads only a regular file there. Replace it with your own file (restore the stub with \`git checkout -- ${file}\`).`,
  linkedFolder: (folder: string) =>
    `${folder} is a symbolic link; the grader reads a lesson only from a real folder. Replace the link with the folder itself.`,
  noTests:
    "the hidden suite ran no tests; this is a problem with the course, not your code (tell your instructor).",
  graderFailed: (detail: string) =>
    `the grader's own process for the hidden suites failed (${detail}); this is not your code's fault: run the grade again, and tell your instructor if it repeats.`,
  missingFile: (file: string) => `${file} does not exist; restore it with \`git checkout -- ${file}\`.`,
} as const;

const KIND_OF_NAME = new Map(Object.entries(FAULT_NAMES).map(([kind, name]) => [name, kind as FaultKind]));

/** The sandbox fault an error reports (a timeout, a crash…), or undefined for an ordinary failure. */
export function faultKindOf(error: RawError | undefined): FaultKind | undefined {
  return error?.name ? KIND_OF_NAME.get(error.name) : undefined;
}

const PROBLEM_OF_FAULT: Partial<Record<FaultKind, Problem["kind"]>> = {
  timeout: "timeout",
  "out-of-memory": "out-of-memory",
  crash: "crash",
  "too-large": "crash",
  protocol: "crash",
  exit: "exit",
  "load-error": "load-error",
};

/** `(path/to/file.ts:12)` from a learner error's stack, when it points into the file. */
function locationIn(error: RawError, sourceFile: string): string {
  const escaped = sourceFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+)(?::(\\d+))?`).exec(error.stack ?? "");
  return match ? ` (${path.relative(REPO_ROOT, sourceFile)}:${match[1]})` : "";
}

/**
 * Says what went wrong around the tests of one lesson: its file did not load, a learner call was
 * stopped (the first of each kind), or the grader's own run failed. Nothing when the run was clean.
 */
export function diagnoseRun(run: SuiteRun, sourceFile: string): Problem[] {
  const problems: Problem[] = [];
  if (run.outcome !== "completed") {
    const detail = run.stderr.trim().split("\n").slice(-1)[0] ?? run.outcome;
    return [{ kind: "crash", message: PROBLEM_MESSAGES.graderFailed(detail) }];
  }
  for (const error of run.moduleErrors) {
    const fault = faultKindOf(error);
    if (fault && fault !== "load-error") {
      problems.push({ kind: PROBLEM_OF_FAULT[fault] ?? "crash", message: error.message });
    } else {
      const message = error.message.replace(/^your file could not be loaded: /, "");
      problems.push({
        kind: "load-error",
        message: PROBLEM_MESSAGES.loadError(firstLine(message), locationIn(error, sourceFile)),
      });
    }
  }
  const seen = new Set<FaultKind>();
  for (const test of run.tests) {
    const fault = faultKindOf(test.errors[0]);
    if (!fault || seen.has(fault) || !test.errors[0]!.message || /^not run /.test(test.errors[0]!.message))
      continue;
    seen.add(fault);
    problems.push({ kind: PROBLEM_OF_FAULT[fault] ?? "crash", message: test.errors[0]!.message });
  }
  if (problems.length === 0 && run.tests.length === 0)
    problems.push({ kind: "no-tests", message: PROBLEM_MESSAGES.noTests });
  return problems;
}

export function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
