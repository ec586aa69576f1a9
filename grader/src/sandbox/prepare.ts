import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Lesson } from "../manifest/schema.ts";
import { type BundleResult, bundleLearnerFile, hostScript } from "./bundle.ts";
import type { SandboxConfig } from "./config.ts";
import { type Isolation, permissionFlag, readOnlyFlags } from "./level.ts";

/** Resident memory a child may hold beyond V8's heap cap: Node itself, code, stacks, small buffers. */
export const MEMORY_HEADROOM_MB = 128;

/** A folder of sandbox files for one grading run: readable by the sandbox's uid, removed afterwards. */
export interface RunFolder {
  dir: string;
  remove(): void;
}

export function createRunFolder(): RunFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), "calcml-run-"));
  // In strict mode learner code runs as `nobody`, which must read (never write) these files.
  chmodSync(dir, 0o755);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface PreparedLesson extends BundleResult {
  config?: SandboxConfig;
}

/**
 * Bundles one learner file into `folder` and says how to start its sandbox. `key` names the lesson's
 * files (several files of one lesson can be prepared in one run).
 */
export async function prepareLesson(options: {
  folder: RunFolder;
  key: string;
  lesson: Lesson;
  sourceFile: string;
  isolation: Isolation;
  timeLimitMs: number;
  memoryLimitMb: number;
  trustedDirs?: readonly string[];
}): Promise<PreparedLesson> {
  const dir = path.join(options.folder.dir, options.key);
  const bundle = path.join(dir, "learner.mjs");
  const bundled = await bundleLearnerFile(options.sourceFile, options.lesson, options.trustedDirs, bundle);
  if (bundled.code === undefined) return bundled;
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(dir, 0o755);
  const host = path.join(dir, "host.mjs");
  writeFileSync(host, await hostScript(), { mode: 0o644 });
  writeFileSync(bundle, bundled.code, { mode: 0o644 });
  const fifos = { toLearner: path.join(dir, "to-learner.fifo"), toGrader: path.join(dir, "to-grader.fifo") };
  const node = [
    process.execPath,
    `--max-old-space-size=${options.memoryLimitMb}`,
    permissionFlag(),
    ...readOnlyFlags([host, bundle, fifos.toLearner]),
    `--allow-fs-write=${fifos.toGrader}`,
    "--no-addons",
    // Learner code cannot make up code at run time (eval, new Function): no import() of a built name.
    "--disallow-code-generation-from-strings",
    "--enable-source-maps",
    "--no-warnings",
    host,
    bundle,
    fifos.toLearner,
    fifos.toGrader,
  ];
  const [command, ...args] = [...options.isolation.prefix, ...node];
  return {
    ...bundled,
    config: {
      lessonId: options.lesson.id,
      command: command!,
      args,
      timeLimitMs: options.timeLimitMs,
      memoryLimitMb: options.memoryLimitMb,
      memoryHeadroomMb: MEMORY_HEADROOM_MB,
      level: options.isolation.level,
      fifos,
      exports: bundled.exports ?? [],
    },
  };
}
