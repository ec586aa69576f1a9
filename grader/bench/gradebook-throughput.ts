/**
 * Whole-course submissions graded per minute on this machine: `pnpm gradebook` over a roster of
 * synthetic students (local bare git repositories holding the solutions' learner files, so every lesson
 * runs to the end), against the baseline of one `pnpm grade --submission` per student in a loop, both in
 * this run. The gradebook grades its students in batches, several in one run of the hidden suites
 * (`--batch`, see LessonBatch in grader/src/grade/grade-lesson.ts), `--jobs` batches at a time; the loop
 * starts the grader and vitest once per student. Then one shard of two alone (`--shard 1/2`), as one
 * runner of a sharded class grades it: about half the unsharded time is linear. Prints figures and the
 * ratios; asserts nothing (the machine is shared and noisy). BENCH_STUDENTS sets the class size (default
 * 6); BENCH_JOBS and BENCH_BATCH the gradebook's --jobs and --batch (default: its own); BENCH_LOOP=0 skips
 * the loop.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { lessonFile, REPO_ROOT } from "../src/course/paths.ts";
import { loadCourse } from "../src/manifest/load.ts";
import { courseFile, studentRepository } from "../test/submission-git.ts";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 6);
const CLI = path.join(REPO_ROOT, "grader/bin/calcml.mjs");

function run(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(
      `${args.join(" ")} failed:\n${result.stdout.slice(-1500)}\n${result.stderr.slice(-1500)}`,
    );
  return performance.now() - started;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "calcml-bench-gradebook-"));
try {
  const files = Object.fromEntries(
    loadCourse().lessons.map((lesson) => {
      const target = path.relative(REPO_ROOT, lessonFile(lesson.id, "exercises"));
      return [target, courseFile(path.relative(REPO_ROOT, lessonFile(lesson.id, "solutions")))];
    }),
  );
  const repositories = Array.from(
    { length: STUDENTS },
    (_, i) => studentRepository(scratch, `student-${i + 1}`, [{ files }]).repository,
  );
  const roster = path.join(scratch, "roster.csv");
  writeFileSync(roster, `student,repo\n${repositories.map((r, i) => `student-${i + 1},${r}`).join("\n")}\n`);
  run(["lessons"]); // warm-up: the compiled CLI is built if stale

  const loop =
    process.env.BENCH_LOOP === "0"
      ? Number.NaN
      : repositories.reduce((sum, repository) => sum + run(["grade", "--submission", repository]), 0);
  const jobs = [
    ...(process.env.BENCH_JOBS ? ["--jobs", process.env.BENCH_JOBS] : []),
    ...(process.env.BENCH_BATCH ? ["--batch", process.env.BENCH_BATCH] : []),
  ];
  const book = run(["gradebook", roster, "--out", path.join(scratch, "book"), ...jobs]);
  const shard = run(["gradebook", roster, "--out", path.join(scratch, "shard"), "--shard", "1/2", ...jobs]);
  const perMinute = (ms: number) => (STUDENTS * 60_000) / ms;
  console.log(
    `Gradebook throughput, ${STUDENTS} whole-course submissions (16 lessons each), measured in this run:\n` +
      `  pnpm gradebook: ${(book / 1000).toFixed(1)} s · ${perMinute(book).toFixed(1)} submissions/min (goal ≥ 12)\n` +
      (Number.isNaN(loop)
        ? "  one pnpm grade --submission per student in a loop: skipped (BENCH_LOOP=0)"
        : `  one pnpm grade --submission per student in a loop: ${(loop / 1000).toFixed(1)} s · ${perMinute(loop).toFixed(1)} submissions/min\n` +
          `  ratio ${(loop / book).toFixed(2)}× faster than the loop`) +
      `\n  one shard of two (${Math.ceil(STUDENTS / 2)} students): ${(shard / 1000).toFixed(1)} s · ${(shard / book).toFixed(2)} of the unsharded time (0.5 is linear)`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
