import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type Equivalent,
  EquivalentListSchema,
  findEquivalent,
  loadEquivalents,
  staleEquivalents,
} from "../../src/course/mutants/equivalents.ts";
import {
  describeMutant,
  enumerateMutants,
  MAX_SNIPPET,
  sameMutant,
  snippet,
  sourceBetween,
} from "../../src/course/mutants/identify.ts";
import { MUTANTS_VITEST_CONFIG, SANDBOX_IGNORES, strykerOptions } from "../../src/course/mutants/options.ts";
import { renderTable } from "../../src/course/mutants/render.ts";
import { classify, cleanRunTests, summarise } from "../../src/course/mutants/run.ts";
import { REPO_ROOT } from "../../src/course/paths.ts";
import type { Course, Lesson } from "../../src/manifest/schema.ts";

const SOURCE = `export function area(w: number, h: number): number {
  if (w < 0) throw new RangeError("w must not be negative");
  return w * h;
}
`;

const root = mkdtempSync(path.join(os.tmpdir(), "calcml-mutants-test-"));
mkdirSync(path.join(root, "solutions", "01-area"), { recursive: true });
writeFileSync(path.join(root, "solutions", "01-area", "area.ts"), SOURCE);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lesson = { id: "01-area", tasks: [{ id: "area", functions: ["area"] }] } as unknown as Lesson;
const course = { lessons: [lesson] } as unknown as Course;
const FILE = "solutions/01-area/area.ts";

function entry(overrides: Partial<Equivalent>): Equivalent {
  return {
    lesson: "01-area",
    file: FILE,
    line: 3,
    mutator: "ArithmeticOperator",
    original: "w * h",
    replacement: "w / h",
    reason: "a test fixture, not a real equivalent",
    ...overrides,
  };
}

describe("naming mutants", () => {
  it("collapses whitespace and cuts long code to its start", () => {
    expect(snippet("{\n  return  a;\n}")).toBe("{ return a; }");
    const long = snippet(`{ ${"x + ".repeat(50)}1 }`);
    expect(long).toHaveLength(MAX_SNIPPET);
    expect(long.endsWith("…")).toBe(true);
  });
  it("reads the code between 0-based positions, across lines", () => {
    const lines = SOURCE.split("\n");
    expect(sourceBetween(lines, { line: 2, column: 9 }, { line: 2, column: 14 })).toBe("w * h");
    expect(sourceBetween(lines, { line: 0, column: 51 }, { line: 3, column: 1 })).toBe(
      lines.slice(0, 4).join("\n").slice(51),
    );
  });
  it("describes a mutant as file:line mutator: original → replacement", () => {
    expect(describeMutant(entry({}))).toBe(`${FILE}:3 ArithmeticOperator: w * h → w / h`);
  });
  it("matches on file, line, mutator, original and replacement, never on an id", () => {
    expect(sameMutant(entry({}), entry({ reason: "another reason entirely" }))).toBe(true);
    expect(sameMutant(entry({}), entry({ line: 4 }))).toBe(false);
    expect(sameMutant(entry({}), entry({ replacement: "w + h" }))).toBe(false);
    expect(sameMutant(entry({}), entry({ original: "w  *\n h" }))).toBe(true);
  });
  it("compares columns only when both sides name one (the same mutation twice on a line)", () => {
    expect(sameMutant(entry({ column: 10 }), entry({}))).toBe(true);
    expect(sameMutant(entry({ column: 10 }), entry({ column: 10 }))).toBe(true);
    expect(sameMutant(entry({ column: 10 }), entry({ column: 14 }))).toBe(false);
  });
});

describe("enumerateMutants (Stryker's instrumenter, nothing run)", () => {
  it("lists the mutants Stryker makes of a file, with 1-based lines and the source they replace", async () => {
    const mutants = await enumerateMutants(FILE, undefined, root);
    expect(mutants.every((m) => m.file === FILE)).toBe(true);
    expect(mutants).toContainEqual({
      file: FILE,
      line: 3,
      column: 10,
      mutator: "ArithmeticOperator",
      original: "w * h",
      replacement: "w / h",
    });
    expect(mutants).toContainEqual(
      expect.objectContaining({
        line: 2,
        mutator: "EqualityOperator",
        original: "w < 0",
        replacement: "w <= 0",
      }),
    );
    expect(mutants).toContainEqual(
      expect.objectContaining({ line: 2, mutator: "StringLiteral", replacement: '""' }),
    );
  });
});

describe("the equivalent-mutant list", () => {
  it("the checked-in list is well formed", () => {
    expect(() => loadEquivalents()).not.toThrow();
  });
  it("refuses an entry without a one-line reason", () => {
    expect(EquivalentListSchema.safeParse([entry({ reason: "" })]).success).toBe(false);
    expect(EquivalentListSchema.safeParse([entry({ reason: "two\nlines of reason" })]).success).toBe(false);
    expect(EquivalentListSchema.safeParse([{ ...entry({}), id: "3" }]).success).toBe(false);
  });
  it("finds the listed entry a mutant is", () => {
    const list = [
      entry({}),
      entry({ line: 2, mutator: "EqualityOperator", original: "w < 0", replacement: "w <= 0" }),
    ];
    expect(findEquivalent(list, entry({ reason: "x".repeat(12) }))).toBe(list[0]);
    expect(findEquivalent(list, entry({ replacement: "w + h" }))).toBeUndefined();
  });
  it("staleEquivalents: a current entry is not stale; moved, changed and misplaced entries are", async () => {
    const current = entry({});
    const moved = entry({ line: 7 });
    const changed = entry({ original: "w * w", replacement: "w / w" });
    const noLesson = entry({ lesson: "02-volume" });
    const wrongFile = entry({ file: "exercises/01-area/area.ts" });
    const atColumn = entry({ column: 10 });
    const wrongColumn = entry({ column: 3 });
    const stale = await staleEquivalents(
      course,
      [current, moved, changed, noLesson, wrongFile, atColumn, wrongColumn],
      root,
    );
    expect(stale.map((s) => s.entry)).toEqual([moved, changed, noLesson, wrongFile, wrongColumn]);
    expect(stale[0]?.problem).toMatch(/now on line 3/);
    expect(stale[1]?.problem).toMatch(/no longer makes this mutant/);
    expect(stale[2]?.problem).toMatch(/no lesson 02-volume/);
    expect(stale[3]?.problem).toMatch(/not the solution of 01-area/);
  });
  it("staleEquivalents of the real course runs without Stryker", async () => {
    const { loadCourse } = await import("../../src/manifest/load.ts");
    await expect(staleEquivalents(loadCourse())).resolves.toBeInstanceOf(Array);
  });
});

