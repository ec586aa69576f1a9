#!/usr/bin/env node
// @ts-check
/**
 * Starts the calcml CLI compiled to plain JavaScript (grader/dist), so that `pnpm grade` spends no time
 * compiling TypeScript. The compiled files are derived: when any source they come from is newer than
 * the last build (or there is none), they are rebuilt first with esbuild (a fraction of a second).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const GRADER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = path.dirname(GRADER);
const DIST = path.join(GRADER, "dist");
/** Names the current build: `{ "dir": "<build folder>", "sources": <newest source mtime it saw> }`. */
const CURRENT = path.join(DIST, "current.json");
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

/** The current build's folder, when it was made from sources no older than `sources`. @param {number} sources */
function currentBuild(sources) {
  try {
    const current = JSON.parse(readFileSync(CURRENT, "utf8"));
    const dir = path.join(DIST, String(current.dir));
    return current.sources >= sources && existsSync(path.join(dir, "main.js")) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds into a folder of its own and then points current.json at it (a rename, atomic), so a CLI that
 * is running an older build at the same moment never sees its files disappear.
 */
async function build(/** @type {number} */ sources) {
  const esbuild = await import("esbuild");
  const name = `build-${Math.round(sources)}-${process.pid}`;
  const staging = path.join(DIST, name);
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
  const pointer = `${CURRENT}.${process.pid}`;
  writeFileSync(pointer, JSON.stringify({ dir: name, sources }));
  renameSync(pointer, CURRENT);
  // Builds older than an hour are nobody's any more.
  for (const old of readdirSync(DIST)) {
    const at = path.join(DIST, old);
    if (old.startsWith("build-") && old !== name && Date.now() - statSync(at).mtimeMs > 3_600_000)
      rmSync(at, { recursive: true, force: true });
  }
  return staging;
}

const sources = Math.max(...SOURCES.map(newest));
const dir = currentBuild(sources) ?? (await build(sources));
await import(pathToFileURL(path.join(dir, "main.js")).href);
