/**
 * The git side of a submission: a student repository fetched into a bare cache under .calcml/, a ref
 * resolved to a commit (optionally the last one at or before a deadline), and the commit's tree read
 * as data. Nothing of the student's is ever checked out, configured or run: no hooks, no submodules, no
 * attributes, no work tree.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** How long one fetch may take (a large repository over a slow network). */
const FETCH_TIMEOUT_MS = 180_000;
/** How long any other git command may take. */
const GIT_TIMEOUT_MS = 60_000;
/** The ref a fetch stores the remote's HEAD under, in the cache. */
export const REMOTE_HEAD = "refs/calcml/remote-head";

export const GIT_MESSAGES = {
  badRef: (ref: string) =>
    `"${ref}" is not a ref the grader accepts (letters, digits and . _ / - only, not starting with - or /)`,
  fetchFailed: (source: string, reason: string) => `could not fetch ${source}: ${reason}`,
  noCommits: (source: string) => `${source} has no commits (nothing was pushed yet)`,
  noRef: (source: string, ref: string) => `${source} has no branch, tag or commit "${ref}"`,
  noneBefore: (deadline: string) => `no commit on the ref was made at or before the deadline ${deadline}`,
} as const;

export class SubmissionError extends Error {}

/**
 * The environment git runs in: no prompts for credentials, nothing inherited that points at another
 * repository. (GIT_CONFIG_COUNT/KEY/VALUE pass through: that is how a workflow hands git a credential
 * helper for private student repositories.)
 */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: "0", GCM_INTERACTIVE: "never" };
  for (const name of Object.keys(env)) {
    if (
      /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|COMMON_DIR)$/.test(
        name,
      )
    )
      delete env[name];
  }
  env.GIT_SSH_COMMAND = env.GIT_SSH_COMMAND ?? "ssh -o BatchMode=yes";
  return env;
}

/** Options every git command gets: no `ext::` transport, no hooks, no fsmonitor. */
const SAFE_CONFIG = [
  "-c",
  "protocol.ext.allow=never",
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "core.fsmonitor=false",
];

export async function git(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number; encoding?: "utf8" | "buffer" } = {},
): Promise<string> {
  const { stdout } = await run("git", [...SAFE_CONFIG, ...args], {
    cwd: options.cwd,
    env: gitEnv(),
    timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    encoding: "utf8",
  });
  return stdout;
}

export async function gitBuffer(args: readonly string[], cwd: string): Promise<Buffer> {
  const { stdout } = await run("git", [...SAFE_CONFIG, ...args], {
    cwd,
    env: gitEnv(),
    timeout: GIT_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    encoding: "buffer",
  });
  return stdout;
}

/** The last line git wrote to stderr, which says why it failed. */
export function gitReason(error: unknown): string {
  const e = error as { stderr?: unknown; message?: unknown; killed?: boolean; signal?: unknown };
  if (e.killed || e.signal === "SIGTERM") return "git took too long";
  const text = typeof e.stderr === "string" ? e.stderr : Buffer.isBuffer(e.stderr) ? e.stderr.toString() : "";
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("hint:"));
  return lines.at(-1) ?? (typeof e.message === "string" ? e.message.split("\n")[0]! : String(error));
}

/** A ref the grader passes to git: plain names only, so that nothing reads as an option or a pathspec. */
export function checkRef(ref: string): string {
  if (!/^[A-Za-z0-9._][A-Za-z0-9._/-]*$/.test(ref) || ref.includes("..") || ref.endsWith("/"))
    throw new SubmissionError(GIT_MESSAGES.badRef(ref));
  return ref;
}

/** The repository's URL or path with any user name, password or token removed (it goes into reports). */
export function redact(source: string): string {
  return source.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
}

/** Where the bare cache of a repository lives: stable per repository, safe as a folder name. */
export function cacheFolder(cacheDir: string, repository: string): string {
  const hash = createHash("sha256").update(repository).digest("hex").slice(0, 16);
  const base = path.basename(redact(repository).replace(/\/+$/, ""), ".git").replace(/[^A-Za-z0-9._-]/g, "_");
  return path.join(cacheDir, `${base.slice(0, 40) || "repo"}-${hash}.git`);
}

/**
 * Fetches every branch and tag of `repository` (a URL or a local path) into its bare cache, creating it
 * on first use, and returns the cache's path. The remote's HEAD is kept as REMOTE_HEAD.
 */
export function fetchRepository(repository: string, cacheDir: string): Promise<string> {
  // Two students of one roster may share a repository: fetches into one cache folder take turns.
  const folder = cacheFolder(cacheDir, repository);
  const previous = fetching.get(folder) ?? Promise.resolve("");
  const next = previous.catch(() => "").then(() => fetchInto(repository, folder));
  fetching.set(folder, next);
  return next;
}

