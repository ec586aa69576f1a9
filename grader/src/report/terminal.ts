import { cleanText, sanitizeReport } from "./sanitize.ts";
import type { GradeReport, LessonReport, TaskReport, TestReport } from "./schema.ts";
import { renderPicture, type TerminalPicture } from "./text-chart.ts";

/** Colour only on a terminal that wants it (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && process.env.NO_COLOR === undefined;
}

type Paint = (code: number, text: string) => string;

const STATUS_LABELS: Record<LessonReport["status"], { mark: string; text: string; color: number }> = {
  complete: { mark: "✓", text: "complete", color: 32 },
  partial: { mark: "◐", text: "partial", color: 33 },
  failing: { mark: "✗", text: "failing", color: 31 },
  "not-started": { mark: "·", text: "not started", color: 90 },
  "timed-out": { mark: "⏱", text: "timed out", color: 31 },
  crashed: { mark: "✗", text: "crashed", color: 31 },
  missing: { mark: "?", text: "file missing", color: 31 },
  blocked: { mark: "⊘", text: "blocked", color: 31 },
};
/** Failing tests shown per task; the rest are counted. */
const TESTS_SHOWN_PER_TASK = 2;

/** "1 more failing check", "2 more failing checks". */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - [...text].length)) + text;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(2);
}

function table(report: GradeReport, paint: Paint): string[] {
  const name = (lesson: LessonReport) => `${lesson.id.slice(0, 2)}  ${lesson.title}`;
  // As wide as the longest lesson name, so that every column lines up.
  const width = Math.max("lesson".length, ...report.lessons.map((l) => [...name(l)].length)) + 2;
  const lines = [
    `  ${pad("lesson", width)}${padStart("points", 9)}   ${pad("status", 14)}${padStart("time", 7)}`,
  ];
  for (const lesson of report.lessons) {
    const label = STATUS_LABELS[lesson.status];
    const points = `${formatPoints(lesson.points)} / ${lesson.maxPoints}`;
    const status = paint(label.color, pad(`${label.mark} ${label.text}`, 14));
    lines.push(
      `  ${pad(name(lesson), width)}${padStart(points, 9)}   ${status}${padStart(seconds(lesson.durationMs), 7)}`,
    );
  }
  const total = `${formatPoints(report.points)} / ${report.maxPoints}`;
  lines.push(`  ${pad("total", width)}${padStart(total, 9)}   ${report.percent} %`);
  return lines;
}

function indent(text: string, spaces: number): string {
  return text
    .split("\n")
    .map((line) => " ".repeat(spaces) + line)
    .join("\n");
}

function failingTests(task: TaskReport): TestReport[] {
  return task.tests.filter((t) => t.status !== "passed");
}

function lessonDetails(lesson: LessonReport, paint: Paint): string[] {
  const number = lesson.id.slice(0, 2);
  const file = lesson.source;
  const lines = [
    paint(
      1,
      `Lesson ${number} · ${lesson.title}: ${formatPoints(lesson.points)} / ${lesson.maxPoints} points`,
    ),
  ];
  for (const problem of lesson.problems) lines.push(paint(31, `  ! ${problem.message}`));
  if (lesson.status === "not-started") {
    lines.push(
      `  Not started yet. Read exercises/${lesson.id}/README.md, then fill in ${file}`,
      `  one function at a time and run \`pnpm grade ${number}\` after each. Stuck? \`pnpm hint ${number} 1\`.`,
    );
    return lines;
  }
  for (const task of lesson.tasks) {
    if (task.status === "complete") {
      lines.push(
        paint(32, `  ✓ ${task.number}. ${task.title} (${formatPoints(task.points)} / ${task.maxPoints})`),
      );
      continue;
    }
    const what =
      task.status === "not-started" ? "not started" : `${task.passed} of ${task.total} checks pass`;
    lines.push(
      paint(
        task.status === "not-started" ? 90 : 31,
        `  ✗ ${task.number}. ${task.title} (${formatPoints(task.points)} / ${task.maxPoints}): ${what}`,
      ),
    );
    if (task.status === "not-started") continue;
    // A problem of the whole run (a timeout, a load error, a forbidden import) is shown once, above.
    const shownAbove = new Set(lesson.problems.map((p) => p.message));
    const failing = failingTests(task).filter((t) => t.status !== "todo" && !shownAbove.has(t.message ?? ""));
    if (failing.length === 0) {
      lines.push(`      See the problem above; then run \`pnpm grade ${number}\`.`);
      continue;
    }
    for (const test of failing.slice(0, TESTS_SHOWN_PER_TASK)) {
      lines.push(`      ${paint(1, test.name)}`);
      if (test.message) lines.push(indent(test.message.trimEnd(), 8));
      for (const line of test.console ?? []) lines.push(paint(90, `        console: ${line}`));
    }
    if (failing.length > TESTS_SHOWN_PER_TASK)
      lines.push(
        `      … and ${plural(failing.length - TESTS_SHOWN_PER_TASK, "more failing check")} in this task`,
      );
    const first = task.cause ? /task (\d+)/.exec(task.cause)?.[1] : undefined;
    lines.push(
      first
        ? `      Next: fix task ${first} first, then run \`pnpm grade ${number}\` again`
        : `      Next: fix ${task.functions.map((f) => `\`${f}\``).join(", ")} and run \`pnpm grade ${number}\`; stuck? \`pnpm hint ${number} ${task.number}\``,
    );
  }
  return lines;
}

