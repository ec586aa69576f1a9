import { FAULT_NAMES } from "../sandbox/fault.ts";
import { CheckError } from "./check-error.ts";
import { describeCall } from "./describe-value.ts";

/** Errors whose message starts with this come from an untouched stub. */
export const TODO_PREFIX = "TODO";
/** What V8 says when code writes to a frozen array or object (hidden suites pass frozen inputs). */
const FROZEN_WRITE =
  /read[- ]only|not extensible|object is not extensible|Cannot (assign|add|delete)|frozen/i;
export const MUTATION_WHY =
  "it tried to change an input it was given (the grader passes frozen arrays): copy it first, e.g. x.slice() or [...x], and change the copy";

/**
 * Calls a learner function and turns anything it throws into a message that names the call.
 * A stub's `TODO` error passes through untouched so the grader can report "not started".
 */
export function callLearner<R>(name: string, fn: (...args: never[]) => R, ...args: unknown[]): R {
  if (typeof fn !== "function") {
    throw new CheckError({
      called: describeCall(name, args),
      got: `${name} is ${fn === undefined ? "not exported by your file" : `not a function but ${String(fn)}`}`,
      why: `export it as the stub does (\`export function ${name}(…)\`), with exactly this name`,
    });
  }
  try {
    return (fn as (...a: unknown[]) => R)(...args);
  } catch (error) {
    throw wrapLearnerError(error, describeCall(name, args));
  }
}

/** Names of the sandbox's faults (a timeout, a crash…): they pass through as the grader reports them. */
const FAULTS = new Set<string>(Object.values(FAULT_NAMES));

/** Wraps a throw from learner code, keeping TODO errors and the sandbox's faults recognisable. */
export function wrapLearnerError(error: unknown, called: string): Error {
  if (error instanceof Error && error.message.startsWith(TODO_PREFIX)) return error;
  if (error instanceof Error && FAULTS.has(error.name)) return error;
  if (error instanceof CheckError) return error;
  if (error instanceof TypeError && FROZEN_WRITE.test(error.message)) {
    return new CheckError({ called, got: `it threw TypeError: ${error.message}`, why: MUTATION_WHY });
  }
  const what =
    error instanceof Error ? `${error.name}: ${error.message}` : `a non-Error value (${String(error)})`;
  const wrapped = new CheckError({ called, got: `it threw ${what}`, why: throwWhy(error, called) });
  if (error instanceof Error && error.stack)
    wrapped.stack = `${wrapped.message}\n${error.stack.split("\n").slice(1).join("\n")}`;
  return wrapped;
}

/**
 * Why a throw is wrong here. An error that names another function ("eigSym: matrix is not symmetric")
 * came from something the learner's code called, which is worth saying.
 */
function throwWhy(error: unknown, called: string): string {
  const thrower = error instanceof Error ? /^([A-Za-z_$][\w$.]*): /.exec(error.message)?.[1] : undefined;
  const callee = called.split("(")[0];
  if (thrower && thrower !== callee) {
    return `the error comes from \`${thrower}\`, which your code called: check what you pass it (the README says which inputs this function must handle)`;
  }
  return "the function should return a value here, not throw";
}

/** Whether an error message starts with the function's name: `mse: …`, never `mseGradient: …`. */
export function startsWithName(message: string, name: string): boolean {
  return message.startsWith(name) && !/^[\w$]/.test(message.slice(name.length));
}

/**
 * Expects `fn` to throw a RangeError whose message starts with `name` (the lesson contract
 * (docs/lesson-contract.md): invalid input throws `RangeError` naming the function and the problem).
 * With `fromAnywhere`, any RangeError will do: for errors the README lets come from a function the
 * learner's code calls (`miniBatches`, `solve`).
 */
export function expectRangeError(
  name: string,
  fn: (...args: never[]) => unknown,
  args: unknown[],
  problem: string,
  fromAnywhere = false,
): void {
  const called = describeCall(name, args);
  try {
    (fn as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    if (error instanceof Error && (error.message.startsWith(TODO_PREFIX) || FAULTS.has(error.name)))
      throw error;
    const isRangeError = error instanceof Error && error.name === "RangeError";
    if (isRangeError && (fromAnywhere || startsWithName(error.message, name))) return;
    const got = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new CheckError({
      called,
      got: `it threw ${got}`,
      expected: fromAnywhere
        ? `a RangeError (${problem})`
        : `a RangeError whose message starts with ${name} (${problem})`,
      why: fromAnywhere
        ? "invalid input throws RangeError"
        : isRangeError
          ? `start the message with the function's name, e.g. "${name}: ${problem}"`
          : "invalid input throws RangeError with a message that starts with the function's name and says the problem",
    });
  }
  throw new CheckError({ called, got: "it returned normally", expected: `a RangeError: ${problem}` });
}
