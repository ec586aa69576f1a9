/**
 * The roster: `student,repo[,ref]`, one student a line, an optional header line. A repository is a git
 * URL or a path (relative paths are relative to the roster's folder). A line the grader cannot use
 * becomes that student's problem, never a failed run.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { parseCsv } from "./csv.ts";

export interface RosterEntry {
  /** Position in the roster (0-based): gradebooks list students in this order, shards split by it. */
  index: number;
  student: string;
  repo: string;
  ref?: string;
  /** Why this line cannot be graded (a missing repository column, a student listed twice). */
  problem?: string;
}

export const ROSTER_MESSAGES = {
  noRepo: (line: number) => `roster line ${line} names no repository`,
  twice: (first: number) => `listed twice in the roster (first on line ${first}); graded once`,
  empty: "the roster lists no student (expected lines student,repo[,ref])",
} as const;

function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[\w.-]+@[\w.-]+:/.test(text);
}

export function parseRoster(text: string, rosterDir: string): RosterEntry[] {
  const rows = parseCsv(text);
  const header = rows[0]?.[0]?.trim().toLowerCase() === "student";
  const entries: RosterEntry[] = [];
  const seen = new Map<string, number>();
  rows.slice(header ? 1 : 0).forEach((cells, i) => {
    const line = i + (header ? 2 : 1);
    const [student = "", repo = "", ref = ""] = cells.map((c) => c.trim());
    if (!student) return;
    const entry: RosterEntry = { index: entries.length, student, repo: "" };
    if (!repo) entry.problem = ROSTER_MESSAGES.noRepo(line);
    else entry.repo = isUrl(repo) ? repo : path.resolve(rosterDir, repo);
    if (ref) entry.ref = ref;
    const first = seen.get(student);
    if (first !== undefined) entry.problem = ROSTER_MESSAGES.twice(first);
    else seen.set(student, line);
    entries.push(entry);
  });
  return entries;
}

/** `--shard i/n`: the students whose roster position is i − 1 modulo n (every shard gets its share). */
export function inShard(entry: RosterEntry, shard: { index: number; count: number } | undefined): boolean {
  return !shard || entry.index % shard.count === shard.index - 1;
}

/** A file name for a student's report and feedback: their name when it is safe, else made safe and unique. */
export function studentFileName(student: string): string {
  const safe = student
    .replace(/[^A-Za-z0-9._-]/g, "_")
    .replace(/^[.-]+/, "_")
    .slice(0, 60);
  if (safe === student && safe.length > 0) return safe;
  return `${safe || "student"}-${createHash("sha256").update(student).digest("hex").slice(0, 8)}`;
}