describe("scoring a Stryker result as grading would", () => {
  it("counts kills, time-outs and runs that stopped early as killed", () => {
    expect(classify({ status: "Killed", statusReason: "Got: NaN\nmore" }, 5, undefined)).toEqual({
      outcome: "killed",
      detail: "Got: NaN",
    });
    expect(classify({ status: "Timeout" }, 5, undefined).outcome).toBe("timeout");
    expect(classify({ status: "Survived", testsCompleted: 0 }, 5, undefined).outcome).toBe("not-loaded");
    expect(classify({ status: "Survived", testsCompleted: 5 }, 5, undefined).outcome).toBe("survived");
    expect(classify({ status: "Survived", testsCompleted: 5 }, 5, entry({})).outcome).toBe("equivalent");
    expect(classify({ status: "RuntimeError", statusReason: "boom" }, 5, undefined)).toEqual({
      outcome: "error",
      detail: "RuntimeError: boom",
    });
  });
  it("summarises a lesson: equivalents are not survivors and do not count", () => {
    // 1-based, as Stryker reports them.
    const at = (line: number, start: number, end: number) => ({
      start: { line: line + 1, column: start + 1 },
      end: { line: line + 1, column: end + 1 },
    });
    const results = [
      {
        id: "0",
        status: "Killed",
        mutatorName: "ArithmeticOperator",
        replacement: "w / h",
        location: at(2, 9, 14),
      },
      {
        id: "1",
        status: "Survived",
        mutatorName: "EqualityOperator",
        replacement: "w <= 0",
        location: at(1, 6, 11),
      },
      {
        id: "2",
        status: "Survived",
        mutatorName: "StringLiteral",
        replacement: '""',
        location: at(1, 35, 60),
      },
      { id: "3", status: "Timeout", mutatorName: "BlockStatement", replacement: "{}", location: at(2, 0, 5) },
    ] as unknown as Parameters<typeof summarise>[1];
    const equivalents = [
      entry({ line: 2, mutator: "EqualityOperator", original: "w < 0", replacement: "w <= 0" }),
    ];
    const summary = summarise(lesson, results, SOURCE, equivalents, 3, 1.25);
    expect(summary).toMatchObject({
      total: 3,
      killed: 2,
      survived: 1,
      equivalent: 1,
      score: 66.7,
      seconds: 1.3,
    });
    expect(summary.mutants.find((m) => m.outcome === "equivalent")?.reason).toBe(equivalents[0]!.reason);
    expect(summary.mutants.find((m) => m.status === "Killed")).toMatchObject({
      line: 3,
      column: 10,
      original: "w * h",
    });
    expect(renderTable([summary]).split("\n")[1]).toMatch(/01-area\s+2\/3\s+66\.7%\s+1\s+1\s+0\s+1\.3 s/);
  });
});

describe("the clean run's test count (Stryker's JSON report)", () => {
  it("counts the dry run's tests over every test file; nothing when there is no report", () => {
    const file = path.join(root, "mutation.json");
    writeFileSync(file, JSON.stringify({ testFiles: { a: { tests: [{}, {}] }, b: { tests: [{}] } } }));
    expect(cleanRunTests(file)).toBe(3);
    expect(cleanRunTests(path.join(root, "missing.json"))).toBeUndefined();
  });
});

describe("Stryker's options", () => {
  const options = strykerOptions({
    lessonId: "04-gradient-descent",
    tempDir: "/tmp/x",
    reportDir: "/tmp/r",
    concurrency: 2,
    timeoutMS: 5000,
    timeoutFactor: 1.5,
  });
  it("mutates the lesson's solution only, with coverage analysis off", () => {
    expect(options.mutate).toEqual(["solutions/04-gradient-descent/gradient-descent.ts"]);
    expect(options.coverageAnalysis).toBe("off");
    expect(options.concurrency).toBe(2);
    expect(options.symlinkNodeModules).toBe(true);
  });
  it("runs the hidden suite through the grader's vitest config, with a plugin Stryker can load", () => {
    expect(options.testRunner).toBe("vitest");
    expect(options.vitest).toEqual({ configFile: MUTANTS_VITEST_CONFIG, related: false });
    expect(existsSync(path.join(REPO_ROOT, MUTANTS_VITEST_CONFIG))).toBe(true);
    const plugins: unknown[] = options.plugins ?? [];
    expect(plugins.length).toBeGreaterThan(0);
    for (const plugin of plugins) expect(typeof plugin === "string" && existsSync(plugin)).toBe(true);
  });
  it("copies what the suite needs into Stryker's sandbox", () => {
    for (const needed of ["grader/src", "grader/suites", "packages", "solutions", "grader/course.json"])
      expect(SANDBOX_IGNORES.some((p) => `/${needed}`.startsWith(p))).toBe(false);
  });
});