const fetching = new Map<string, Promise<string>>();

async function fetchInto(repository: string, folder: string): Promise<string> {
  const shown = redact(repository);
  const fresh = !existsSync(folder);
  const work = fresh ? `${folder}.tmp-${process.pid}-${Date.now()}` : folder;
  try {
    if (fresh) {
      mkdirSync(path.dirname(work), { recursive: true });
      await git(["init", "--quiet", "--bare", work]);
    }
    const refspecs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];
    await git(["fetch", "--quiet", "--prune", "--no-recurse-submodules", "--", repository, ...refspecs], {
      cwd: work,
      timeoutMs: FETCH_TIMEOUT_MS,
    });
    try {
      await git(["fetch", "--quiet", "--no-recurse-submodules", "--", repository, `+HEAD:${REMOTE_HEAD}`], {
        cwd: work,
        timeoutMs: FETCH_TIMEOUT_MS,
      });
    } catch (error) {
      const heads = await git(["for-each-ref", "--count=1", "refs/heads"], { cwd: work });
      if (!heads.trim()) throw new SubmissionError(GIT_MESSAGES.noCommits(shown));
      // A remote whose HEAD names a missing branch: branches and tags are still there.
      void error;
    }
    if (fresh) renameSync(work, folder);
    return folder;
  } catch (error) {
    if (fresh) rmSync(work, { recursive: true, force: true });
    if (error instanceof SubmissionError) throw error;
    throw new SubmissionError(GIT_MESSAGES.fetchFailed(shown, gitReason(error)));
  }
}

/** The commit `ref` names in the cache (default: the remote's HEAD). */
export async function resolveCommit(cache: string, shown: string, ref?: string): Promise<string> {
  const candidates = ref
    ? [`refs/heads/${checkRef(ref)}`, `refs/tags/${ref}`, ...(/^[0-9a-f]{7,64}$/i.test(ref) ? [ref] : [])]
    : [REMOTE_HEAD, "HEAD"];
  for (const candidate of candidates) {
    try {
      return (
        await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${candidate}^{commit}`], {
          cwd: cache,
        })
      ).trim();
    } catch {
      // Try the next reading of the ref.
    }
  }
  if (!ref) {
    // The remote's HEAD names no branch (a bare repository made with another default): its only
    // branch, else main, else master.
    const heads = (await git(["for-each-ref", "--format=%(refname)", "refs/heads"], { cwd: cache }))
      .split("\n")
      .filter(Boolean);
    const chosen =
      heads.length === 1 ? heads[0] : heads.find((h) => h === "refs/heads/main" || h === "refs/heads/master");
    if (chosen)
      return (
        await git(["rev-parse", "--verify", "--end-of-options", `${chosen}^{commit}`], { cwd: cache })
      ).trim();
  }
  throw new SubmissionError(ref ? GIT_MESSAGES.noRef(shown, ref) : GIT_MESSAGES.noCommits(shown));
}

export interface DeadlinePick {
  commit: string;
  lateCommits: number;
}

/**
 * The last commit reachable from `tip` whose committer date is at or before `deadline`, and how many
 * commits on `tip` came after it. Committer dates are set by the student's clock: see docs/instructors.md.
 */
export async function pickByDeadline(cache: string, tip: string, deadline: Date): Promise<DeadlinePick> {
  const seconds = Math.floor(deadline.getTime() / 1000);
  const picked = (
    await git(["rev-list", "-1", `--before=@${seconds}`, "--end-of-options", tip], { cwd: cache })
  ).trim();
  if (!picked) throw new SubmissionError(GIT_MESSAGES.noneBefore(deadline.toISOString()));
  const late = Number(
    (await git(["rev-list", "--count", "--end-of-options", `${picked}..${tip}`], { cwd: cache })).trim(),
  );
  return { commit: picked, lateCommits: late };
}

/** The committer date of a commit, as UTC ISO time. */
export async function committedAt(cache: string, commit: string): Promise<string> {
  const seconds = Number(
    (await git(["show", "-s", "--format=%ct", "--end-of-options", commit], { cwd: cache })).trim(),
  );
  return new Date(seconds * 1000).toISOString();
}

/** One entry of a commit's tree. */
export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  path: string;
}

/** Every entry of the commit's tree, recursively (blobs, symbolic links, submodules). */
export async function listTree(cache: string, commit: string): Promise<TreeEntry[]> {
  const out = await git(["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", commit], { cwd: cache });
  return out
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode = "", type = "", oid = ""] = line.slice(0, tab).split(" ");
      return { mode, type, oid, path: line.slice(tab + 1) };
    });
}

/** The bytes of one blob. */
export function readBlob(cache: string, oid: string): Promise<Buffer> {
  return gitBuffer(["cat-file", "blob", oid], cache);
}
