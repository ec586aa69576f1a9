/**
 * Learner text made safe for every place a report goes. Learner code controls error messages, console
 * output and returned values, all of which reach the terminal, the JSON report, JUnit XML, Gradescope,
 * Exercism and GitHub's log. Raw, they could repaint a terminal (ANSI escapes), break XML (NUL, ESC),
 * reorder text (bidirectional controls) or, in GitHub Actions, run workflow commands (a line starting
 * with `::`). Every renderer passes its report through `sanitizeReport` first.
 */
import type { GradeReport } from "./schema.ts";

/** The longest text kept in one report field; the rest is cut with a note. */
export const MAX_TEXT_LENGTH = 8000;

const ESC = "\u001b";
/** CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-character escapes. */
const ANSI = new RegExp(
  `${ESC}\\[[0-?]*[ -/]*[@-~]|${ESC}\\][^\\u0007${ESC}]*(?:\\u0007|${ESC}\\\\)?|${ESC}[@-Z\\\\-_]|\\u009b[0-?]*[ -/]*[@-~]`,
  "g",
);
/** C0 controls except tab and newline, DEL, C1 controls, bidirectional overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Characters XML 1.0 cannot hold at all: lone surrogates and the two non-characters. */
const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
/** A line the Actions runner would read as a workflow command. */
const WORKFLOW_COMMAND = /^(\s*)::/gm;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** One text field: escapes removed, controls shown as \xNN, `::` lines broken, length capped. */
export function cleanText(text: string, max = MAX_TEXT_LENGTH): string {
  let out = text
    .replace(/\r\n?/g, "\n")
    .replace(ANSI, "")
    .replace(CONTROL, visible)
    .replace(NOT_XML, "\ufffd");
  out = out.replace(WORKFLOW_COMMAND, "$1: :");
  // The slack keeps this idempotent: a text cut once (with its note) is not cut again.
  if (out.length > max + 80) out = `${out.slice(0, max)}… (${out.length - max} more characters not shown)`;
  return out;
}

function deepClean<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => deepClean(v)) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepClean(v)])) as T;
  return value;
}

/** The report with every string cleaned (idempotent: cleaning twice changes nothing more). */
export function sanitizeReport(report: GradeReport): GradeReport {
  return deepClean(report);
}
