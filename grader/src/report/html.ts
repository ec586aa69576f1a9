/**
 * One self-contained HTML page per lesson: its figures as inline SVG, inline CSS, no scripts and no
 * network (a Content-Security-Policy says so to the browser too), and optionally the lesson's last grade:
 * a table of every lesson and each failing check's message (Called / Got / Expected / Why).
 * Every piece of text that can come from a learner's code is cleaned by the report sanitiser (the one
 * every renderer uses: no ANSI escapes, control characters shown as \xNN) and HTML-escaped.
 */
import { cleanText } from "./sanitize.ts";
import type { LessonReport, TaskReport, TestReport } from "./schema.ts";

export type PageMode = "yours" | "solutions" | "compare";

export interface PageFigure {
  id: string;
  title: string;
  caption: string;
  /** SVG made by vega from the figure's spec. */
  svg: string;
  status: "drawn" | "partial" | "not-drawn";
  notes: readonly string[];
  infos?: readonly string[];
}

/** The parts of a GradeReport (report/schema.ts) the page shows; a whole GradeReport fits. */
export interface GradeReportLike {
  createdAt?: string;
  target?: string;
  lessons: ReadonlyArray<
    Pick<LessonReport, "id" | "title" | "status" | "points" | "maxPoints"> &
      Partial<Pick<LessonReport, "source" | "problems">> & {
        tasks?: ReadonlyArray<
          Pick<TaskReport, "id" | "number" | "title" | "status" | "points" | "maxPoints"> & {
            tests: ReadonlyArray<Pick<TestReport, "id" | "name" | "status" | "message">>;
          }
        >;
      }
  >;
}

