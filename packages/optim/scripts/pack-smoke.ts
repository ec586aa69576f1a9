/**
 * Pack smoke test for @calcml/optim: build and pack the tarball as it would be published, pack
 * @calcml/math (its dependency) from a scratch copy, install both tarballs into a scratch project, then
 * import the package with plain Node (no tsx, no workspace) and type-check a TypeScript consumer
 * against the published declarations.
 *
 * Run from packages/optim: `pnpm smoke` (or `node --import tsx scripts/pack-smoke.ts [--keep]`).
 * Leaves nothing behind unless `--keep` (then it prints the scratch directory). packages/math is only
 * read: its build happens in the scratch copy.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const optimDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(optimDir, "../..");
const mathDir = join(repoRoot, "packages/math");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const keep = process.argv.includes("--keep");
const isWindows = process.platform === "win32";

function run(cmd: string, args: string[], cwd: string): string {
  console.log(`$ ${cmd} ${args.join(" ")}    (in ${cwd})`);
  return execFileSync(cmd, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    shell: isWindows,
  });
}

function only(dir: string, prefix: string): string {
  const found = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith(".tgz"));
  if (found.length !== 1) throw new Error(`expected one ${prefix}*.tgz in ${dir}, found ${found.join(", ")}`);
  return join(dir, found[0]!);
}

const SMOKE_JS = `
import assert from "node:assert/strict";
import * as optim from "@calcml/optim";
const { adam, applyUpdates, armijoBacktracking, chain, clipByGlobalNorm, cosineSchedule, minimize,
  newtonMinimize, scaleByAdam, scaleByLearningRate } = optim;

const f = (x) => 0.5 * (x[0] ** 2 + 10 * x[1] ** 2);
const grad = (x) => [x[0], 10 * x[1]];
const hess = () => [[1, 0], [0, 10]];

const r = minimize(f, grad, [3, -2], adam({ learningRate: 0.05 }), { maxIterations: 5000, tolerance: 1e-6 });
assert.equal(r.reason, "tolerance");
const custom = chain(clipByGlobalNorm(1), scaleByAdam(), scaleByLearningRate(cosineSchedule({ initial: 0.1, decaySteps: 100 })));
const [u] = custom.update([3, 4], custom.init([0, 0]));
assert.equal(applyUpdates([0, 0], u).length, 2);
assert.equal(armijoBacktracking(f, grad, [1, 1], [-1, -10]).success, true);
const n = newtonMinimize(f, grad, hess, [3, -2]);
assert.equal(n.iterations, 1);
console.log("pack smoke: import OK (" + Object.keys(optim).length + " exports; adam took " + r.iterations + " steps)");
`;

const SMOKE_TS = `
import { adam, type GradientTransformation, minimize, type MinimizeResult, type Schedule, stepSchedule } from "@calcml/optim";
import type { Vector } from "@calcml/math";
const lr: Schedule = stepSchedule({ initial: 0.1, stepSize: 10 });
const opt: GradientTransformation<unknown> = adam({ learningRate: lr });
const x0: Vector = [1, 2];
const r: MinimizeResult = minimize((x) => x[0]! ** 2 + x[1]! ** 2, (x) => [2 * x[0]!, 2 * x[1]!], x0, opt);
export const reason: "tolerance" | "max-iterations" | "non-finite" = r.reason;
`;

const SMOKE_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  },
  files: ["smoke.ts"],
};

/** The installed package: published entry points, README, no sources or tests, no workspace: range. */
function checkInstalledManifest(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    exports: { ".": { types: string; default: string } };
    dependencies: Record<string, string>;
  };
  const problems = [
    manifest.exports["."].default !== "./dist/index.js" && "exports → dist/index.js",
    manifest.exports["."].types !== "./dist/index.d.ts" && "types → dist/index.d.ts",
    !existsSync(join(dir, "dist/index.js")) && "dist/index.js present",
    !existsSync(join(dir, "dist/index.d.ts")) && "dist/index.d.ts present",
    !existsSync(join(dir, "README.md")) && "README.md present",
    (existsSync(join(dir, "src")) || existsSync(join(dir, "test"))) && "no src/ or test/",
    !/^\^?\d/.test(manifest.dependencies["@calcml/math"] ?? "") && "@calcml/math as a version range",
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`pack smoke: the tarball fails: ${problems.join("; ")}`);
  console.log(`pack smoke: manifest OK (@calcml/math ${manifest.dependencies["@calcml/math"]})`);
}

function main(): void {
  const scratch = mkdtempSync(join(tmpdir(), "calcml-optim-smoke-"));
  try {
    const tarballs = join(scratch, "tarballs");
    mkdirSync(tarballs);

    // 1. @calcml/optim: pnpm pack from a clean dist (the prepack script builds it; pack rewrites
    //    workspace:^ to a version range and applies publishConfig).
    rmSync(join(optimDir, "dist"), { recursive: true, force: true });
    run("pnpm", ["pack", "--pack-destination", tarballs], optimDir);

    // 2. @calcml/math: build and pack a scratch copy, so packages/math is never written.
    const mathCopy = join(scratch, "build/packages/math");
    for (const entry of ["package.json", "tsconfig.build.json", "src", "README.md"]) {
      if (existsSync(join(mathDir, entry)))
        cpSync(join(mathDir, entry), join(mathCopy, entry), { recursive: true });
    }
    cpSync(join(repoRoot, "tsconfig.base.json"), join(scratch, "build/tsconfig.base.json"));
    symlinkSync(
      join(repoRoot, "node_modules"),
      join(scratch, "build/node_modules"),
      isWindows ? "junction" : "dir",
    );
    run(process.execPath, [tsc, "-p", "tsconfig.build.json"], mathCopy);
    run("pnpm", ["pack", "--pack-destination", tarballs], mathCopy);

    // 3. A scratch consumer installs both tarballs with npm, as a user would.
    const app = join(scratch, "app");
    mkdirSync(app);
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "smoke", private: true, type: "module" }),
    );
    const optimTgz = only(tarballs, "calcml-optim-");
    const mathTgz = only(tarballs, "calcml-math-");
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", mathTgz, optimTgz], app);

    checkInstalledManifest(join(app, "node_modules/@calcml/optim"));

    // 4. Plain Node imports the published entry point and uses one thing from each area.
    writeFileSync(join(app, "smoke.mjs"), SMOKE_JS);
    process.stdout.write(run(process.execPath, ["smoke.mjs"], app));

    // 5. TypeScript resolves the published declarations (skipLibCheck off: the .d.ts files are checked too).
    writeFileSync(join(app, "smoke.ts"), SMOKE_TS);
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify(SMOKE_TSCONFIG));
    run(process.execPath, [tsc, "-p", "tsconfig.json"], app);
    console.log("pack smoke: types OK");
    console.log("pack smoke: PASS");
  } finally {
    if (keep) console.log(`scratch kept at ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main();
