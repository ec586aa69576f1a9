import { watch } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { lessonFile } from "../course/paths.ts";
import { gradeCourse } from "../grade/grade-course.ts";
import { loadCourse } from "../manifest/load.ts";
import type { Lesson } from "../manifest/schema.ts";
import { renderTerminal, useColor } from "../report/terminal.ts";
import { readLastGrades, saveLastGrades } from "../report/write.ts";
import { CLI_MESSAGES } from "./messages.ts";
import { resolveLesson } from "./resolve-lesson.ts";

/** Editors save in bursts (write, rename, touch): wait this long after the last event before grading. */
const DEBOUNCE_MS = 300;

/** The lesson to watch: the one named, else the first whose last grade is not complete. */
function chooseLesson(lessons: readonly Lesson[], last: ReturnType<typeof readLastGrades>): Lesson {
  return lessons.find((l) => last.get(l.id)?.status !== "complete") ?? (lessons[0] as Lesson);
}

/** `pnpm watch [lesson] [--source file]`: grades the lesson, then again every time its file is saved, until Ctrl-C. */
export async function watchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { source: { type: "string" } },
  });
  const course = loadCourse();
  const lesson = positionals[0]
    ? resolveLesson(course, positionals[0])
    : chooseLesson(course.lessons, readLastGrades());
  const file = values.source ? path.resolve(values.source) : lessonFile(lesson.id, "exercises");
  const sources = values.source ? { [lesson.id]: file } : {};
  let running = false;
  let again = false;
  const grade = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const report = await gradeCourse({
      course,
      lessons: [lesson],
      target: "exercises",
      seed: course.defaults.seed,
      sources,
    });
    saveLastGrades(report);
    console.clear();
    console.log(renderTerminal(report, useColor()));
    console.log(`\n${CLI_MESSAGES.watching(file)}`);
    running = false;
    if (again) {
      again = false;
      await grade();
    }
  };
  await grade();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(file, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void grade(), DEBOUNCE_MS);
  });
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => {
      watcher.close();
      resolve();
    });
  });
  return 0;
}
