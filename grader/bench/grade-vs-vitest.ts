/**
 * Wall time of grading every lesson's hidden suite against solutions/ (one isolated child process per
 * lesson, two at a time) against a bare `vitest run --project hidden` over the same suites, measured in
 * the same run. Prints figures and the ratio; asserts nothing (the machine is shared and noisy).
 */
import { spawnSync } from "node:child_process";
import { REPO_ROOT } from "../src/course/paths.ts";
import { gradeCourse } from "../src/grade/grade-course.ts";
import { loadCourse } from "../src/manifest/load.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

function bareVitest(): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--project", "hidden"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`bare vitest run failed:\n${run.stdout}\n${run.stderr}`);
  return performance.now() - started;
}

async function grader(): Promise<{ ms: number; slowest: string }> {
  const course = loadCourse();
  const started = performance.now();
  const report = await gradeCourse({
    course,
    lessons: course.lessons,
    target: "solutions",
    seed: course.defaults.seed,
  });
  const ms = performance.now() - started;
  const slowest = [...report.lessons].sort((a, b) => b.durationMs - a.durationMs)[0];
  if (report.percent !== 100) throw new Error(`solutions scored ${report.percent} %, not 100 %`);
  return { ms, slowest: slowest ? `${slowest.id} ${(slowest.durationMs / 1000).toFixed(2)} s` : "none" };
}

const rows: string[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const bare = bareVitest();
  const graded = await grader();
  rows.push(
    `round ${round}: pnpm grade --solutions ${(graded.ms / 1000).toFixed(2)} s · bare vitest run ${(bare / 1000).toFixed(2)} s · ratio ${(graded.ms / bare).toFixed(2)}× · slowest lesson ${graded.slowest}`,
  );
}
console.log(
  `Grading all lessons (isolated, 2 at a time) vs one bare vitest run, same machine, same run:\n${rows.join("\n")}`,
);
