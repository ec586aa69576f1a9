import { readFileSync } from "node:fs";
import { EXPECTED_TESTS_FILE } from "../course/paths.ts";

/** Lesson id → the ids (`task > test name`) its hidden suite must report. Written by `pnpm course build`. */
export type ExpectedTests = Record<string, string[]>;

export function loadExpectedTests(file = EXPECTED_TESTS_FILE): ExpectedTests {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as ExpectedTests;
  } catch {
    return {};
  }
}
