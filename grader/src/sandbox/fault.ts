/**
 * A learner call that did not end with a value or a throw of its own: the sandbox's child was stopped
 * (deadline, memory, a message too large), crashed, exited, or broke the conversation. The error's
 * name tells the grader which it was; its message is written for the learner.
 */
export type FaultKind =
  | "timeout"
  | "out-of-memory"
  | "crash"
  | "exit"
  | "too-large"
  | "protocol"
  | "stale"
  | "load-error";

/** Error names by kind: the report reads these (see grade/diagnose.ts). */
export const FAULT_NAMES: Record<FaultKind, string> = {
  timeout: "LearnerTimeout",
  "out-of-memory": "LearnerOutOfMemory",
  crash: "LearnerCrash",
  exit: "LearnerExit",
  "too-large": "LearnerMessageTooLarge",
  protocol: "LearnerProtocol",
  stale: "LearnerStale",
  "load-error": "LearnerLoadError",
};

export class SandboxFault extends Error {
  constructor(
    readonly kind: FaultKind,
    message: string,
    readonly learnerError?: Error,
  ) {
    super(message);
    this.name = FAULT_NAMES[kind];
  }
}

export const FAULT_MESSAGES = {
  timeout: (seconds: number, where: string) =>
    `timed out after ${seconds} s ${where}; the call was stopped. Look for a loop that never ends (a stopping test that is never true), or for work that grows too fast (a search through an array inside a loop over many items).`,
  noTimeLeft: (seconds: number, where: string) =>
    `not run ${where}: an earlier check of this task used up its ${seconds} s (see the first timed-out check).`,
  outOfMemory: (megabytes: number, where: string) =>
    `ran out of memory ${where} (the cap is ${megabytes} MB). Look for an array that grows without end.`,
  tooLarge: (bytes: number, where: string) =>
    `returned a value too large to check (${Math.round(bytes / 2 ** 20)} MB) ${where}. Return only what the task asks for.`,
  crash: (where: string, how: string) => `your code's process crashed ${where} (${how}).`,
  stack: (where: string) =>
    `your code's process crashed ${where}: the call stack overflowed (endless recursion?).`,
  exit: (code: string, where: string) =>
    `your code called process.exit(${code}) ${where}; remove it: the grader decides when a run ends.`,
  protocol: (detail: string) =>
    `your code's process broke its conversation with the grader (${detail}); the call counts as failed.`,
  stale: "a value from an earlier run of your code was used after that run was stopped.",
  loadError: (error: Error) => `your file could not be loaded: ${error.name}: ${error.message}`,
} as const;
