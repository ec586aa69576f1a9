// `pnpm watch <lesson> --page` in a real browser: the page shows the grade and the figures of the watched
// file, and when the file is saved it redraws itself in place (no reload) with the new grade and figures.
// The CLI runs as a child process on a temporary copy (--source); it and its server are always stopped.
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, WORK_DIR } from "../../src/course/paths.ts";
import { BROWSER_AVAILABLE, launchBrowser, MISSING_BROWSER, ON_CI, watchedPage } from "./in-browser.ts";

const ARTIFACTS = path.join(WORK_DIR, "test-artifacts", "watch-page");
const WAIT_MS = 60_000;

/** The little of the DOM these tests touch (they are type-checked without the DOM's types). */
type InPage = {
  document: {
    documentElement: { dataset: Record<string, string | undefined> };
    querySelector(
      selector: string,
    ): { getAttribute(name: string): string | null; textContent: string | null } | null;
  };
  marker?: number;
};

/** Resolves when the child has exited; kills it harder if SIGINT was not enough within 10 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

describe.skipIf(!BROWSER_AVAILABLE && !ON_CI)("pnpm watch --page in Chromium", () => {
  it("has Chromium to run (on CI it must be installed)", () => {
    expect(BROWSER_AVAILABLE, MISSING_BROWSER).toBe(true);
  });

  it.runIf(BROWSER_AVAILABLE)(
    "redraws the grade and the figures in the open tab when the file is saved",
    async () => {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), "calcml-watch-page-")), "welcome.ts");
      copyFileSync(path.join(REPO_ROOT, "exercises/00-welcome/welcome.ts"), file);
      const child = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          "grader/src/cli/main.ts",
          "watch",
          "00",
          "--source",
          file,
          "--page",
          "--port",
          "0",
        ],
        { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } },
      );
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      let url: string | undefined;
      const browser = await launchBrowser();
      try {
        for (let waited = 0; !url; waited += 100) {
          if (waited > WAIT_MS || child.exitCode !== null) throw new Error(`no page address in:\n${output}`);
          url = /Page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const address = url;
        const { page, problems } = await watchedPage(browser, (r) => r.startsWith(address));
        await page.goto(url);
        const figureStatus = () =>
          page.$eval('figure[data-figure="secants"]', (f) => f.getAttribute("data-status")).catch(() => null);
        // The first grade: the untouched stub, not started, its figure not drawn.
        // In-page code is given as functions: the page's policy forbids evaluating strings.
        await page.waitForFunction(
          () => Number((globalThis as unknown as InPage).document.documentElement.dataset.version) >= 1,
          null,
          { timeout: WAIT_MS },
        );
        expect(await figureStatus()).toBe("not-drawn");
        expect(await page.textContent("section.grade table")).toContain("not-started");
        const version = await page.evaluate(
          () => (globalThis as unknown as InPage).document.documentElement.dataset.version,
        );
        // A marker that a reload would wipe: the page must update in place.
        await page.evaluate(() => {
          (globalThis as unknown as InPage).marker = 42;
        });
        copyFileSync(path.join(REPO_ROOT, "solutions/00-welcome/welcome.ts"), file);
        await page.waitForFunction(
          (before) => {
            const { document } = globalThis as unknown as InPage;
            return (
              document.documentElement.dataset.version !== before &&
              document.querySelector('figure[data-figure="secants"]')?.getAttribute("data-status") ===
                "drawn" &&
              (document.querySelector("section.grade table")?.textContent ?? "").includes("complete")
            );
          },
          version,
          { timeout: WAIT_MS },
        );
        expect(await page.evaluate(() => (globalThis as unknown as InPage).marker)).toBe(42);
        const box = await page.$eval('figure[data-figure="secants"] .svg > svg', (svg) => {
          const r = svg.getBoundingClientRect();
          return { width: r.width, height: r.height };
        });
        expect(box.width).toBeGreaterThan(100);
        expect(box.height).toBeGreaterThan(100);
        expect(problems).toEqual([]);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, "00-welcome-live.png"), fullPage: true });
      } finally {
        await browser.close();
        await stop(child);
      }
      // The server went with the command.
      expect(await answers(url)).toBe(false);
      expect(output).toContain("✓ complete");
    },
  );
});
