import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { COURSE_FILE, REPO_ROOT } from "../course/paths.ts";
import { type Course, CourseSchema } from "./schema.ts";

/** A manifest that cannot be used; the message names the file, the field and the fix. */
export class ManifestError extends Error {
  override name = "ManifestError";
}

export const MANIFEST_MESSAGES = {
  unreadable: (file: string, reason: string) => `${file}: cannot read the course manifest (${reason})`,
  badJson: (file: string, reason: string) => `${file}: not valid JSON: ${reason}`,
  invalid: (file: string, problems: string[]) =>
    `${file}: the course manifest has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
} as const;

/** `lessons[4] (04-gradient-descent).tasks[1].points` */
function fieldPath(issuePath: readonly PropertyKey[], raw: unknown): string {
  let node = raw as Record<PropertyKey, unknown> | undefined;
  let text = "";
  for (const key of issuePath) {
    const next = node?.[key] as Record<string, unknown> | undefined;
    if (typeof key === "number") {
      const id = typeof next?.id === "string" ? ` (${next.id})` : "";
      text += `[${key}]${id}`;
    } else text += text ? `.${String(key)}` : String(key);
    node = next;
  }
  return text || "(top level)";
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): string[] {
  return issues.map((issue) => `${fieldPath(issue.path, raw)}: ${issue.message}`);
}

/** Reads and validates the course manifest. Throws {@link ManifestError} with every problem listed. */
export function loadCourse(file = COURSE_FILE): Course {
  const shown = path.relative(REPO_ROOT, file) || file;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ManifestError(MANIFEST_MESSAGES.unreadable(shown, (error as Error).message));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(MANIFEST_MESSAGES.badJson(shown, (error as Error).message));
  }
  const parsed = CourseSchema.safeParse(raw);
  if (!parsed.success)
    throw new ManifestError(MANIFEST_MESSAGES.invalid(shown, formatIssues(parsed.error.issues, raw)));
  return parsed.data;
}
