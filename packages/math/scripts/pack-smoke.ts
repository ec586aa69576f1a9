/**
 * Pack smoke test: builds the package, packs it with pnpm (which applies `publishConfig`), installs the
 * tarball into a scratch project with npm, and imports it there with plain `node` (no tsx, no
 * workspace), calling a few functions. Proves that what npm users get resolves, loads and works.
 *
 * Run from packages/math: `pnpm smoke` (or `node --import tsx scripts/pack-smoke.ts`).
 * Pass `--keep` to keep the scratch directory for inspection.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const keep = process.argv.includes("--keep");
const shell = process.platform === "win32"; // pnpm and npm are .cmd shims on Windows

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, shell, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const scratch = mkdtempSync(join(tmpdir(), "calcml-math-smoke-"));
try {
  run("pnpm", ["run", "build"], packageDir);
  run("pnpm", ["pack", "--pack-destination", scratch], packageDir);
  const tarball = readdirSync(scratch).find((f) => f.endsWith(".tgz"));
  if (tarball === undefined) throw new Error("pack-smoke: pnpm pack produced no tarball");
  console.log(`packed ${tarball}`);

  const project = join(scratch, "project");
  run("node", ["-e", `require("node:fs").mkdirSync(${JSON.stringify(project)})`], scratch);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "smoke", private: true, type: "module" }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(scratch, tarball)], project);

  const installed = join(project, "node_modules", "@calcml", "math");
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  const entry = manifest.exports?.["."]?.default;
  if (entry !== "./dist/index.js")
    throw new Error(`pack-smoke: exports["."] is ${JSON.stringify(manifest.exports)}`);
  const shipped = readdirSync(installed);
  for (const name of ["src", "test", "bench"]) {
    if (shipped.includes(name)) throw new Error(`pack-smoke: the tarball ships ${name}/`);
  }
  readFileSync(join(installed, "dist", "index.d.ts"), "utf8"); // types are shipped

  writeFileSync(
    join(project, "smoke.mjs"),
    `import assert from "node:assert/strict";
import { createRng, eigSym, gradcheck, norm, solve, rosenbrock, formatCheckFailure } from "@calcml/math";
assert.equal(norm([3, 4]), 5);
const x = solve([[2, 1], [1, 3]], [3, 5]);
assert.ok(Math.abs(x[0] - 0.8) < 1e-12 && Math.abs(x[1] - 1.4) < 1e-12);
assert.deepEqual(eigSym([[2, 0], [0, 1]]).values, [1, 2]);
assert.equal(createRng(42).uniform(), 0.4562558052254867);
const r = gradcheck(rosenbrock.f, rosenbrock.gradient, rosenbrock.start);
assert.ok(r.ok, formatCheckFailure(r, { name: "rosenbrock" }));
assert.equal(gradcheck(rosenbrock.f, [0, 0], rosenbrock.start).ok, false);
console.log("smoke: ok");
`,
  );
  process.stdout.write(run("node", ["smoke.mjs"], project));
  console.log(`pack-smoke passed (${scratch}${keep ? ", kept" : ""})`);
} finally {
  if (!keep) rmSync(scratch, { recursive: true, force: true });
}
