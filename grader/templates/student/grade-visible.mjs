#!/usr/bin/env node
// `pnpm grade` in a course whose hidden suites stay with the instructor: says where the grade comes
// from, then runs the visible tests (all lessons, or those named: 04, 04-gradient-descent, gradient-descent).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const lessons = readdirSync(path.join(root, "exercises"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
  .map((d) => d.name);
const wanted = process.argv.slice(2).filter((a) => a !== "--");
const chosen = [];
for (const given of wanted) {
  const found = lessons.find(
    (id) => id === given || id.slice(3) === given || id.slice(0, 2) === given.padStart(2, "0"),
  );
  if (!found) {
    console.error(`There is no lesson "${given}". The lessons are: ${lessons.join(", ")}.`);
    process.exit(2);
  }
  chosen.push(found);
}
console.log(
  [
    "Your grade comes from your instructor, not from this command: they grade the files you push",
    "(exercises/NN-slug/slug.ts) with hidden tests on their own copy of the grader. Only those files count;",
    "nothing else you change in this repository changes your grade.",
    "",
    "Here `pnpm grade` runs the visible tests next to your files. They are quick examples: passing them",
    "does not mean the hidden tests pass.",
    "",
  ].join("\n"),
);
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const files = chosen.map((id) => `exercises/${id}/`);
const run = spawnSync(process.execPath, [vitest, "run", "--project", "exercises", ...files], {
  cwd: root,
  stdio: "inherit",
});
process.exit(run.status ?? 1);
