import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hintCommand } from "../../src/cli/hint-command.ts";
import { UsageError } from "../../src/cli/resolve-lesson.ts";
import { readHints, readSeenHints, writeSeenHints } from "../../src/course/hints.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "calcml-hints-"));
let seenFile: string;
let output: string[];

/** Runs `pnpm hint …` against a scratch seen-file; returns what it printed. */
async function hint(...args: string[]): Promise<string> {
  output = [];
  expect(await hintCommand(args, seenFile)).toBe(0);
  return output.join("\n");
}

beforeEach(() => {
  seenFile = path.join(mkdtempSync(path.join(scratch, "run-")), ".calcml", "hints-seen.json");
  output = [];
  vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
    output.push(parts.join(" "));
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const backprop = readHints("11-backpropagation").find((s) => s.number === 2)!.hints;

describe("pnpm hint, one hint at a time", () => {
  it("shows the next unseen hint on each call, then says all were seen and repeats the last", async () => {
    expect(backprop).toHaveLength(3);
    const first = await hint("11", "2");
    expect(first).toContain("Hints for lesson 11, task 2:");
    expect(first).toContain("── Hint 1 of 3 ──");
    expect(first).not.toContain("Hint 2 of 3");
    expect(first).toContain("2 more: run `pnpm hint 11 2` again for the next one, or `pnpm hint 11 2 --all`");
    expect(first).toContain("Σₖ A[i][k] · B[k][j]");
    expect(first).not.toContain("\\sum");

    expect(await hint("11", "forward")).toContain("── Hint 2 of 3 ──\n"); // the same task, by function name
    const third = await hint("backpropagation", "2");
    expect(third).toContain("── Hint 3 of 3 ──");
    expect(third).toContain("That was the last hint for this task.");

    const again = await hint("11", "2");
    expect(again).toContain("You have seen all 3 hints for this task; here is the last one again.");
    expect(again).toContain("── Hint 3 of 3 ──");
    expect(again).not.toContain("Hint 1 of 3");
    expect(readSeenHints(seenFile)).toEqual({ "11-backpropagation": { "2": 3 } });
  });

  it("--all shows every hint in order and counts them as seen", async () => {
    const all = await hint("11", "2", "--all");
    expect(all.indexOf("Hint 1 of 3")).toBeGreaterThan(0);
    expect(all.indexOf("Hint 1 of 3")).toBeLessThan(all.indexOf("Hint 2 of 3"));
    expect(all.indexOf("Hint 2 of 3")).toBeLessThan(all.indexOf("Hint 3 of 3"));
    expect(await hint("11", "2")).toContain("You have seen all 3 hints");
  });

  it("--reset forgets one task, one lesson, or everything", async () => {
    await hint("11", "2");
    await hint("11", "2");
    await hint("11", "3");
    await hint("03", "1");
    const reset = await hint("11", "2", "--reset");
    expect(reset).toContain("Forgot which hints of lesson 11, task 2 you have seen.");
    expect(reset).toContain("── Hint 1 of 3 ──");
    expect(readSeenHints(seenFile)).toEqual({
      "11-backpropagation": { "2": 1, "3": 1 },
      "03-chain-rule": { "1": 1 },
    });
    expect(await hint("--reset")).toContain("Forgot which hints you have seen, in every lesson");
    expect(readSeenHints(seenFile)).toEqual({});
  });

  it("keeps tasks apart", async () => {
    await hint("11", "2");
    expect(await hint("11", "3")).toContain("── Hint 1 of");
    expect(await hint("11", "2")).toContain("── Hint 2 of 3 ──");
  });
});

describe("what was seen, on disk", () => {
  it("ignores a missing, corrupt or ill-typed file and starts at hint 1", async () => {
    expect(readSeenHints(path.join(scratch, "nope.json"))).toEqual({});
    for (const junk of ["{not json", "[]", "null", '"x"', '{"11-backpropagation": [1]}']) {
      writeSeenHints({}, seenFile);
      writeFileSync(seenFile, junk);
      expect(readSeenHints(seenFile)).toEqual({});
      expect(await hint("11", "2")).toContain("── Hint 1 of 3 ──");
    }
  });

  it("keeps the good entries of a partly corrupt file and drops the rest", () => {
    writeSeenHints({}, seenFile);
    writeFileSync(
      seenFile,
      JSON.stringify({
        "11-backpropagation": { "2": 2, "3": -1, x: 1, "4": 1.5, "1": "2" },
        __proto__: { "1": 1 },
        "not a lesson": { "1": 1 },
      }),
    );
    expect(readSeenHints(seenFile)).toEqual({ "11-backpropagation": { "2": 2 } });
    expect(({} as Record<string, unknown>)["1"]).toBeUndefined();
  });

  it("clamps a count above the number of hints (a hint was removed since)", async () => {
    writeSeenHints({ "11-backpropagation": { "2": 9 } }, seenFile);
    expect(await hint("11", "2")).toContain("You have seen all 3 hints");
    expect(JSON.parse(readFileSync(seenFile, "utf8"))).toEqual({ "11-backpropagation": { "2": 3 } });
  });

  it("still prints the hint when it cannot save what was seen", async () => {
    const blocker = path.join(scratch, "a-file");
    writeFileSync(blocker, "");
    seenFile = path.join(blocker, "hints-seen.json"); // its folder is a file: writing fails
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await hint("11", "2")).toContain("── Hint 1 of 3 ──");
    expect(errors.mock.calls.join("\n")).toContain("Could not remember that you saw this hint");
  });
});

describe("pnpm hint, mistakes", () => {
  it.each([
    [["11", "2", "--bogus"], 'pnpm hint has no option "--bogus"'],
    [["11", "2", "-x"], 'pnpm hint has no option "-x"'],
    [["11", "2", "--all=yes"], "--all takes no value"],
    [["11", "2", "3"], '"3" is one argument too many'],
    [["11", "9"], 'Lesson 11-backpropagation has no task "9"'],
    [["99"], 'There is no lesson "99"'],
    [[], "Which lesson?"],
    [["--all"], "Which lesson?"],
  ])("pnpm hint %j is a usage error: %s", async (args, message) => {
    const run = hintCommand(args, seenFile);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(message);
  });
});
