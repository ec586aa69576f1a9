// The terminal's picture: a lesson's curve computed from the learner's code, shown under the lesson
// `pnpm grade` details when a curve does not do what it should.
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { lessonFile } from "../../src/course/paths.ts";
import { curveFinding, curveLessons, lessonPicture } from "../../src/plot/curves.ts";
import type { LessonModule } from "../../src/plot/lesson-module.ts";
import { CURVE_LESSONS, plotCommandFor, terminalPicture, wantsPicture } from "../../src/report/picture.ts";
import type { GradeReport, LessonReport } from "../../src/report/schema.ts";
import { renderTerminal } from "../../src/report/terminal.ts";

/** Trusted files (the solutions) loaded in-process: quick, and the same exports the sandbox would give. */
const inProcess = async (_: string, file: string) => (await import(pathToFileURL(file).href)) as LessonModule;

/** Lesson 04's gradientDescent with the classic bug: it steps along the gradient, so it climbs. */
const climbing: LessonModule = {
  gradientDescent: (
    grad: (p: number[]) => number[],
    start: number[],
    options: { learningRate: number; maxIterations: number },
  ) => {
    const path = [start];
    let p = start;
    for (let k = 0; k < options.maxIterations; k++) {
      const g = grad(p);
      p = p.map((v, i) => v + options.learningRate * g[i]!);
      path.push(p);
    }
    return { path, converged: false };
  },
};

const lesson = (
  id: string,
  status: LessonReport["status"],
  source = `exercises/${id}/x.ts`,
): LessonReport => ({
  id,
  title: id,
  source,
  status,
  points: 0,
  maxPoints: 9,
  durationMs: 1,
  problems: [],
  tasks: [],
});

const report = (lessons: LessonReport[], target: GradeReport["target"] = "exercises"): GradeReport => ({
  schemaVersion: 1,
  course: "Course",
  grader: { name: "@calcml/grader", node: "v20" },
  createdAt: new Date(0).toISOString(),
  target,
  seed: 1,
  points: 0,
  maxPoints: 9,
  percent: 0,
  durationMs: 1,
  lessons,
});

describe("curves", () => {
  it("are the lessons the light module lists (so that it loads the plot code only for them)", () => {
    expect([...CURVE_LESSONS].sort()).toEqual(curveLessons().sort());
  });

  it.each(CURVE_LESSONS)("of %s from the reference solution do what they should: no finding", async (id) => {
    const picture = await lessonPicture({
      lessonId: id,
      file: lessonFile(id, "solutions"),
      open: inProcess,
      command: "pnpm plot",
    });
    expect(picture?.series.length).toBeGreaterThan(0);
    expect(picture!.series.filter((s) => s.finding).map((s) => `${s.name}: ${s.finding}`)).toEqual([]);
  });

  it("say what a series does wrong, from its first value (or the start given) to its last", () => {
    const falls = { name: "s", expect: "falls" as const, because: "why" };
    expect(curveFinding({ ...falls, values: [3, 2, 1] }, "epoch")).toBeUndefined();
    expect(curveFinding({ ...falls, values: [1, 2, 3] }, "epoch")).toBe(
      "rises from 1 to 3, where it should fall (why)",
    );
    expect(curveFinding({ ...falls, values: [2, 2, 2] }, "epoch")).toBe(
      "stays at 2, where it should fall (why)",
    );
    expect(curveFinding({ ...falls, values: [1, Number.POSITIVE_INFINITY] }, "epoch", 1)).toBe(
      "diverges: it reaches Infinity at epoch 2, where it should fall (why)",
    );
    // A loss history that starts after the first epoch is judged from the loss before training.
    expect(curveFinding({ ...falls, values: [0.5, 0.6], start: 3 }, "epoch", 1)).toBeUndefined();
    expect(curveFinding({ ...falls, values: [5, 4], start: 3 }, "epoch", 1)).toMatch(/^rises from 3 to 4/);
    const grows = { name: "s", expect: "grows" as const };
    expect(curveFinding({ ...grows, values: [1, Number.POSITIVE_INFINITY] }, "k")).toBeUndefined();
    expect(curveFinding({ ...grows, values: [3, 1] }, "k")).toBe("does not grow (3 → 1), where it should");
  });

  it("show a descent that climbs, and the terminal draws it under the lesson with the plot command", async () => {
    const picture = await lessonPicture({
      lessonId: "04-gradient-descent",
      file: "unused.ts",
      open: () => climbing,
      command: "pnpm plot 04",
    });
    const findings = picture!.series.map((s) => [s.name, s.finding !== undefined]);
    expect(findings).toEqual([
      ["η = 0.01", true],
      ["η = 0.09", true],
      ["η = 0.11", false],
    ]);
    expect(picture!.series[0]!.finding).toMatch(
      /^rises from 11 to .*, where it should fall \(η = 0\.01 is below/,
    );
    const graded = report([lesson("03-chain-rule", "complete"), lesson("04-gradient-descent", "failing")]);
    const text = renderTerminal(graded, false, { picture });
    expect(text).toContain("Picture from your code: loss f(xₖ)");
    expect(text).toMatch(/η = 0\.01 {2}▁[▁-█]+█ +11 → /);
    expect(text).toContain("Drawn in full by `pnpm plot 04`");
    // Only under its own lesson.
    const other = report([lesson("03-chain-rule", "failing"), lesson("04-gradient-descent", "failing")]);
    expect(renderTerminal(other, false, { picture })).not.toContain("Picture from your code");
  });
});

describe("terminalPicture", () => {
  it("runs nothing unless the detailed lesson has a curve figure and its code ran", async () => {
    let opened = 0;
    const open = () => {
      opened++;
      return climbing;
    };
    const cases: LessonReport[][] = [
      [lesson("00-welcome", "failing")],
      [lesson("04-gradient-descent", "not-started")],
      [lesson("04-gradient-descent", "timed-out")],
      [lesson("04-gradient-descent", "complete")],
      [lesson("03-chain-rule", "partial"), lesson("04-gradient-descent", "failing")],
    ];
    for (const lessons of cases) {
      expect(wantsPicture(report(lessons))).toBe(false);
      expect(await terminalPicture(report(lessons), { open })).toBeUndefined();
    }
    expect(opened).toBe(0);
  });

  it("computes the picture of a graded file in the sandbox, and names the command that draws it", async () => {
    const fixture = "grader/test/known-bugs/11-backpropagation/train-xor-ascends.ts";
    const graded = report([lesson("11-backpropagation", "failing", fixture)], "custom");
    expect(plotCommandFor(graded, graded.lessons[0]!)).toBe(`pnpm plot 11 --source 11=${fixture}`);
    const picture = await terminalPicture(graded);
    expect(picture?.command).toBe(`pnpm plot 11 --source 11=${fixture}`);
    expect(picture!.series.some((s) => s.finding?.includes("where it should fall"))).toBe(true);
    // The reference's curves fall: no picture to show.
    const solution = "solutions/11-backpropagation/backpropagation.ts";
    const fine = report([lesson("11-backpropagation", "failing", solution)], "custom");
    expect(await terminalPicture(fine, { open: inProcess })).toBeUndefined();
    expect((await terminalPicture(fine, { open: inProcess, always: true }))?.series).toHaveLength(3);
  });
});
