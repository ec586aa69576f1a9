// The gradebook over a roster of synthetic students (bare git repositories in a temp folder): complete,
// partial, a broken file, a late commit, a missing repository, an infinite loop, a ref. It writes the
// expected gradebook.csv, a report and a feedback page each; a re-run skips what was graded; two shards
// merged equal one unsharded run; students graded in batches (one run of the suites for several) get
// the reports they get one at a time.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../src/gradebook/csv.ts";
import { fenced, renderFeedback } from "../src/gradebook/feedback.ts";
import { defaultBatch, MAX_BATCH, mergeGradebooks, runGradebook } from "../src/gradebook/gradebook.ts";
import { inShard, parseRoster, studentFileName } from "../src/gradebook/roster.ts";
import { type GradeReport, GradeReportSchema } from "../src/report/schema.ts";
import { KEYED_SUITES_DIR } from "../src/runner/run-suites.ts";
import { courseWithLimits } from "./grade-fixture.ts";
import { courseFile, partialWelcome, pushMore, studentRepository } from "./submission-git.ts";

const WELCOME = "exercises/00-welcome/welcome.ts";
const SOLUTION = courseFile("solutions/00-welcome/welcome.ts");
const STUB = courseFile(WELCOME);
/** Tight limits, so that the infinite loop ends in seconds. */
const course = courseWithLimits(2, 256);
const lessons = course.lessons.filter((l) => l.id === "00-welcome");
const root = mkdtempSync(path.join(os.tmpdir(), "calcml-gradebook-"));
const cacheDir = path.join(root, "cache");
const DEADLINE = new Date("2030-06-01T12:00:00Z");
const early = "2030-05-20T10:00:00Z";

const repos = {
  alice: studentRepository(root, "alice", [{ files: { [WELCOME]: SOLUTION }, date: early }]),
  bob: studentRepository(root, "bob", [{ files: { [WELCOME]: partialWelcome() }, date: early }]),
  carol: studentRepository(root, "carol", [
    { files: { [WELCOME]: `${SOLUTION}\nexport function broken( {\n` }, date: early },
  ]),
  dave: studentRepository(root, "dave", [
    { files: { [WELCOME]: partialWelcome() }, date: early },
    { files: { [WELCOME]: SOLUTION }, date: "2030-06-02T09:00:00Z" },
  ]),
  frank: studentRepository(root, "frank", [
    {
      files: {
        [WELCOME]: SOLUTION.replace(
          "return (f(b) - f(a)) / (b - a);",
          "for (;;) {}\n  return (f(b) - f(a)) / (b - a);",
        ),
      },
      date: early,
    },
  ]),
  gina: studentRepository(root, "gina", [{ files: { [WELCOME]: STUB }, date: early }]),
};
pushMore(root, "gina", [{ files: { [WELCOME]: SOLUTION }, date: early }], "submit");

const roster = path.join(root, "roster.csv");
writeFileSync(
  roster,
  [
    "student,repo,ref",
    "alice,alice.git",
    "bob,bob.git",
    "carol,carol.git",
    "dave,dave.git",
    "erin,erin-does-not-exist.git",
    "frank,frank.git",
    "gina,gina.git,submit",
    "",
  ].join("\n"),
);

function options(out: string, extra: Partial<Parameters<typeof runGradebook>[0]> = {}) {
  return {
    course,
    lessons,
    roster,
    out,
    seed: course.defaults.seed,
    deadline: DEADLINE,
    cacheDir,
    jobs: 2,
    ...extra,
  };
}

const unsharded = path.join(root, "all");
const first = runGradebook(options(unsharded));

