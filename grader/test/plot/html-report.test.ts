// `pnpm grade --html <file>`: one self-contained page with the lesson table, every failing check and the
// figures of each graded lesson, drawn from the files that were graded. Checked as HTML (escaping, no
// scripts, unique ids), then end to end: a real grade of two files, its page opened in Chromium.
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, WORK_DIR } from "../../src/course/paths.ts";
import { gradeCourse } from "../../src/grade/grade-course.ts";
import { loadCourse } from "../../src/manifest/load.ts";
import { LESSON_FIGURES } from "../../src/plot/lessons/index.ts";
import { type LessonFigures, reportPageHtml, writeHtmlReport } from "../../src/report/html-report.ts";
import type { GradeReport, LessonReport } from "../../src/report/schema.ts";
import {
  BROWSER_AVAILABLE,
  expectDrawn,
  figureBoxes,
  launchBrowser,
  MISSING_BROWSER,
  ON_CI,
  watchedPage,
} from "./in-browser.ts";

const ARTIFACTS = path.join(WORK_DIR, "test-artifacts", "html-report");

const HOSTILE =
  '<img src=x onerror="alert(1)"> \u001b[31mred\u001b[0m\u0007 & </pre><script>alert(2)</script>\u202e';

const lesson = (id: string, status: LessonReport["status"], message?: string): LessonReport => ({
  id,
  title: `Title of ${id}`,
  source: `exercises/${id}/x.ts`,
  status,
  points: status === "complete" ? 3 : 0,
  maxPoints: 3,
  durationMs: 1500,
  problems: [],
  tasks: [
    {
      id: "t",
      number: 1,
      title: "The task",
      functions: ["f"],
      points: 0,
      maxPoints: 3,
      status: status === "complete" ? "complete" : "failing",
      passed: 0,
      total: 2,
      tests: [
        {
          id: "t > a",
          name: "first check",
          status: message ? "failed" : "passed",
          durationMs: 1,
          ...(message ? { message } : {}),
        },
        { id: "t > b", name: "a passing check", status: "passed", durationMs: 1 },
      ],
    },
  ],
});

const report = (lessons: LessonReport[]): GradeReport => ({
  schemaVersion: 1,
  course: "Calculus <for> ML",
  grader: { name: "@calcml/grader", node: "v20" },
  createdAt: "2026-01-01T00:00:00.000Z",
  target: "exercises",
  seed: 7,
  points: 3,
  maxPoints: 9,
  percent: 33.33,
  durationMs: 4000,
  lessons,
});

