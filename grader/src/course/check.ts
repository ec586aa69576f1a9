import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadExpectedTests } from "../grade/expected-tests.ts";
import { gradeCourse } from "../grade/grade-course.ts";
import { isValidationTest, VALIDATION_PREFIX } from "../grade/score.ts";
import type { Course, Lesson } from "../manifest/schema.ts";
import type { LessonReport } from "../report/schema.ts";
import { auditFindings } from "./audit.ts";
import { collectExpectedTests, type GeneratedFile, schemaFiles, stubFiles } from "./build.ts";
import { readHints } from "./hints.ts";
import { lessonAlias, lessonFile, lessonSlug, REPO_ROOT, suiteFile } from "./paths.ts";
import { throwsMismatches } from "./throws-check.ts";

/** One finding of the course self-check. */
export interface Finding {
  lesson: string;
  ok: boolean;
  message: string;
}

export const CHECK_MESSAGES = {
  missingFile: (file: string) => `${file} is missing`,
  hints: (file: string, found: number, tasks: number) =>
    `${file} has ${found} task sections (## N.) but the lesson has ${tasks} tasks; number them 1 to ${tasks} in task order`,
  noHints: (file: string, number: number) => `${file}: section ## ${number}. has no "### Hint" subsections`,
  drift: (file: string) =>
    `${file} differs from what \`pnpm course build\` generates; run it and commit the result`,
  noPath: (alias: string) =>
    `tsconfig.json has no paths entry for ${alias}; add it (run \`pnpm course build\` to see the expected one)`,
  expectedDrift: (lesson: string) =>
    `grader/suites/expected-tests.json is out of date for ${lesson}; run \`pnpm course build ${lesson.slice(0, 2)}\``,
  unknownTask: (test: string) =>
    `the hidden test "${test}" is not inside a task of the manifest (top-level task("<id>") blocks only)`,
  emptyTask: (task: string) => `task ${task} has no hidden tests`,
  solutionShort: (points: number, max: number, detail: string) =>
    `the solution scores ${points} / ${max}, not full marks: ${detail}`,
  seedFragile: (seed: number, points: number, max: number, detail: string) =>
    `with --seed ${seed} the solution scores ${points} / ${max}; a correct answer must pass under every seed: ${detail}`,
  stubScores: (points: number, detail: string) =>
    `the stub earns ${points} points; a stub must earn none: ${detail}`,
  validationName: (test: string) =>
    `the hidden test "${test}" checks a RangeError but is not named "${VALIDATION_PREFIX}…": name it so, so that input validation counts for at most a tenth of the task (split it if it also checks behaviour)`,
  strayFile: (file: string, allowed: string) =>
    `${file} does not belong in a lesson folder (allowed: ${allowed}); move it out, or delete it`,
  strayFolder: (folder: string) =>
    `${folder} is not a lesson of grader/course.json; add the lesson to the manifest, or remove the folder`,
  staleEquivalent: (file: string, mutant: string, problem: string) =>
    `${file} lists ${mutant}, but ${problem}: fix its line or remove the entry (pnpm course mutants shows the current survivors)`,
  noSecondSolution: (file: string) =>
    `${file} is missing: write a second correct solution from the README and stub alone (it shows the checks accept more than the reference)`,
  secondShort: (seed: number, points: number, max: number, detail: string) =>
    `the second solution scores ${points} / ${max} with --seed ${seed}: a correct answer that follows the README must earn full marks: ${detail}`,
  stubNotTodo: (detail: string) =>
    `the stub fails without its TODO error (${detail}); is the stub really a stub?`,
} as const;

function relative(file: string): string {
  return path.relative(REPO_ROOT, file);
}

function fileFindings(lesson: Lesson): Finding[] {
  const findings: Finding[] = [];
  const say = (ok: boolean, message: string) => findings.push({ lesson: lesson.id, ok, message });
  const files = [
    lessonFile(lesson.id, "solutions"),
    lessonFile(lesson.id, "exercises"),
    path.join(REPO_ROOT, "exercises", lesson.id, `${lessonSlug(lesson.id)}.test.ts`),
    path.join(REPO_ROOT, "exercises", lesson.id, "README.md"),
    path.join(REPO_ROOT, "exercises", lesson.id, "HINTS.md"),
    suiteFile(lesson.id),
  ];
  for (const file of files) if (!existsSync(file)) say(false, CHECK_MESSAGES.missingFile(relative(file)));
  const hintsPath = path.join("exercises", lesson.id, "HINTS.md");
  if (existsSync(path.join(REPO_ROOT, hintsPath))) {
    const sections = readHints(lesson.id);
    const numbered = sections.every((s, i) => s.number === i + 1);
    if (sections.length !== lesson.tasks.length || !numbered)
      say(false, CHECK_MESSAGES.hints(hintsPath, sections.length, lesson.tasks.length));
    for (const section of sections)
      if (section.hints.length === 0) say(false, CHECK_MESSAGES.noHints(hintsPath, section.number));
  }
  return findings;
}