describe("pnpm gradebook", () => {
  it("writes the expected gradebook.csv: a row per student, broken repositories with their reason", async () => {
    const { graded, skipped, failed } = await first;
    expect([graded, skipped, failed]).toEqual([6, 0, 1]);
    const rows = parseCsv(readFileSync(path.join(unsharded, "gradebook.csv"), "utf8"));
    expect(rows[0]).toEqual(["student", "commit", "00-welcome", "total", "percent", "late", "problems"]);
    const byStudent = Object.fromEntries(rows.slice(1).map((r) => [r[0], r.slice(1)]));
    const bob = byStudent.bob!;
    expect(Number(bob[1])).toBeGreaterThan(0);
    expect(Number(bob[1])).toBeLessThan(3);
    expect(byStudent).toEqual({
      alice: [repos.alice.commits[0], "3", "3", "100", "0", ""],
      bob: [repos.bob.commits[0], bob[1], bob[1], bob[3], "0", ""],
      carol: [repos.carol.commits[0], "0", "0", "0", "0", "00-welcome: load-error"],
      // The late commit is complete; the one before the deadline is bob's partial file.
      dave: [repos.dave.commits[0], bob[1], bob[1], bob[3], "1", ""],
      erin: [
        "",
        "",
        "0",
        "0",
        "",
        expect.stringMatching(/^.*erin-does-not-exist\.git is not a folder or a git repository$/),
      ],
      frank: [repos.frank.commits[0], "1", "1", "33.33", "0", "00-welcome: timeout"],
      gina: [expect.stringMatching(/^[0-9a-f]{40}$/), "3", "3", "100", "0", ""],
      "(max)": ["", "3", "3", "100", "", ""],
    });
    const report = GradeReportSchema.parse(
      JSON.parse(readFileSync(path.join(unsharded, "reports/dave.json"), "utf8")),
    );
    expect(report.submission).toMatchObject({ commit: repos.dave.commits[0], lateCommits: 1 });
    const page = readFileSync(path.join(unsharded, "feedback/carol.md"), "utf8");
    expect(page).toContain("# Calculus for Machine Learning: carol");
    expect(page).toMatch(/```+text\n[^`]*syntax error at exercises\/00-welcome\/welcome\.ts:\d+/);
  });

  it("a re-run skips every student whose commit was already graded, and writes the same gradebook", async () => {
    await first;
    const before = readFileSync(path.join(unsharded, "gradebook.csv"), "utf8");
    const again = await runGradebook(options(unsharded));
    expect([again.graded, again.skipped, again.failed]).toEqual([0, 6, 1]);
    expect(readFileSync(path.join(unsharded, "gradebook.csv"), "utf8")).toBe(before);
  });

  it("two shards merged equal one unsharded run", async () => {
    await first;
    const [a, b] = [path.join(root, "shard-1"), path.join(root, "shard-2")];
    const one = await runGradebook(options(a, { shard: { index: 1, count: 2 } }));
    const two = await runGradebook(options(b, { shard: { index: 2, count: 2 } }));
    expect(one.gradebook.rows.map((r) => r.student)).toEqual(["alice", "carol", "erin", "gina"]);
    expect(two.gradebook.rows.map((r) => r.student)).toEqual(["bob", "dave", "frank"]);
    const merged = path.join(root, "merged");
    mergeGradebooks([b, a], merged);
    expect(readFileSync(path.join(merged, "gradebook.csv"), "utf8")).toBe(
      readFileSync(path.join(unsharded, "gradebook.csv"), "utf8"),
    );
    expect(readFileSync(path.join(merged, "feedback/frank.md"), "utf8")).toContain("frank");
    expect(() => mergeGradebooks([a, a], path.join(root, "twice"))).toThrow(/in more than one/);
  });
});

/** A report without what differs from run to run (times, dates). */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "durationMs" && key !== "createdAt")
      .map(([key, v]) => [key, comparable(v)]),
  );
}

function reportOf(dir: string, student: string): GradeReport {
  return GradeReportSchema.parse(JSON.parse(readFileSync(path.join(dir, `reports/${student}.json`), "utf8")));
}

