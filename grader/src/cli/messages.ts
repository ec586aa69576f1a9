/** Every message the CLI prints about how it was called, in one place. */
export const CLI_MESSAGES = {
  usage: `Usage:
  pnpm grade [lesson…] [--solutions] [--seed <n>] [--min-score <pct>] [--source <lesson>=<file>]
             [--json <file>] [--junit <file>] [--gradescope <file>] [--exercism <file>]
  pnpm hint <lesson> [task]
  pnpm lessons
  pnpm watch [lesson]             grade again every time you save the lesson's file (Ctrl-C to stop)
  pnpm course build [lesson…]     regenerate stubs, expected test ids and JSON Schemas (instructors)
  pnpm course check [--seeds n]   every stub fails, every solution passes (also under n more seeds), nothing drifts
  pnpm course bugs [lesson…]      what each known-bug fixture keeps, and whether its feedback names the bug
  pnpm course export <dir>        the student version: no solutions, hidden suites packed

A lesson is its number or its id: 4, 04, 04-gradient-descent or gradient-descent.`,
  unknownCommand: (command: string) => `Unknown command "${command}".`,
  unknownLesson: (given: string, suggestion: string | undefined) =>
    `There is no lesson "${given}".${suggestion ? ` Did you mean ${suggestion}?` : ""} \`pnpm lessons\` lists them all.`,
  unknownTask: (lesson: string, given: string, count: number) =>
    `Lesson ${lesson} has no task "${given}"; give a number from 1 to ${count} or a task id.`,
  badSeed: (given: string) => `--seed takes a whole number from 0 to 2^32 − 1, not "${given}".`,
  badSeedCount: (given: string) =>
    `--seeds takes how many extra seeds to grade the solutions with (0 to 20), not "${given}".`,
  badMinScore: (given: string) => `--min-score takes a percentage from 0 to 100, not "${given}".`,
  badSource: (given: string) =>
    `--source takes <lesson>=<file>, e.g. --source 04=my-gradient-descent.ts, not "${given}".`,
  hintNeedsLesson: "Which lesson? For example: pnpm hint 02 3 (lesson 02, task 3).",
  belowMinScore: (percent: number, min: number) => `Score ${percent} % is below --min-score ${min} %.`,
  couldNotGrade: (reason: string) => `The grader could not grade: ${reason}`,
  watching: (file: string) => `Watching ${file}: save it to grade again. Ctrl-C to stop.`,
  reportWritten: (file: string) => `Report written to ${file}.`,
} as const;
