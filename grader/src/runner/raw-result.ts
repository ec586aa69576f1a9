/** What the child process reports for one lesson (see child.mjs); read only in the grader process. */
export interface RawError {
  message: string;
  name?: string;
  stack?: string;
}

export interface RawTest {
  /** vitest's own id of the test, which console logs refer to. */
  id: string;
  /** Describe names then the test name: `["square", "squares random real numbers"]`. */
  path: string[];
  state: string;
  errors: RawError[];
  durationMs: number;
}

export interface RawLog {
  type: "stdout" | "stderr";
  taskId?: string;
  content: string;
}

/** How one run of a hidden suite ended. */
export type RunOutcome = "completed" | "timeout" | "crashed";

export interface SuiteRun {
  outcome: RunOutcome;
  tests: RawTest[];
  /** Errors of the test file itself: a throw while importing the learner's module, a syntax error. */
  moduleErrors: RawError[];
  /** Errors vitest saw outside any test, e.g. "Worker exited unexpectedly". */
  unhandled: RawError[];
  logs: RawLog[];
  /** The tail of the suites' process's stderr: explains a failure of the grader itself, never used for credit. */
  stderr: string;
  durationMs: number;
}

/** Joins a test path into the id used in expected-tests.json. */
export function testId(path: readonly string[]): string {
  return path.join(" > ");
}
