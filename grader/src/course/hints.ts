import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, WORK_DIR } from "./paths.ts";

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

/** How many hints of each task the learner has seen, for `pnpm hint` to show the next one (git-ignored). */
export const HINTS_SEEN_FILE = path.join(WORK_DIR, "hints-seen.json");

/** Lesson id → task number → how many of its hints were shown, e.g. `{ "11-backpropagation": { "2": 1 } }`. */
export type SeenHints = Record<string, Record<string, number>>;

const LESSON_KEY = /^\d{2}-[a-z0-9-]+$/;
const TASK_KEY = /^[1-9]\d*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What was seen; a missing or corrupt file, or a corrupt entry in it, counts as nothing seen. */
export function readSeenHints(file = HINTS_SEEN_FILE): SeenHints {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return {};
  }
  const seen: SeenHints = {};
  if (!isRecord(data)) return seen;
  for (const [lesson, tasks] of Object.entries(data)) {
    if (!LESSON_KEY.test(lesson) || !isRecord(tasks)) continue;
    for (const [task, count] of Object.entries(tasks)) {
      if (!TASK_KEY.test(task) || typeof count !== "number" || !Number.isInteger(count) || count < 1)
        continue;
      (seen[lesson] ??= {})[task] = count;
    }
  }
  return seen;
}

/** Saves what was seen (written whole, then renamed, so a crash cannot leave half a file). */
export function writeSeenHints(seen: SeenHints, file = HINTS_SEEN_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const kept = Object.fromEntries(Object.entries(seen).filter(([, tasks]) => Object.keys(tasks).length > 0));
  writeFileSync(temporary, `${JSON.stringify(kept, null, 2)}\n`);
  renameSync(temporary, file);
}
