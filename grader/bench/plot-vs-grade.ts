/**
 * What drawing a lesson's figures costs against grading that lesson, measured in one run on this
 * machine: `pnpm plot <lesson> --solutions` (the reference loaded in the sandbox, every figure's data
 * step run there, the SVGs rendered by vega, the page written) against `pnpm grade <lesson> --solutions`
 * (the lesson's hidden suite on the same file, in the sandbox). Target: drawing takes at most 1.5× as long
 * as grading, so that `pnpm watch --page` and `pnpm grade --html` feel like grading.
 * Whole commands are timed as a user runs them (node processes through the compiled CLI, medians of
 * BENCH_ROUNDS, default 3). BENCH_LESSONS=04,11 measures other lessons (default 04). Asserts nothing:
 * the machine is shared and noisy.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { median, timed } from "./timing.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LESSONS = (process.env.BENCH_LESSONS ?? "04").split(",").map((l) => l.trim());
const CLI = "grader/bin/calcml.mjs";
const TARGET = 1.5;

const FULL_MARKS = /total\s+(\d+(?:\.\d+)?) \/ \1\s+100 %/;
const ALL_DRAWN = /figures? →/;
const out = mkdtempSync(path.join(os.tmpdir(), "calcml-bench-plot-"));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

try {
  // Warm-up: builds the compiled CLI if it is stale, fills the OS's file cache.
  timed([CLI, "lessons"]);
  console.log(
    `Drawing a lesson's figures against grading it (medians of ${ROUNDS} rounds, measured in this run):`,
  );
  for (const lesson of LESSONS) {
    const plots: number[] = [];
    const grades: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      grades.push(timed([CLI, "grade", lesson, "--solutions"], FULL_MARKS));
      plots.push(timed([CLI, "plot", lesson, "--solutions", "--out", out], ALL_DRAWN));
    }
    const [p, g] = [median(plots), median(grades)];
    const ratio = p / g;
    console.log(
      `  lesson ${lesson}: pnpm plot ${lesson} --solutions ${seconds(p)} · pnpm grade ${lesson} --solutions ${seconds(g)} · ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×${ratio <= TARGET ? ", met" : ", NOT met"}) · rounds plot ${plots.map(seconds).join(", ")}; grade ${grades.map(seconds).join(", ")}`,
    );
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
