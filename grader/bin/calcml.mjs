#!/usr/bin/env node
// @ts-check
/**
 * Starts the calcml CLI compiled to plain JavaScript (grader/dist), so that `pnpm grade` spends no time
 * compiling TypeScript. The compiled files are derived: when any source they come from is newer than
 * the last build (or there is none), they are rebuilt first with esbuild (a fraction of a second).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const GRADER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = path.dirname(GRADER);
const DIST = path.join(GRADER, "dist");
const STAMP = path.join(DIST, ".built");
/** What the compiled CLI is made from. */
const SOURCES = [
  path.join(GRADER, "src"),
  path.join(ROOT, "packages", "math", "src"),
  path.join(ROOT, "packages", "optim", "src"),
];

/** The newest modification time of any file under `dir` (0 when it is missing). @param {string} dir */
function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

function isStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((dir) => newest(dir) > built);
}

async function build() {
  const esbuild = await import("esbuild");
  const staging = `${DIST}.${process.pid}`;
  await esbuild.build({
    entryPoints: [path.join(GRADER, "src", "cli", "main.ts")],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: staging,
    logLevel: "warning",
    // Installed packages are loaded from node_modules as they are; the course's own packages are
    // TypeScript and are compiled in.
    plugins: [
      {
        name: "installed-packages-external",
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@calcml/") ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  writeFileSync(path.join(staging, ".built"), "");
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(path.dirname(DIST), { recursive: true });
  try {
    renameSync(staging, DIST);
  } catch {
    // Another CLI built it at the same moment: theirs is as good.
    rmSync(staging, { recursive: true, force: true });
  }
}

if (isStale()) await build();
await import(pathToFileURL(path.join(DIST, "main.js")).href);
