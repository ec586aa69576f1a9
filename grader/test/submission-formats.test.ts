// The result formats other platforms read, each checked against a zod schema written from its spec:
// GitHub Classroom (the reporter's JSON and the base64 `result` step output), Gradescope (results.json)
// and Exercism (test-runner interface v3).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/course/paths.ts";
import {
  ExercismResultSchema,
  GradescopeResultSchema,
  renderExercism,
  renderGradescope,
} from "../src/report/autograders.ts";
import { ClassroomResultSchema, classroomOutput, renderClassroom } from "../src/report/classroom.ts";
import type { GradeReport, LessonReport, TestReport } from "../src/report/schema.ts";
import { errorReport } from "../src/report/write.ts";
import { reportOf } from "./report-fixture.ts";

function test(id: string, status: TestReport["status"], message?: string): TestReport {
  return { id, name: id.split(" > ")[1]!, status, durationMs: 3, ...(message ? { message } : {}) };
}

function lesson(id: string, tasks: [string, number, number, TestReport[]][]): LessonReport {
  return {
    id,
    title: `Lesson ${id}`,
    source: `exercises/${id}/x.ts`,
    status: "partial",
    points: tasks.reduce((s, t) => s + t[1], 0),
    maxPoints: tasks.reduce((s, t) => s + t[2], 0),
    durationMs: 10,
    problems: [],
    tasks: tasks.map(([taskId, points, maxPoints, tests], i) => ({
      id: taskId,
      number: i + 1,
      title: taskId,
      functions: [taskId],
      points,
      maxPoints,
      status: points === maxPoints ? "complete" : points > 0 ? "partial" : "failing",
      passed: tests.filter((t) => t.status === "passed").length,
      total: tests.length,
      tests,
    })),
  };
}

const report: GradeReport = reportOf(
  [
    lesson("00-a", [
      ["one", 1, 1, [test("one > works", "passed")]],
      ["two", 1, 2, [test("two > right", "passed"), test("two > wrong", "failed", "Got: 3\n::error::x")]],
    ]),
    lesson("01-b", [
      [
        "three",
        1,
        2,
        [test("three > ok", "passed"), test("three > loop", "timeout", "timed out after 10 s")],
      ],
      ["four", 0, 2, [test("four > never ran", "missing", "your file has a syntax error")]],
    ]),
  ],
  { target: "custom", durationMs: 2500 },
);

describe("GitHub Classroom", () => {
  it("one test per task with its points; max_score is the total; statuses pass, fail, error", () => {
    const result = ClassroomResultSchema.parse(JSON.parse(renderClassroom(report)));
    expect(result).toMatchObject({ version: 1, status: "fail", max_score: 7 });
    expect(result.tests.map((t) => [t.status, t.score, t.max_score])).toEqual([
      ["pass", 1, 1],
      ["fail", 1, 2],
      ["fail", 1, 2],
      ["error", 0, 2],
    ]);
    expect(result.tests.reduce((s, t) => s + t.score, 0)).toBe(report.points);
    expect(result.tests[1]!.message).toContain(": :error::x");
  });

  it("the step output is result=<base64 of the same JSON>, on one line", () => {
    const line = classroomOutput(report);
    expect(line).toMatch(/^result=[A-Za-z0-9+/=]+\n$/);
    const decoded = JSON.parse(Buffer.from(line.slice(7).trim(), "base64").toString("utf8"));
    expect(decoded).toEqual(JSON.parse(renderClassroom(report)));
  });

  it("a report that could not grade is one error test worth 0 of the course's points", () => {
    const result = ClassroomResultSchema.parse(
      JSON.parse(renderClassroom(errorReport("C", 1, "no manifest"), 175)),
    );
    expect(result).toMatchObject({ status: "error", max_score: 175 });
    expect(result.tests).toEqual([
      expect.objectContaining({ status: "error", score: 0, message: "no manifest" }),
    ]);
  });
});

describe("Gradescope", () => {
  it("score, execution_time in seconds, one test per task with name, score, max_score, status, output, visibility", () => {
    const result = GradescopeResultSchema.parse(JSON.parse(renderGradescope(report)));
    expect(result).toMatchObject({ score: 3, execution_time: 3, visibility: "visible" });
    expect(result.tests.map((t) => [t.number, t.status, t.score, t.max_score])).toEqual([
      ["0.1", "passed", 1, 1],
      ["0.2", "failed", 1, 2],
      ["1.1", "failed", 1, 2],
      ["1.2", "failed", 0, 2],
    ]);
    expect(result.tests[1]!.output).toContain("wrong\nGot: 3");
    expect(
      GradescopeResultSchema.parse(JSON.parse(renderGradescope(errorReport("C", 1, "broken")))).output,
    ).toContain("broken");
  });
});

describe("Exercism v3", () => {
  it("test_code on every test, error for a test that could not run, task ids unique to one task", () => {
    const result = ExercismResultSchema.parse(JSON.parse(renderExercism(report)));
    expect(result.status).toBe("fail");
    expect(result.tests.map((t) => [t.status, t.task_id])).toEqual([
      ["pass", 1],
      ["pass", 2],
      ["fail", 2],
      ["pass", 3],
      ["fail", 3],
      ["error", 4],
    ]);
    expect(result.tests.every((t) => t.test_code.length > 0)).toBe(true);
    expect(result.tests[5]).toMatchObject({ message: "your file has a syntax error" });
  });

  it("status error with a message when no test could run or the grader failed", () => {
    const none: GradeReport = {
      ...report,
      lessons: [lesson("00-a", [["one", 0, 1, [test("one > x", "missing", "no file")]]])],
    };
    expect(ExercismResultSchema.parse(JSON.parse(renderExercism(none)))).toMatchObject({ status: "error" });
    const failed = ExercismResultSchema.parse(JSON.parse(renderExercism(errorReport("C", 1, "no manifest"))));
    expect(failed).toMatchObject({ status: "error", message: "no manifest", tests: [] });
  });
});

describe("pnpm grade --classroom in GitHub Actions", () => {
  it("writes the file and appends result=<base64> to $GITHUB_OUTPUT", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "calcml-classroom-"));
    const output = path.join(dir, "github-output");
    writeFileSync(output, "");
    const file = path.join(dir, "classroom.json");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "grader/src/cli/main.ts", "grade", "00", "--solutions", "--classroom", file],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: "", GITHUB_OUTPUT: output },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const fromFile = ClassroomResultSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    expect(fromFile).toMatchObject({ status: "pass", max_score: 3 });
    const line = readFileSync(output, "utf8");
    expect(line).toMatch(/^result=[A-Za-z0-9+/=]+\n$/);
    expect(JSON.parse(Buffer.from(line.slice(7).trim(), "base64").toString("utf8"))).toEqual(fromFile);
  });
});
