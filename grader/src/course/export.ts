import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Course } from "../manifest/schema.ts";
import { REPO_ROOT, suiteFile } from "./paths.ts";
import { packSuites, SUITE_BUNDLE } from "./suite-bundle.ts";

export const EXPORT_MESSAGES = {
  notGit: "course export copies the files git tracks, so it must run inside the course's git checkout",
  notEmpty: (dir: string) => `${dir} exists and is not empty; export into a new or empty folder`,
} as const;

/** What a student export leaves out: answers, the grader's own tests and tools, instructor CI. */
const LEFT_OUT = [
  /^solutions\/(?!package\.json$)/,
  /^grader\/suites\/[^/]+\.test\.ts$/,
  /^grader\/test\//,
  /^grader\/bench\//,
  /^grader\/AUTHORING\.md$/,
  /^scripts\//,
  /^\.ci\//,
  /^\.changeset\/(?!config\.json$)/,
];

/** README sections between these markers are for instructors only. */
const INSTRUCTOR_BLOCK = /\n?<!-- instructors -->[\s\S]*?<!-- \/instructors -->\n?/g;

/** Learner-only root scripts: the instructors' checks need the solutions the export leaves out. */
const LEARNER_SCRIPTS = [
  "grade",
  "hint",
  "lessons",
  "watch",
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

function trackedFiles(): string[] {
  try {
    return execFileSync("git", ["ls-files", "-z"], { cwd: REPO_ROOT, encoding: "utf8" })
      .split("\0")
      .filter(Boolean);
  } catch {
    throw new Error(EXPORT_MESSAGES.notGit);
  }
}

function learnerPackageJson(text: string): string {
  const manifest = JSON.parse(text) as { scripts: Record<string, string> };
  const scripts: Record<string, string> = {};
  for (const name of LEARNER_SCRIPTS) if (manifest.scripts[name]) scripts[name] = manifest.scripts[name];
  scripts.typecheck = "tsc -p exercises/tsconfig.json";
  scripts.test = "vitest run --project exercises";
  return `${JSON.stringify({ ...manifest, scripts }, null, 2)}\n`;
}

/** How a tracked file reads in the export (most are copied as they are). */
function exported(file: string, content: Buffer): Buffer | string {
  if (file === "README.md") return content.toString("utf8").replace(INSTRUCTOR_BLOCK, "\n");
  if (file === "package.json") return learnerPackageJson(content.toString("utf8"));
  if (file === "vitest.config.ts") return LEARNER_VITEST_CONFIG;
  return content;
}

/**
 * Writes the student version of the course into `target`: every tracked file except the answers and the
 * instructors' tools, the hidden suites packed into one bundle, and learner-only README, scripts and
 * vitest config. Returns how many files it wrote.
 */
export function exportCourse(course: Course, target: string): number {
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(EXPORT_MESSAGES.notEmpty(target));
  let written = 0;
  for (const file of trackedFiles()) {
    if (LEFT_OUT.some((pattern) => pattern.test(file)) || !existsSync(path.join(REPO_ROOT, file))) continue;
    const destination = path.join(target, file);
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, exported(file, readFileSync(path.join(REPO_ROOT, file))));
    written += 1;
  }
  const suites = Object.fromEntries(course.lessons.map((l) => [l.id, readFileSync(suiteFile(l.id), "utf8")]));
  const bundle = path.join(target, path.relative(REPO_ROOT, SUITE_BUNDLE));
  mkdirSync(path.dirname(bundle), { recursive: true });
  writeFileSync(bundle, packSuites(suites));
  return written + 1;
}
