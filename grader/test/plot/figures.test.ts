// Every lesson's figures, drawn from the reference solutions (all drawn, no warnings, reasonably fast)
// and from the untouched stubs (every figure still present, each saying what is not written yet).
import { describe, expect, it } from "vitest";
import { lessonFile } from "../../src/course/paths.ts";
import { loadCourse } from "../../src/manifest/load.ts";
import type { DrawnFigure } from "../../src/plot/figure.ts";
import { LESSON_FIGURES } from "../../src/plot/lessons/index.ts";
import { openLesson } from "../../src/plot/open-lesson.ts";
import { drawLesson } from "../../src/plot/page.ts";

const course = loadCourse();

/** The figures each lesson must have (what the lesson README's "What a plot shows" asks for). */
const EXPECTED: Record<string, string[]> = {
  "00-welcome": ["secants"],
  "01-derivatives": ["step-size-errors", "secants-to-tangent"],
  "02-gradients": ["gradient-field", "directional-derivative"],
  "03-chain-rule": ["dual-derivative", "neuron-loss"],
  "04-gradient-descent": ["bowl-paths", "loss-per-iteration", "rosenbrock-path"],
  "05-jacobians": ["polar-map", "softmax-jacobian"],
  "06-hessians-and-convexity": ["curvature"],
  "07-newtons-method": ["rosenbrock-paths", "error-per-iteration"],
  "08-loss-functions": ["regression-losses", "regression-gradients", "binary-cross-entropy"],
  "09-linear-regression": ["loss-per-epoch", "fitted-lines"],
  "10-logistic-regression": ["decision-boundary", "loss-per-epoch"],
  "11-backpropagation": ["xor-boundary", "loss-curves"],
  "12-regularization-and-clipping": ["soft-threshold-and-clipping", "regularisation-path"],
  "13-optimizers": ["optimiser-paths", "loss-per-iteration"],
  "14-automatic-differentiation": ["computation-graph", "gradient-of"],
  "15-integration": ["quadrature-error", "monte-carlo-error", "roc", "cumulative-integral"],
};

/** Generous: the target is 1–2 s per lesson; this only catches a figure that became far slower. */
const BUDGET_MS = 15_000;
const timings: string[] = [];

function files(id: string) {
  return { learner: lessonFile(id, "exercises"), reference: lessonFile(id, "solutions") };
}

/** What every SVG must be: well-formed enough for a browser to draw as a standalone file. */
function expectCleanSvg(figure: DrawnFigure): void {
  expect(figure.svg.startsWith("<svg"), figure.id).toBe(true);
  expect(figure.svg.length, figure.id).toBeGreaterThan(500);
  // No control characters (invalid XML) and no exponent notation in geometry (browsers reject it).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  expect(figure.svg, figure.id).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  expect(figure.svg, figure.id).not.toMatch(/\s(?:d|transform)="[^"]*\de[-+]?\d/);
  expect(figure.warnings, figure.id).toEqual([]);
}

describe("every lesson has its figures", () => {
  it("lists exactly the expected figures for every lesson of the course", () => {
    expect(Object.keys(LESSON_FIGURES).sort()).toEqual(course.lessons.map((l) => l.id).sort());
    for (const lesson of course.lessons) {
      expect(
        LESSON_FIGURES[lesson.id]!.map((f) => f.id),
        lesson.id,
      ).toEqual(EXPECTED[lesson.id]);
    }
  });
});

describe.each(course.lessons.map((l) => l.id))("figures of %s", (id) => {
  it("are all drawn from the reference solution, quickly and without warnings", async () => {
    const started = performance.now();
    const figures = await drawLesson(id, "solutions", files(id), openLesson);
    const ms = performance.now() - started;
    timings.push(`${id.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms`);
    expect(figures.map((f) => f.id)).toEqual(EXPECTED[id]);
    for (const figure of figures) {
      expect({ id: figure.id, status: figure.status, notes: figure.notes }).toEqual({
        id: figure.id,
        status: "drawn",
        notes: [],
      });
      expectCleanSvg(figure);
    }
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it("are all present for the untouched stub, each marking what is not written yet", async () => {
    const figures = await drawLesson(id, "yours", files(id), openLesson);
    expect(figures.map((f) => f.id)).toEqual(EXPECTED[id]);
    for (const figure of figures) {
      expect(figure.status, figure.id).not.toBe("drawn");
      expect(figure.notes.join("\n"), figure.id).toMatch(
        /is not written yet \(it still throws its TODO error\)/,
      );
      // The mark is in the picture itself, not only on the page.
      expect(figure.svg, figure.id).toContain("not written yet");
      expectCleanSvg(figure);
    }
  });
});

describe("figures", () => {
  it("are deterministic: the same code draws the same SVG", async () => {
    const id = "13-optimizers";
    const first = await drawLesson(id, "solutions", files(id), openLesson);
    const second = await drawLesson(id, "solutions", files(id), openLesson);
    expect(second.map((f) => f.svg)).toEqual(first.map((f) => f.svg));
  });

  it("with --compare draw the reference under the learner's code", async () => {
    const id = "01-derivatives";
    const figures = await drawLesson(id, "compare", files(id), openLesson);
    const [errors] = figures;
    // The stub draws nothing, so the reference is drawn alone, and the figure says why.
    expect(errors!.status).toBe("not-drawn");
    expect(errors!.data.reference).toBeDefined();
    expect(errors!.svg).toContain("Only the reference is drawn.");
    expect(errors!.warnings).toEqual([]);
  });

  it("report how long each lesson took", () => {
    console.log(`Drawing each lesson's figures from the solutions:\n${timings.sort().join("\n")}`);
    expect(timings.length).toBe(course.lessons.length);
  });
});
