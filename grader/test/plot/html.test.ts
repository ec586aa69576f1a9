// The lesson page is self-contained and shows untrusted text (a learner's error message, a failing
// check's message) only cleaned and escaped.
import { describe, expect, it } from "vitest";
import { type DrawnFigure, drawFigures } from "../../src/plot/figure.ts";
import { describeThrow } from "../../src/plot/learner.ts";
import { LESSON_FIGURES } from "../../src/plot/lessons/index.ts";
import { cleanLine, cleanText } from "../../src/plot/text.ts";
import { escapeHtml, type GradeReportLike, lessonPageHtml } from "../../src/report/html.ts";

const HOSTILE =
  '<img src=x onerror="alert(1)"> \u001b[31mred\u001b[0m\u0007 & </svg><script>alert(2)</script>\u202e';

async function hostileFigures(): Promise<DrawnFigure[]> {
  const module = {
    gradientDescent: () => {
      throw new RangeError(HOSTILE);
    },
  };
  return drawFigures(LESSON_FIGURES["04-gradient-descent"]!, { module });
}

const report: GradeReportLike = {
  createdAt: "2026-01-01T00:00:00.000Z",
  lessons: [
    { id: "03-chain-rule", title: "Chain rule", status: "complete", points: 12, maxPoints: 12 },
    {
      id: "04-gradient-descent",
      title: "Following the slope downhill",
      status: "partial",
      points: 3,
      maxPoints: 9,
      problems: [],
      tasks: [
        {
          id: "gradient-descent",
          number: 2,
          title: "Gradient descent in n dimensions",
          status: "failing",
          points: 0,
          maxPoints: 3,
          tests: [
            {
              id: "a",
              name: "steps downhill",
              status: "failed",
              message: `Called: gradientDescent(…)\nGot: ${HOSTILE}\nExpected: a path downhill\nWhy: it climbs`,
            },
            { id: "b", name: "returns a path", status: "passed" },
          ],
        },
      ],
    },
  ],
};

describe("untrusted text", () => {
  it("is cleaned of ANSI escapes, control characters and bidi overrides", () => {
    expect(cleanText("a\u001b[1;31mb\u001b]8;;http://x\u0007c\u0000d\u202ee\r\nf")).toBe("abcde\nf");
    expect(cleanLine("  one\n\ttwo  ")).toBe("one two");
    expect(cleanLine("x".repeat(500), 50)).toHaveLength(50);
  });

  it("is HTML-escaped", () => {
    expect(escapeHtml(`<a href="x">&'</a>\u001b[0m`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;",
    );
  });

  it("says plainly when a function is unfinished, and which one", () => {
    expect(describeThrow("gradientDescent", new Error("TODO: implement gradientDescent"))).toBe(
      "gradientDescent is not written yet (it still throws its TODO error)",
    );
    expect(describeThrow("stepSizeErrors", new Error("TODO: implement forwardDifference"))).toBe(
      "stepSizeErrors could not run: forwardDifference is not written yet (it still throws its TODO error)",
    );
    expect(describeThrow("f", new RangeError("bad\u001b[31m input"))).toBe("f threw RangeError: bad input");
    expect(describeThrow("f", 42)).toBe("f threw 42");
  });
});

describe("the lesson page", () => {
  it("shows a hostile error message only as text, in the SVG and in the page", async () => {
    const figures = await hostileFigures();
    for (const figure of figures) {
      expect(figure.status).toBe("not-drawn");
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
      expect(figure.svg).not.toMatch(/<img|<script|\u001b|\u0007|\u202e/);
      expect(figure.svg).toContain("&lt;img src=x");
      expect(figure.warnings).toEqual([]);
    }
    const html = lessonPageHtml({
      lesson: { id: "04-gradient-descent", title: "Following the slope downhill" },
      mode: "yours",
      source: "exercises/04-gradient-descent/gradient-descent.ts",
      figures,
      report,
    });
    // Escaped: no tag, and no attribute in any tag; the text itself may keep its quotes.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    expect(html).not.toMatch(/<img|<script|<[^>]*\sonerror=|\u001b|\u0007|\u202e/);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("is self-contained: inline SVG and CSS, no scripts, no links to fetch, a CSP that forbids them", async () => {
    const figures = await drawFigures(LESSON_FIGURES["00-welcome"]!, {
      module: { square: (x: number) => x * x, secantSlope: () => 2 },
    });
    const html = lessonPageHtml({
      lesson: { id: "00-welcome", title: "How this course works" },
      mode: "yours",
      source: "x.ts",
      figures,
    });
    expect(html).toContain("<svg");
    expect(html).toContain("<style>");
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // url(#…) is a clip path inside the SVG itself; nothing else may point anywhere.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref="(?!#)|url\((?!#)/i);
  });

  it("lists every lesson of the grade and every failing check's message", async () => {
    const html = lessonPageHtml({
      lesson: { id: "04-gradient-descent", title: "Following the slope downhill" },
      mode: "yours",
      source: "x.ts",
      figures: [],
      report,
    });
    expect(html).toContain("03-chain-rule");
    expect(html).toMatch(/<tr class="current"><td>04-gradient-descent/);
    expect(html).toContain("Task 2 · Gradient descent in n dimensions › steps downhill");
    expect(html).toContain("Called: gradientDescent(…)\nGot: &lt;img");
    expect(html).toContain("Why: it climbs");
    expect(html).not.toContain("returns a path");
  });

  it("does not inline an SVG that carries markup a figure never needs", () => {
    const html = lessonPageHtml({
      lesson: { id: "x", title: "x" },
      mode: "yours",
      source: "x.ts",
      figures: [
        {
          id: "f",
          title: "t",
          caption: "c",
          svg: '<svg onload="alert(1)"></svg>',
          status: "drawn",
          notes: [],
        },
      ],
    });
    expect(html).not.toContain("onload");
  });
});
