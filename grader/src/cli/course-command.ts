import path from "node:path";
import { parseArgs } from "node:util";
import {
  collectExpectedTests,
  expectedTestsFile,
  schemaFiles,
  stubFiles,
  writeGenerated,
} from "../course/build.ts";
import { checkCourse } from "../course/check.ts";
import { exportCourse } from "../course/export.ts";
import { gradeKnownBugs, knownBugProblems, listFixtures, readKnownBug } from "../course/known-bugs.ts";
import { REPO_ROOT } from "../course/paths.ts";
import { loadExpectedTests } from "../grade/expected-tests.ts";
import { loadCourse } from "../manifest/load.ts";
import { CLI_MESSAGES } from "./messages.ts";
import { resolveLesson, UsageError } from "./resolve-lesson.ts";

async function build(args: string[]): Promise<number> {
  const course = loadCourse();
  const lessons = args.length > 0 ? args.map((a) => resolveLesson(course, a)) : course.lessons;
  const stubs = stubFiles(lessons);
  const expected = {
    ...loadExpectedTests(),
    ...(await collectExpectedTests(course, lessons, course.defaults.seed)),
  };
  const ordered = Object.fromEntries(
    course.lessons.filter((l) => expected[l.id]).map((l) => [l.id, expected[l.id]!]),
  );
  const files = [...stubs, expectedTestsFile(ordered), ...schemaFiles()];
  writeGenerated(files);
  for (const { file } of files) console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
  return 0;
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seeds: { type: "string", default: "0" } },
  });
  const extra = Number(values.seeds);
  if (!Number.isInteger(extra) || extra < 0 || extra > 20)
    throw new UsageError(CLI_MESSAGES.badSeedCount(values.seeds));
  const course = loadCourse();
  const lessons = positionals.length > 0 ? positionals.map((a) => resolveLesson(course, a)) : course.lessons;
  const extraSeeds = Array.from({ length: extra }, (_, i) => course.defaults.seed + i + 1);
  const started = performance.now();
  const findings = await checkCourse(course, lessons, extraSeeds);
  const failures = findings.filter((f) => !f.ok);
  for (const lesson of ["course", ...lessons.map((l) => l.id)]) {
    const mine = findings.filter((f) => f.lesson === lesson);
    if (mine.length === 0) continue;
    const bad = mine.filter((f) => !f.ok);
    console.log(`${bad.length === 0 ? "✓" : "✗"} ${lesson}`);
    for (const finding of bad.length === 0 ? mine : bad) console.log(`    ${finding.message}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const passed = findings.filter((f) => f.ok).length;
  console.log(
    failures.length === 0
      ? `\ncourse check passed (${lessons.length} lessons, ${seconds} s)`
      : `\ncourse check failed: ${failures.length} problems (${seconds} s)`,
  );
  // The plain closing line CI reads.
  console.log(`self-check: ${passed} passed, ${failures.length} failed`);
  return failures.length === 0 ? 0 : 1;
}

/** `pnpm course bugs [lesson…]`: each known-bug fixture, the points its task kept, and any problem. */
async function bugs(args: string[]): Promise<number> {
  const course = loadCourse();
  const lessons = args.length > 0 ? args.map((a) => resolveLesson(course, a).id) : undefined;
  const fixtures = listFixtures(lessons);
  const reports = gradeKnownBugs(course, fixtures);
  let failures = 0;
  for (const [i, fixture] of fixtures.entries()) {
    const report = await reports[i]!;
    const bug = await readKnownBug(fixture);
    const task = report.tasks.find((t) => t.id === bug.task);
    const problems = knownBugProblems(report, bug);
    failures += problems.length > 0 ? 1 : 0;
    const kept = task ? `${task.points} / ${task.maxPoints}` : "?";
    console.log(
      `${problems.length === 0 ? "✓" : "✗"} ${fixture.lesson}/${fixture.name}: ${bug.task} kept ${kept}`,
    );
    for (const problem of problems) console.log(`    ${problem}`);
  }
  console.log(`known bugs: ${fixtures.length - failures} passed, ${failures} failed`);
  return failures === 0 ? 0 : 1;
}

/**
 * `pnpm course export <dir> [--hidden-suites packed|omit]`: the student version of the committed tree,
 * without answers or plaintext suites, with the student repository's workflows.
 */
async function exportTo(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "hidden-suites": { type: "string", default: "packed" } },
  });
  const [target] = positionals;
  if (!target) throw new UsageError("Where to? For example: pnpm course export ../calcml-student");
  const hiddenSuites = values["hidden-suites"];
  if (hiddenSuites !== "packed" && hiddenSuites !== "omit")
    throw new UsageError(`--hidden-suites takes packed or omit, not "${hiddenSuites}".`);
  const files = exportCourse(loadCourse(), path.resolve(target), { hiddenSuites });
  const suites =
    hiddenSuites === "packed"
      ? "hidden suites packed"
      : "hidden suites left out: pnpm grade runs the visible tests";
  console.log(
    `exported ${files} files of the last commit to ${path.resolve(target)} (no solutions; ${suites})`,
  );
  return 0;
}

/**
 * `pnpm course mutants [lesson…] [--seed n] [--concurrency n] [--timeout-ms n] [--out dir] [--progress]`:
 * mutation testing of the hidden suites (docs/mutation-testing.md).
 */
async function mutants(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seed: { type: "string" },
      concurrency: { type: "string", default: "2" },
      out: { type: "string" },
      "timeout-ms": { type: "string" },
      progress: { type: "boolean", default: false },
      "log-level": { type: "string", default: "warn" },
    },
  });
  const course = loadCourse();
  const lessons = positionals.length > 0 ? positionals.map((a) => resolveLesson(course, a)) : course.lessons;
  const seed = values.seed === undefined ? course.defaults.seed : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(CLI_MESSAGES.badSeed(values.seed ?? ""));
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError(`--concurrency takes a whole number from 1 to 64, not "${values.concurrency}".`);
  const timeoutMS = values["timeout-ms"] === undefined ? undefined : Number(values["timeout-ms"]);
  if (timeoutMS !== undefined && (!Number.isInteger(timeoutMS) || timeoutMS < 0))
    throw new UsageError(`--timeout-ms takes a whole number of milliseconds, not "${values["timeout-ms"]}".`);
  const logLevel = values["log-level"];
  if (!["off", "error", "warn", "info", "debug"].includes(logLevel))
    throw new UsageError(`--log-level takes off, error, warn, info or debug, not "${logLevel}".`);
  const { runMutants, MUTANTS_OUT_DIR } = await import("../course/mutants/run.ts");
  const { renderReport, renderTable } = await import("../course/mutants/render.ts");
  const outDir = path.resolve(values.out ?? MUTANTS_OUT_DIR);
  const width = Math.max(...lessons.map((l) => l.id.length));
  console.log(renderTable([], undefined, width).split("\n")[0]);
  const report = await runMutants(course, lessons, {
    seed,
    concurrency,
    outDir,
    ...(timeoutMS === undefined ? {} : { timeoutMS }),
    timeoutFactor: 1.5,
    progress: values.progress,
    logLevel,
    onLesson: (lesson) => console.log(renderTable([lesson], undefined, width).split("\n")[1]),
  });
  console.log(`\n${renderReport(report)}`);
  console.log(
    `wrote ${path.relative(REPO_ROOT, path.join(outDir, "report.json"))} (and Stryker's reports per lesson)`,
  );
  return report.lessons.some((l) => l.failure) ? 1 : 0;
}

/** `pnpm course build|check|bugs|export|mutants …` (instructors). */
export async function courseCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "build") return build(rest);
  if (sub === "check") return check(rest);
  if (sub === "bugs") return bugs(rest);
  if (sub === "export") return exportTo(rest);
  if (sub === "mutants") return mutants(rest);
  throw new UsageError(
    '`pnpm course` takes "build", "check", "bugs", "export" or "mutants", e.g. `pnpm course check`.',
  );
}
