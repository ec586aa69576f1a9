// The grade of record: `pnpm grade --submission` takes only the learner files the manifest allows, from a
// folder or a commit of a git repository, and grades them on this checkout. A push that also rewrites a
// hidden suite, the grader, the manifest, the lockfile and the workflows earns exactly what its learner
// files earn alone.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/course/paths.ts";
import { loadCourse } from "../src/manifest/load.ts";
import { ExercismResultSchema, GradescopeResultSchema } from "../src/report/autograders.ts";
import { ClassroomResultSchema } from "../src/report/classroom.ts";
import { GradeReportSchema, type LessonReport } from "../src/report/schema.ts";
import { collectFolder, collectGit, parseSubmissionSpec } from "../src/submission/collect.ts";
import { redact, SubmissionError } from "../src/submission/git.ts";
import { gradeSubmission } from "../src/submission/grade-submission.ts";
import { CHEATS, courseFile, partialWelcome, studentRepository } from "./submission-git.ts";

const course = loadCourse();
const welcome = course.lessons.filter((l) => l.id === "00-welcome");
const root = mkdtempSync(path.join(os.tmpdir(), "calcml-submission-"));
const cacheDir = path.join(root, "cache");
const WELCOME = "exercises/00-welcome/welcome.ts";

function testStatuses(lesson: LessonReport | undefined): string[] {
  return (lesson?.tasks ?? []).flatMap((t) => t.tests.map((x) => `${x.id}: ${x.status}`));
}

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "grader/src/cli/main.ts", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      NO_COLOR: "1",
      GITHUB_ACTIONS: "",
      GITHUB_OUTPUT: "",
      CALCML_SUBMISSION_CACHE: cacheDir,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("a submission's learner files, and nothing else", () => {
  it("a push that also edits a hidden suite, the grader and the lockfile gets exactly its learner files' score", async () => {
    const partial = partialWelcome();
    const honest = studentRepository(root, "honest", [{ files: { [WELCOME]: partial } }]);
    const cheat = studentRepository(root, "cheat", [{ files: { [WELCOME]: partial, ...CHEATS } }]);
    const grade = (repository: string) =>
      gradeSubmission({
        course,
        lessons: welcome,
        seed: course.defaults.seed,
        submission: repository,
        cacheDir,
      });
    const [alone, withCheats] = [await grade(honest.repository), await grade(cheat.repository)];
    expect(alone.points).toBeGreaterThan(0);
    expect(alone.points).toBeLessThan(alone.maxPoints);
    expect(withCheats.points).toBe(alone.points);
    expect(testStatuses(withCheats.lessons[0])).toEqual(testStatuses(alone.lessons[0]));

    const s = withCheats.submission!;
    expect(s).toMatchObject({ kind: "git", commit: cheat.commits[0], refused: [], missing: [] });
    expect(s.taken).toEqual([
      {
        path: WELCOME,
        sha256: createHash("sha256").update(partial).digest("hex"),
        bytes: Buffer.byteLength(partial),
      },
    ]);
    expect(s.ignored.count).toBe(Object.keys(CHEATS).length);
    expect(s.ignored.examples).toEqual(
      expect.arrayContaining(["grader/suites/00-welcome.test.ts", "pnpm-lock.yaml"]),
    );
    expect(withCheats.lessons[0]!.source).toBe(WELCOME);
    expect(withCheats.grader.version).toBeDefined();
    expect(withCheats.grader.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(withCheats.seed).toBe(course.defaults.seed);
    expect(JSON.stringify(withCheats)).not.toContain("staging");
    GradeReportSchema.parse(withCheats);
  });

  it("refuses a learner path that is a symbolic link in the commit, with a clear message", async () => {
    const { repository } = studentRepository(root, "linked", [
      { files: { [WELCOME]: { symlink: "../../solutions/00-welcome/welcome.ts" } } },
    ]);
    const report = await gradeSubmission({
      course,
      lessons: welcome,
      seed: course.defaults.seed,
      submission: `${repository}#main`,
      cacheDir,
    });
    expect(report.points).toBe(0);
    expect(report.submission?.refused).toEqual([
      { path: WELCOME, reason: expect.stringMatching(/symbolic link/) },
    ]);
    expect(report.lessons[0]!.problems).toEqual([
      { kind: "load-error", message: expect.stringMatching(/welcome\.ts is a symbolic link.*earns 0/) },
    ]);
  });
});

describe("collecting without grading", () => {
  it("a folder: regular files only, every folder on the way real, the rest counted and never read", () => {
    const dir = path.join(root, "folder");
    mkdirSync(path.join(dir, "exercises/00-welcome"), { recursive: true });
    mkdirSync(path.join(dir, "grader/suites"), { recursive: true });
    writeFileSync(path.join(dir, WELCOME), "export const x = 1;\n");
    writeFileSync(path.join(dir, "grader/suites/00-welcome.test.ts"), "forged");
    symlinkSync(path.join(REPO_ROOT, "solutions/01-derivatives"), path.join(dir, "exercises/01-derivatives"));
    mkdirSync(path.join(dir, "exercises/02-gradients/gradients.ts"), { recursive: true });
    const collected = collectFolder(dir, course.lessons.slice(0, 4));
    expect(collected.taken.map((t) => t.path)).toEqual([WELCOME]);
    expect(collected.submission.refused).toEqual([
      { path: "exercises/01-derivatives/derivatives.ts", reason: expect.stringMatching(/symbolic link/) },
      { path: "exercises/02-gradients/gradients.ts", reason: expect.stringMatching(/not a regular file/) },
    ]);
    expect(collected.submission.missing).toEqual(["exercises/03-chain-rule/chain-rule.ts"]);
    expect(collected.submission.ignored).toEqual({
      count: 2,
      examples: ["grader/suites/00-welcome.test.ts", "exercises/01-derivatives"],
    });
  });

  it("a deadline picks the last commit at or before it and counts the late ones", async () => {
    const { repository, commits } = studentRepository(root, "late", [
      { files: { [WELCOME]: "// first\n" }, date: "2030-01-01T10:00:00Z" },
      { files: { [WELCOME]: "// on time\n" }, date: "2030-01-02T12:00:00Z" },
      { files: { [WELCOME]: "// late\n" }, date: "2030-01-03T10:00:00Z" },
      { files: { "notes.md": "late too\n" }, date: "2030-01-04T10:00:00Z" },
    ]);
    const collected = await collectGit(
      { repository, cacheDir, deadline: new Date("2030-01-02T12:00:00Z") },
      welcome,
    );
    expect(collected.submission).toMatchObject({
      commit: commits[1],
      committedAt: "2030-01-02T12:00:00.000Z",
      deadline: "2030-01-02T12:00:00.000Z",
      lateCommits: 2,
    });
    expect(collected.taken[0]!.content.toString()).toBe("// on time\n");
    await expect(
      collectGit({ repository, cacheDir, deadline: new Date("2029-01-01T00:00:00Z") }, welcome),
    ).rejects.toThrow(/no commit on the ref was made at or before the deadline/);
  });

  it("a second fetch sees new commits; a missing repository, ref or history is a clear error", async () => {
    const { repository } = studentRepository(root, "twice", [{ files: { [WELCOME]: "// one\n" } }]);
    expect((await collectGit({ repository, cacheDir }, welcome)).taken[0]!.content.toString()).toBe(
      "// one\n",
    );
    const again = studentRepository(path.join(root, "again"), "twice", [
      { files: { [WELCOME]: "// two\n" } },
    ]);
    // Same cache key only for the same location: point the first location at the new history.
    const { execFileSync } = await import("node:child_process");
    execFileSync("git", ["push", "--quiet", "--force", repository, "main:main"], { cwd: again.repository });
    expect((await collectGit({ repository, cacheDir }, welcome)).taken[0]!.content.toString()).toBe(
      "// two\n",
    );

    await expect(
      collectGit({ repository: path.join(root, "nobody.git"), cacheDir }, welcome),
    ).rejects.toThrow(SubmissionError);
    await expect(collectGit({ repository, ref: "no-such-branch", cacheDir }, welcome)).rejects.toThrow(
      /has no branch, tag or commit "no-such-branch"/,
    );
    await expect(collectGit({ repository, ref: "--upload-pack=evil", cacheDir }, welcome)).rejects.toThrow(
      /not a ref the grader accepts/,
    );
    const empty = studentRepository(root, "empty", []);
    await expect(collectGit({ repository: empty.repository, cacheDir }, welcome)).rejects.toThrow(
      /has no commits/,
    );
  });

  it("reads a spec: URL#ref, a bare repository, a folder; credentials never reach a report", () => {
    expect(parseSubmissionSpec("https://x:token@example.com/s/repo.git#v1")).toEqual({
      kind: "git",
      location: "https://x:token@example.com/s/repo.git",
      ref: "v1",
    });
    expect(redact("https://x:token@example.com/s/repo.git")).toBe("https://example.com/s/repo.git");
    expect(parseSubmissionSpec(path.join(root, "honest.git")).kind).toBe("git");
    expect(parseSubmissionSpec(path.join(root, "folder")).kind).toBe("folder");
    expect(parseSubmissionSpec(`${path.join(root, "folder")}#main`).kind).toBe("git");
    expect(() => parseSubmissionSpec(path.join(root, "nothing-here"))).toThrow(
      /not a folder or a git repository/,
    );
  });
});

describe("pnpm grade --submission", () => {
  it("writes every requested format, each valid, even when the submission cannot be fetched", () => {
    const out = path.join(root, "failed");
    const files = {
      json: path.join(out, "report.json"),
      classroom: path.join(out, "classroom.json"),
      exercism: path.join(out, "exercism.json"),
      gradescope: path.join(out, "gradescope.json"),
      junit: path.join(out, "junit.xml"),
    };
    const run = cli(
      "grade",
      "--submission",
      `${path.join(root, "honest.git")}#no-such-branch`,
      ...Object.entries(files).flatMap(([format, file]) => [`--${format}`, file]),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has no branch, tag or commit "no-such-branch"');
    const read = (file: string) => JSON.parse(readFileSync(file, "utf8"));
    expect(GradeReportSchema.parse(read(files.json)).error).toContain("no-such-branch");
    const classroom = ClassroomResultSchema.parse(read(files.classroom));
    const total = course.lessons.reduce((sum, l) => sum + l.tasks.reduce((t, task) => t + task.points, 0), 0);
    expect(classroom).toMatchObject({ status: "error", max_score: total });
    expect(ExercismResultSchema.parse(read(files.exercism))).toMatchObject({ status: "error" });
    expect(GradescopeResultSchema.parse(read(files.gradescope)).score).toBe(0);
    expect(readFileSync(files.junit, "utf8")).toContain("<testsuites");
  });

  it("does not combine with --solutions", () => {
    const run = cli("grade", "--submission", root, "--solutions");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("does not combine with --solutions");
  });

  it("the course file the cheat replaced is untouched here", () => {
    expect(courseFile("grader/course.json")).not.toContain("forged");
  });
});
