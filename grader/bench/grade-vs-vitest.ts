/**
 * What trusted grading costs, measured in one run on this machine, each figure beside its baseline:
 * - every lesson: `pnpm grade --solutions` (learner code in sandboxes) against a bare
 *   `vitest run --project hidden` (the same suites with the solutions imported in-process);
 * - one lesson (04): the same two, for one suite;
 * - the CLI's own start-up: `pnpm lessons` (grades nothing) through the compiled CLI, against the same
 *   command through tsx (TypeScript compiled at start).
 * Whole commands are timed as a user runs them (node processes, medians of BENCH_ROUNDS). Asserts
 * nothing: the machine is shared and noisy.
 */
import { median, timed } from "./timing.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const VITEST = "node_modules/vitest/vitest.mjs";
const CLI = "grader/bin/calcml.mjs";

interface Pair {
  name: string;
  measured: string;
  baseline: string;
  target: string;
  run: () => number;
  base: () => number;
}

const FULL_MARKS = /total\s+(\d+(?:\.\d+)?) \/ \1\s+100 %/;
const pairs: Pair[] = [
  {
    name: "all 16 lessons",
    measured: "pnpm grade --solutions",
    baseline: "bare vitest run --project hidden",
    target: "≤ 1.5×",
    run: () => timed([CLI, "grade", "--solutions"], FULL_MARKS),
    base: () => timed([VITEST, "run", "--project", "hidden"]),
  },
  {
    name: "one lesson (04)",
    measured: "pnpm grade 04 --solutions",
    baseline: "bare vitest run of its suite",
    target: "≤ 1.3×",
    run: () => timed([CLI, "grade", "04", "--solutions"], FULL_MARKS),
    base: () => timed([VITEST, "run", "--project", "hidden", "grader/suites/04-gradient-descent.test.ts"]),
  },
  {
    name: "CLI start-up",
    measured: "pnpm lessons, compiled CLI",
    baseline: "the same through tsx",
    target: "≤ 0.3 s",
    run: () => timed([CLI, "lessons"]),
    base: () => timed(["--import", "tsx", "grader/src/cli/main.ts", "lessons"]),
  },
];

// Warm-up: builds the compiled CLI if it is stale, fills the OS's file cache.
timed([CLI, "lessons"]);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`Trusted grading against its baselines (medians of ${ROUNDS} rounds, measured in this run):`);
for (const pair of pairs) {
  const runs: number[] = [];
  const bases: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bases.push(pair.base());
    runs.push(pair.run());
  }
  const [m, b] = [median(runs), median(bases)];
  console.log(
    `  ${pair.name}: ${pair.measured} ${seconds(m)} · ${pair.baseline} ${seconds(b)} · ratio ${(m / b).toFixed(2)}× (target ${pair.target}) · rounds ${runs.map(seconds).join(", ")}`,
  );
}
