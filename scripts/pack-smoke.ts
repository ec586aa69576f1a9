/**
 * Pack smoke test for the publishable packages, @calcml/math and @calcml/optim: build and pack each one
 * as it would be published (`pnpm pack` applies `publishConfig` and rewrites `workspace:` ranges), install
 * both tarballs with npm into one scratch project, check the installed manifests, import both packages
 * with plain Node (no tsx, no workspace) and type-check a TypeScript consumer against the published
 * declarations. Proves that what npm users get resolves, loads, works and type-checks.
 *
 * Run from the repository root with `pnpm smoke`, or from either package with its `pnpm smoke`, or
 * `node --import tsx scripts/pack-smoke.ts [--keep]`. The packages are only read: each is copied into a
 * scratch workspace and built and packed there, so no dist/ or tarball lands in the repository. The
 * scratch directory is removed unless `--keep` (then its path is printed).
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const keep = process.argv.includes("--keep");
const isWindows = process.platform === "win32"; // pnpm and npm are .cmd shims on Windows

/** The publishable packages, dependencies first. */
const PACKAGES = ["packages/math", "packages/optim"] as const;

/** Not copied into the scratch workspace: build output, installs and caches. */
const NOT_COPIED = new Set(["node_modules", "dist", ".turbo", "coverage"]);

const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"] as const;

interface Manifest {
  name: string;
  version: string;
  main?: string;
  types?: string;
  exports?: unknown;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

interface Package {
  /** Repository-relative folder, e.g. packages/math. */
  dir: string;
  manifest: Manifest;
  /** The copy in the scratch workspace that is built and packed. */
  copy: string;
  /** Tarball file name, set once packed. */
  tarball?: string;
}

const SMOKE_MJS = `import assert from "node:assert/strict";
import * as math from "@calcml/math";
import * as optim from "@calcml/optim";

const { createRng, eigSym, formatCheckFailure, gradcheck, norm, rosenbrock, solve } = math;
assert.equal(norm([3, 4]), 5);
const x = solve([[2, 1], [1, 3]], [3, 5]);
assert.ok(Math.abs(x[0] - 0.8) < 1e-12 && Math.abs(x[1] - 1.4) < 1e-12);
assert.deepEqual(eigSym([[2, 0], [0, 1]]).values, [1, 2]);
assert.equal(createRng(42).uniform(), 0.4562558052254867);
const check = gradcheck(rosenbrock.f, rosenbrock.gradient, rosenbrock.start);
assert.ok(check.ok, formatCheckFailure(check, { name: "rosenbrock" }));
assert.equal(gradcheck(rosenbrock.f, [0, 0], rosenbrock.start).ok, false);

const { adam, applyUpdates, armijoBacktracking, chain, clipByGlobalNorm, cosineSchedule, minimize,
  newtonMinimize, scaleByAdam, scaleByLearningRate } = optim;
const f = (p) => 0.5 * (p[0] ** 2 + 10 * p[1] ** 2);
const grad = (p) => [p[0], 10 * p[1]];
const hess = () => [[1, 0], [0, 10]];
const r = minimize(f, grad, [3, -2], adam({ learningRate: 0.05 }), { maxIterations: 5000, tolerance: 1e-6 });
assert.equal(r.reason, "tolerance");
const custom = chain(clipByGlobalNorm(1), scaleByAdam(),
  scaleByLearningRate(cosineSchedule({ initial: 0.1, decaySteps: 100 })));
const [u] = custom.update([3, 4], custom.init([0, 0]));
assert.equal(applyUpdates([0, 0], u).length, 2);
assert.equal(armijoBacktracking(f, grad, [1, 1], [-1, -10]).success, true);
assert.equal(newtonMinimize(f, grad, hess, [3, -2]).iterations, 1); // Newton goes through math's solvers

console.log(Object.keys(math).length + " + " + Object.keys(optim).length + " exports; adam took " + r.iterations + " steps");
`;

const SMOKE_TS = `import { createRng, gradcheck, type Matrix, norm, rosenbrock, solve, type Vector } from "@calcml/math";
import {
  adam,
  type GradientTransformation,
  type MinimizeResult,
  minimize,
  type Schedule,
  stepSchedule,
} from "@calcml/optim";

const a: Matrix = [[2, 1], [1, 3]];
const x0: Vector = solve(a, [3, 5]);
export const length: number = norm(x0);
export const draw: number = createRng(42).uniform();
export const ok: boolean = gradcheck(rosenbrock.f, rosenbrock.gradient, rosenbrock.start).ok;
// @ts-expect-error a Vector is not a Matrix: the declarations are typed, not any
solve([1, 2], [3, 5]);

const lr: Schedule = stepSchedule({ initial: 0.1, stepSize: 10 });
const opt: GradientTransformation<unknown> = adam({ learningRate: lr });
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
    verbatimModuleSyntax: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  },
  files: ["smoke.ts"],
};

/** Child processes find the repository's tools (tsc for the packages' build scripts) on PATH. */
const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === "PATH") ?? "PATH";
const env = {
  ...process.env,
  [pathKey]: [join(repoRoot, "node_modules/.bin"), process.env[pathKey]].join(delimiter),
  npm_config_update_notifier: "false",
};

function run(cmd: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(cmd, args, {
    cwd,
    env,
    encoding: "utf8",
    shell: isWindows && cmd !== process.execPath,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split("\n").slice(-40).join("\n");
    const shown = [cmd === process.execPath ? "node" : cmd, ...args].join(" ");
    throw new Error(`\`${shown}\` exited with ${result.status ?? result.signal} (in ${cwd})\n${output}`);
  }
  return result.stdout;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

