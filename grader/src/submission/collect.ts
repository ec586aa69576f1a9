/**
 * A submission's learner files, and nothing else. From a folder or from a commit of a git repository,
 * the grader takes exactly the paths the manifest allows (`exercises/NN-slug/<slug>.ts`, one per lesson),
 * as regular files of bounded size, and copies their bytes into a staging folder of its own. Every other
 * file of the submission (suites, the grader, configs, the lockfile, workflows) is counted and never read.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from "node:fs";
import path from "node:path";
import { lessonSlug } from "../course/paths.ts";
import type { Lesson } from "../manifest/schema.ts";
import type { Submission } from "../report/schema.ts";
import {
  committedAt,
  fetchRepository,
  listTree,
  pickByDeadline,
  readBlob,
  redact,
  resolveCommit,
  SubmissionError,
} from "./git.ts";

/** The largest learner file taken (a lesson's file is a few kilobytes). */
export const MAX_LEARNER_BYTES = 1024 * 1024;
/** How many ignored paths a report names. */
const IGNORED_EXAMPLES = 8;
/** Folders a folder submission's walk does not enter (their files are not counted either). */
const NOT_WALKED = new Set([".git", "node_modules"]);
/** Ignored paths worth naming first: what an attempt to change the grade would touch. */
const NOTEWORTHY = [
  /^grader\//,
  /^\.github\//,
  /^pnpm-lock\.yaml$/,
  /(^|\/)package\.json$/,
  /^vitest\.config\./,
  /^tsconfig/,
  /^packages\//,
  /^exercises\//,
  /^solutions\//,
];

export const COLLECT_MESSAGES = {
  symlink: "is a symbolic link; only a regular file is graded",
  linkedFolder: (folder: string) =>
    `lies in ${folder}, which is a symbolic link; only a regular file is graded`,
  notRegular:
    "is not a regular file (a folder, a submodule or a special file); only a regular file is graded",
  tooLarge: (bytes: number) =>
    `is ${bytes} bytes; the grader takes learner files up to ${MAX_LEARNER_BYTES} bytes (1 MiB)`,
  notFolder: (dir: string) => `${dir} is not a folder or a git repository`,
} as const;

/** What `--submission` names: a folder as it is, or a git repository (URL or path) at a ref. */
export interface SubmissionSpec {
  kind: "folder" | "git";
  /** The folder or the repository (absolute for a local path). */
  location: string;
  ref?: string;
}

function looksLikeUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[\w.-]+@[\w.-]+:/.test(text);
}

function isBareRepository(dir: string): boolean {
  try {
    return ["HEAD", "objects", "refs"].every((name) => lstatSync(path.join(dir, name)));
  } catch {
    return false;
  }
}

/**
 * `dir`, `repo.git`, `https://host/repo.git#main`, `../repo#v1`: a URL, a bare repository, or any path with
 * `#ref` is read through git (the commit, never a work tree); any other folder is read as it is.
 */
export function parseSubmissionSpec(raw: string, base = process.cwd()): SubmissionSpec {
  const hash = raw.lastIndexOf("#");
  const [where, ref] = hash > 0 ? [raw.slice(0, hash), raw.slice(hash + 1) || undefined] : [raw, undefined];
  if (looksLikeUrl(where)) return { kind: "git", location: where, ...(ref ? { ref } : {}) };
  const location = path.resolve(base, where);
  let stat: ReturnType<typeof lstatSync> | undefined;
  try {
    stat = lstatSync(location);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) throw new SubmissionError(COLLECT_MESSAGES.notFolder(location));
  if (ref || isBareRepository(location)) return { kind: "git", location, ...(ref ? { ref } : {}) };
  return { kind: "folder", location };
}

/** The path of lesson `id`'s learner file inside a submission. */
export function learnerPath(id: string): string {
  return `exercises/${id}/${lessonSlug(id)}.ts`;
}

/** A learner file taken from a submission: its bytes and where it was. */
export interface TakenFile {
  lessonId: string;
  path: string;
  content: Buffer;
  sha256: string;
}

export interface Collected {
  taken: TakenFile[];
  submission: Submission;
}

function sha256(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

function ignoredSummary(paths: readonly string[]): Submission["ignored"] {
  const rank = (p: string) => {
    const index = NOTEWORTHY.findIndex((pattern) => pattern.test(p));
    return index < 0 ? NOTEWORTHY.length : index;
  };
  const examples = [...paths]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .slice(0, IGNORED_EXAMPLES);
  return { count: paths.length, examples };
}

function summary(
  base: Omit<Submission, "taken" | "refused" | "missing" | "ignored">,
  taken: TakenFile[],
  refused: Submission["refused"],
  missing: string[],
  others: string[],
): Collected {
  return {
    taken,
    submission: {
      ...base,
      taken: taken.map((t) => ({ path: t.path, sha256: t.sha256, bytes: t.content.length })),
      refused,
      missing,
      ignored: ignoredSummary(others),
    },
  };
}

/** Every file under `root` (not following links; .git and node_modules skipped), as relative paths. */
function walk(root: string, dir = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!NOT_WALKED.has(entry.name)) out.push(...walk(root, relative));
    } else out.push(relative);
  }
  return out;
}

