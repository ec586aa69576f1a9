import { describe, expect, it } from "vitest";
import { lessonStatus, scoreTask } from "../../src/grade/score.ts";
import type { TestReport } from "../../src/report/schema.ts";

const task = { id: "t", title: "T", points: 3, functions: ["f"] };
const test = (status: TestReport["status"]): TestReport => ({
  id: `t > ${status}`,
  name: status,
  status,
  durationMs: 0,
});

describe("scoreTask", () => {
  it("gives points times the share of tests passed, to two decimals", () => {
    const report = scoreTask(task, 1, [test("passed"), test("failed"), test("failed")]);
    expect(report.points).toBe(1);
    expect(report.status).toBe("partial");
    expect(scoreTask(task, 1, [test("passed"), test("passed"), test("failed")]).points).toBe(2);
    expect(
      scoreTask({ ...task, points: 2 }, 1, [test("passed"), test("failed"), test("failed")]).points,
    ).toBe(0.67);
  });

  it("calls a task whose every test throws TODO not started, and a skipped or missing test a failure", () => {
    expect(scoreTask(task, 1, [test("todo"), test("todo")]).status).toBe("not-started");
    expect(scoreTask(task, 1, [test("passed"), test("skipped")]).points).toBe(1.5);
    expect(scoreTask(task, 1, [test("missing")]).status).toBe("failing");
  });
});

describe("lessonStatus", () => {
  const complete = scoreTask(task, 1, [test("passed")]);
  const todo = scoreTask(task, 2, [test("todo")]);
  it("ranks a timeout above not-started, and completion above everything", () => {
    expect(lessonStatus([complete], [{ kind: "timeout", message: "" }])).toBe("complete");
    expect(lessonStatus([todo], [{ kind: "timeout", message: "" }])).toBe("timed-out");
    expect(lessonStatus([todo, todo], [])).toBe("not-started");
    expect(lessonStatus([complete, todo], [])).toBe("partial");
  });
});
