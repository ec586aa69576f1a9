/** Every message the CLI prints about how it was called, in one place. */
export const CLI_MESSAGES = {
  usage: `Usage:
  pnpm grade [lesson…] [--solutions] [--seed <n>] [--min-score <pct>] [--source <lesson>=<file>]
             [--json <file>] [--junit <file>] [--gradescope <file>] [--exercism <file>] [--classroom <file>] [--html <file>] [--verbose]
             [--sandbox strict|basic|auto]  (auto: strict where the machine allows it)
             [--submission <folder | git URL or path>[#ref]]  grade only its learner files, on this checkout
  pnpm hint <lesson> [task]       the next hint you have not seen (--all: every hint; --reset: start over)
  pnpm lessons
  pnpm visible [lesson…]          the worked examples next to your files (not the grade)
  pnpm watch [lesson] [--page [--port <n>] [--open]]   grade again every time you save; --page serves the lesson's page on 127.0.0.1, redrawn on save
  pnpm plot <lesson…|all>         draw the lesson's figures from your code (--solutions, --compare, --open)
  pnpm course build [lesson…]     regenerate stubs, expected test ids and JSON Schemas (instructors)
  pnpm course check [--seeds n]   every stub fails, every solution passes (also under n more seeds), nothing drifts
  pnpm course bugs [lesson…]      what each known-bug fixture keeps, and whether its feedback names the bug
  pnpm course export <dir> [--hidden-suites packed|omit]   the student version of the committed tree
  pnpm course mutants [lesson…]   mutation testing of the hidden suites: Stryker mutates each solution, the
                                  suite grades every mutant through the sandbox; prints killed/total and the
                                  survivors (docs/mutation-testing.md). [--concurrency n] [--seed n]
                                  [--timeout-ms n] [--out dir] (default grader/mutants/out) [--progress]
                                  [--log-level off|error|warn|info|debug]
  pnpm gradebook <roster.csv> --out <dir> [--deadline <ISO time>] [--shard i/n] [--jobs n]
                                  grade every student's repository: gradebook.csv, reports, feedback
  pnpm gradebook merge <dir…> --out <dir>      join the gradebooks of shards
  pnpm gradebook feedback <report.json> [--out <file>]   a report as a Markdown feedback page

A lesson is its number or its id: 4, 04, 04-gradient-descent or gradient-descent.`,
  unknownCommand: (command: string) => `Unknown command "${command}".`,
  unknownLesson: (given: string, suggestion: string | undefined) =>
    `There is no lesson "${given}".${suggestion ? ` Did you mean ${suggestion}?` : ""} \`pnpm lessons\` lists them all.`,
  unknownTask: (lesson: string, given: string, count: number) =>
    `Lesson ${lesson} has no task "${given}"; give a number from 1 to ${count} or a task id.`,
  badSeed: (given: string) => `--seed takes a whole number from 0 to 2^32 − 1, not "${given}".`,
  badSeedCount: (given: string) =>
    `--seeds takes how many extra seeds to grade the solutions with (0 to 20), not "${given}".`,
  badSandbox: (given: string) =>
    `--sandbox takes strict (namespaces and uid nobody; refuses to grade where the machine cannot), basic (Node's permission model) or auto (the default), not "${given}".`,
  badMinScore: (given: string) => `--min-score takes a percentage from 0 to 100, not "${given}".`,
  badSource: (given: string) =>
    `--source takes <lesson>=<file>, e.g. --source 04=my-gradient-descent.ts, not "${given}".`,
  hintNeedsLesson: "Which lesson? For example: pnpm hint 02 3 (lesson 02, task 3).",
  hintUnknownOption: (option: string) =>
    `pnpm hint has no option "${option}". It takes --all (every hint of the task at once) and\n--reset (forget which hints you have seen), e.g. pnpm hint 02 3 --all.`,
  hintOptionValue: (option: string) => `${option} takes no value; write just ${option}.`,
  hintTooManyArguments: (extra: string) =>
    `pnpm hint takes a lesson and a task, e.g. pnpm hint 02 3; "${extra}" is one argument too many.`,
  hintHeader: (lesson: string, task: number, title: string, functions: readonly string[]) =>
    `Hints for lesson ${lesson}, task ${task}: ${title} (${functions.join(", ")})`,
  hintNoneWritten: (lessonId: string) =>
    `No hints written for this task yet; re-read exercises/${lessonId}/README.md.`,
  hintTitle: (index: number, total: number) => `── Hint ${index} of ${total} ──`,
  hintMore: (remaining: number, command: string) =>
    `${remaining} more: run \`${command}\` again for the next one, or \`${command} --all\` for all of them.`,
  hintWasLast: (lessonId: string, command: string) =>
    `That was the last hint for this task. Still stuck? Re-read exercises/${lessonId}/README.md.\n\`${command} --all\` shows them all again; \`${command} --reset\` starts over.`,
  hintAllSeen: (total: number, command: string) =>
    `You have seen all ${total} hints for this task; here is the last one again.\n\`${command} --all\` shows all ${total}; \`${command} --reset\` starts over.`,
  hintAllAtOnce: "All of them at once: read one at a time and stop as soon as you can carry on.",
  hintResetAll: "Forgot which hints you have seen, in every lesson: the next `pnpm hint` starts at hint 1.",
  hintResetLesson: (lesson: string) => `Forgot which hints of lesson ${lesson} you have seen.`,
  hintResetTask: (lesson: string, task: number) =>
    `Forgot which hints of lesson ${lesson}, task ${task} you have seen.`,
  hintNotRemembered: (reason: string) =>
    `(Could not remember that you saw this hint: ${reason}. The next call shows it again.)`,
  belowMinScore: (percent: number, min: number) => `Score ${percent} % is below --min-score ${min} %.`,
  couldNotGrade: (reason: string) => `The grader could not grade: ${reason}`,
  watching: (file: string) => `Watching ${file}: save it to grade again. Ctrl-C to stop.`,
  reportWritten: (file: string) => `Report written to ${file}.`,
} as const;
