import { describe, expect, it } from "vitest";
import {
  blameCauses,
  lessonStatus,
  scoreTask,
  testWeights,
  VALIDATION_SHARE,
} from "../../src/grade/score.ts";
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

describe("testWeights", () => {
  const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
  it("caps input validation (tests named rejects …) at a tenth of the task", () => {
    const weights = testWeights(["adds", "rejects an empty x"]);
    expect(weights[1]).toBeCloseTo(VALIDATION_SHARE, 12);
    expect(weights[0]).toBeCloseTo(1 - VALIDATION_SHARE, 12);
    const three = testWeights(["a", "rejects x", "rejects y"]);
    expect(sum(three.slice(1))).toBeCloseTo(VALIDATION_SHARE, 12);
    expect(sum(three)).toBeCloseTo(1, 12);
  });
  it("weighs tests equally when validation is already a small share, or when a task has only one kind", () => {
    const many = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "rejects z"];
    expect(testWeights(many)[11]).toBeCloseTo(1 / 12, 12);
    expect(testWeights(["a", "b"])).toEqual([0.5, 0.5]);
    expect(testWeights(["rejects a", "rejects b"])).toEqual([0.5, 0.5]);
  });
  it("scores a task that passes only its validation test at most a tenth", () => {
    const named = (name: string, status: TestReport["status"]): TestReport => ({
      id: `t > ${name}`,
      name,
      status,
      durationMs: 0,
    });
    const report = scoreTask({ ...task, points: 3 }, 1, [
      named("adds", "failed"),
      named("subtracts", "failed"),
      named("rejects an empty x", "passed"),
    ]);
    expect(report.points).toBe(0.3);
  });
});

describe("blameCauses", () => {
  const lesson = {
    id: "99-demo",
    title: "Demo",
    forbiddenImports: {},
    tasks: [
      { id: "grad", title: "Gradient", points: 1, functions: ["grad"] },
      { id: "train", title: "Train", points: 1, functions: ["train"], buildsOn: ["grad"] },
    ],
  };
  const failing: TestReport = {
    id: "x > y",
    name: "y",
    status: "failed",
    message: "Called:   train()\nGot:      1\nWhy:      the update climbs the loss\nAlso:     more",
    durationMs: 0,
  };
  it("points a failing task at the failing task it builds on, and drops its own diagnosis", () => {
    const tasks = [scoreTask(lesson.tasks[0]!, 1, [failing]), scoreTask(lesson.tasks[1]!, 2, [failing])];
    const [grad, train] = blameCauses(lesson, tasks);
    expect(grad?.cause).toBeUndefined();
    expect(train?.cause).toMatch(/`grad` fails its own checks; fix task 1 first/);
    expect(train?.tests[0]?.message).toMatch(/^First: {4}`grad` fails/);
    expect(train?.tests[0]?.message).not.toMatch(/climbs/);
    expect(train?.tests[0]?.message).toMatch(/Also: {5}more/);
  });
  it("leaves a task alone when what it builds on passes", () => {
    const ok: TestReport = { ...failing, status: "passed" };
    const tasks = [scoreTask(lesson.tasks[0]!, 1, [ok]), scoreTask(lesson.tasks[1]!, 2, [failing])];
    expect(blameCauses(lesson, tasks)[1]).toEqual(tasks[1]);
  });
});
