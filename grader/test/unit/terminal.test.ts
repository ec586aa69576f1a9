import { describe, expect, it } from "vitest";
import type { GradeReport, LessonReport } from "../../src/report/schema.ts";
import { renderTerminal } from "../../src/report/terminal.ts";

const lesson = (id: string, status: LessonReport["status"], points: number): LessonReport => ({
  id,
  title: `Lesson ${id}`,
  source: `exercises/${id}/x.ts`,
  status,
  points,
  maxPoints: 4,
  durationMs: 1200,
  problems: [],
  tasks: [
    {
      id: "first",
      number: 1,
      title: "First task",
      functions: ["first"],
      points: status === "complete" ? 2 : 0,
      maxPoints: 2,
      status: status === "complete" ? "complete" : "failing",
      passed: status === "complete" ? 1 : 0,
      total: 1,
      tests: [
        {
          id: "first > works",
          name: "works",
          status: status === "complete" ? "passed" : "failed",
          message: "Called:   first(1)\nGot:      3\nExpected: 2 (oracle)",
          durationMs: 1,
        },
      ],
    },
  ],
});

const report = (lessons: LessonReport[]): GradeReport => ({
  schemaVersion: 1,
  course: "Course",
  grader: { name: "@calcml/grader", node: "v20" },
  createdAt: new Date(0).toISOString(),
  target: "exercises",
  seed: 5,
  points: lessons.reduce((s, l) => s + l.points, 0),
  maxPoints: lessons.length * 4,
  percent: 50,
  durationMs: 2400,
  lessons,
});

describe("renderTerminal", () => {
  it("tabulates every lesson and details the first one that is not complete, with a next step", () => {
    const text = renderTerminal(
      report([lesson("00-a", "complete", 4), lesson("01-b", "failing", 0), lesson("02-c", "failing", 0)]),
    );
    expect(text).toMatch(/00 {2}Lesson 00-a\s+4 \/ 4\s+✓ complete/);
    expect(text).toContain("Lesson 01 · Lesson 01-b: 0 / 4 points");
    expect(text).toContain("Called:   first(1)");
    expect(text).toContain("pnpm hint 01 1");
    expect(text).not.toContain("Lesson 02 ·");
    expect(text).toContain("--seed 5");
  });

  it("never claims that all tests passed; it speaks of the hidden suites", () => {
    const text = renderTerminal(report([lesson("00-a", "complete", 4)]));
    expect(text).not.toMatch(/all tests passed/i);
    expect(text).toContain("full marks on its hidden suite");
  });

  it("uses colour only when asked", () => {
    expect(renderTerminal(report([lesson("00-a", "complete", 4)]), true)).toContain("\u001b[32m");
    expect(renderTerminal(report([lesson("00-a", "complete", 4)]), false)).not.toContain("\u001b[");
  });

  it("with verbose, lists every check of every lesson, passed ones too", () => {
    const text = renderTerminal(
      report([lesson("00-a", "complete", 4), lesson("01-b", "failing", 0)]),
      false,
      {
        verbose: true,
      },
    );
    expect(text).toContain("Lesson 00 · Lesson 00-a: 4 / 4 points, every check");
    expect(text).toMatch(/ {6}✓ /);
    expect(text).toMatch(/ {6}✗ .+\(failed\)/);
  });
});