function driftFindings(lessonId: string, generated: readonly GeneratedFile[]): Finding[] {
  return generated
    .filter(({ file, content }) => !existsSync(file) || readFileSync(file, "utf8") !== content)
    .map(({ file }) => ({ lesson: lessonId, ok: false, message: CHECK_MESSAGES.drift(relative(file)) }));
}

function pathsFindings(lessons: readonly Lesson[]): Finding[] {
  const tsconfig = JSON.parse(readFileSync(path.join(REPO_ROOT, "tsconfig.json"), "utf8")) as {
    compilerOptions?: { paths?: Record<string, string[]> };
  };
  const paths = tsconfig.compilerOptions?.paths ?? {};
  return lessons
    .filter((l) => paths[lessonAlias(l.id)]?.[0] !== `./${relative(lessonFile(l.id, "solutions"))}`)
    .map((l) => ({ lesson: l.id, ok: false, message: CHECK_MESSAGES.noPath(lessonAlias(l.id)) }));
}

async function suiteFindings(course: Course, lessons: readonly Lesson[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  const collected = await collectExpectedTests(course, lessons, course.defaults.seed);
  const saved = loadExpectedTests();
  for (const lesson of lessons) {
    const say = (message: string) => findings.push({ lesson: lesson.id, ok: false, message });
    const ids = collected[lesson.id] ?? [];
    if (JSON.stringify(ids) !== JSON.stringify(saved[lesson.id] ?? []))
      say(CHECK_MESSAGES.expectedDrift(lesson.id));
    for (const id of ids)
      if (!lesson.tasks.some((t) => id.startsWith(`${t.id} > `))) say(CHECK_MESSAGES.unknownTask(id));
    for (const task of lesson.tasks)
      if (!ids.some((id) => id.startsWith(`${task.id} > `))) say(CHECK_MESSAGES.emptyTask(task.id));
    for (const id of ids) {
      const name = id.slice(id.indexOf(" > ") + 3);
      if (/RangeError/.test(name) && !isValidationTest(name)) say(CHECK_MESSAGES.validationName(id));
    }
    for (const { message } of auditFindings(lesson.id, ids)) say(message);
    const readme = readFileSync(path.join(REPO_ROOT, "exercises", lesson.id, "README.md"), "utf8");
    const stub = readFileSync(lessonFile(lesson.id, "exercises"), "utf8");
    for (const message of throwsMismatches(lesson, readme, stub)) say(message);
  }
  return findings;
}

/** Files a lesson folder may hold, per side. */
function allowedFiles(lessonId: string, side: "exercises" | "solutions"): string[] {
  const slug = lessonSlug(lessonId);
  return side === "solutions" ? [`${slug}.ts`] : [`${slug}.ts`, `${slug}.test.ts`, "README.md", "HINTS.md"];
}

/** Folders for lessons the manifest does not have, and files that do not belong in a lesson folder. */
function strayFindings(course: Course): Finding[] {
  const findings: Finding[] = [];
  const ids = new Set(course.lessons.map((l) => l.id));
  for (const side of ["exercises", "solutions"] as const) {
    const root = path.join(REPO_ROOT, side);
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === "node_modules") continue;
      if (!ids.has(entry.name)) {
        findings.push({
          lesson: "course",
          ok: false,
          message: CHECK_MESSAGES.strayFolder(`${side}/${entry.name}`),
        });
        continue;
      }
      const allowed = allowedFiles(entry.name, side);
      for (const file of readdirSync(path.join(root, entry.name)))
        if (!allowed.includes(file))
          findings.push({
            lesson: entry.name,
            ok: false,
            message: CHECK_MESSAGES.strayFile(`${side}/${entry.name}/${file}`, allowed.join(", ")),
          });
    }
  }
  return findings;
}

function summarise(messages: readonly (string | undefined)[]): string {
  return messages.filter(Boolean).slice(0, 3).join(" | ").replace(/\s+/g, " ").slice(0, 400);
}

function solutionShortfall(lesson: LessonReport): string {
  const failing = lesson.tasks.flatMap((t) =>
    t.tests.filter((x) => x.status !== "passed").map((x) => `${x.id}: ${x.message ?? x.status}`),
  );
  return summarise([...lesson.problems.map((p) => p.message), ...failing]);
}

/** Grades the solutions again under other seeds: probe points move, and full marks must not. */
async function seedFindings(
  course: Course,
  lessons: readonly Lesson[],
  seeds: readonly number[],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const seed of seeds) {
    const report = await gradeCourse({ course, lessons, target: "solutions", seed });
    for (const lesson of report.lessons.filter((l) => l.points < l.maxPoints)) {
      findings.push({
        lesson: lesson.id,
        ok: false,
        message: CHECK_MESSAGES.seedFragile(seed, lesson.points, lesson.maxPoints, solutionShortfall(lesson)),
      });
    }
  }
  return findings;
}

