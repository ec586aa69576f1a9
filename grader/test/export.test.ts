// The student export, end to end: no answers and no plaintext suites in it, yet a learner can install
// it offline and grade with it, and a correct file still earns full marks.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportCourse } from "../src/course/export.ts";
import { REPO_ROOT } from "../src/course/paths.ts";
import { loadCourse } from "../src/manifest/load.ts";

const target = path.join(mkdtempSync(path.join(os.tmpdir(), "calcml-export-")), "student");
const written = exportCourse(loadCourse(), target);

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules") return [];
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

/** pnpm as the test was started with it (`pnpm test` sets npm_execpath), else from the PATH. */
function pnpm(args: string[], cwd: string) {
  const execPath = process.env.npm_execpath;
  const [command, prefix] = execPath?.includes("pnpm") ? [process.execPath, [execPath]] : ["pnpm", []];
  return spawnSync(command, [...prefix, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
}

describe("pnpm course export", () => {
  it("leaves out every solution, fixture and plaintext hidden suite", () => {
    const files = allFiles(target).map((f) => path.relative(target, f).split(path.sep).join("/"));
    expect(written).toBe(files.length);
    expect(files.filter((f) => f.startsWith("solutions/"))).toEqual(["solutions/package.json"]);
    expect(files.some((f) => f.startsWith("grader/test/"))).toBe(false);
    expect(files.filter((f) => f.startsWith("grader/suites/")).sort()).toEqual([
      "grader/suites/expected-tests.json",
      "grader/suites/hidden-suites.gz",
    ]);
    const suiteCode = 'import * as lesson from "@lesson/';
    expect(files.filter((f) => readFileSync(path.join(target, f), "latin1").includes(suiteCode))).toEqual([]);
    expect(readFileSync(path.join(target, "README.md"), "utf8")).not.toContain("pnpm course build");
  });

  it("installs offline and grades: a stub is not started, a correct file earns full marks", () => {
    const install = pnpm(["install", "--offline", "--frozen-lockfile"], target);
    expect(install.status, install.stderr).toBe(0);
    const grade = pnpm(["grade", "00"], target);
    expect(grade.stdout).toMatch(/00 {2}How this course works\s+0 \/ 3\s+· not started/);
    const submission = path.join(path.dirname(target), "welcome.ts");
    copyFileSync(path.join(REPO_ROOT, "solutions/00-welcome/welcome.ts"), submission);
    const full = pnpm(["grade", "00", "--source", `00=${submission}`], target);
    expect(full.stdout).toMatch(/00 {2}How this course works\s+3 \/ 3\s+✓ complete/);
    expect(readdirSync(path.join(target, "grader/suites")).sort()).toEqual([
      "expected-tests.json",
      "hidden-suites.gz",
    ]);
  });

  it("refuses to export into a folder that is not empty", () => {
    expect(() => exportCourse(loadCourse(), REPO_ROOT)).toThrow(/is not empty/);
    expect(existsSync(path.join(target, "package.json"))).toBe(true);
  });
});
