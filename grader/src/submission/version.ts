/**
 * Which grader graded: the package version, the git commit of the trusted tree (and whether it had
 * uncommitted changes), and a digest of everything that decides a score, so that a gradebook knows
 * when an earlier grade is still valid.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import type { GraderInfo } from "../report/schema.ts";

/** What decides a score: the grader's code, the suites, the manifest and the course's packages. */
const DIGESTED = [
  "grader/src",
  "grader/suites",
  "grader/course.json",
  "packages/math/src",
  "packages/optim/src",
];

function files(relative: string): string[] {
  const full = path.join(REPO_ROOT, relative);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => !/\.unpacked-\d+-\d+\.test\.ts$/.test(e.name))
    .flatMap((e) => (e.isDirectory() || e.isFile() ? files(`${relative}/${e.name}`) : []));
}

let cached: Omit<GraderInfo, "name" | "node"> | undefined;

function gitOf(args: string[]): string | undefined {
  try {
    return execFileSync("git", args, {
      cwd: REPO_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

/** The grader's identity (computed once per process). */
export function graderIdentity(): Omit<GraderInfo, "name" | "node"> {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "grader", "package.json"), "utf8")) as {
    version?: string;
  };
  const hash = createHash("sha256");
  for (const file of DIGESTED.flatMap(files).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(REPO_ROOT, file)));
    hash.update("\0");
  }
  const inGit = existsSync(path.join(REPO_ROOT, ".git"));
  const commit = inGit ? gitOf(["rev-parse", "HEAD"]) : undefined;
  const status = commit ? gitOf(["status", "--porcelain", "--untracked-files=no"]) : undefined;
  cached = {
    ...(pkg.version ? { version: pkg.version } : {}),
    ...(commit ? { commit } : {}),
    ...(status !== undefined ? { dirty: status.length > 0 } : {}),
    digest: hash.digest("hex"),
  };
  return cached;
}
