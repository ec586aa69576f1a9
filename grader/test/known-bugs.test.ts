// Every "Hidden suites catch" item of a lesson's contract (docs/lesson-contract.md) has a buggy variant of the solution under
// known-bugs/<lesson>/. Grading it must cost points on the named task, leave the other tasks whole
// (unless listed in alsoAffects), and say what the problem is in that task's feedback.
import { describe, expect, it } from "vitest";
import { gradeKnownBugs, knownBugProblems, listFixtures, readKnownBug } from "../src/course/known-bugs.ts";
import { loadCourse } from "../src/manifest/load.ts";

const course = loadCourse();
const fixtures = listFixtures();
/** Graded a lesson-set at a time (one fixture per lesson per run), as `pnpm course bugs` does. */
const reports = gradeKnownBugs(course, fixtures);
for (const report of reports) report.catch(() => undefined);

describe.concurrent.each(fixtures.map((fixture, i) => ({ ...fixture, index: i })))(
  "known bug $lesson/$name",
  (fixture) => {
    it("loses points on its task, keeps the others, and names the problem", async () => {
      const report = await reports[fixture.index]!;
      expect(knownBugProblems(report, await readKnownBug(fixture))).toEqual([]);
    });
  },
);
