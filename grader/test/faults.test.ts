// Each fault fixture is lesson 00 with one kind of misbehaviour (docs/grading.md). The grader
// must score it as what it is, say what happened, and keep grading everything else.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/course/paths.ts";
import { gradeCourse } from "../src/grade/grade-course.ts";
import { createLimiter } from "../src/util/limiter.ts";
import { courseWithLimits, gradeFixture, task } from "./grade-fixture.ts";

/** Short, so that the suite stays quick; the defaults are 10 s and 512 MB. */
const LIMIT_SECONDS = 4;
const MEMORY_MB = 128;
const course = courseWithLimits(LIMIT_SECONDS, MEMORY_MB);
const scratch = mkdtempSync(path.join(os.tmpdir(), "calcml-faults-"));
/** Each grade is a process tree: two at a time on two cores. */
const limit = createLimiter(2);
const fixture = (name: string) =>
  limit(() => gradeFixture("00-welcome", `grader/test/fixtures/faults/${name}.ts`, course));

describe.concurrent("grading misbehaving learner code", () => {
  it("stops a synchronous infinite loop at the deadline, names the function, and keeps the other task's points", async () => {
    const report = await fixture("infinite-loop");
    expect(report.status).toBe("timed-out");
    expect(report.problems[0]?.message).toContain(`timed out after ${LIMIT_SECONDS} s in \`secantSlope\``);
    expect(task(report, "square").points).toBe(1);
    expect(task(report, "secant-slope").points).toBe(0);
    expect(task(report, "secant-slope").tests.every((t) => t.status === "timeout")).toBe(true);
    // The stuck call ran to its deadline; the task's other checks were then refused at once.
    expect(report.durationMs).toBeGreaterThanOrEqual(LIMIT_SECONDS * 1000);
    expect(
      task(report, "secant-slope")
        .tests.slice(1)
        .every((t) => t.message?.includes("used up its")),
    ).toBe(true);
  });

  it("reports running out of memory as such, and keeps the other task's points", async () => {
    const report = await fixture("out-of-memory");
    expect(report.status).toBe("crashed");
    expect(report.problems.map((p) => p.kind)).toContain("out-of-memory");
    expect(report.problems[0]?.message).toContain(`the cap is ${MEMORY_MB} MB`);
    expect(report.problems[0]?.message).toContain("`secantSlope`");
    expect(task(report, "square").points).toBe(1);
    expect(task(report, "secant-slope").points).toBe(0);
  });

  it("never reads process.exit(0) at import as success", async () => {
    const report = await fixture("exit-at-import");
    expect(report.points).toBe(0);
    expect(report.problems.map((p) => p.kind)).toEqual(["exit"]);
    expect(report.tasks.flatMap((t) => t.tests).every((t) => t.status === "missing")).toBe(true);
  });

  it("reports a throw at import with the file and line", async () => {
    const report = await fixture("throw-at-import");
    expect(report.points).toBe(0);
    expect(report.problems[0]?.kind).toBe("load-error");
    expect(report.problems[0]?.message).toMatch(
      /boom while loading \(grader\/test\/fixtures\/faults\/throw-at-import\.ts:4\)/,
    );
  });

  it("is not fooled by patched Object.is, Math.abs or Array.prototype.every", async () => {
    const report = await fixture("monkeypatch");
    expect(report.points).toBe(0);
    expect(report.tasks.flatMap((t) => t.tests).every((t) => t.status === "failed")).toBe(true);
  });

  it("fails only the task whose function recurses without end", async () => {
    const report = await fixture("stack-overflow");
    expect(task(report, "square").status).toBe("complete");
    expect(task(report, "secant-slope").tests[0]?.message).toContain("Maximum call stack size exceeded");
  });

  it("grades the other lessons of the same run normally while one loops", async () => {
    const lessons = course.lessons.filter((l) => l.id === "00-welcome" || l.id === "15-integration");
    const report = await limit(() =>
      gradeCourse({
        course,
        lessons,
        target: "solutions",
        seed: course.defaults.seed,
        sources: { "00-welcome": path.join(REPO_ROOT, "grader/test/fixtures/faults/infinite-loop.ts") },
        allowTrustedImports: true,
      }),
    );
    expect(report.lessons.map((l: { id: string; status: string }) => [l.id, l.status])).toEqual([
      ["00-welcome", "timed-out"],
      ["15-integration", "complete"],
    ]);
  });

  it("stops a module whose top-level await never settles", async () => {
    const report = await fixture("await-loop-at-import");
    expect(report.status).toBe("timed-out");
    expect(report.points).toBe(0);
    expect(report.problems[0]?.message).toContain(
      `timed out after ${LIMIT_SECONDS} s while loading your file`,
    );
  });

  it("is not stalled by an asynchronous loop started at import: the sandbox answers calls synchronously", async () => {
    const report = await fixture("microtask-loop");
    expect(report.status).toBe("complete");
    expect(report.problems).toEqual([]);
  });

  it("grades correct code that floods the console, keeping a few lines per test", async () => {
    const report = await fixture("console-flood");
    expect(report.status).toBe("complete");
    const shown = task(report, "square").tests.map((t) => t.console?.length ?? 0);
    expect(Math.min(...shown)).toBeGreaterThan(0);
    expect(Math.max(...shown)).toBeLessThanOrEqual(21);
  });

  it("reports a syntax error with its file, line and column, and the line itself", async () => {
    const broken = writeBroken("syntax-error.ts", "  return x * x;", "  return x * ;");
    const report = await limit(() => gradeFixture("00-welcome", broken, course));
    expect(report.points).toBe(0);
    expect(report.problems[0]?.message).toMatch(
      /syntax error at .*syntax-error\.ts:\d+:\d+: Unexpected ";"\n\s+return x \* ;/,
    );
  });

  it("names a function the file forgot to export, and still grades the others", async () => {
    const broken = writeBroken("no-export.ts", "export function square", "function square");
    const report = await limit(() => gradeFixture("00-welcome", broken, course));
    expect(report.problems.map((p) => p.kind)).toEqual(["missing-export"]);
    expect(task(report, "square").tests[0]?.message).toContain("square is not exported by your file");
    expect(task(report, "secant-slope").status).toBe("complete");
  });
});

/** The lesson 00 solution with one piece of text replaced, written to a scratch file. */
function writeBroken(name: string, from: string, to: string): string {
  const source = readFileSync(path.join(REPO_ROOT, "solutions/00-welcome/welcome.ts"), "utf8");
  if (!source.includes(from)) throw new Error(`lesson 00's solution no longer contains "${from}"`);
  const file = path.join(scratch, name);
  writeFileSync(file, source.replace(from, to));
  return file;
}
