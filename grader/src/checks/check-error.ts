/** The parts of a failure message; every hidden-suite failure says what was called and what was expected. */
export interface Failure {
  /** The call that was made, e.g. `centralDifference(x ↦ x³, 2, 1e-5)`. */
  called?: string | undefined;
  /** What came back, already described. */
  got?: string | undefined;
  /** What was expected, with its oracle and tolerance. */
  expected?: string | undefined;
  /** Which rule was broken, in plain words. */
  why?: string | undefined;
}

/**
 * A failed check. The message is plain text with labelled lines so that the grader can show it as is;
 * it never relies on `expect`, which learner code shares a process with.
 */
export class CheckError extends Error {
  constructor(failure: Failure | string) {
    super(typeof failure === "string" ? failure : renderFailure(failure));
    this.name = "CheckError";
  }
}

export function renderFailure(failure: Failure): string {
  const lines: string[] = [];
  if (failure.called) lines.push(`Called:   ${failure.called}`);
  if (failure.got !== undefined) lines.push(`Got:      ${failure.got}`);
  if (failure.expected) lines.push(`Expected: ${failure.expected}`);
  if (failure.why) lines.push(`Why:      ${failure.why}`);
  return lines.join("\n");
}

/** Throws a {@link CheckError}. */
export function fail(failure: Failure | string): never {
  throw new CheckError(failure);
}

/** Fails with `failure` unless `condition` holds. */
export function check(condition: boolean, failure: Failure | string | (() => Failure | string)): void {
  if (!condition) fail(typeof failure === "function" ? failure() : failure);
}

/**
 * Runs a check and, when it fails without a `Why:` line, adds the diagnosis `diagnose` computes (a
 * diagnosis that itself throws is ignored). For checks whose helper has no `why` option.
 */
export function explained(run: () => void, diagnose: () => string | undefined): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof CheckError) || error.message.includes("\nWhy:")) throw error;
    let why: string | undefined;
    try {
      why = diagnose();
    } catch {
      why = undefined;
    }
    if (why === undefined) throw error;
    throw new CheckError(`${error.message}\nWhy:      ${why}`);
  }
}
