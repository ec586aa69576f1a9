/**
 * The equivalent-mutant list (grader/mutants/equivalent.json, checked in): mutants of a solution that no
 * test could tell from the solution, because they compute the same thing (or differ only where the
 * lesson's contract leaves the answer open). `pnpm course mutants` reports them apart from survivors;
 * `staleEquivalents` finds entries that no longer match a mutant Stryker would make (the solution
 * changed), without running Stryker.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Course } from "../../manifest/schema.ts";
import { lessonFile, REPO_ROOT } from "../paths.ts";
import { enumerateMutants, type MutantKey, repoPath, sameMutant } from "./identify.ts";

export const EQUIVALENTS_FILE = path.join(REPO_ROOT, "grader", "mutants", "equivalent.json");

export const EquivalentSchema = z
  .object({
    lesson: z.string().regex(/^\d{2}-[a-z0-9-]+$/),
    file: z.string().min(1),
    line: z.number().int().positive(),
    /** Only when the same mutation of the same code occurs twice on the line. */
    column: z.number().int().positive().optional(),
    mutator: z.string().min(1),
    original: z.string(),
    replacement: z.string(),
    reason: z
      .string()
      .min(10)
      .refine((r) => !r.includes("\n"), "one line"),
  })
  .strict();

export type Equivalent = z.infer<typeof EquivalentSchema>;

export const EquivalentListSchema = z.array(EquivalentSchema);

/** The checked-in list (an empty list when there is no file). Throws on a malformed file, naming it. */
export function loadEquivalents(file = EQUIVALENTS_FILE): Equivalent[] {
  if (!existsSync(file)) return [];
  const parsed = EquivalentListSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(
      `${path.relative(REPO_ROOT, file)}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

/** The listed entry a mutant is, if any. */
export function findEquivalent(list: readonly Equivalent[], key: MutantKey): Equivalent | undefined {
  return list.find((e) => sameMutant(e, key));
}

export interface StaleEquivalent {
  entry: Equivalent;
  /** Why it is stale, in a sentence (with where the same mutation now is, when it moved). */
  problem: string;
}

/**
 * Entries of the list that no longer correspond to a mutant Stryker would make of the lesson's
 * solution (or that name an unknown lesson, or a file that is not the lesson's solution). Runs Stryker's
 * instrumenter only (well under a second a lesson); nothing is executed.
 */
export async function staleEquivalents(
  course: Course,
  list: readonly Equivalent[] = loadEquivalents(),
  root = REPO_ROOT,
): Promise<StaleEquivalent[]> {
  const stale: StaleEquivalent[] = [];
  const mutantsOf = new Map<string, Promise<MutantKey[]>>();
  for (const entry of list) {
    const lesson = course.lessons.find((l) => l.id === entry.lesson);
    if (!lesson) {
      stale.push({ entry, problem: `there is no lesson ${entry.lesson} in the course` });
      continue;
    }
    const solution = repoPath(lessonFile(lesson.id, "solutions", root), root);
    if (entry.file !== solution) {
      stale.push({ entry, problem: `${entry.file} is not the solution of ${lesson.id} (${solution})` });
      continue;
    }
    if (!existsSync(path.join(root, solution))) {
      stale.push({ entry, problem: `${solution} does not exist` });
      continue;
    }
    let mutants = mutantsOf.get(solution);
    if (!mutants) {
      mutants = enumerateMutants(solution, undefined, root);
      mutantsOf.set(solution, mutants);
    }
    const all = await mutants;
    if (all.some((m) => sameMutant(m, entry))) continue;
    const { column: _column, ...anywhere } = entry;
    const moved = all.filter((m) => sameMutant(m, { ...anywhere, line: m.line }));
    stale.push({
      entry,
      problem:
        moved.length > 0
          ? `no such mutant on line ${entry.line} any more; the same mutation is now on line ${moved.map((m) => m.line).join(", ")}`
          : `Stryker no longer makes this mutant of ${solution} (the code changed)`,
    });
  }
  return stale;
}
