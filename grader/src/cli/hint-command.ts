import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { HINTS_SEEN_FILE, hintsFile, readHints, readSeenHints, writeSeenHints } from "../course/hints.ts";
import { renderHint } from "../course/render-math.ts";
import { loadCourse } from "../manifest/load.ts";
import type { Lesson } from "../manifest/schema.ts";
import { useColor } from "../report/terminal.ts";
import { readLastGrades } from "../report/write.ts";
import { CLI_MESSAGES } from "./messages.ts";
import { resolveLesson, UsageError } from "./resolve-lesson.ts";

const OPTIONS = { all: { type: "boolean" }, reset: { type: "boolean" } } as const;

/** Lesson, task and flags; an unknown option or a value given to a flag is a UsageError. */
function parseHintArgs(args: string[]) {
  const { values, positionals, tokens } = parseArgs({
    args,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (!(token.name in OPTIONS)) throw new UsageError(CLI_MESSAGES.hintUnknownOption(token.rawName));
    if (token.value !== undefined) throw new UsageError(CLI_MESSAGES.hintOptionValue(token.rawName));
  }
  const [lessonArg, taskArg, extra] = positionals;
  if (extra !== undefined) throw new UsageError(CLI_MESSAGES.hintTooManyArguments(extra));
  return { lessonArg, taskArg, all: values.all === true, reset: values.reset === true };
}

/** The task's 1-based number: given by number, id or function name, else the first unfinished one. */
function taskNumber(lesson: Lesson, taskArg: string | undefined): number {
  if (taskArg === undefined) {
    const last = readLastGrades().get(lesson.id);
    return last?.tasks.find((t) => t.status !== "complete")?.number ?? 1;
  }
  const byId = lesson.tasks.findIndex((t) => t.id === taskArg || t.functions.includes(taskArg));
  const number = byId >= 0 ? byId + 1 : Number(taskArg);
  if (!Number.isInteger(number) || number < 1 || number > lesson.tasks.length) {
    throw new UsageError(CLI_MESSAGES.unknownTask(lesson.id, taskArg, lesson.tasks.length));
  }
  return number;
}

/**
 * `pnpm hint <lesson> [task] [--all] [--reset]`: the next hint of the task not seen yet, gentlest first, or
 * all of them with --all. Without a task: the first unfinished one. What was seen is kept in `seenFile`.
 */
export async function hintCommand(args: string[], seenFile = HINTS_SEEN_FILE): Promise<number> {
  const { lessonArg, taskArg, all, reset } = parseHintArgs(args);
  const seen = readSeenHints(seenFile);
  const save = (): void => {
    try {
      writeSeenHints(seen, seenFile);
    } catch (error) {
      console.error(CLI_MESSAGES.hintNotRemembered(error instanceof Error ? error.message : String(error)));
    }
  };
  if (!lessonArg) {
    if (!reset) throw new UsageError(CLI_MESSAGES.hintNeedsLesson);
    for (const lesson of Object.keys(seen)) delete seen[lesson];
    save();
    console.log(CLI_MESSAGES.hintResetAll);
    return 0;
  }
  const lesson = resolveLesson(loadCourse(), lessonArg);
  const lessonNumber = lesson.id.slice(0, 2);
  const number = taskNumber(lesson, taskArg);
  const task = lesson.tasks[number - 1]!;
  const key = String(number);
  if (reset) {
    if (taskArg === undefined) delete seen[lesson.id];
    else delete seen[lesson.id]?.[key];
    console.log(
      taskArg === undefined
        ? CLI_MESSAGES.hintResetLesson(lessonNumber)
        : CLI_MESSAGES.hintResetTask(lessonNumber, number),
    );
  }

  const hints = existsSync(hintsFile(lesson.id))
    ? (readHints(lesson.id).find((s) => s.number === number)?.hints ?? [])
    : [];
  console.log(CLI_MESSAGES.hintHeader(lessonNumber, number, task.title, task.functions));
  if (hints.length === 0) {
    console.log(CLI_MESSAGES.hintNoneWritten(lesson.id));
    if (reset) save();
    return 0;
  }
  const color = useColor();
  const show = (index: number): void => {
    console.log(
      `\n${CLI_MESSAGES.hintTitle(index + 1, hints.length)}\n${renderHint(hints[index]!, { color })}`,
    );
  };
  const total = hints.length;
  const command = `pnpm hint ${lessonNumber} ${number}`;
  const before = Math.min(seen[lesson.id]?.[key] ?? 0, total);

  if (all) {
    console.log(CLI_MESSAGES.hintAllAtOnce);
    hints.forEach((_, index) => {
      show(index);
    });
  } else if (before === total) {
    console.log(CLI_MESSAGES.hintAllSeen(total, command));
    show(total - 1);
  } else {
    show(before);
    const remaining = total - before - 1;
    console.log(
      `\n${remaining > 0 ? CLI_MESSAGES.hintMore(remaining, command) : CLI_MESSAGES.hintWasLast(lesson.id, command)}`,
    );
  }
  const after = all ? total : Math.min(before + 1, total);
  if (after !== (seen[lesson.id]?.[key] ?? 0) || reset) {
    (seen[lesson.id] ??= {})[key] = after;
    save();
  }
  return 0;
}
