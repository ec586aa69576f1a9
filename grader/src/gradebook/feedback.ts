/**
 * A report as a Markdown page a student reads: the score per lesson, then every task that lost points
 * with the checks that failed. Learner text (messages, console lines, file names) only ever appears
 * inside fenced code blocks whose fence is longer than any backtick run in it, after the report's own
 * cleaning, so it cannot become markup, links, images or mentions. Used for the gradebook's feedback
 * pages and for the pull-request comment.
 */
import { cleanText, sanitizeReport } from "../report/sanitize.ts";
import type { GradeReport } from "../report/schema.ts";

/** GitHub's limit for a comment body is 65 536 characters; leave room for the marker. */
export const COMMENT_LIMIT = 60_000;

/** Text that Markdown shows as it is: backslash-escaped punctuation, `@` kept from mentioning. */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, "\\$&")
    .replace(/@/g, "@\u200b")
    .replace(/\n/g, " ");
}

/** A fenced code block that holds `text` literally, whatever backticks it contains. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text.replace(/\n*$/, "")}\n${fence}`;
}

export interface FeedbackOptions {
  /** Who the page is for (a roster name). */
  student?: string;
  /** Cut the page at this many characters (a PR comment's limit). */
  maxLength?: number;
  /** Failing checks shown per task. */
  checksPerTask?: number;
}

const STATUS_MARK: Record<string, string> = {
  complete: "✅",
  partial: "🟡",
  failing: "❌",
  "not-started": "⬜",
  "timed-out": "⏱️",
  crashed: "💥",
  missing: "❔",
  blocked: "⛔",
};

export function renderFeedback(graded: GradeReport, options: FeedbackOptions = {}): string {
  const report = sanitizeReport(graded);
  const lines: string[] = [];
  const who = options.student ? `: ${escapeMarkdown(options.student)}` : "";
  lines.push(`# ${escapeMarkdown(report.course)}${who}`, "");
  const s = report.submission;
  if (report.error !== undefined) {
    lines.push("**The grader could not grade.**", "", fenced(report.error), "");
  }
  lines.push(`**${report.points} / ${report.maxPoints} points (${report.percent} %)**`, "");
  const facts: string[] = [];
  if (s?.commit) facts.push(`commit \`${s.commit.slice(0, 12)}\``);
  if (s?.deadline)
    facts.push(
      `the last commit before the deadline ${s.deadline} (${s.lateCommits ?? 0} later commit(s) not graded)`,
    );
  facts.push(`seed ${report.seed}`);
  if (report.grader.version)
    facts.push(
      `grader ${report.grader.version}${report.grader.commit ? ` at \`${report.grader.commit.slice(0, 12)}\`` : ""}`,
    );
  if (report.sandbox) facts.push(`${report.sandbox.level} sandbox`);
  lines.push(`Graded ${facts.join(" · ")}.`, "");
  if (report.lessons.length > 0) {
    lines.push("| lesson | points | status |", "| --- | ---: | --- |");
    for (const l of report.lessons)
      lines.push(
        `| ${l.id} ${escapeMarkdown(l.title)} | ${l.points} / ${l.maxPoints} | ${STATUS_MARK[l.status] ?? ""} ${l.status} |`,
      );
    lines.push("");
  }
  for (const lesson of report.lessons) {
    if (lesson.status === "complete") continue;
    lines.push(
      `## ${lesson.id} · ${escapeMarkdown(lesson.title)}: ${lesson.points} / ${lesson.maxPoints}`,
      "",
    );
    for (const problem of lesson.problems) lines.push(fenced(problem.message), "");
    for (const task of lesson.tasks) {
      if (task.status === "complete") continue;
      lines.push(
        `- **${task.number}. ${escapeMarkdown(task.title)}** (${task.points} / ${task.maxPoints}): ${task.passed} of ${task.total} checks pass`,
      );
      if (task.status === "not-started") continue;
      const failing = task.tests.filter((t) => t.status !== "passed");
      const shown = new Set(lesson.problems.map((p) => p.message));
      if (failing.every((t) => t.message !== undefined && shown.has(t.message))) {
        lines.push("  (see the problem above)");
        continue;
      }
      for (const test of failing.slice(0, options.checksPerTask ?? 3)) {
        const message =
          test.message !== undefined && shown.has(test.message) ? "(see the problem above)" : test.message;
        const text = [
          `${test.name} (${test.status})`,
          message ?? "",
          ...(test.console ?? []).map((c) => `console: ${c}`),
        ]
          .filter(Boolean)
          .join("\n");
        lines.push("", fenced(text).replace(/^/gm, "  "));
      }
      lines.push("");
    }
  }
  if (s) {
    lines.push("## What was graded", "");
    const taken = s.taken.map((t) => `${t.path}  sha256 ${t.sha256}`);
    const refused = s.refused.map((r) => `refused ${r.path}: it ${r.reason}`);
    const missing = s.missing.map((m) => `missing ${m}`);
    const ignored =
      s.ignored.count > 0
        ? [`ignored ${s.ignored.count} other file(s), never read or run: ${s.ignored.examples.join(", ")}`]
        : [];
    lines.push(fenced([...taken, ...refused, ...missing, ...ignored].join("\n") || "no learner file"), "");
  }
  let page = `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
  const max = options.maxLength;
  if (max !== undefined && page.length > max) {
    // Cut at a line boundary outside any code block, then close what is open.
    const cut = page.slice(0, max);
    const lastBreak = cut.lastIndexOf("\n");
    page = `${closeFences(cut.slice(0, lastBreak))}\n\n… (cut at ${max} characters: the full report is in the workflow's artifact)\n`;
  }
  return page;
}

/** Closes a code block left open by cutting a page. */
function closeFences(text: string): string {
  let open: string | undefined;
  for (const line of text.split("\n")) {
    const match = /^\s*(`{3,})/.exec(line);
    if (!match) continue;
    if (open === undefined) open = match[1];
    else if (match[1] === open && /^\s*`+\s*$/.test(line)) open = undefined;
  }
  return open === undefined ? text : `${text}\n${open}`;
}
