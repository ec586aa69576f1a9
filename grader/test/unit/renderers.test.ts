import { describe, expect, it } from "vitest";
import { renderExercism, renderGradescope } from "../../src/report/autograders.ts";
import { renderGithubAnnotations, renderGithubSummary } from "../../src/report/github.ts";
import { renderJunit } from "../../src/report/junit.ts";
import type { GradeReport } from "../../src/report/schema.ts";
import { reportOf } from "../report-fixture.ts";

const report: GradeReport = reportOf(
  [
    {
      id: "00-welcome",
      title: "Welcome",
      source: "exercises/00-welcome/welcome.ts",
      status: "partial",
      points: 1,
      maxPoints: 3,
      durationMs: 10,
      problems: [],
      tasks: [
        {
          id: "square",
          number: 1,
          title: "Square",
          functions: ["square"],
          points: 1,
          maxPoints: 1,
          status: "complete",
          passed: 1,
          total: 1,
          tests: [{ id: "square > a", name: "a", status: "passed", durationMs: 1 }],
        },
        {
          id: "secant-slope",
          number: 2,
          title: "Secant",
          functions: ["secantSlope"],
          points: 0,
          maxPoints: 2,
          status: "failing",
          passed: 0,
          total: 1,
          tests: [
            {
              id: "secant-slope > b",
              name: "b",
              status: "failed",
              message: "Called:   secantSlope(f, 1, 3)\nGot:      8 & <odd>",
              durationMs: 2,
            },
          ],
        },
      ],
    },
  ],
  { course: "Course", durationMs: 10 },
);

describe("report renderers", () => {
  it("JUnit: a testcase per hidden test, failures escaped", () => {
    const xml = renderJunit(report);
    expect(xml).toContain('<testsuite name="00-welcome" tests="2" failures="1"');
    expect(xml).toContain('<testcase classname="00-welcome" name="square &gt; a" time="0.001"/>');
    expect(xml).toContain("8 &amp; &lt;odd&gt;");
  });

  it("Gradescope: a test per task with its points; Exercism v3: a test per check with its task number", () => {
    const gradescope = JSON.parse(renderGradescope(report));
    expect(gradescope.score).toBe(1);
    expect(gradescope.tests[1]).toMatchObject({ score: 0, max_score: 2, status: "failed" });
    const exercism = JSON.parse(renderExercism(report));
    expect(exercism).toMatchObject({ version: 3, status: "fail" });
    expect(exercism.tests[1]).toMatchObject({ status: "fail", task_id: 2 });
  });

  it("GitHub: a summary table and an annotation on the failing function, newlines escaped", () => {
    expect(renderGithubSummary(report)).toContain("| 00-welcome | 1 / 3 | partial |");
    const [annotation] = renderGithubAnnotations(report);
    expect(annotation).toMatch(
      /^::error file=exercises\/00-welcome\/welcome\.ts,line=\d+,title=00-welcome task 2%3A Secant/,
    );
    expect(annotation).toContain("secantSlope(f, 1, 3)%0AGot:");
    expect(renderGithubAnnotations(report)).toHaveLength(1);
  });
});
