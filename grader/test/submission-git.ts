// Local git repositories that stand for students' repositories: a bare "remote" per student, pushed to
// from a scratch work tree, with commit dates chosen by the test.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../src/course/paths.ts";

/** A file's new content, a symbolic link, or null to delete it. */
export type FileChange = string | { symlink: string } | null;

export interface FixtureCommit {
  files: Record<string, FileChange>;
  /** Committer and author date, e.g. "2030-01-01T12:00:00Z" (default: now). */
  date?: string;
  message?: string;
}

function git(cwd: string, args: string[], date?: string): string {
  return execFileSync("git", ["-c", "user.name=Student", "-c", "user.email=student@example.com", ...args], {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** Creates `<root>/<name>.git` with the given commits pushed to `branch`; returns its path and the SHAs. */
export function studentRepository(
  root: string,
  name: string,
  commits: readonly FixtureCommit[],
  branch = "main",
): { repository: string; commits: string[] } {
  const repository = path.join(root, `${name}.git`);
  const work = path.join(root, `${name}-work`);
  mkdirSync(repository, { recursive: true });
  git(repository, ["init", "--quiet", "--bare", `--initial-branch=${branch}`]);
  mkdirSync(work, { recursive: true });
  git(work, ["init", "--quiet", `--initial-branch=${branch}`]);
  const shas: string[] = [];
  for (const [index, commit] of commits.entries()) {
    for (const [file, change] of Object.entries(commit.files)) {
      const full = path.join(work, file);
      rmSync(full, { force: true, recursive: true });
      if (change === null) continue;
      mkdirSync(path.dirname(full), { recursive: true });
      if (typeof change === "string") writeFileSync(full, change);
      else symlinkSync(change.symlink, full);
    }
    git(work, ["add", "-A"]);
    git(
      work,
      ["commit", "--quiet", "--allow-empty", "-m", commit.message ?? `commit ${index + 1}`],
      commit.date,
    );
    shas.push(git(work, ["rev-parse", "HEAD"]));
  }
  if (shas.length > 0) git(work, ["push", "--quiet", repository, `HEAD:refs/heads/${branch}`]);
  return { repository, commits: shas };
}

/** Pushes more commits to an existing fixture repository. */
export function pushMore(
  root: string,
  name: string,
  commits: readonly FixtureCommit[],
  branch = "main",
): string[] {
  const work = path.join(root, `${name}-work`);
  const shas: string[] = [];
  for (const commit of commits) {
    for (const [file, change] of Object.entries(commit.files)) {
      const full = path.join(work, file);
      rmSync(full, { force: true, recursive: true });
      if (change === null) continue;
      mkdirSync(path.dirname(full), { recursive: true });
      if (typeof change === "string") writeFileSync(full, change);
      else symlinkSync(change.symlink, full);
    }
    git(work, ["add", "-A"]);
    git(work, ["commit", "--quiet", "--allow-empty", "-m", commit.message ?? "more"], commit.date);
    shas.push(git(work, ["rev-parse", "HEAD"]));
  }
  git(work, ["push", "--quiet", path.join(root, `${name}.git`), `HEAD:refs/heads/${branch}`]);
  return shas;
}

/** A file of the course as it is in this checkout. */
export function courseFile(relative: string): string {
  return readFileSync(path.join(REPO_ROOT, relative), "utf8");
}

/** Lesson 00 with task 1 right and task 2 wrong (rise over run upside down). */
export function partialWelcome(): string {
  return courseFile("solutions/00-welcome/welcome.ts").replace(
    "return (f(b) - f(a)) / (b - a);",
    "return (b - a) / (f(b) - f(a));",
  );
}

/** A suite that would pass anything, a grader that would give full marks: what a cheat pushes. */
export const CHEATS: Record<string, string> = {
  "grader/suites/00-welcome.test.ts": 'import { it } from "vitest";\nit("passes", () => {});\n',
  "grader/src/grade/score.ts":
    "export const roundPoints = () => 100;\nexport const scoreTask = () => ({ points: 100 });\n",
  "grader/course.json": '{ "title": "forged" }\n',
  "pnpm-lock.yaml": "lockfileVersion: '9.0'\n# forged\n",
  ".github/workflows/grade.yml": "on: push\njobs: {}\n",
  "vitest.config.ts": "export default {};\n",
};
