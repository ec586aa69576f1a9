// The student export, end to end: no answers and no plaintext suites in it, yet a learner can install
// it offline and grade with it, and a correct file still earns full marks.
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportCourse, STUDENT_TEMPLATES } from "../src/course/export.ts";
import { REPO_ROOT } from "../src/course/paths.ts";
import { loadCourse } from "../src/manifest/load.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "calcml-export-"));
const target = path.join(scratch, "student");
const written = exportCourse(loadCourse(), target);

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

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

  it("exports the committed tree: a change not committed yet, or a file not committed, is not in it", () => {
    const changed = git("diff", "--name-only", "HEAD", "-z")
      .split("\0")
      .filter((f) => f && existsSync(path.join(target, f)) && /\.(ts|json|md|mjs)$/.test(f))
      .filter((f) => !["README.md", "package.json", "vitest.config.ts"].includes(f));
    for (const file of changed.slice(0, 20))
      expect(readFileSync(path.join(target, file), "utf8"), file).toBe(git("show", `HEAD:${file}`));
    const untracked = git("ls-files", "--others", "--exclude-standard", "-z")
      .split("\0")
      .filter((f) => f && !f.startsWith("grader/templates/"));
    expect(untracked.filter((f) => existsSync(path.join(target, f)))).toEqual([]);
  });

  it("writes the student repository's workflows and dev container, not the instructors' CI", () => {
    const workflows = readdirSync(path.join(target, ".github/workflows")).sort();
    expect(workflows).toEqual(["feedback-comment.yml", "grade.yml"]);
    expect(readFileSync(path.join(target, ".github/workflows/grade.yml"), "utf8")).toBe(
      readFileSync(path.join(STUDENT_TEMPLATES, "grade.yml"), "utf8"),
    );
    const devcontainer = JSON.parse(
      readFileSync(path.join(target, ".devcontainer/devcontainer.json"), "utf8"),
    );
    expect(devcontainer.customizations.vscode.extensions).toContain("vitest.explorer");
    expect(devcontainer.postCreateCommand).toContain("pnpm install");
    expect(existsSync(path.join(target, "grader/templates"))).toBe(false);
  });

  it("--hidden-suites omit: no suite and no test name ships; pnpm grade says where the grade comes from", () => {
    const omitted = path.join(scratch, "omitted");
    exportCourse(loadCourse(), omitted, { hiddenSuites: "omit" });
    expect(existsSync(path.join(omitted, "grader/suites"))).toBe(false);
    expect(readdirSync(path.join(omitted, ".github/workflows"))).toEqual(["grade.yml"]);
    const manifest = JSON.parse(readFileSync(path.join(omitted, "package.json"), "utf8"));
    expect(manifest.scripts.grade).toBe("node grader/bin/grade-visible.mjs");
    // The installed packages of this checkout stand in for an install (links inside stay valid).
    symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(omitted, "node_modules"));
    const run = spawnSync(process.execPath, ["grader/bin/grade-visible.mjs", "00"], {
      cwd: omitted,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(run.stdout).toContain("Your grade comes from your instructor");
    expect(run.stdout).toMatch(/exercises\/00-welcome\/welcome\.test\.ts/);
    expect(run.status).toBe(1);
    const unknown = spawnSync(process.execPath, ["grader/bin/grade-visible.mjs", "99"], {
      cwd: omitted,
      encoding: "utf8",
    });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('There is no lesson "99"');
  });

  it("refuses to export into a folder that is not empty", () => {
    expect(() => exportCourse(loadCourse(), REPO_ROOT)).toThrow(/is not empty/);
    expect(existsSync(path.join(target, "package.json"))).toBe(true);
  });
});