/** What the footer says about how learner code was isolated. */
const SANDBOX_LINES = {
  strict: () =>
    "Your code ran in the strict sandbox: its own process, PID and network namespaces, as user nobody.",
  basic: (why?: string) =>
    `Your code ran in the basic sandbox: its own process under Node's permission model${why ? ` (strict mode: ${why})` : ""}.`,
} as const;

export interface TerminalOptions {
  /**
   * A text chart of a curve from the learner's code (report/picture.ts), shown under the lesson the
   * terminal details when it is that lesson's.
   */
  picture?: TerminalPicture | undefined;
  /** List every check of every lesson, passed ones too (`pnpm grade --verbose`). */
  verbose?: boolean;
}

/** The picture with its learner-derived text cleaned like the report's. */
function cleanPicture(picture: TerminalPicture): TerminalPicture {
  return {
    ...picture,
    series: picture.series.map((s) => ({
      ...s,
      name: cleanText(s.name, 80),
      finding: s.finding === undefined ? undefined : cleanText(s.finding, 400),
    })),
    notes: picture.notes.map((n) => cleanText(n, 400).replace(/\s+/g, " ")),
  };
}

/**
 * The terminal view: a table of lessons, then, for the first lesson that is not complete, every failing
 * check with what was called, what came back, what was expected, and a next step; and, when given, a text
 * chart of the curve that shows what goes wrong.
 */
/** `--verbose`: every check of every task, passed ones too, so a complete lesson can be inspected. */
function everyCheck(lesson: LessonReport, paint: Paint): string[] {
  const lines = [
    paint(
      1,
      `Lesson ${lesson.id.slice(0, 2)} · ${lesson.title}: ${formatPoints(lesson.points)} / ${lesson.maxPoints} points, every check`,
    ),
  ];
  for (const task of lesson.tasks) {
    const done = task.status === "complete";
    lines.push(
      paint(
        done ? 32 : 31,
        `  ${done ? "✓" : "✗"} ${task.number}. ${task.title} (${formatPoints(task.points)} / ${task.maxPoints})`,
      ),
    );
    for (const test of task.tests)
      lines.push(
        test.status === "passed"
          ? `      ✓ ${test.name}`
          : paint(31, `      ✗ ${test.name} (${test.status})`),
      );
  }
  return [...lines, ""];
}

export function renderTerminal(report: GradeReport, color = false, options: TerminalOptions = {}): string {
  report = sanitizeReport(report);
  const paint: Paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const where = report.target === "custom" ? "the given files" : `${report.target}/`;
  const lines = [
    paint(1, `${report.course}: hidden suites on ${where} (seed ${report.seed})`),
    "",
    ...table(report, paint),
    "",
  ];
  if (options.verbose) lines.push(...report.lessons.flatMap((lesson) => everyCheck(lesson, paint)));
  const next = report.lessons.find((l) => l.status !== "complete");
  if (next) {
    lines.push(...lessonDetails(next, paint), "");
    if (options.picture?.lessonId === next.id)
      lines.push(...renderPicture(cleanPicture(options.picture), paint), "");
  } else if (report.lessons.length > 0)
    lines.push(paint(32, "Every graded lesson is complete: full marks on its hidden suite."), "");
  lines.push(
    paint(90, `Replay this run with --seed ${report.seed}. Graded in ${seconds(report.durationMs)}.`),
  );
  if (report.sandbox) lines.push(paint(90, SANDBOX_LINES[report.sandbox.level](report.sandbox.whyNotStrict)));
  return lines.join("\n");
}
