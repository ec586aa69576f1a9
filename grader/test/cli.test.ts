// The CLI as a learner and CI call it: exit codes, the --json report, --source, --min-score.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/course/paths.ts";
import { GradeReportSchema } from "../src/report/schema.ts";

/** The CLI as `pnpm grade` starts it: the compiled build (rebuilt first when a source is newer). */
function cli(...args: string[]) {
  return cliWith({}, ...args);
}

function cliWith(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ["grader/bin/calcml.mjs", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "calcml-cli-"));

describe("pnpm grade", () => {
  it("grades a dropped-in file with full marks, writes a report that validates, and exits 0", () => {
    const submission = path.join(scratch, "welcome.ts");
    copyFileSync(path.join(REPO_ROOT, "solutions/00-welcome/welcome.ts"), submission);
    const reportFile = path.join(scratch, "report.json");
    const run = cli("grade", "0", "--source", `00=${submission}`, "--json", reportFile, "--seed", "7");
    expect(run.code, run.stderr).toBe(0);
    const report = GradeReportSchema.parse(JSON.parse(readFileSync(reportFile, "utf8")));
    expect(report).toMatchObject({ target: "custom", seed: 7, points: 3, maxPoints: 3, percent: 100 });
    expect(run.stdout).toContain("Every graded lesson is complete");
  });

  it("shows an untouched stub as not started with 0 points, and exits 1 below --min-score", () => {
    const run = cli("grade", "00", "--min-score", "50");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/00 {2}How this course works\s+0 \/ 3\s+· not started/);
    expect(run.stderr).toContain("below --min-score 50 %");
  });

  it("states the sandbox level, and with --sandbox strict refuses to grade where strict mode is unavailable", () => {
    const auto = cli("grade", "00");
    expect(auto.stdout).toMatch(/Your code ran in the (strict|basic) sandbox/);
    const reportFile = path.join(scratch, "refused.json");
    const refused = cliWith(
      { CALCML_UNSHARE: "/nonexistent/unshare" },
      "grade",
      "00",
      "--sandbox",
      "strict",
      "--json",
      reportFile,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "--sandbox strict: strict mode is not available here: /nonexistent/unshare is missing",
    );
    expect(GradeReportSchema.parse(JSON.parse(readFileSync(reportFile, "utf8"))).error).toContain(
      "strict mode is not available",
    );
    const basic = cliWith({ CALCML_UNSHARE: "/nonexistent/unshare" }, "grade", "00", "--sandbox", "basic");
    expect(basic.code).toBe(0);
    expect(basic.stdout).toContain("Your code ran in the basic sandbox");
  });

  it("writes one self-contained HTML page with --html: the table, the failing checks and the figures", () => {
    const page = path.join(scratch, "report.html");
    const partial = path.join(scratch, "partial", "welcome.ts");
    mkdirSync(path.dirname(partial), { recursive: true });
    // Task 1 right, task 2 upside down: a failing check to list, and figures to draw.
    writeFileSync(
      partial,
      readFileSync(path.join(REPO_ROOT, "solutions/00-welcome/welcome.ts"), "utf8").replace(
        "return (f(b) - f(a)) / (b - a);",
        "return (b - a) / (f(b) - f(a));",
      ),
    );
    const run = cli("grade", "00", "--source", `00=${partial}`, "--html", page);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(page, "utf8");
    expect(html).toContain("How this course works");
    expect(html).toContain("Called:");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  });

  it("exits 2 with a suggestion for an unknown lesson, and still writes the report", () => {
    const reportFile = path.join(scratch, "error.json");
    const run = cli("grade", "welcom", "--json", reportFile);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no lesson "welcom". Did you mean 00-welcome?');
    expect(GradeReportSchema.parse(JSON.parse(readFileSync(reportFile, "utf8"))).error).toContain("welcom");
  });

  it("answers an unknown option with the usage and exit code 2, not a stack trace", () => {
    const run = cli("grade", "--bogus");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--bogus'");
    expect(run.stderr).toContain("Usage:");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints the hints of a task, gentlest first", () => {
    const run = cli("hint", "00", "2", "--all");
    expect(run.code).toBe(0);
    expect(run.stdout.indexOf("Hint 1 of 3")).toBeLessThan(run.stdout.indexOf("Hint 3 of 3"));
    expect(run.stdout).toContain("Rise over run");
  });
});

describe("pnpm visible", () => {
  it("runs the visible tests of the lesson named as pnpm grade names it, and only that lesson", () => {
    const run = cli("visible", "1");
    expect(run.stdout).toContain("exercises/01-derivatives/derivatives.test.ts");
    expect(run.stdout).not.toMatch(/exercises\/1[0-5]-/);
  });
});

describe("pnpm watch", () => {
  it("grades the lesson, then again when its file is saved", async () => {
    const file = path.join(scratch, "watched-welcome.ts");
    copyFileSync(path.join(REPO_ROOT, "exercises/00-welcome/welcome.ts"), file);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "grader/src/cli/main.ts", "watch", "00", "--source", file],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const waitFor = async (text: string) => {
      for (let waited = 0; !output.includes(text); waited += 100) {
        if (waited > 60_000) throw new Error(`no "${text}" in:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await waitFor("· not started");
      await waitFor("Watching");
      copyFileSync(path.join(REPO_ROOT, "solutions/00-welcome/welcome.ts"), file);
      await waitFor("✓ complete");
    } finally {
      child.kill("SIGINT");
    }
  });
});
