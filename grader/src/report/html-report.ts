/**
 * `pnpm grade --html <file>`: the whole grade as ONE self-contained HTML page: the table of lessons,
 * every failing check with its message (Called / Got / Expected / Why), and each graded lesson's figures,
 * drawn from the very files that were graded (in the sandbox, as `pnpm plot` draws them). Inline SVG and
 * CSS only: no script, nothing fetched (the Content-Security-Policy says so to the browser too), so the
 * file opens anywhere, offline, attached to an e-mail or uploaded as a CI artifact.
 * Learner text (messages, console lines, figure notes) is untrusted: the report goes through
 * sanitizeReport first, and every piece of text is HTML-escaped.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../course/paths.ts";
import type { OpenLessonLike } from "../plot/lesson-module.ts";
import { scopeIds } from "../plot/vl.ts";
import {
  contentPolicy,
  escapeHtml,
  failingChecksHtml,
  figureHtml,
  PAGE_CSS,
  type PageFigure,
  problemsHtml,
  slug,
} from "./html.ts";
import { sanitizeReport } from "./sanitize.ts";
import type { GradeReport, LessonReport } from "./schema.ts";

export interface HtmlReportOptions {
  /** How lesson files are loaded (default: in the sandbox, as grading does; the sandboxes are closed after). */
  open?: OpenLessonLike;
  /** Draw the figures (default true); false writes the grade alone, quickly. */
  figures?: boolean;
  /** Shown in the footer (default: now); null leaves it out, for a reproducible page. */
  generatedAt?: string | null;
  /** Told about each lesson as its figures are drawn (the CLI prints nothing by default). */
  onLesson?: (lessonId: string, figures: number, ms: number) => void;
}

/** A lesson's figures on the page, or why there are none. */
export interface LessonFigures {
  figures: PageFigure[];
  /** Why the figures are not drawn, when they are not. */
  why?: string;
}

const STATUS_TEXT: Record<LessonReport["status"], string> = {
  complete: "✓ complete",
  partial: "◐ partial",
  failing: "✗ failing",
  "not-started": "· not started",
  "timed-out": "⏱ timed out",
  crashed: "✗ crashed",
  missing: "? file missing",
  blocked: "⊘ blocked",
};

/** Why a lesson's figures are not drawn; undefined when they are. */
function notDrawnBecause(lesson: LessonReport, file: string): string | undefined {
  const number = lesson.id.slice(0, 2);
  switch (lesson.status) {
    case "not-started":
      return `Not started: nothing of yours to draw yet. \`pnpm plot ${number} --solutions\` draws the reference's figures; \`pnpm plot ${number}\` draws yours once you write its functions.`;
    case "missing":
      return "The lesson file was missing, so there is nothing to draw.";
    case "timed-out":
    case "crashed":
      return `Its code did not finish when graded (${lesson.status === "timed-out" ? "it ran out of time" : "it crashed"}), so its figures are not drawn here; \`pnpm plot ${number}\` draws what it can.`;
    default:
      return existsSync(file)
        ? undefined
        : "The graded file is no longer on disk (a submission is graded from a temporary copy), so its figures are not drawn.";
  }
}

/** Draws the figures of every graded lesson, from the file each was graded from. */
export async function drawReportFigures(
  report: GradeReport,
  open: OpenLessonLike,
  onLesson?: HtmlReportOptions["onLesson"],
): Promise<Map<string, LessonFigures>> {
  const { drawLesson } = await import("../plot/page.ts");
  const out = new Map<string, LessonFigures>();
  for (const lesson of report.lessons) {
    const file = path.resolve(REPO_ROOT, lesson.source);
    const why = notDrawnBecause(lesson, file);
    if (why) {
      out.set(lesson.id, { figures: [], why });
      continue;
    }
    const started = performance.now();
    const drawn = await drawLesson(lesson.id, "yours", { learner: file, reference: file }, open);
    // Figures of different lessons share ids (two lessons draw a "loss-per-epoch"): scope them by lesson.
    const figures = drawn.map((f) => ({ ...f, svg: scopeIds(f.svg, `${lesson.id}-${f.id}`) }));
    out.set(lesson.id, { figures });
    onLesson?.(lesson.id, figures.length, performance.now() - started);
  }
  return out;
}