describe("batches: several students in one run of the hidden suites", () => {
  it("grades every student as one at a time does; frank's infinite loop costs only frank's task", async () => {
    await first;
    const alone = path.join(root, "alone");
    const together = path.join(root, "together");
    // One student per run of the suites, two runs at a time; then all six in one run, through one worker
    // (one suite file after another: carol's failed import and frank's loop come before others' files).
    await runGradebook(options(alone, { batch: 1 }));
    const all = await runGradebook(options(together, { jobs: 1, batch: 7, workers: 1 }));
    expect([all.graded, all.skipped, all.failed]).toEqual([6, 0, 1]);
    const graded = ["alice", "bob", "carol", "dave", "frank", "gina"];
    for (const student of graded) {
      const one = comparable(reportOf(alone, student));
      expect(comparable(reportOf(together, student)), student).toEqual(one);
      expect(comparable(reportOf(unsharded, student)), student).toEqual(one);
    }
    for (const dir of [alone, together])
      expect(readFileSync(path.join(dir, "gradebook.csv"), "utf8")).toBe(
        readFileSync(path.join(unsharded, "gradebook.csv"), "utf8"),
      );
    // In the batch of six, the loop timed out in its own task; its other tasks and everyone else scored.
    const frank = reportOf(together, "frank").lessons[0]!;
    expect(frank.tasks.map((t) => t.tests.some((test) => test.status === "timeout"))).toEqual([false, true]);
    expect(frank.points).toBe(1);
    expect(reportOf(together, "alice").points).toBe(3);
    expect(reportOf(together, "gina").points).toBe(3);
    // The batch's suite files are gone.
    const mine = existsSync(KEYED_SUITES_DIR)
      ? readdirSync(KEYED_SUITES_DIR).filter((name) => name.startsWith(`${process.pid}-`))
      : [];
    expect(mine).toEqual([]);
  });

  it("splits the students evenly among the jobs by default, at most MAX_BATCH to a run", () => {
    expect(defaultBatch(12, 2)).toBe(6);
    expect(defaultBatch(8, 2)).toBe(4);
    expect(defaultBatch(7, 2)).toBe(4);
    expect(defaultBatch(60, 2)).toBe(15);
    expect(defaultBatch(1, 2)).toBe(1);
    expect(defaultBatch(0, 2)).toBe(1);
    for (let students = 1; students <= 200; students++)
      for (const jobs of [1, 2, 3, 4, 8]) {
        const batch = defaultBatch(students, jobs);
        expect(batch).toBeGreaterThanOrEqual(1);
        expect(batch).toBeLessThanOrEqual(MAX_BATCH);
        // No more batches than the jobs can grade in the fewest rounds of at most MAX_BATCH students.
        const rounds = Math.ceil(Math.ceil(students / jobs) / MAX_BATCH);
        expect(Math.ceil(students / batch)).toBeLessThanOrEqual(jobs * rounds);
      }
  });
});

describe("roster, shards and feedback pages", () => {
  it("reads a roster with or without a header; a line without a repository is that student's problem", () => {
    const entries = parseRoster('s1,a.git\n"s, 2",https://t:x@h/r.git,main\ns3,\ns1,b.git\n', "/r");
    expect(entries.map((e) => [e.student, e.repo, e.ref, e.problem])).toEqual([
      ["s1", "/r/a.git", undefined, undefined],
      ["s, 2", "https://t:x@h/r.git", "main", undefined],
      ["s3", "", undefined, "roster line 3 names no repository"],
      ["s1", "/r/b.git", undefined, "listed twice in the roster (first on line 1); graded once"],
    ]);
    const shards = [1, 2, 3].map((index) => entries.filter((e) => inShard(e, { index, count: 3 })).length);
    expect(shards).toEqual([2, 1, 1]);
    expect(studentFileName("alice")).toBe("alice");
    expect(studentFileName("../etc/passwd")).toMatch(/^_+etc_passwd-[0-9a-f]{8}$/);
  });

  it("keeps learner text inert: fenced longer than any backtick run, mentions and markup escaped", () => {
    expect(fenced("a ```` b")).toBe("`````text\na ```` b\n`````");
    const page = renderFeedback(
      {
        schemaVersion: 1,
        course: "C",
        grader: { name: "@calcml/grader", node: "v20" },
        createdAt: new Date(0).toISOString(),
        target: "custom",
        seed: 1,
        points: 0,
        maxPoints: 1,
        percent: 0,
        durationMs: 1,
        lessons: [],
        error: "```\n<img src=x onerror=alert(1)> @everyone\n```",
      },
      { student: "<b>@mallory</b>" },
    );
    expect(page).toContain("\\<b\\>@\u200bmallory\\</b\\>");
    expect(page).toContain("````text\n```\n<img src=x onerror=alert(1)> @everyone\n```\n````");
  });
});
