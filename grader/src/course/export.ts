import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import type { Course } from "../manifest/schema.ts";
import { REPO_ROOT, SUITES_DIR } from "./paths.ts";
import { packSuites, SUITE_BUNDLE } from "./suite-bundle.ts";

export const EXPORT_MESSAGES = {
  notGit:
    "course export copies the committed tree, so it must run inside the course's git checkout, after a commit",
  notEmpty: (dir: string) => `${dir} exists and is not empty; export into a new or empty folder`,
  noSuite: (lesson: string) => `grader/suites/${lesson}.test.ts is not committed; commit it before exporting`,
} as const;

/** How a student export carries the hidden suites: packed into one file, or left out entirely. */
export type HiddenSuites = "packed" | "omit";

export interface ExportOptions {
  /** packed (default): the student's `pnpm grade` runs the hidden suites; omit: the visible tests only. */
  hiddenSuites?: HiddenSuites;
}

/** What a student export leaves out: answers, the grader's own tests and tools, instructor CI. */
const LEFT_OUT = [
  /^solutions\/(?!package\.json$)/,
  /^grader\/suites\/[^/]+\.test\.ts$/,
  /^grader\/suites\/[^/]+\.audit\.md$/,
  /^grader\/mutants\//,
  /^grader\/test\//,
  /^grader\/bench\//,
  /^grader\/templates\//,
  /^grader\/AUTHORING\.md$/,
  /^scripts\//,
  /^\.ci\//,
  /^\.github\//,
  /^\.changeset\/(?!config\.json$)/,
];

/** Left out too when the hidden suites stay with the instructor: the names of their tests. */
const LEFT_OUT_WHEN_OMITTED = [/^grader\/suites\//];

/** README sections between these markers are for instructors only. */
const INSTRUCTOR_BLOCK = /\n?<!-- instructors -->[\s\S]*?<!-- \/instructors -->\n?/g;

/** Learner-only root scripts: the instructors' checks need the solutions the export leaves out. */
const LEARNER_SCRIPTS = [
  "grade",
  "hint",
  "lessons",
  "watch",
  "plot",
  "visible",
  "typecheck",
  "lint",
  "format",
] as const;

/** The export's vitest config: the packages' tests and the learner's visible tests, nothing that needs solutions. */
const LEARNER_VITEST_CONFIG = `import { defineConfig } from "vitest/config";

// The student version of the course: visible tests run against your own files in exercises/.
export default defineConfig({
  test: {
    projects: ["packages/*", { test: { name: "exercises", include: ["exercises/*/*.test.ts"] } }],
  },
});
`;

/** Files the export writes that the instructors' tree does not hold (from grader/templates/student/). */
export const STUDENT_TEMPLATES = path.join(REPO_ROOT, "grader", "templates", "student");
/** Where the omit mode's `pnpm grade` lives in the export. */
const VISIBLE_GRADE = "grader/bin/grade-visible.mjs";

/** The template files, each with where it goes in an export made with `hiddenSuites`. */
export function studentTemplates(hiddenSuites: HiddenSuites): { template: string; target: string }[] {
  return [
    {
      template: hiddenSuites === "packed" ? "grade.yml" : "grade-visible.yml",
      target: ".github/workflows/grade.yml",
    },
    ...(hiddenSuites === "packed"
      ? [{ template: "feedback-comment.yml", target: ".github/workflows/feedback-comment.yml" }]
      : [{ template: "grade-visible.mjs", target: VISIBLE_GRADE }]),
    { template: "devcontainer.json", target: ".devcontainer/devcontainer.json" },
  ];
}

/** One entry of the committed tree. */
interface Committed {
  path: string;
  mode: string;
  content: Buffer;
}

function git(args: string[], input?: string): Buffer {
  return execFileSync("git", args, {
    cwd: REPO_ROOT,
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ["pipe", "pipe", "ignore"],
    ...(input !== undefined ? { input } : {}),
  });
}

/**
 * Every file of the commit HEAD, with its mode and content as committed (`git ls-tree` and one
 * `git cat-file --batch`): what is staged or changed in the working tree is not exported.
 */
function committedFiles(): Committed[] {
  let listing: string;
  try {
    listing = git(["ls-tree", "-r", "-z", "--full-tree", "HEAD"]).toString("utf8");
  } catch {
    throw new Error(EXPORT_MESSAGES.notGit);
  }
  const entries = listing
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode = "", type = "", oid = ""] = line.slice(0, tab).split(" ");
      return { mode, type, oid, path: line.slice(tab + 1) };
    })
    .filter((e) => e.type === "blob");
  const batch = git(["cat-file", "--batch"], `${entries.map((e) => e.oid).join("\n")}\n`);
  const files: Committed[] = [];
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(10, offset);
    const size = Number(batch.subarray(offset, headerEnd).toString("latin1").split(" ")[2]);
    const content = batch.subarray(headerEnd + 1, headerEnd + 1 + size);
    offset = headerEnd + 1 + size + 1;
    files.push({ path: entry.path, mode: entry.mode, content });
  }
  return files;
}