describe("the grade page", () => {
  const graded = report([
    lesson("00-welcome", "complete"),
    lesson(
      "09-linear-regression",
      "failing",
      `Called:   f(1)\nGot:      ${HOSTILE}\nExpected: 2\nWhy:      it climbs`,
    ),
    lesson("10-logistic-regression", "failing", "Called:   g()\nGot:      1\nExpected: 0"),
  ]);

  it("lists every lesson and every failing check of every lesson, escaped, and no passing check", () => {
    const html = reportPageHtml(graded);
    expect(html).toContain('<a href="#lesson-09-linear-regression">09</a>');
    expect(html).toContain("Task 1 · The task › first check");
    expect(html).toContain("Called:   f(1)\nGot:      &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("Why:      it climbs");
    expect(html).toContain("Called:   g()");
    expect(html).not.toContain("a passing check");
    expect(html).toContain("Calculus &lt;for&gt; ML");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    expect(html).not.toMatch(/<img|<script|<[^>]*\sonerror=|\u001b|\u0007|\u202e/);
  });

  it("is self-contained, and keeps two lessons' figures of the same name apart", () => {
    const svg = (n: number) =>
      `<svg><defs><clipPath id="loss-per-epoch-1"><rect/></clipPath></defs><g clip-path="url(#loss-per-epoch-1)"><path d="M${n},0"/></g></svg>`;
    const figure = (id: string, n: number): LessonFigures => ({
      figures: [
        {
          id: "loss-per-epoch",
          title: `loss of ${id}`,
          caption: "c",
          svg: svg(n),
          status: "drawn",
          notes: [],
        },
      ],
    });
    // writeHtmlReport scopes SVG ids by lesson; here they are given already scoped, as it passes them.
    const figures = new Map([
      ["09-linear-regression", figure("09", 1)],
      ["10-logistic-regression", { figures: [], why: "Not started: nothing of yours to draw yet." }],
    ]);
    const html = reportPageHtml(
      report([
        lesson("09-linear-regression", "failing", "Got: 1"),
        lesson("10-logistic-regression", "not-started"),
      ]),
      figures,
    );
    expect(html).toContain('id="fig-09-linear-regression-loss-per-epoch"');
    expect(html).toContain("Not started: nothing of yours to draw yet.");
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref="(?!#)|url\((?!#)/i);
  });
});

describe.skipIf(!BROWSER_AVAILABLE && !ON_CI)("pnpm grade --html, end to end in Chromium", () => {
  it("has Chromium to run (on CI it must be installed)", () => {
    expect(BROWSER_AVAILABLE, MISSING_BROWSER).toBe(true);
  });

  it.runIf(BROWSER_AVAILABLE)(
    "grades two files, draws their figures from them: no console errors, every figure drawn, screenshot kept",
    async () => {
      const course = loadCourse();
      const ids = ["00-welcome", "04-gradient-descent"];
      const sources = {
        "00-welcome": path.join(REPO_ROOT, "solutions/00-welcome/welcome.ts"),
        "04-gradient-descent": path.join(
          REPO_ROOT,
          "grader/test/known-bugs/04-gradient-descent/ascending.ts",
        ),
      };
      const graded = await gradeCourse({
        course,
        lessons: course.lessons.filter((l) => ids.includes(l.id)),
        target: "exercises",
        seed: course.defaults.seed,
        sources,
        allowTrustedImports: true,
      });
      expect(graded.lessons[0]!.status).toBe("complete");
      expect(["partial", "failing"]).toContain(graded.lessons[1]!.status);
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), "calcml-html-report-")), "grade.html");
      const drawn: string[] = [];
      await writeHtmlReport(graded, file, { onLesson: (id, count) => drawn.push(`${id}:${count}`) });
      expect(drawn).toEqual(["00-welcome:1", "04-gradient-descent:3"]);
      const html = readFileSync(file, "utf8");
      // The failing checks of the ascending descent, with their messages.
      expect(html).toMatch(/Called:/);
      expect(html).toMatch(/Expected:/);
      const browser = await launchBrowser();
      try {
        const { page, problems } = await watchedPage(browser, (url) => url.startsWith("file:"));
        await page.goto(pathToFileURL(file).href);
        const boxes = await figureBoxes(page, "section.lesson figure[data-figure] .svg > svg");
        expect(boxes.map((b) => b.id)).toEqual(
          ids.flatMap((id) => LESSON_FIGURES[id]!.map((f) => `${id}-${f.id}`)),
        );
        expectDrawn(boxes);
        // Every id in the document is unique (two lessons' SVGs must not share a clip path).
        const all = await page.$$eval("[id]", (els) => els.map((e) => e.id));
        const duplicates = all.filter((id, k) => all.indexOf(id) !== k);
        expect(duplicates).toEqual([]);
        const rows = await page.$$eval("section.grade tbody tr", (trs) =>
          trs.map((tr) => tr.textContent ?? ""),
        );
        expect(rows[0]).toMatch(/00.*complete/);
        expect(rows[1]).toMatch(/04.*(partial|failing)/);
        const failing = await page.$$eval("#lesson-04-gradient-descent details pre", (pres) => pres.length);
        expect(failing).toBeGreaterThan(0);
        expect(problems).toEqual([]);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, "grade.png"), fullPage: true });
      } finally {
        await browser.close();
      }
    },
  );
});
