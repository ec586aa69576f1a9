// Every "Hidden suites catch" item of COURSE.md has a buggy variant of the solution under
// known-bugs/<lesson>/. Grading it must cost points on the named task, leave the other tasks whole
// (unless listed in alsoAffects), and say what the problem is in that task's feedback.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/course/paths.ts";
import { createLimiter } from "../src/util/limiter.ts";
import { gradeFixture } from "./grade-fixture.ts";

interface KnownBug {
  task: string;
  feedback: RegExp;
  alsoAffects?: readonly string[];
}

const ROOT = path.join(REPO_ROOT, "grader/test/known-bugs");
const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(ROOT, d.name))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => ({ lesson: d.name, name: f.replace(/\.ts$/, ""), file: path.join(ROOT, d.name, f) })),
  )
  .sort((a, b) => a.file.localeCompare(b.file));

/** Each grade is a process tree: two at a time on two cores. */
const limit = createLimiter(2);

describe.concurrent.each(fixtures)("known bug $lesson/$name", ({ lesson, file }) => {
  it("loses points on its task, keeps the others, and names the problem", async () => {
    const report = await limit(() => gradeFixture(lesson, file));
    const { knownBug } = (await import(pathToFileURL(file).href)) as { knownBug: KnownBug };
    const target = report.tasks.find((t) => t.id === knownBug.task);
    expect(target, `task ${knownBug.task} exists in ${report.id}`).toBeDefined();
    expect(target!.points, `points kept on ${knownBug.task}`).toBeLessThan(target!.maxPoints);
    const exempt = new Set([knownBug.task, ...(knownBug.alsoAffects ?? [])]);
    for (const other of report.tasks.filter((t) => !exempt.has(t.id))) {
      expect(other.points, `task ${other.id} should keep full marks`).toBe(other.maxPoints);
    }
    const messages = target!.tests.filter((t) => t.status !== "passed").map((t) => t.message ?? "");
    expect(
      messages.some((m) => knownBug.feedback.test(m)),
      `feedback matching ${knownBug.feedback} in:\n${messages.join("\n---\n")}`,
    ).toBe(true);
  });
});