let passed = 0;
let failed = 0;

/** Runs one check and prints one line for it; returns whether it passed. */
function check(label: string, body: () => string | undefined): boolean {
  const started = performance.now();
  try {
    const note = body();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`  ok    ${label}${note === undefined ? "" : `: ${note}`} (${seconds}s)`);
    passed++;
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`  FAIL  ${label}: ${message.replaceAll("\n", "\n        ")}`);
    failed++;
    return false;
  }
}

/**
 * A copy of the workspace that holds only what building needs: the packages' sources and configs,
 * the base tsconfig, the repository's installed tools, and each package's dependencies (workspace
 * ones linked to their copies, as pnpm links them).
 */
function copyWorkspace(workspace: string, packages: readonly Package[]): void {
  cpSync(join(repoRoot, "tsconfig.base.json"), join(workspace, "tsconfig.base.json"));
  link(join(repoRoot, "node_modules"), join(workspace, "node_modules"));
  const copies = new Map(packages.map((pkg) => [pkg.manifest.name, pkg.copy]));
  for (const pkg of packages) {
    cpSync(join(repoRoot, pkg.dir), pkg.copy, {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(basename(source)) && !source.endsWith(".tgz"),
    });
    const { dependencies, devDependencies, peerDependencies, optionalDependencies } = pkg.manifest;
    const names = Object.keys({
      ...dependencies,
      ...devDependencies,
      ...peerDependencies,
      ...optionalDependencies,
    });
    for (const name of names) {
      const installed = join(repoRoot, pkg.dir, "node_modules", name);
      const target = copies.get(name) ?? (existsSync(installed) ? realpathSync(installed) : undefined);
      if (target !== undefined) link(target, join(pkg.copy, "node_modules", name));
    }
  }
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, isWindows ? "junction" : "dir");
}

/** Every file path named by an `exports` value (through nested conditions). */
function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(exportTargets);
  return [];
}

/**
 * What is wrong with an installed package: entry points outside dist/ or missing, no declarations, no
 * README, sources or tests shipped, `workspace:` ranges left, workspace dependencies not a version range.
 */
function manifestProblems(
  pkg: Package,
  installedDir: string,
  versions: ReadonlyMap<string, string>,
): string[] {
  const manifest = readManifest(installedDir);
  const problems: string[] = [];
  if (manifest.version !== pkg.manifest.version)
    problems.push(`installed version ${manifest.version}, expected ${pkg.manifest.version}`);

  const exportsMap = manifest.exports;
  const root =
    typeof exportsMap === "object" && exportsMap !== null && "." in exportsMap
      ? (exportsMap as Record<string, unknown>)["."]
      : exportsMap;
  const types =
    typeof root === "object" && root !== null ? (root as Record<string, unknown>).types : undefined;
  if (typeof types !== "string" || !types.endsWith(".d.ts"))
    problems.push('exports["."] has no .d.ts "types"');
  const targets = [...exportTargets(exportsMap), manifest.main, manifest.types];
  for (const target of targets) {
    if (target === undefined) continue;
    if (!target.startsWith("./dist/")) problems.push(`${target} is outside dist/`);
    else if (!existsSync(join(installedDir, target))) problems.push(`${target} is not in the tarball`);
  }
  if (exportTargets(exportsMap).length === 0) problems.push("no exports");

  if (!existsSync(join(installedDir, "README.md"))) problems.push("no README.md");
  for (const dir of ["src", "test", "bench", "scripts"]) {
    if (existsSync(join(installedDir, dir))) problems.push(`ships ${dir}/`);
  }

  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
      if (spec.startsWith("workspace:")) problems.push(`${field}.${name} is still ${spec}`);
    }
    for (const [name, spec] of Object.entries(pkg.manifest[field] ?? {})) {
      if (!spec.startsWith("workspace:")) continue;
      const published = manifest[field]?.[name];
      const version = /^[\^~]?(\d+\.\d+\.\d+(?:-[\w.]+)?)$/.exec(published ?? "")?.[1];
      if (version === undefined || version !== versions.get(name))
        problems.push(`${field}.${name} is ${published}, expected a range on ${versions.get(name)}`);
    }
  }
  return problems;
}