function points(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function tableHtml(report: GradeReport): string {
  const rows = report.lessons
    .map(
      (l) =>
        `<tr><td><a href="#lesson-${slug(l.id)}">${escapeHtml(l.id.slice(0, 2))}</a></td><td>${escapeHtml(l.title)}</td><td class="num">${escapeHtml(points(l.points))} / ${escapeHtml(l.maxPoints)}</td><td class="status ${slug(l.status)}">${escapeHtml(STATUS_TEXT[l.status])}</td><td class="num">${escapeHtml((l.durationMs / 1000).toFixed(1))} s</td></tr>`,
    )
    .join("\n");
  return `<section class="grade"><table>
<thead><tr><th>lesson</th><th>title</th><th>points</th><th>status</th><th>time</th></tr></thead>
<tbody>
${rows}
<tr class="total"><td></td><td>total</td><td class="num">${escapeHtml(points(report.points))} / ${escapeHtml(report.maxPoints)}</td><td>${escapeHtml(report.percent)} %</td><td class="num">${escapeHtml((report.durationMs / 1000).toFixed(1))} s</td></tr>
</tbody></table></section>`;
}

function lessonHtml(lesson: LessonReport, drawn: LessonFigures | undefined): string {
  const number = lesson.id.slice(0, 2);
  const failing = failingChecksHtml(lesson);
  const problems = problemsHtml(lesson);
  const checks =
    lesson.status === "complete"
      ? "<p>Every check passed: full marks on the hidden suite.</p>"
      : lesson.status === "not-started"
        ? `<p>Not started yet: read <code>exercises/${escapeHtml(lesson.id)}/README.md</code>, then fill in <code>${escapeHtml(lesson.source)}</code>.</p>`
        : failing.length
          ? `<h3>Failing checks (${failing.length})</h3>\n${failing.join("\n")}`
          : problems
            ? ""
            : "<p>No failing check.</p>";
  const figures = drawn?.figures.length
    ? drawn.figures.map((f) => figureHtml(f, `${lesson.id}-${f.id}`)).join("\n")
    : drawn?.why
      ? `<p class="muted">${escapeHtml(drawn.why)}</p>`
      : "";
  return `<section id="lesson-${slug(lesson.id)}" class="lesson grade" data-lesson="${slug(lesson.id)}" data-status="${slug(lesson.status)}">
<h2>${escapeHtml(number)} · ${escapeHtml(lesson.title)} <span class="status ${slug(lesson.status)}">${escapeHtml(STATUS_TEXT[lesson.status])}</span> <span class="pts">${escapeHtml(points(lesson.points))} / ${escapeHtml(lesson.maxPoints)} points</span></h2>
<p class="muted">Graded file: <code>${escapeHtml(lesson.source)}</code>. Next: <code>pnpm grade ${escapeHtml(number)}</code>, <code>pnpm hint ${escapeHtml(number)}</code>, <code>pnpm plot ${escapeHtml(number)} --compare</code>.</p>
${problems ? `<h3>Problems</h3>${problems}` : ""}
${checks}
${figures ? `<h3>Figures, drawn from this file</h3>\n${figures}` : ""}
</section>`;
}

const REPORT_CSS = `
.lesson { margin: 32px 0; padding-top: 8px; border-top: 2px solid var(--line); }
.lesson h2 { font-size: 20px; margin: 8px 0; }
.lesson h2 .status, .lesson h2 .pts { font-size: 14px; font-weight: normal; margin-left: 8px; }
.status.complete { color: #1b7a2f; }
.status.failing, .status.crashed, .status.timed-out, .status.missing, .status.blocked, .status.failed { color: var(--problem); }
.status.partial { color: #8a4b00; }
.muted { color: var(--muted); }
.grade tr.total td { font-weight: 600; }
`;

/** The page of a whole grade (figures drawn beforehand: see {@link drawReportFigures}). */
export function reportPageHtml(
  report: GradeReport,
  figures: ReadonlyMap<string, LessonFigures> = new Map(),
  generatedAt?: string,
): string {
  const clean = sanitizeReport(report);
  const where =
    clean.target === "custom"
      ? "the given files"
      : clean.submission
        ? clean.submission.source
        : `${clean.target}/`;
  const sandbox = clean.sandbox
    ? `Learner code ran in the ${escapeHtml(clean.sandbox.level)} sandbox, for grading and for drawing.`
    : "";
  const lessons = clean.lessons.map((l) => lessonHtml(l, figures.get(l.id))).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentPolicy(false)}">
<title>${escapeHtml(clean.course)} · grade ${escapeHtml(clean.percent)} %</title>
<style>${PAGE_CSS}${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(clean.course)}: ${escapeHtml(points(clean.points))} / ${escapeHtml(clean.maxPoints)} points (${escapeHtml(clean.percent)} %)</h1>
<p>Hidden suites on <code>${escapeHtml(where)}</code>, seed ${escapeHtml(clean.seed)} (replay with <code>--seed ${escapeHtml(clean.seed)}</code>), graded ${escapeHtml(clean.createdAt)}. ${sandbox}</p>
${clean.error ? `<p class="problem">The grader could not grade: ${escapeHtml(clean.error)}</p>` : ""}</header>
${tableHtml(clean)}
<main>
${lessons}
</main>
<footer>Made by <code>pnpm grade --html</code>${generatedAt ? ` on ${escapeHtml(generatedAt)}` : ""}. Figures are drawn with Vega-Lite from each lesson's fixed, seeded scenario; <code>pnpm plot &lt;lesson&gt; --compare</code> draws the reference beneath yours.</footer>
</body>
</html>
`;
}

/** Writes the page of a grade to `file` (its folder is made when missing). */
export async function writeHtmlReport(
  report: GradeReport,
  file: string,
  options: HtmlReportOptions = {},
): Promise<void> {
  let figures = new Map<string, LessonFigures>();
  if (options.figures !== false && report.lessons.length > 0) {
    const owned = options.open ? undefined : await import("../plot/open-lesson.ts");
    try {
      figures = await drawReportFigures(report, options.open ?? owned!.openLesson, options.onLesson);
    } finally {
      owned?.closeLessons();
    }
  }
  const generatedAt =
    options.generatedAt === null ? undefined : (options.generatedAt ?? new Date().toISOString());
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, reportPageHtml(report, figures, generatedAt));
}
