import { describe, expect, it } from "vitest";
import { renderExercism, renderGradescope } from "../../src/report/autograders.ts";
import { renderGithubAnnotations, renderGithubSummary } from "../../src/report/github.ts";
import { renderJunit } from "../../src/report/junit.ts";
import { cleanText, MAX_TEXT_LENGTH } from "../../src/report/sanitize.ts";
import type { GradeReport } from "../../src/report/schema.ts";
import { renderTerminal } from "../../src/report/terminal.ts";
import { reportOf } from "../report-fixture.ts";

const ESC = "\u001b";
/** What a hostile learner can put in an error message or a console line. */
const HOSTILE = `red ${ESC}[31mtext${ESC}[0m, a title ${ESC}]0;pwned\u0007, NUL \u0000, bell \u0007, DEL \u007f, C1 \u009b2J, bidi \u202eevil\u202c, lone \ud800 surrogate\n::error file=x::forged\n  ::set-output name=a::b\r\n::add-mask::x`;

function reportWith(message: string): GradeReport {
  return reportOf([
    {
      id: "00-welcome",
      title: "W",
      source: "exercises/00-welcome/welcome.ts",
      status: "failing",
      points: 0,
      maxPoints: 1,
      durationMs: 1,
      problems: [{ kind: "load-error", message }],
      tasks: [
        {
          id: "square",
          number: 1,
          title: "Square",
          functions: ["square"],
          points: 0,
          maxPoints: 1,
          status: "failing",
          passed: 0,
          total: 1,
          tests: [
            { id: "square > t", name: "t", status: "failed", message, durationMs: 1, console: [message] },
          ],
        },
      ],
    },
  ]);
}

/** No escape, no control character but tab and newline, no line a runner reads as a command. */
function expectClean(text: string): void {
  expect(text).not.toContain(ESC);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  expect(text).not.toMatch(/^\s*::/m);
}

describe("cleanText", () => {
  it("removes ANSI escapes, shows other controls as \\xNN, and breaks workflow-command lines", () => {
    const cleaned = cleanText(HOSTILE);
    expectClean(cleaned);
    expect(cleaned).toContain("red text");
    expect(cleaned).toContain("NUL \\x00");
    expect(cleaned).toContain(": :error file=x::forged");
    expect(cleaned).toContain("\ufffd surrogate");
  });

  it("caps a long text with a note, and cleaning twice changes nothing more", () => {
    const long = cleanText("x".repeat(MAX_TEXT_LENGTH * 2));
    expect(long.length).toBeLessThan(MAX_TEXT_LENGTH + 80);
    expect(long).toMatch(/more characters not shown\)$/);
    expect(cleanText(long)).toBe(long);
    expect(cleanText(cleanText(HOSTILE))).toBe(cleanText(HOSTILE));
  });
});

describe("every renderer cleans learner text", () => {
  const report = reportWith(HOSTILE);

  it("terminal, Gradescope, Exercism and the step summary", () => {
    for (const text of [
      renderTerminal(report),
      renderGradescope(report),
      renderExercism(report),
      renderGithubSummary(report),
    ]) {
      expectClean(text);
      JSON.stringify(text);
    }
    expect(JSON.parse(renderGradescope(report)).tests[0].output).toContain("\\x00");
  });

  it("JUnit is valid XML 1.0 even for NUL, ESC and lone surrogates", () => {
    const xml = renderJunit(report);
    expectClean(xml);
    // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    expect(xml).toMatch(/^[\t\n\r\u0020-\ud7ff\ue000-\ufffd]*$/u);
  });

  it("GitHub annotations: one command a line, learner text never starts another", () => {
    const lines = renderGithubAnnotations(report);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=exercises\/00-welcome\/welcome\.ts,line=\d+,title=[^:]+::/);
    expect(lines[0]).not.toContain("\n");
    expect(lines[0]!.slice(2)).not.toMatch(/(^|%0A)\s*::/);
  });
});