function main(): void {
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), "calcml-pack-smoke-"));
  const workspace = join(scratch, "workspace");
  const tarballs = join(scratch, "tarballs");
  const app = join(scratch, "app");
  const packages: Package[] = PACKAGES.map((dir) => ({
    dir,
    manifest: readManifest(join(repoRoot, dir)),
    copy: join(workspace, dir),
  }));
  const versions = new Map(packages.map((pkg) => [pkg.manifest.name, pkg.manifest.version]));
  console.log(`pack smoke: ${packages.map((pkg) => pkg.manifest.name).join(", ")} (scratch ${scratch})`);

  try {
    mkdirSync(tarballs, { recursive: true });
    copyWorkspace(workspace, packages);

    // 1. Build and pack each copy. `pnpm pack` runs a `prepack` script (which builds); a package
    //    without one is built first.
    const packedAll = packages.every((pkg) =>
      check(`pack ${pkg.manifest.name}`, () => {
        if (pkg.manifest.scripts?.prepack === undefined) run("pnpm", ["run", "build"], pkg.copy);
        run("pnpm", ["pack", "--pack-destination", relative(pkg.copy, tarballs)], pkg.copy);
        const prefix = `${pkg.manifest.name.replace(/^@/, "").replace("/", "-")}-`;
        const found = readdirSync(tarballs).filter((f) => f.startsWith(prefix) && f.endsWith(".tgz"));
        if (found.length !== 1) throw new Error(`expected one ${prefix}*.tgz, found [${found.join(", ")}]`);
        pkg.tarball = found[0]!;
        return pkg.tarball;
      }),
    );

    // 2. A scratch consumer installs all the tarballs with npm, as a user would.
    const installed =
      packedAll &&
      check("npm install the tarballs", () => {
        mkdirSync(app);
        writeFileSync(
          join(app, "package.json"),
          JSON.stringify({ name: "smoke", private: true, type: "module" }),
        );
        const specs = packages.map((pkg) => `../tarballs/${pkg.tarball}`);
        run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...specs], app);
        return undefined;
      });

    if (installed) {
      // 3. What landed in node_modules is what we mean to publish.
      for (const pkg of packages) {
        check(`manifest ${pkg.manifest.name}`, () => {
          const problems = manifestProblems(pkg, join(app, "node_modules", pkg.manifest.name), versions);
          if (problems.length > 0) throw new Error(problems.join("; "));
          return undefined;
        });
      }

      // 4. Plain Node imports the published entry points and uses a few functions of each.
      check("node imports both (ESM)", () => {
        writeFileSync(join(app, "smoke.mjs"), SMOKE_MJS);
        return run(process.execPath, ["smoke.mjs"], app).trim();
      });

      // 5. TypeScript resolves the published declarations (skipLibCheck off: the .d.ts files are checked too).
      check("tsc consumer (strict, NodeNext, skipLibCheck false)", () => {
        writeFileSync(join(app, "smoke.ts"), SMOKE_TS);
        writeFileSync(join(app, "tsconfig.json"), JSON.stringify(SMOKE_TSCONFIG));
        run(process.execPath, [tsc, "-p", "tsconfig.json"], app);
        return undefined;
      });
    }
  } catch (error) {
    console.log(`  FAIL  setup: ${error instanceof Error ? error.message : String(error)}`);
    failed++;
  } finally {
    if (keep) console.log(`scratch kept at ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`pack smoke: ${passed} passed, ${failed} failed (${seconds}s)`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
