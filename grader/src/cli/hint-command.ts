import { readHints } from "../course/hints.ts";
import { loadCourse } from "../manifest/load.ts";
import { readLastGrades } from "../report/write.ts";
import { CLI_MESSAGES } from "./messages.ts";
import { resolveLesson, UsageError } from "./resolve-lesson.ts";

/** `pnpm hint <lesson> [task]`: the task's hints, gentlest first. Without a task: the first unfinished one. */
export async function hintCommand(args: string[]): Promise<number> {
  const [lessonArg, taskArg] = args;
  if (!lessonArg) throw new UsageError(CLI_MESSAGES.hintNeedsLesson);
  const course = loadCourse();
  const lesson = resolveLesson(course, lessonArg);
  let number: number;
  if (taskArg === undefined) {
    const last = readLastGrades().get(lesson.id);
    number = last?.tasks.find((t) => t.status !== "complete")?.number ?? 1;
  } else {
    const byId = lesson.tasks.findIndex((t) => t.id === taskArg || t.functions.includes(taskArg));
    number = byId >= 0 ? byId + 1 : Number(taskArg);
    if (!Number.isInteger(number) || number < 1 || number > lesson.tasks.length) {
      throw new UsageError(CLI_MESSAGES.unknownTask(lesson.id, taskArg, lesson.tasks.length));
    }
  }
  const task = lesson.tasks[number - 1]!;
  const section = readHints(lesson.id).find((s) => s.number === number);
  console.log(
    `Hints for lesson ${lesson.id.slice(0, 2)}, task ${number}: ${task.title} (${task.functions.join(", ")})`,
  );
  console.log("Read one at a time and stop as soon as you can carry on.\n");
  if (!section || section.hints.length === 0) {
    console.log(`No hints written for this task yet; re-read exercises/${lesson.id}/README.md.`);
    return 0;
  }
  section.hints.forEach((hint, i) => {
    console.log(`── Hint ${i + 1} of ${section.hints.length} ──\n${hint}\n`);
  });
  return 0;
}