/** Reads a learner file of a folder: every folder on its way a real folder, the file regular and small. */
function readFolderFile(root: string, relative: string): { content?: Buffer; refused?: string } | undefined {
  const parts = relative.split("/");
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join("/");
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(path.join(root, folder));
    } catch {
      return undefined;
    }
    if (stat.isSymbolicLink()) return { refused: COLLECT_MESSAGES.linkedFolder(folder) };
    if (!stat.isDirectory()) return undefined;
  }
  const file = path.join(root, relative);
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(file);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) return { refused: COLLECT_MESSAGES.symlink };
  if (!stat.isFile()) return { refused: COLLECT_MESSAGES.notRegular };
  if (stat.size > MAX_LEARNER_BYTES) return { refused: COLLECT_MESSAGES.tooLarge(stat.size) };
  // O_NOFOLLOW and fstat: the file read is the regular file checked, even if it is swapped meanwhile.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { refused: COLLECT_MESSAGES.notRegular };
    if (opened.size > MAX_LEARNER_BYTES) return { refused: COLLECT_MESSAGES.tooLarge(opened.size) };
    const content = Buffer.alloc(opened.size);
    let read = 0;
    while (read < content.length) {
      const n = readSync(fd, content, read, content.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { content: content.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}

/** The learner files of `lessons` in a folder, as they are on disk. */
export function collectFolder(root: string, lessons: readonly Lesson[]): Collected {
  const wanted = new Map(lessons.map((l) => [learnerPath(l.id), l.id]));
  const taken: TakenFile[] = [];
  const refused: Submission["refused"] = [];
  const missing: string[] = [];
  for (const [relative, lessonId] of wanted) {
    const found = readFolderFile(root, relative);
    if (!found) missing.push(relative);
    else if (found.refused) refused.push({ path: relative, reason: found.refused });
    else if (found.content)
      taken.push({ lessonId, path: relative, content: found.content, sha256: sha256(found.content) });
  }
  const others = walk(root).filter((p) => !wanted.has(p));
  return summary({ source: root, kind: "folder" }, taken, refused, missing, others);
}

export interface GitCollectOptions {
  repository: string;
  ref?: string;
  cacheDir: string;
  deadline?: Date;
}

/** The learner files of `lessons` in one commit of a git repository, fetched into the cache first. */
export async function collectGit(options: GitCollectOptions, lessons: readonly Lesson[]): Promise<Collected> {
  const shown = redact(options.repository);
  const cache = await fetchRepository(options.repository, options.cacheDir);
  const tip = await resolveCommit(cache, shown, options.ref);
  const picked = options.deadline ? await pickByDeadline(cache, tip, options.deadline) : undefined;
  const commit = picked?.commit ?? tip;
  const wanted = new Map(lessons.map((l) => [learnerPath(l.id), l.id]));
  const entries = await listTree(cache, commit);
  const taken: TakenFile[] = [];
  const refused: Submission["refused"] = [];
  const others: string[] = [];
  for (const entry of entries) {
    const lessonId = wanted.get(entry.path);
    if (!lessonId) {
      others.push(entry.path);
      continue;
    }
    // 100644 and 100755 are regular files; 120000 a symbolic link; 160000 a submodule.
    const reason =
      entry.mode === "120000"
        ? COLLECT_MESSAGES.symlink
        : entry.type !== "blob" || (entry.mode !== "100644" && entry.mode !== "100755")
          ? COLLECT_MESSAGES.notRegular
          : undefined;
    if (reason) {
      refused.push({ path: entry.path, reason });
      continue;
    }
    const content = await readBlob(cache, entry.oid);
    if (content.length > MAX_LEARNER_BYTES) {
      refused.push({ path: entry.path, reason: COLLECT_MESSAGES.tooLarge(content.length) });
      continue;
    }
    taken.push({ lessonId, path: entry.path, content, sha256: sha256(content) });
  }
  // A symbolic link or submodule on the way (exercises/04-x -> elsewhere) leaves the path absent.
  const present = new Set([...taken.map((t) => t.path), ...refused.map((r) => r.path)]);
  const missing = [...wanted.keys()].filter((p) => !present.has(p));
  const base = {
    source: shown,
    kind: "git" as const,
    ...(options.ref ? { ref: options.ref } : {}),
    commit,
    committedAt: await committedAt(cache, commit),
    ...(options.deadline
      ? { deadline: options.deadline.toISOString(), lateCommits: picked?.lateCommits ?? 0 }
      : {}),
  };
  return summary(base, taken, refused, missing, others);
}

/** Collects a submission named by a spec (see parseSubmissionSpec). */
export function collectSubmission(
  spec: SubmissionSpec,
  lessons: readonly Lesson[],
  options: { cacheDir: string; deadline?: Date },
): Promise<Collected> {
  if (spec.kind === "folder") {
    if (options.deadline)
      return Promise.reject(new SubmissionError("--deadline needs a git repository, not a folder"));
    return Promise.resolve(collectFolder(spec.location, lessons));
  }
  return collectGit(
    {
      repository: spec.location,
      cacheDir: options.cacheDir,
      ...(spec.ref ? { ref: spec.ref } : {}),
      ...(options.deadline ? { deadline: options.deadline } : {}),
    },
    lessons,
  );
}
