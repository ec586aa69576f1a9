import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/course/paths.ts";
import { importViolations, missingExports } from "../../src/grade/static-checks.ts";
import type { Lesson } from "../../src/manifest/schema.ts";
import { bundleLearnerFile } from "../../src/sandbox/bundle.ts";

const lesson: Lesson = {
  id: "02-gradients",
  title: "Gradients",
  forbiddenImports: { "@calcml/math": ["numericalGradient"], "@calcml/optim": ["*"] },
  tasks: [
    { id: "numerical-gradient", title: "", points: 2, functions: ["numericalGradient"] },
    { id: "steepest-ascent", title: "", points: 2, functions: ["steepestAscent"] },
  ],
};
const scratch = mkdtempSync(path.join(os.tmpdir(), "calcml-static-"));
let count = 0;

/** Bundles `source` as a learner file of lesson 02 in a folder of its own; returns what the grader sees. */
async function check(source: string, files: Record<string, string> = {}) {
  const dir = path.join(scratch, `lesson-${++count}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const file = path.join(dir, "gradients.ts");
  writeFileSync(file, source);
  const result = await bundleLearnerFile(file, lesson);
  return { ...result, violations: importViolations(result.violations, lesson), file };
}

describe("imports, judged by the file they load", () => {
  it("allows what the lesson allows, type-only imports of anything, and files of the lesson's own folder", async () => {
    const { violations } = await check(
      'import { norm, type Vector } from "@calcml/math";\nimport type { adam } from "@calcml/optim";\nimport { h } from "./helper.ts";\nexport const f = (v: Vector) => norm(v) + h;',
      { "helper.ts": "export const h = 1;" },
    );
    expect(violations).toEqual([]);
  });

  it("zeroes only the task whose answer is imported, naming file, line and name", async () => {
    const { violations } = await check(
      '\nimport { numericalGradient as ng } from "@calcml/math";\nexport const g = ng;',
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]?.tasks).toEqual(["numerical-gradient"]);
    expect(violations[0]?.message).toMatch(/gradients\.ts:2: uses `numericalGradient` from @calcml\/math/);
  });

  it("finds a forbidden name however it is reached: through import *, a re-export, or not at all", async () => {
    const star = await check('import * as m from "@calcml/math";\nexport const g = m.numericalGradient;');
    expect(star.violations.map((v) => v.tasks)).toEqual([["numerical-gradient"]]);
    const again = await check('export { numericalGradient } from "@calcml/math";');
    expect(again.violations.map((v) => v.tasks)).toEqual([["numerical-gradient"]]);
    // A computed key reaches the whole module, forbidden names included: each is charged to its task.
    const computed = await check(
      'import * as m from "@calcml/math";\nexport const g = (m as any)["numerical" + "Gradient"];',
    );
    expect(computed.violations.map((v) => v.tasks)).toEqual([["numerical-gradient"]]);
  });

  it("refuses a forbidden module, the test framework, Node's process-escaping modules and other packages", async () => {
    // Each import is used: an unused one is dropped by TypeScript's rules and loads nothing.
    for (const source of [
      'import { sgd as x } from "@calcml/optim";',
      'import { expect as x } from "vitest";',
      'import { execSync as x } from "node:child_process";',
      'import x from "fs";',
      'import x from "zod";',
    ]) {
      const { violations } = await check(`${source}\nexport const y = x;`);
      expect(violations, source).toHaveLength(1);
      expect(violations[0]?.tasks, source).toBe("all");
    }
  });

  it("refuses every spelling of a path outside the lesson's folder: relative, absolute, file: URL, deep package paths", async () => {
    const solution = path.join(REPO_ROOT, "solutions/02-gradients/gradients.ts");
    for (const spec of [
      path.relative(path.join(scratch, "lesson-x"), solution),
      solution,
      `file://${solution}`,
      `/proc/self/cwd/${path.relative(process.cwd(), solution)}`,
      path.join(REPO_ROOT, "packages/math/src/index.ts"),
      "@calcml/math/src/index.ts",
    ]) {
      const { violations } = await check(`export * from ${JSON.stringify(spec)};`);
      expect(violations.length, spec).toBeGreaterThan(0);
    }
  });
});

describe("missing exports", () => {
  it("names each graded function the bundle does not export, with its task number", async () => {
    const { exports, file } = await check(
      "export function numericalGradient() {}\nfunction steepestAscent() {}",
    );
    expect(missingExports(exports ?? [], file, lesson)).toEqual([
      `${path.relative(REPO_ROOT, file)} does not export \`steepestAscent\` (task 2); keep the stub's \`export\` line and its exact name.`,
    ]);
  });

  it("accepts functions, consts, classes, export lists and re-exports of the lesson's own files", async () => {
    const { exports, file } = await check(
      'export const numericalGradient = () => [];\nexport * from "./more.ts";',
      { "more.ts": "const s = 1;\nexport { s as steepestAscent };" },
    );
    expect(missingExports(exports ?? [], file, lesson)).toEqual([]);
  });
});

describe("syntax", () => {
  it("reports a syntax error with file, line, column and the line, and refuses a 20 000-deep expression before parsing", async () => {
    const broken = await check("export function f(x: number) {\n  return x * ;\n}");
    expect(broken.syntax?.where).toMatch(/gradients\.ts:2:\d+$/);
    expect(broken.syntax?.line).toContain("return x * ;");
    const deep = await check(`export const x = ${"(".repeat(20_000)}1${")".repeat(20_000)};`);
    expect(deep.violations.map((v) => v.message)).toEqual([
      expect.stringMatching(/20000 levels deep; the grader parses at most 1000/),
    ]);
    const unary = await check(`export const x = ${"!".repeat(5_000)}1;`);
    expect(unary.violations.map((v) => v.tasks)).toEqual(["all"]);
  });
});