function learnerPackageJson(text: string, hiddenSuites: HiddenSuites): string {
  const manifest = JSON.parse(text) as { scripts: Record<string, string> };
  const scripts: Record<string, string> = {};
  for (const name of LEARNER_SCRIPTS) if (manifest.scripts[name]) scripts[name] = manifest.scripts[name];
  scripts.typecheck = "tsc -p exercises/tsconfig.json";
  scripts.test = "vitest run --project exercises";
  if (hiddenSuites === "omit") {
    scripts.grade = `node ${VISIBLE_GRADE}`;
    scripts.watch = "vitest --project exercises";
  }
  return `${JSON.stringify({ ...manifest, scripts }, null, 2)}\n`;
}

/** How a committed file reads in the export (most are copied as they are). */
function exported(file: string, content: Buffer, hiddenSuites: HiddenSuites): Buffer | string {
  if (file === "README.md") return content.toString("utf8").replace(INSTRUCTOR_BLOCK, "\n");
  if (file === "package.json") return learnerPackageJson(content.toString("utf8"), hiddenSuites);
  if (file === "vitest.config.ts") return LEARNER_VITEST_CONFIG;
  return content;
}

function writeFile(target: string, relative: string, content: Buffer | string, mode = "100644"): void {
  const destination = path.join(target, relative);
  mkdirSync(path.dirname(destination), { recursive: true });
  if (mode === "120000") {
    symlinkSync(content.toString(), destination);
    return;
  }
  writeFileSync(destination, content);
  if (mode === "100755") chmodSync(destination, 0o755);
}

/**
 * Writes the student version of the course into `target`, from the commit HEAD: every committed file
 * except the answers and the instructors' tools, the hidden suites packed into one bundle (or left out),
 * learner-only README, scripts and vitest config, and the student repository's workflows
 * (grade, pull-request feedback) and dev container. Returns how many files it wrote.
 */
export function exportCourse(course: Course, target: string, options: ExportOptions = {}): number {
  const hiddenSuites = options.hiddenSuites ?? "packed";
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(EXPORT_MESSAGES.notEmpty(target));
  const files = committedFiles();
  const leftOut = hiddenSuites === "omit" ? [...LEFT_OUT, ...LEFT_OUT_WHEN_OMITTED] : LEFT_OUT;
  let written = 0;
  for (const file of files) {
    if (leftOut.some((pattern) => pattern.test(file.path))) continue;
    writeFile(target, file.path, exported(file.path, file.content, hiddenSuites), file.mode);
    written += 1;
  }
  for (const { template, target: relative } of studentTemplates(hiddenSuites)) {
    writeFile(
      target,
      relative,
      readFileSync(path.join(STUDENT_TEMPLATES, template)),
      template.endsWith(".mjs") ? "100755" : "100644",
    );
    written += 1;
  }
  if (hiddenSuites === "omit") return written;
  const suitesDir = path.relative(REPO_ROOT, SUITES_DIR).split(path.sep).join("/");
  const suites = Object.fromEntries(
    course.lessons.map((l) => {
      const committed = files.find((f) => f.path === `${suitesDir}/${l.id}.test.ts`);
      if (!committed) throw new Error(EXPORT_MESSAGES.noSuite(l.id));
      return [l.id, committed.content.toString("utf8")];
    }),
  );
  writeFile(target, path.relative(REPO_ROOT, SUITE_BUNDLE), packSuites(suites));
  return written + 1;
}
