/** What the grader's benchmarks share: timing a whole command as a user runs it, and a median. */
import { spawnSync } from "node:child_process";
import { REPO_ROOT } from "../src/course/paths.ts";

/** Wall time of `node <args>` from the repository's root; throws when it fails or `expect` misses. */
export function timed(args: string[], expect?: RegExp): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: "utf8" });
  const ms = performance.now() - started;
  if (run.status !== 0 || (expect && !expect.test(run.stdout)))
    throw new Error(`${args.join(" ")} failed:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  return ms;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
