// The lesson page in a real browser (Chromium, driven by playwright-core): no console errors, every
// figure drawn with a non-zero size, and a screenshot kept as a test artifact.
// Without Chromium the test is skipped with one clear line, except on CI (CI set), where it fails.
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { lessonFile, WORK_DIR } from "../../src/course/paths.ts";
import type { PlotMode } from "../../src/plot/figure.ts";
import { LESSON_FIGURES } from "../../src/plot/lessons/index.ts";
import { openLesson } from "../../src/plot/open-lesson.ts";
import { plotLesson } from "../../src/plot/page.ts";

const CHROMIUM = process.env.CALCML_CHROMIUM ?? "/usr/bin/chromium";
const onCi = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
const available = existsSync(CHROMIUM);
/** Screenshots are kept here (git-ignored, like the rest of the work folder). */
export const ARTIFACTS = path.join(WORK_DIR, "test-artifacts", "plot");

if (!available && !onCi) console.log("browser test did not run: install Chromium (apt-get install chromium)");

const PAGES: { id: string; mode: PlotMode }[] = [
  { id: "04-gradient-descent", mode: "solutions" },
  { id: "04-gradient-descent", mode: "yours" },
  { id: "06-hessians-and-convexity", mode: "compare" },
  { id: "14-automatic-differentiation", mode: "solutions" },
];

describe.skipIf(!available && !onCi)("the lesson page in Chromium", () => {
  it("has Chromium to run (on CI it must be installed)", () => {
    expect(
      available,
      `no Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CALCML_CHROMIUM`,
    ).toBe(true);
  });

  it.runIf(available).each(PAGES)(
    "$id ($mode): no console errors, every figure drawn, screenshot kept",
    async ({ id, mode }) => {
      const out = mkdtempSync(path.join(os.tmpdir(), "calcml-browser-"));
      const { html } = await plotLesson({
        lesson: { id, title: id },
        mode,
        learnerFile: lessonFile(id, "exercises"),
        referenceFile: lessonFile(id, "solutions"),
        outDir: out,
        openLesson,
      });
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        const problems: string[] = [];
        page.on("console", (message) => {
          if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
        });
        page.on("pageerror", (error) => problems.push(error.message));
        page.on("request", (request) => {
          if (!request.url().startsWith("file:")) problems.push(`network request: ${request.url()}`);
        });
        await page.goto(pathToFileURL(html).href);
        const boxes = await page.$$eval("figure[data-figure] .svg > svg", (svgs) =>
          svgs.map((svg) => {
            const box = svg.getBoundingClientRect();
            return {
              id: svg.closest("figure")?.getAttribute("data-figure"),
              width: box.width,
              height: box.height,
              marks: svg.querySelectorAll("path, line, text").length,
            };
          }),
        );
        expect(boxes.map((b) => b.id)).toEqual(LESSON_FIGURES[id]!.map((f) => f.id));
        for (const box of boxes) {
          expect(box.width, box.id ?? "").toBeGreaterThan(100);
          expect(box.height, box.id ?? "").toBeGreaterThan(100);
          expect(box.marks, box.id ?? "").toBeGreaterThan(3);
        }
        expect(problems).toEqual([]);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `${id}-${mode}.png`), fullPage: true });
      } finally {
        await browser.close();
      }
    },
  );
});
