/** What the grader tells a suite's process about one lesson's sandbox (through the environment). */
export interface SandboxConfig {
  lessonId: string;
  /** The program that starts the child, and its arguments (the strict-mode wrapper, node, host, bundle). */
  command: string;
  args: string[];
  /** The learner time each task may use, in ms (the manifest's `timeLimitSeconds`). */
  timeLimitMs: number;
  /** V8's heap cap in the child; resident memory may exceed it by the headroom (code, stacks, buffers). */
  memoryLimitMb: number;
  memoryHeadroomMb: number;
  level: SandboxLevel;
  /** The two FIFOs the trusted side and the child talk through (the child may open only these). */
  fifos: { toLearner: string; toGrader: string };
  /** What the learner's bundled file exports (the suite's `@lesson/<id>` module offers these names). */
  exports: string[];
  /**
   * Mutation testing only (`pnpm course mutants`, grader/src/course/mutants/): each child this trusted
   * side starts is told the mutant Stryker activated in this process (`globalThis.__stryker__`), so the
   * instrumented solution in the sandbox runs that mutant. Grading never sets it.
   */
  strykerMutants?: boolean;
}

/**
 * `strict`: own PID and network namespaces, an unprivileged uid, Node's permission model, no
 * environment. `basic`: Node's permission model and no environment only (a learner's own laptop).
 */
export type SandboxLevel = "strict" | "basic";

/** The environment variable that carries every lesson's SandboxConfig, as JSON, to the suites. */
export const CONFIG_VARIABLE = "CALCML_SANDBOX";
