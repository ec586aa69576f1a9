// What the browser tests share: where Chromium is, whether it must be there, and a page that records
// every console error, page error and request that leaves `allowed`.
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = process.env.CALCML_CHROMIUM ?? "/usr/bin/chromium";
/** On CI a missing Chromium fails the browser tests; elsewhere they are skipped with one clear line. */
export const ON_CI = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
export const BROWSER_AVAILABLE = existsSync(CHROMIUM);
export const MISSING_BROWSER = `no Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CALCML_CHROMIUM`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}

/** A page that collects what went wrong: console errors and warnings, page errors, stray requests. */
export async function watchedPage(
  browser: Browser,
  allowed: (url: string) => boolean,
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("request", (r) => {
    if (!allowed(r.url())) problems.push(`request elsewhere: ${r.url()}`);
  });
  return { page, problems };
}

/** The figures the page shows (by `data-figure`), each with its drawn size and how many marks it has. */
export function figureBoxes(page: Page, selector: string) {
  return page.$$eval(selector, (svgs) =>
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
}

/** Every figure really drawn: larger than 100 × 100 px and more than a few marks. */
export function expectDrawn(boxes: Awaited<ReturnType<typeof figureBoxes>>): void {
  for (const box of boxes) {
    expect(box.width, box.id ?? "").toBeGreaterThan(100);
    expect(box.height, box.id ?? "").toBeGreaterThan(100);
    expect(box.marks, box.id ?? "").toBeGreaterThan(3);
  }
}