async function gradeFindings(course: Course, lessons: readonly Lesson[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  const seed = course.defaults.seed;
  const solutions = await gradeCourse({ course, lessons, target: "solutions", seed });
  const stubs = await gradeCourse({ course, lessons, target: "exercises", seed });
  for (const lesson of solutions.lessons) {
    const failing = lesson.tasks.flatMap((t) =>
      t.tests.filter((x) => x.status !== "passed").map((x) => `${x.id}: ${x.message ?? x.status}`),
    );
    const detail = summarise([...lesson.problems.map((p) => p.message), ...failing]);
    const ok = lesson.points === lesson.maxPoints;
    findings.push({
      lesson: lesson.id,
      ok,
      message: ok
        ? `solution: ${lesson.points} / ${lesson.maxPoints}`
        : CHECK_MESSAGES.solutionShort(lesson.points, lesson.maxPoints, detail),
    });
  }
  for (const lesson of stubs.lessons) {
    const passing = lesson.tasks.flatMap((t) =>
      t.tests.filter((x) => x.status === "passed").map((x) => x.id),
    );
    const notTodo = lesson.tasks.flatMap((t) =>
      t.tests
        .filter((x) => x.status !== "todo" && x.status !== "passed")
        .map((x) => `${x.id}: ${x.message ?? x.status}`),
    );
    if (lesson.points > 0)
      findings.push({
        lesson: lesson.id,
        ok: false,
        message: CHECK_MESSAGES.stubScores(lesson.points, summarise(passing)),
      });
    else if (lesson.status !== "not-started")
      findings.push({
        lesson: lesson.id,
        ok: false,
        message: CHECK_MESSAGES.stubNotTodo(
          summarise([...lesson.problems.map((p) => p.message), ...notTodo]),
        ),
      });
    else findings.push({ lesson: lesson.id, ok: true, message: "stub: 0 points, not started" });
  }
  return findings;
}

/** Where a lesson's second, independently written solution lives. */
export function secondSolutionFile(lessonId: string): string {
  return path.join(REPO_ROOT, "grader", "test", "second-solutions", lessonId, `${lessonSlug(lessonId)}.ts`);
}

/** Grades the second solutions under the default seed and the extra ones: each must earn full marks. */
async function secondSolutionFindings(
  course: Course,
  lessons: readonly Lesson[],
  seeds: readonly number[],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const present = lessons.filter((l) => existsSync(secondSolutionFile(l.id)));
  for (const lesson of lessons.filter((l) => !present.includes(l)))
    findings.push({
      lesson: lesson.id,
      ok: false,
      message: CHECK_MESSAGES.noSecondSolution(relative(secondSolutionFile(lesson.id))),
    });
  if (present.length === 0) return findings;
  const sources = Object.fromEntries(present.map((l) => [l.id, secondSolutionFile(l.id)]));
  for (const seed of [course.defaults.seed, ...seeds]) {
    const report = await gradeCourse({ course, lessons: present, target: "solutions", seed, sources });
    for (const lesson of report.lessons)
      findings.push({
        lesson: lesson.id,
        ok: lesson.points === lesson.maxPoints,
        message:
          lesson.points === lesson.maxPoints
            ? `second solution: ${lesson.points} / ${lesson.maxPoints} (seed ${seed})`
            : CHECK_MESSAGES.secondShort(seed, lesson.points, lesson.maxPoints, solutionShortfall(lesson)),
      });
  }
  return findings;
}

/** Entries of the equivalent-mutant list that no longer match a mutant of their lesson's solution. */
async function equivalentFindings(course: Course): Promise<Finding[]> {
  // Loaded only here: Stryker's instrumenter is heavy and only the self-check needs it.
  const { EQUIVALENTS_FILE, staleEquivalents } = await import("./mutants/equivalents.ts");
  try {
    return (await staleEquivalents(course)).map(({ entry, problem }) => ({
      lesson: entry.lesson,
      ok: false,
      message: CHECK_MESSAGES.staleEquivalent(
        relative(EQUIVALENTS_FILE),
        `${entry.file}:${entry.line} ${entry.mutator}: ${entry.original} → ${entry.replacement}`,
        problem,
      ),
    }));
  } catch (error) {
    return [{ lesson: "course", ok: false, message: (error as Error).message }];
  }
}

/** The instructor's self-check: files, drift, expected tests, solutions at full marks, stubs at zero. */
export async function checkCourse(
  course: Course,
  lessons: readonly Lesson[],
  extraSeeds: readonly number[] = [],
): Promise<Finding[]> {
  const findings = lessons.flatMap(fileFindings);
  const complete = lessons.filter((l) => !findings.some((f) => f.lesson === l.id && !f.ok));
  for (const lesson of complete) {
    try {
      findings.push(...driftFindings(lesson.id, stubFiles([lesson])));
    } catch (error) {
      findings.push({ lesson: lesson.id, ok: false, message: (error as Error).message });
    }
  }
  findings.push(
    ...driftFindings("course", schemaFiles()),
    ...pathsFindings(lessons),
    ...strayFindings(course),
    ...(await equivalentFindings(course)),
  );
  if (complete.length > 0) {
    findings.push(...(await suiteFindings(course, complete)), ...(await gradeFindings(course, complete)));
    findings.push(...(await seedFindings(course, complete, extraSeeds)));
    findings.push(...(await secondSolutionFindings(course, complete, extraSeeds)));
  }
  return findings;
}
