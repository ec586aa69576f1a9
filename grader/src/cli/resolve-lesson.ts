import type { Course, Lesson } from "../manifest/schema.ts";
import { CLI_MESSAGES } from "./messages.ts";

/** A command-line mistake: printed as is, without a stack trace, and the CLI exits with code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest id or slug, if any is close enough to be a likely typo. */
export function suggest(given: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = Math.min(editDistance(given, candidate), editDistance(given, candidate.slice(3)));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(given.length / 3)) ? best.candidate : undefined;
}

/** Finds a lesson by number (`4`, `04`), id (`04-gradient-descent`) or slug (`gradient-descent`). */
export function resolveLesson(course: Course, given: string): Lesson {
  const key = given
    .trim()
    .toLowerCase()
    .replace(/[\\/]+$/, "")
    .replace(/^.*[\\/]/, "");
  const lesson = course.lessons.find(
    (l) =>
      l.id === key ||
      l.id.slice(3) === key ||
      (/^\d{1,2}$/.test(key) && Number(l.id.slice(0, 2)) === Number(key)),
  );
  if (!lesson)
    throw new UsageError(
      CLI_MESSAGES.unknownLesson(
        given,
        suggest(
          key,
          course.lessons.map((l) => l.id),
        ),
      ),
    );
  return lesson;
}
