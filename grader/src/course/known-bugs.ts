import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadExpectedTests } from "../grade/expected-tests.ts";
import { gradeLesson, gradeLessons } from "../grade/grade-lesson.ts";
import type { Course } from "../manifest/schema.ts";
import type { LessonReport } from "../report/schema.ts";
import { REPO_ROOT } from "./paths.ts";

/** Where the buggy variants of each lesson's solution live (see AUTHORING.md). */
export const KNOWN_BUGS_DIR = path.join(REPO_ROOT, "grader/test/known-bugs");

/** What a fixture declares: the task it must cost points on, and the feedback that must name it. */
export interface KnownBug {
  task: string;
  feedback: RegExp;
  alsoAffects?: readonly string[];
}

export interface Fixture {
  lesson: string;
  name: string;
  file: string;
}

/** Every fixture, sorted, optionally only those of some lessons. */
export function listFixtures(lessons?: readonly string[]): Fixture[] {
  return readdirSync(KNOWN_BUGS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (!lessons || lessons.includes(d.name)))
    .flatMap((d) =>
      readdirSync(path.join(KNOWN_BUGS_DIR, d.name))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => ({
          lesson: d.name,
          name: f.replace(/\.ts$/, ""),
          file: path.join(KNOWN_BUGS_DIR, d.name, f),
        })),
    )
    .sort((a, b) => a.file.localeCompare(b.file));
}

export async function readKnownBug(fixture: Fixture): Promise<KnownBug> {
  // Fixtures are TypeScript: the compiled CLI loads them through tsx's loader, registered on first use.
  await registerTypeScript();
  return ((await import(pathToFileURL(fixture.file).href)) as { knownBug: KnownBug }).knownBug;
}

let typescriptLoader: Promise<unknown> | undefined;
function registerTypeScript(): Promise<unknown> {
  typescriptLoader ??= import("tsx/esm/api").then((tsx) => tsx.register());
  return typescriptLoader;
}

/**
 * Grades a course-owned file (a known-bug or fault fixture) as lesson `lessonId`'s learner file, through
 * the real grader. Such fixtures may import the solution they modify; learner files may not.
 */
export function gradeFixtureFile(course: Course, lessonId: string, file: string): Promise<LessonReport> {
  const lesson = course.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`fixture ${file}: no lesson ${lessonId} in the manifest`);
  return gradeLesson({
    course,
    lesson,
    sourceFile: file,
    expectedTests: loadExpectedTests()[lesson.id],
    seed: course.defaults.seed,
    allowTrustedImports: true,
  });
}

/** Grades a known-bug fixture as its lesson's learner file. */
export function gradeKnownBug(course: Course, fixture: Fixture): Promise<LessonReport> {
  return gradeFixtureFile(course, fixture.lesson, fixture.file);
}

/** What went wrong with a graded fixture, or nothing when it behaves as declared. */
export function knownBugProblems(report: LessonReport, bug: KnownBug): string[] {
  const target = report.tasks.find((t) => t.id === bug.task);
  if (!target) return [`no task ${bug.task} in ${report.id}`];
  const problems: string[] = [];
  if (target.points >= target.maxPoints) problems.push(`task ${bug.task} kept full marks`);
  const exempt = new Set([bug.task, ...(bug.alsoAffects ?? [])]);
  for (const other of report.tasks.filter((t) => !exempt.has(t.id) && t.points < t.maxPoints)) {
    problems.push(
      `task ${other.id} lost points too (${other.points} / ${other.maxPoints}); list it in alsoAffects or narrow the bug`,
    );
  }
  const messages = target.tests.filter((t) => t.status !== "passed").map((t) => t.message ?? "");
  if (!messages.some((m) => bug.feedback.test(m)))
    problems.push(`no failure message of ${bug.task} matches ${bug.feedback}`);
  return problems;
}

/**
 * Grades many fixtures in few runs: each run takes at most one fixture per lesson (a run grades each
 * lesson once), so 157 fixtures of 16 lessons need about ten runs of the suites' process, one after
 * another. Returns one promise per fixture, in order.
 */
export function gradeKnownBugs(course: Course, fixtures: readonly Fixture[]): Promise<LessonReport>[] {
  const rounds: Fixture[][] = [];
  for (const fixture of fixtures) {
    const round = rounds.find((r) => !r.some((f) => f.lesson === fixture.lesson));
    if (round) round.push(fixture);
    else rounds.push([fixture]);
  }
  const expected = loadExpectedTests();
  const settled = new Map<Fixture, Promise<LessonReport>>();
  let previous: Promise<unknown> = Promise.resolve();
  for (const round of rounds) {
    const graded = previous.then(() =>
      gradeLessons(
        round.map((fixture) => {
          const lesson = course.lessons.find((l) => l.id === fixture.lesson);
          if (!lesson)
            throw new Error(`fixture ${fixture.file}: no lesson ${fixture.lesson} in the manifest`);
          return {
            course,
            lesson,
            sourceFile: fixture.file,
            expectedTests: expected[lesson.id],
            seed: course.defaults.seed,
            allowTrustedImports: true,
          };
        }),
      ),
    );
    previous = graded.catch(() => undefined);
    for (const [i, fixture] of round.entries())
      settled.set(
        fixture,
        graded.then((reports) => reports[i]!),
      );
  }
  return fixtures.map((fixture) => settled.get(fixture)!);
}
