import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths.ts";

/** One task's hints, gentlest first, from a `## N. name` section of HINTS.md. */
export interface TaskHints {
  number: number;
  heading: string;
  hints: string[];
}

const TASK_HEADING = /^## (\d+)\.\s*(.*)$/;
const HINT_HEADING = /^### /;

/** Parses HINTS.md: `## N. title` per task, `### Hint k` per hint. */
export function parseHints(markdown: string): TaskHints[] {
  const tasks: TaskHints[] = [];
  let current: TaskHints | undefined;
  let hint: string[] | undefined;
  const flush = () => {
    if (current && hint?.join("\n").trim()) current.hints.push(hint.join("\n").trim());
    hint = undefined;
  };
  for (const line of markdown.split("\n")) {
    const task = TASK_HEADING.exec(line);
    if (task) {
      flush();
      current = { number: Number(task[1]), heading: task[2]?.trim() ?? "", hints: [] };
      tasks.push(current);
    } else if (current && HINT_HEADING.test(line)) {
      flush();
      hint = [];
    } else if (hint) hint.push(line);
  }
  flush();
  return tasks;
}

export function hintsFile(lessonId: string): string {
  return path.join(REPO_ROOT, "exercises", lessonId, "HINTS.md");
}

export function readHints(lessonId: string): TaskHints[] {
  return parseHints(readFileSync(hintsFile(lessonId), "utf8"));
}
