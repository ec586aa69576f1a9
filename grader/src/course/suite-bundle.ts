import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { SUITES_DIR, suiteFile } from "./paths.ts";

/**
 * In a student export the hidden suites ship packed in this file instead of as plaintext TypeScript
 * (docs/grading.md). It deters casual reading; it is no secret,
 * since the grader on the learner's machine must read it.
 */
export const SUITE_BUNDLE = path.join(SUITES_DIR, "hidden-suites.gz");
/** Unpacked suites are named like this and live only for the length of one run. */
const UNPACKED = /\.unpacked-\d+-\d+\.test\.ts$/;

/** Packs the given suites (lesson id → TypeScript source) into the bundle's bytes. */
export function packSuites(suites: Readonly<Record<string, string>>): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(suites), "utf8"));
}

function unpackAll(): Record<string, string> {
  return JSON.parse(gunzipSync(readFileSync(SUITE_BUNDLE)).toString("utf8")) as Record<string, string>;
}

/** A suite ready to run, and how to put things back afterwards. */
export interface RunnableSuite {
  file: string;
  release(): void;
}

let unpackedCount = 0;

/**
 * The lesson's hidden suite as a file vitest can run: the plaintext suite when there is one (the
 * instructors' repository), else one unpacked from the bundle next to where it would be, so that its
 * relative imports resolve, and deleted again by `release`.
 */
export function runnableSuite(lessonId: string): RunnableSuite {
  const plain = suiteFile(lessonId);
  if (existsSync(plain) || !existsSync(SUITE_BUNDLE)) return { file: plain, release: () => {} };
  const source = unpackAll()[lessonId];
  if (source === undefined) return { file: plain, release: () => {} };
  unpackedCount += 1;
  const file = path.join(SUITES_DIR, `${lessonId}.unpacked-${process.pid}-${unpackedCount}.test.ts`);
  writeFileSync(file, source);
  return { file, release: () => rmSync(file, { force: true }) };
}

/** Deletes suites left unpacked by a grader that was killed mid-run. */
export function removeStaleUnpackedSuites(): void {
  if (!existsSync(SUITES_DIR)) return;
  for (const name of readdirSync(SUITES_DIR)) {
    if (UNPACKED.test(name)) rmSync(path.join(SUITES_DIR, name), { force: true });
  }
}
