import { describe, expect, it } from "vitest";
import { normalise, parseAudit, readmeRules, stubRules } from "../../src/course/audit.ts";
import { readmeThrowers, stubThrowers } from "../../src/course/throws-check.ts";

const table = `# Rule audit

| Source | Rule | Check | Note |
| --- | --- | --- | --- |
| README | take the step $-\\eta\\,\\nabla f(x)$ | \`gd > descends\`, \`gd > keeps the path\` | |
| stub | @throws {RangeError} when x is empty | \`gd > rejects an empty x\` | |
| README | \`@calcml/optim\` is off limits | import check | |
| README | the norm is $\\|x\\|$ here | not graded: any norm routine is accepted | |
`;

describe("parseAudit", () => {
  it("reads rows: source, verbatim rule, the tests in backticks or another kind of check", () => {
    const rows = parseAudit(table);
    expect(rows.map((r) => r.source)).toEqual(["README", "stub", "README", "README"]);
    expect(rows[0]?.tests).toEqual(["gd > descends", "gd > keeps the path"]);
    expect(rows[2]?.other).toBe("import check");
    expect(rows[3]?.rule).toBe("the norm is $|x|$ here");
  });
  it("names the line of a malformed row", () => {
    expect(() => parseAudit(`${table}| README | a rule of some length | descends | |\n`, "a.md")).toThrow(
      /a\.md:9: Check must name hidden tests/,
    );
    expect(() => parseAudit(`${table}| docs | a rule of some length | import check | |\n`, "a.md")).toThrow(
      /Source must be README or stub/,
    );
    expect(() => parseAudit(`${table}| README | short | import check | |\n`)).toThrow(/at least 8/);
  });
});

describe("rule blocks", () => {
  const readme = `# L

Intro with a Worked example: not at the start.

### Worked example

$f(x) = x^2$ gives 4 at 2.

## Tasks

Everything goes in \`l.ts\`.

1. \`f(x)\`: returns
   twice x.
   - never changes x.

## What a plot shows

Worked example: the plot has 3 lines.

**Worked example.** Bold counts too.
`;
  it("lists each paragraph and list item of the Tasks section and every worked example", () => {
    expect(readmeRules(readme).map((b) => b.text)).toEqual([
      "Everything goes in `l.ts`.",
      "`f(x)`: returns twice x.",
      "never changes x.",
      "Worked example: the plot has 3 lines.",
      "**Worked example.** Bold counts too.",
      "$f(x) = x^2$ gives 4 at 2.",
    ]);
  });
  it("lists the stub's @throws lines", () => {
    expect(stubRules("/**\n * Adds.\n * @throws {RangeError} when x is empty\n */")).toEqual([
      { source: "stub", text: "@throws {RangeError} when x is empty" },
    ]);
    expect(normalise("  a \n  b ")).toBe("a b");
  });
});

describe("README and stub agree on errors", () => {
  const readme = `## Tasks

### Descent

Both functions follow the same rules. Throw a \`RangeError\` naming the function when the rate is not positive.

1. \`a(x)\`: one.
2. \`b(x)\`: two.

### Other

Invalid input throws a \`RangeError\` whose message starts with the function's name.

3. \`c(x)\`: never throws; it returns NaN.
4. \`d(x)\`: throw a \`RangeError\` for an empty x.
`;
  it("applies a shared rule to its subsection, never the course-wide convention", () => {
    expect([...readmeThrowers(readme, ["a", "b", "c", "d"])].sort()).toEqual(["a", "b", "d"]);
  });
  it("reads @throws from each exported function's own TSDoc", () => {
    const stub = `/** A.\n * @throws {RangeError} bad */\nexport function a() {}\n/** B. */\nexport const b = 1;\n/** C.\n@throws x */\nexport class c {}`;
    expect([...stubThrowers(stub, ["a", "b", "c"])].sort()).toEqual(["a", "c"]);
  });
});
