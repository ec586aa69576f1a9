// `pnpm plot`, called as the CLI will call it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PLOTS_DIR, plotCommand } from "../../src/cli/plot-command.ts";
import { UsageError } from "../../src/cli/resolve-lesson.ts";
import { REPO_ROOT, WORK_DIR } from "../../src/course/paths.ts";

const out = mkdtempSync(path.join(os.tmpdir(), "calcml-plot-"));

async function plot(...args: string[]) {
  const lines: string[] = [];
  const opened: string[] = [];
  const code = await plotCommand([...args, "--out", out], {
    log: (line) => lines.push(line),
    openInBrowser: async (file) => {
      opened.push(file);
      return true;
    },
  });
  return { code, output: lines.join("\n"), opened };
}

describe("pnpm plot", () => {
  it("draws the reference with --solutions: one SVG per figure and a page, and says where", async () => {
    const run = await plot("4", "--solutions");
    expect(run.code).toBe(0);
    const dir = path.join(out, "04-gradient-descent", "solutions");
    expect(readdirSync(dir).sort()).toEqual([
      "bowl-paths.svg",
      "index.html",
      "loss-per-iteration.svg",
      "rosenbrock-path.svg",
    ]);
    expect(run.output).toContain(`04-gradient-descent: 3 figures → ${path.join(dir, "index.html")}`);
    expect(run.output).toMatch(/bowl-paths\.svg\s+drawn/);
    expect(run.output).toContain("Open it in a browser: file://");
    const svg = readFileSync(path.join(dir, "bowl-paths.svg"), "utf8");
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
  });

  it("draws the learner's stub with every figure marked, and exits 0", async () => {
    const run = await plot("04-gradient-descent");
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/bowl-paths\.svg\s+not drawn: gradientDescent is not written yet/);
    const html = readFileSync(path.join(out, "04-gradient-descent", "index.html"), "utf8");
    expect(html).toContain("not written yet");
  });

  it("draws a given file over the reference with --compare and --source, and opens the page with --open", async () => {
    const fixture = path.join(REPO_ROOT, "grader/test/known-bugs/04-gradient-descent/ascending.ts");
    const run = await plot("gradient-descent", "--compare", "--source", `04=${fixture}`, "--open");
    expect(run.code).toBe(0);
    const page = path.join(out, "04-gradient-descent", "compare", "index.html");
    expect(run.opened).toEqual([page]);
    expect(readFileSync(page, "utf8")).toContain("reference (dashed)");
  });

  it("plots lesson 00, and every lesson with `all`", async () => {
    expect((await plot("00", "--solutions")).code).toBe(0);
    expect(existsSync(path.join(out, "00-welcome", "solutions", "secants.svg"))).toBe(true);
    const run = await plot("all", "--solutions");
    expect(run.output.match(/figures? →/g)).toHaveLength(16);
  });

  it("rejects a missing or unknown lesson and --solutions with --compare", async () => {
    await expect(plotCommand([])).rejects.toThrow(UsageError);
    await expect(plotCommand(["99"])).rejects.toThrow(/There is no lesson "99"/);
    await expect(plotCommand(["04", "--solutions", "--compare"])).rejects.toThrow(/do not go together/);
    await expect(plotCommand(["04", "--source", "nonsense"])).rejects.toThrow(
      /--source takes <lesson>=<file>/,
    );
    await expect(plotCommand(["04", "--bogus"])).rejects.toThrow(/Unknown option/);
  });

  it("writes by default into the work folder, which git ignores", () => {
    expect(PLOTS_DIR.startsWith(WORK_DIR)).toBe(true);
    const probe = path.relative(REPO_ROOT, path.join(PLOTS_DIR, "04-gradient-descent", "index.html"));
    // `git check-ignore` exits 0 when the path is ignored.
    expect(() => execFileSync("git", ["check-ignore", "-q", probe], { cwd: REPO_ROOT })).not.toThrow();
  });
});
