// Every "Hidden suites catch" item of COURSE.md has a buggy variant of the solution under
// known-bugs/<lesson>/. Grading it must cost points on the named task, leave the other tasks whole
// (unless listed in alsoAffects), and say what the problem is in that task's feedback.
import { describe, expect, it } from "vitest";
import { gradeKnownBug, knownBugProblems, listFixtures, readKnownBug } from "../src/course/known-bugs.ts";
import { loadCourse } from "../src/manifest/load.ts";
import { createLimiter } from "../src/util/limiter.ts";

const course = loadCourse();
/** Each grade is a process tree: two at a time on two cores. */
const limit = createLimiter(2);

describe.concurrent.each(listFixtures())("known bug $lesson/$name", (fixture) => {
  it("loses points on its task, keeps the others, and names the problem", async () => {
    const report = await limit(() => gradeKnownBug(course, fixture));
    expect(knownBugProblems(report, await readKnownBug(fixture))).toEqual([]);
  });
});
