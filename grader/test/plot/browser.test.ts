// The lesson page in a real browser (Chromium, driven by playwright-core): no console errors, every
// figure drawn with a non-zero size, and a screenshot kept as a test artifact.
// Without Chromium the test is skipped with one clear line, except on CI (CI set), where it fails.
import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { lessonFile, WORK_DIR } from "../../src/course/paths.ts";
import type { PlotMode } from "../../src/plot/figure.ts";
import { LESSON_FIGURES } from "../../src/plot/lessons/index.ts";
import { openLesson } from "../../src/plot/open-lesson.ts";
import { plotLesson } from "../../src/plot/page.ts";
import {
  BROWSER_AVAILABLE,
  expectDrawn,
  figureBoxes,
  launchBrowser,
  MISSING_BROWSER,
  ON_CI,
  watchedPage,
} from "./in-browser.ts";

/** Screenshots are kept here (git-ignored, like the rest of the work folder). */
export const ARTIFACTS = path.join(WORK_DIR, "test-artifacts", "plot");

if (!BROWSER_AVAILABLE && !ON_CI)
  console.log("browser test did not run: install Chromium (apt-get install chromium)");

const PAGES: { id: string; mode: PlotMode }[] = [
  { id: "04-gradient-descent", mode: "solutions" },
  { id: "04-gradient-descent", mode: "yours" },
  { id: "06-hessians-and-convexity", mode: "compare" },
  { id: "14-automatic-differentiation", mode: "solutions" },
];

describe.skipIf(!BROWSER_AVAILABLE && !ON_CI)("the lesson page in Chromium", () => {
  it("has Chromium to run (on CI it must be installed)", () => {
    expect(BROWSER_AVAILABLE, MISSING_BROWSER).toBe(true);
  });

  it.runIf(BROWSER_AVAILABLE).each(PAGES)(
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
      const browser = await launchBrowser();
      try {
        const { page, problems } = await watchedPage(browser, (url) => url.startsWith("file:"));
        await page.goto(pathToFileURL(html).href);
        const boxes = await figureBoxes(page, "figure[data-figure] .svg > svg");
        expect(boxes.map((b) => b.id)).toEqual(LESSON_FIGURES[id]!.map((f) => f.id));
        expectDrawn(boxes);
        expect(problems).toEqual([]);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `${id}-${mode}.png`), fullPage: true });
      } finally {
        await browser.close();
      }
    },
  );
});