export interface LessonPage {
  lesson: { id: string; title: string };
  mode: PageMode;
  /** The file plotted, relative to the repository. */
  source: string;
  figures: readonly PageFigure[];
  report?: GradeReportLike | undefined;
  /** Shown in the footer; left out when undefined (so a page can be byte-for-byte reproducible). */
  generatedAt?: string | undefined;
  /**
   * Served by `pnpm watch --page`: the page loads /live.js from the server it came from, which redraws it
   * when the file is saved (the Content-Security-Policy then allows that script and that connection).
   */
  live?: { version: number; command: string } | undefined;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Untrusted text as HTML: cleaned of escapes and control characters, then escaped. */
export function escapeHtml(text: unknown, maxLength = 20_000): string {
  return cleanText(String(text), maxLength).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `id` safe in an attribute and a fragment. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .slice(0, 80);
}

/** SVG from vega never has these; if one ever did, the figure is not inlined. */
const UNSAFE_SVG = /<script|<foreignObject|\son[a-z]+\s*=|javascript:|<iframe|<image|xlink:href|href\s*=/i;

/** One figure; `anchor` makes its id unique when a page holds the figures of several lessons. */
export function figureHtml(figure: PageFigure, anchor = figure.id): string {
  const id = slug(anchor);
  const svg =
    figure.svg.trimStart().startsWith("<svg") && !UNSAFE_SVG.test(figure.svg)
      ? figure.svg
      : `<p class="problem">This figure's SVG was not inlined: it contained markup a figure never needs.</p>`;
  const notes = figure.notes.length
    ? `<ul class="notes">${figure.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`
    : "";
  const infos = figure.infos?.length
    ? `<ul class="infos">${figure.infos.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`
    : "";
  const badge = {
    drawn: "",
    partial: `<span class="badge partial">partly drawn</span>`,
    "not-drawn": `<span class="badge not-drawn">not drawn</span>`,
  }[figure.status];
  return `<figure id="fig-${id}" class="figure ${figure.status}" data-figure="${id}" data-status="${figure.status}">
<figcaption><h2 class="sr-only">${escapeHtml(figure.title)}</h2>${badge}<p>${escapeHtml(figure.caption)}</p>${notes}</figcaption>
<div class="svg">${svg}</div>${infos}
</figure>`;
}

const TEST_OK = new Set(["passed", "skipped"]);

type GradedLesson = GradeReportLike["lessons"][number];

/** Every failing check of a lesson, each with its message (Called / Got / Expected / Why), open. */
export function failingChecksHtml(lesson: GradedLesson): string[] {
  return (lesson.tasks ?? []).flatMap((task) =>
    task.tests
      .filter((t) => !TEST_OK.has(t.status))
      .map(
        (t) =>
          `<details open><summary>Task ${escapeHtml(task.number)} · ${escapeHtml(task.title)} › ${escapeHtml(t.name)} <span class="status ${slug(t.status)}">${escapeHtml(t.status)}</span></summary>${t.message ? `<pre>${escapeHtml(t.message)}</pre>` : ""}</details>`,
      ),
  );
}

/** A lesson's problems of the whole run (a timeout, a load error), as a list; "" when none. */
export function problemsHtml(lesson: GradedLesson | undefined): string {
  const items = (lesson?.problems ?? [])
    .map((p) => `<li><strong>${escapeHtml(p.kind)}</strong><pre>${escapeHtml(p.message)}</pre></li>`)
    .join("");
  return items ? `<ul class="problems">${items}</ul>` : "";
}

function gradeHtml(report: GradeReportLike, lessonId: string): string {
  const rows = report.lessons
    .map(
      (l) =>
        `<tr${l.id === lessonId ? ' class="current"' : ""}><td>${escapeHtml(l.id)}</td><td>${escapeHtml(l.title)}</td><td class="status ${slug(l.status)}">${escapeHtml(l.status)}</td><td class="num">${escapeHtml(l.points)} / ${escapeHtml(l.maxPoints)}</td></tr>`,
    )
    .join("\n");
  const lesson = report.lessons.find((l) => l.id === lessonId);
  const problems = problemsHtml(lesson);
  const failing = lesson ? failingChecksHtml(lesson) : [];
  const when = report.createdAt ? ` (graded ${escapeHtml(report.createdAt)})` : "";
  return `<section class="grade"><h2>Last grade${when}</h2>
<table><thead><tr><th>lesson</th><th>title</th><th>status</th><th>points</th></tr></thead><tbody>
${rows}
</tbody></table>
${problems ? `<h3>Problems</h3>${problems}` : ""}
${lesson ? `<h3>Failing checks of ${escapeHtml(lessonId)}</h3>${failing.length ? failing.join("\n") : "<p>None: every check passed.</p>"}` : `<p>Lesson ${escapeHtml(lessonId)} has not been graded yet.</p>`}
</section>`;
}

/** The pages' style sheet (inline: the pages load nothing). */
export const PAGE_CSS = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #555; --problem: #b3261e; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: #fafafa; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 2px 0; color: var(--muted); }
nav ul { padding-left: 20px; }
.figure { margin: 24px 0; padding: 16px; background: white; border: 1px solid var(--line); border-radius: 6px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.figure p { margin: 0 0 8px; max-width: 75ch; }
.figure .svg { overflow-x: auto; }
.figure svg { max-width: 100%; height: auto; display: block; }
.notes { color: var(--problem); margin: 4px 0 8px; padding-left: 20px; }
.infos { color: var(--muted); font-size: 14px; margin: 8px 0 0; padding-left: 20px; }
figcaption .badge { float: right; }
.badge { font-size: 12px; font-weight: normal; padding: 1px 8px; border-radius: 10px; vertical-align: middle; }
.badge.partial { background: #fff4e5; color: #8a4b00; }
.badge.not-drawn { background: #fdecea; color: var(--problem); }
.problem { color: var(--problem); }
.grade table { border-collapse: collapse; width: 100%; background: white; }
.grade th, .grade td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; }
.grade td.num { text-align: right; font-variant-numeric: tabular-nums; }
.grade tr.current { background: #eef4ff; }
.grade pre { white-space: pre-wrap; background: #f3f3f3; padding: 8px; border-radius: 4px; font-size: 13px; }
.grade details { margin: 8px 0; }
footer { color: var(--muted); font-size: 13px; margin-top: 32px; }
.live { position: sticky; top: 0; z-index: 1; margin: 0 0 12px; padding: 6px 12px; border-radius: 4px; background: #eef4ff; font-size: 14px; }
.live.busy { background: #fff4e5; }
.live.lost { background: #fdecea; color: var(--problem); }
`;

/** The policy of a page that loads nothing; a live page may also load its script and events from its server. */
export function contentPolicy(live: boolean): string {
  return live
    ? "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'"
    : "default-src 'none'; style-src 'unsafe-inline'";
}

const MODE_TEXT: Record<PageMode, string> = {
  yours: "Drawn from your code",
  solutions: "Drawn from the reference solution",
  compare: "Your code (solid) over the reference solution (dashed)",
};

/** The whole page. */
export function lessonPageHtml(page: LessonPage): string {
  const { lesson } = page;
  const heading = `${escapeHtml(lesson.id)} · ${escapeHtml(lesson.title)}`;
  const missing = page.figures.filter((f) => f.status !== "drawn").length;
  const summary = missing
    ? `<p class="problem">${missing} of ${page.figures.length} figures are not (fully) drawn: their notes say why.</p>`
    : "";
  const nav = page.figures
    .map(
      (f) =>
        `<li><a href="#fig-${slug(f.id)}">${escapeHtml(f.title)}</a>${f.status === "drawn" ? "" : ` <span class="badge ${f.status}">${f.status === "partial" ? "partly drawn" : "not drawn"}</span>`}</li>`,
    )
    .join("");
  const live = page.live;
  const liveBanner = live
    ? `<p id="live-status" class="live" role="status">Live: this page redraws itself each time you save <code>${escapeHtml(page.source)}</code> (update ${live.version}).</p>\n`
    : "";
  return `<!doctype html>
<html lang="en"${live ? ` data-version="${live.version}"` : ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentPolicy(live !== undefined)}">
<title>${heading} · calcml plots</title>
<style>${PAGE_CSS}</style>${live ? `\n<script src="/live.js" defer></script>` : ""}
</head>
<body>
${liveBanner}<header><h1>${heading}</h1><p>${MODE_TEXT[page.mode]}: <code>${escapeHtml(page.source)}</code></p>${summary}</header>
<nav><ul>${nav}</ul></nav>
<main>
${page.figures.map((f) => figureHtml(f)).join("\n")}
</main>
${page.report ? gradeHtml(page.report, lesson.id) : ""}
<footer>Made by <code>${live ? escapeHtml(live.command) : `pnpm plot ${escapeHtml(lesson.id)}`}</code>${page.generatedAt ? ` on ${escapeHtml(page.generatedAt)}` : ""}. Figures are drawn with Vega-Lite from a fixed, seeded scenario, so the same code draws the same picture.</footer>
</body>
</html>
`;
}
