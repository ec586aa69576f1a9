import { describe, expect, it } from "vitest";
import { generateStub, StubError } from "../../src/course/stubs.ts";

const solution = `import { dot } from "@calcml/math";

/** Doubles x. */
export function double(x: number): number {
  // BEGIN SOLUTION: return two times x.
  return 2 * x;
  // END SOLUTION
}

// BEGIN HIDE
function helper(): number {
  return 1;
}
// END HIDE

export class Value {
  add(other: number): number {
    // BEGIN SOLUTION: add other.
    return helper() + other;
    // END SOLUTION
  }
}

export const triple = (x: number): number => {
  // BEGIN SOLUTION: three times x.
  return 3 * x;
  // END SOLUTION
};
`;

describe("generateStub", () => {
  const stub = generateStub(solution, "lesson.ts");

  it("replaces each solution region with one TODO line and a TODO error naming the function", () => {
    expect(stub).toContain('  // TODO: return two times x.\n  throw new Error("TODO: implement double");');
    expect(stub).not.toContain("return 2 * x");
  });

  it("names methods by class and arrow functions by their variable", () => {
    expect(stub).toContain('throw new Error("TODO: implement Value.add");');
    expect(stub).toContain('throw new Error("TODO: implement triple");');
  });

  it("drops hidden helpers and keeps imports, TSDoc and signatures", () => {
    expect(stub).not.toContain("helper");
    expect(stub).not.toMatch(/\n\n\n/);
    expect(stub).toContain('import { dot } from "@calcml/math";');
    expect(stub).toContain("/** Doubles x. */\nexport function double(x: number): number {");
  });

  it("names the file and line of a marker that is never closed", () => {
    expect(() => generateStub("function f() {\n  // BEGIN SOLUTION: x\n}", "a.ts")).toThrow(
      /a\.ts:2: "BEGIN SOLUTION" is never closed/,
    );
  });

  it("rejects a stray END marker, a marker without TODO text, and a region outside any function", () => {
    expect(() => generateStub("// END SOLUTION", "a.ts")).toThrow(
      /a\.ts:1: "END SOLUTION" has no opening marker/,
    );
    expect(() => generateStub("function f() {\n// BEGIN SOLUTION\n// END SOLUTION\n}", "a.ts")).toThrow(
      /needs a TODO text/,
    );
    expect(() => generateStub("// BEGIN SOLUTION: x\n// END SOLUTION", "a.ts")).toThrow(StubError);
  });

  it("refuses a solution without any marker, which would give the answer away", () => {
    expect(() => generateStub("export const x = 1;", "a.ts")).toThrow(/no "\/\/ BEGIN SOLUTION" marker/);
  });
});
