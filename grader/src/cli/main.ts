/**
 * The calcml CLI: `pnpm grade`, `pnpm hint`, `pnpm lessons`, `pnpm course build|check`.
 * Exit codes: 0 when the command ran (whatever the score), 1 when --min-score was not reached or a
 * course check failed, 2 when the grader could not do its job (bad arguments, a broken manifest).
 */
import { ManifestError } from "../manifest/load.ts";
import { CLI_MESSAGES } from "./messages.ts";
import { UsageError } from "./resolve-lesson.ts";

type Command = (args: string[]) => Promise<number>;
/** Each command loads only what it needs (`course build` needs TypeScript; `grade` must start fast). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  grade: async () => (await import("./grade-command.ts")).gradeCommand,
  hint: async () => (await import("./hint-command.ts")).hintCommand,
  lessons: async () => (await import("./lessons-command.ts")).lessonsCommand,
  course: async () => (await import("./course-command.ts")).courseCommand,
  watch: async () => (await import("./watch-command.ts")).watchCommand,
  plot: async () => (await import("./plot-command.ts")).plotCommand,
  visible: async () => (await import("./visible-command.ts")).visibleCommand,
  gradebook: async () => (await import("./gradebook-command.ts")).gradebookCommand,
};

/** node:util's parseArgs rejects an unknown option or a missing value with one of these codes. */
function isArgumentError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS_");
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "help" || argv.includes("--help") || argv.includes("-h")) {
    console.log(CLI_MESSAGES.usage);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) throw new UsageError(`${CLI_MESSAGES.unknownCommand(command)}\n\n${CLI_MESSAGES.usage}`);
  return (await load())(args);
}

try {
  process.exitCode = await main(process.argv.slice(2).filter((arg) => arg !== "--"));
} catch (error) {
  if (error instanceof UsageError || error instanceof ManifestError) {
    console.error(error.message);
  } else if (isArgumentError(error)) {
    console.error(`${error.message}\n\n${CLI_MESSAGES.usage}`);
  } else {
    console.error(
      CLI_MESSAGES.couldNotGrade(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    );
  }
  process.exitCode = 2;
}
