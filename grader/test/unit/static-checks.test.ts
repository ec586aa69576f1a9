import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/course/paths.ts";
import { checkExports, checkImports } from "../../src/grade/static-checks.ts";
import type { Lesson } from "../../src/manifest/schema.ts";

const lesson: Lesson = {
  id: "02-gradients",
  title: "Gradients",
  forbiddenImports: { "@calcml/math": ["numericalGradient"], "@calcml/optim": ["*"] },
  tasks: [
    { id: "numerical-gradient", title: "", points: 2, functions: ["numericalGradient"] },
    { id: "steepest-ascent", title: "", points: 2, functions: ["steepestAscent"] },
  ],
};
const file = path.join(REPO_ROOT, "exercises/02-gradients/gradients.ts");
const check = (source: string) => checkImports(source, file, lesson);

describe("checkImports", () => {
  it("allows what the lesson allows, and type-only imports of anything", () => {
    expect(
      check('import { norm, type Vector } from "@calcml/math";\nimport type { adam } from "@calcml/optim";'),
    ).toEqual([]);
  });

  it("zeroes only the task whose answer is imported, naming file, line and name", () => {
    const [violation] = check('\nimport { numericalGradient as ng } from "@calcml/math";');
    expect(violation?.tasks).toEqual(["numerical-gradient"]);
    expect(violation?.message).toMatch(
      /^exercises\/02-gradients\/gradients\.ts:2: imports `numericalGradient` from @calcml\/math/,
    );
  });

  it("refuses a namespace import of a module with forbidden names, and any import of a forbidden module", () => {
    expect(check('import * as math from "@calcml/math";')[0]?.tasks).toBe("all");
    expect(check('import { sgd } from "@calcml/optim";')[0]?.tasks).toBe("all");
    expect(check('export { numericalGradient } from "@calcml/math";')[0]?.tasks).toEqual([
      "numerical-gradient",
    ]);
  });

  it("refuses the test framework, Node's process-escaping modules, solutions and computed imports", () => {
    for (const source of [
      'import { expect } from "vitest";',
      'import { execSync } from "node:child_process";',
      'import fs from "fs";',
      'export * from "../../solutions/02-gradients/gradients.ts";',
      "const m = await import(name);",
      'const cp = require("child_" + "process");',
    ]) {
      expect(check(source), source).toHaveLength(1);
    }
  });

  it("allows the learner's own files from other lessons", () => {
    expect(check('import { square } from "../00-welcome/welcome.ts";')).toEqual([]);
  });
});

describe("checkExports", () => {
  const exportsOf = (source: string) => checkExports(source, file, lesson);

  it("names each graded function the file does not export, with its task number", () => {
    expect(exportsOf("export function numericalGradient() {}\nfunction steepestAscent() {}")).toEqual([
      "exercises/02-gradients/gradients.ts does not export `steepestAscent` (task 2); keep the stub's `export` line and its exact name.",
    ]);
  });

  it("accepts functions, consts, classes and export lists, and trusts a re-export of a whole module", () => {
    expect(
      exportsOf("export const numericalGradient = () => [];\nconst s = 1;\nexport { s as steepestAscent };"),
    ).toEqual([]);
    expect(exportsOf('export * from "./elsewhere.ts";')).toEqual([]);
  });
});
