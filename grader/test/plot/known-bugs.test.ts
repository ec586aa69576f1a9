// A known-bug fixture's figure must look wrong: the data behind it differs visibly from the reference's.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KNOWN_BUGS_DIR, listFixtures } from "../../src/course/known-bugs.ts";
import { lessonFile } from "../../src/course/paths.ts";
import { type DrawnFigure, drawFigure, type LoadedLesson } from "../../src/plot/figure.ts";
import { Learner, LearnerFailure } from "../../src/plot/learner.ts";
import type { DescentData } from "../../src/plot/lessons/04.ts";
import { LESSON_FIGURES } from "../../src/plot/lessons/index.ts";
import { openLesson } from "../../src/plot/open-lesson.ts";

async function load(file: string): Promise<LoadedLesson> {
  return { module: await openLesson("", file) };
}

async function compare(lesson: string, fixture: string, figureId: string): Promise<DrawnFigure> {
  const def = LESSON_FIGURES[lesson]!.find((f) => f.id === figureId)!;
  return drawFigure(
    def,
    await load(path.join(KNOWN_BUGS_DIR, lesson, fixture)),
    await load(lessonFile(lesson, "solutions")),
  );
}

describe("a known bug shows in its figure", () => {
  it("04 ascending: the path climbs, so the loss per iteration rises where the reference's falls", async () => {
    const figure = await compare("04-gradient-descent", "ascending.ts", "loss-per-iteration");
    const mine = figure.data.mine as DescentData;
    const reference = figure.data.reference as DescentData;
    for (const [k, run] of mine.runs.entries()) {
      const ref = reference.runs[k]!;
      expect(run.learningRate).toBe(ref.learningRate);
      // Every step goes uphill: each loss is larger than the one before.
      expect(
        run.loss.slice(1, 50).every((loss, i) => loss > run.loss[i]!),
        `η = ${run.learningRate}`,
      ).toBe(true);
      expect(run.loss.at(-1)!).toBeGreaterThan(run.loss[0]!);
      // The reference goes downhill for the two stable rates.
      if (ref.learningRate < 0.1) expect(ref.loss.at(-1)!).toBeLessThan(1e-10);
    }
    expect(figure.status).toBe("drawn");
    expect(figure.warnings).toEqual([]);
  });

  it("14 backward-overwrites-grad: a's grad is −6 where the worked example says −2", async () => {
    // The fixture patches the solution's Value class in place, so it is drawn alone (not compared).
    const def = LESSON_FIGURES["14-automatic-differentiation"]!.find((f) => f.id === "computation-graph")!;
    const file = path.join(KNOWN_BUGS_DIR, "14-automatic-differentiation", "backward-overwrites-grad.ts");
    const figure = await drawFigure(def, await load(file));
    const a = (figure.data.mine as { nodes: { name: string; grad: number }[] }).nodes.find(
      (n) => n.name === "a",
    )!;
    expect(a.grad).toBe(-6);
    expect(figure.svg).toContain("grad -6");
  });

  it("15 simpson-weights-swapped: Simpson's error falls with slope −2, not −4", async () => {
    const figure = await compare("15-integration", "simpson-weights-swapped.ts", "quadrature-error");
    // Halving h divides the error by 2^slope: 16 for Simpson, 4 when its weights are swapped.
    const ratio = (data: unknown) => {
      const simpson = (data as { simpson: number[] }).simpson;
      return simpson[4]! / simpson[5]!;
    };
    expect(ratio(figure.data.reference)).toBeGreaterThan(12);
    expect(ratio(figure.data.mine)).toBeLessThan(8);
  });
});

describe("the figure code copes with every known-bug fixture", () => {
  // Only the data step runs here (the part that touches the lesson's code): a fixture may make a figure
  // partial, but never crash the figure code with a value of an unexpected shape.
  it.each(listFixtures().map((f) => [`${f.lesson}/${f.name}`, f] as const))("%s", async (_, fixture) => {
    const module = await openLesson(fixture.lesson, fixture.file);
    for (const def of LESSON_FIGURES[fixture.lesson]!) {
      const learner = new Learner(module);
      try {
        def.data(learner);
      } catch (error) {
        if (!(error instanceof LearnerFailure)) throw error;
      }
    }
  });
});
