/**
 * The rule audit of a lesson: `grader/suites/<id>.audit.md`, a table beside the hidden suite that lists
 * every rule the lesson's README and stub state and the check that fails when only that rule is
 * broken. Mutation testing cannot find a missing check for "take the steps in this order" or "one
 * generator for the whole run"; the audit is where an author proves each rule has one.
 *
 *   | Source | Rule | Check | Note |
 *   | --- | --- | --- | --- |
 *   | README | append the new $x$ to `path` | `gradient-descent > keeps every iterate in path` | |
 *   | stub | @throws {RangeError} when `learningRate` | `gradient-descent-1d > rejects invalid options` | |
 *   | README | `@calcml/optim` is off limits | import check | |
 *   | README | Use `eigSym(hessian).values` | not graded: any correct eigen-solver is accepted | |
 *
 * - Source is `README` or `stub`; Rule is a verbatim fragment of that file (whitespace may differ; write
 *   a `|` as `\|`).
 * - Check is one or more hidden tests in backticks, `task > test name` as in expected-tests.json; or
 *   `import check` (the grader's forbidden-import check); or `not graded: <why>`.
 * - `course check` fails when a README rule has no row: every list item and paragraph of the README's
 *   `## Tasks` section, and every worked example (a paragraph starting "Worked example", bold or not, or the first
 *   paragraph under a heading that says so), must contain the Rule fragment of at least one row. In the
 *   stub, every `@throws` line must be covered the same way.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { lessonFile, REPO_ROOT, SUITES_DIR } from "./paths.ts";

export type AuditSource = "README" | "stub";

/** One row of an audit table. */
export interface AuditRow {
  line: number;
  source: AuditSource;
  rule: string;
  /** Hidden tests named by the row (`task > name`). */
  tests: string[];
  /** `import check`, `not graded: …`, or undefined when the row names tests. */
  other?: string;
}

/** A block of text that states rules and must be covered by an audit row. */
export interface RuleBlock {
  source: AuditSource;
  text: string;
}

/** Fragments shorter than this are too vague to point at one rule. */
const MIN_FRAGMENT = 8;

export function auditFile(lessonId: string): string {
  return path.join(SUITES_DIR, `${lessonId}.audit.md`);
}

/** Whitespace collapsed: how fragments and blocks are compared. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Splits a table row on `|` that are not written `\|`. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|").trim());
}

/** Parses an audit table; throws an Error naming the line for a malformed row. */
export function parseAudit(text: string, file = "audit"): AuditRow[] {
  const rows: AuditRow[] = [];
  const lines = text.split("\n");
  let header = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line.startsWith("|")) return;
    const [source = "", rule = "", checkCell = ""] = cells(line);
    if (!header) {
      header = true;
      if (source.toLowerCase() !== "source")
        throw new Error(`${file}:${index + 1}: the table must start with | Source | Rule | Check | Note |`);
      return;
    }
    if (/^:?-+:?$/.test(source)) return;
    const where = `${file}:${index + 1}`;
    if (source !== "README" && source !== "stub")
      throw new Error(`${where}: Source must be README or stub, not "${source}"`);
    if (normalise(rule).length < MIN_FRAGMENT)
      throw new Error(`${where}: quote at least ${MIN_FRAGMENT} characters of the rule, verbatim`);
    const tests = [...checkCell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    const other = /^(import check|not graded: \S.*)$/.test(checkCell) ? checkCell : undefined;
    if (tests.length === 0 && other === undefined)
      throw new Error(
        `${where}: Check must name hidden tests in backticks, or say "import check" or "not graded: <why>"`,
      );
    rows.push({ line: index + 1, source, rule: normalise(rule), tests, ...(other ? { other } : {}) });
  });
  return rows;
}

/** Text of a README section: from its `## title` heading to the next `## ` heading. */
function section(markdown: string, title: string): string {
  const start = markdown.search(new RegExp(`^## ${title}\\b.*$`, "m"));
  if (start < 0) return "";
  const rest = markdown.slice(start).split("\n").slice(1).join("\n");
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Paragraphs and list items of a piece of markdown (headings, tables and display math dropped). */
function blocks(markdown: string): string[] {
  const found: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = normalise(current.join(" "));
    if (text) found.push(text);
    current = [];
  };
  for (const line of markdown.split("\n")) {
    if (/^\s*$/.test(line) || /^#/.test(line) || /^\s*\|/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*([-*]|\d+\.) /.test(line)) flush();
    current.push(line.replace(/^\s*([-*]|\d+\.) /, ""));
  }
  flush();
  return found.filter((b) => !/^\$\$/.test(b));
}

/** Worked examples anywhere in the README: "Worked example…" paragraphs, or the first under such a heading. */
function workedExamples(markdown: string): string[] {
  const found = blocks(markdown).filter((b) => /^[*_]*Worked example/i.test(b));
  const lines = markdown.split("\n");
  lines.forEach((line, i) => {
    if (!/^#+ .*worked example/i.test(line)) return;
    const next = blocks(lines.slice(i + 1).join("\n"))[0];
    if (next) found.push(next);
  });
  return found;
}

/** The README's rule blocks: its Tasks section and its worked examples. */
export function readmeRules(readme: string): RuleBlock[] {
  const texts = [...blocks(section(readme, "Tasks")), ...workedExamples(readme)];
  return [...new Set(texts)].map((text) => ({ source: "README", text }));
}

/** The stub's `@throws` lines. */
export function stubRules(stub: string): RuleBlock[] {
  return stub
    .split("\n")
    .filter((line) => /@throws\b/.test(line))
    .map((line) => ({ source: "stub" as const, text: normalise(line.replace(/^\s*\*\s?/, "")) }));
}

/** A problem with one lesson's audit. */
export interface AuditFinding {
  message: string;
}

/** Checks one lesson's audit against its README, stub and hidden tests. */
export function auditFindings(lessonId: string, expectedTests: readonly string[]): AuditFinding[] {
  const file = auditFile(lessonId);
  const shown = path.relative(REPO_ROOT, file);
  if (!existsSync(file))
    return [
      { message: `${shown} is missing: list every rule of the README and stub, and the check for each` },
    ];
  let rows: AuditRow[];
  try {
    rows = parseAudit(readFileSync(file, "utf8"), shown);
  } catch (error) {
    return [{ message: (error as Error).message }];
  }
  const readme = readFileSync(path.join(REPO_ROOT, "exercises", lessonId, "README.md"), "utf8");
  const stub = readFileSync(lessonFile(lessonId, "exercises"), "utf8");
  const texts: Record<AuditSource, string> = { README: normalise(readme), stub: normalise(stub) };
  const findings: AuditFinding[] = [];
  const known = new Set(expectedTests);
  for (const row of rows) {
    if (!texts[row.source].includes(row.rule))
      findings.push({
        message: `${shown}:${row.line}: the rule "${row.rule.slice(0, 80)}" is not in the ${row.source} (quote it verbatim, or remove the row)`,
      });
    for (const test of row.tests)
      if (!known.has(test))
        findings.push({
          message: `${shown}:${row.line}: no hidden test "${test}" (write it as in grader/suites/expected-tests.json)`,
        });
  }
  for (const block of [...readmeRules(readme), ...stubRules(stub)]) {
    if (rows.some((row) => row.source === block.source && block.text.includes(row.rule))) continue;
    findings.push({
      message: `${shown} has no row for this ${block.source} rule: "${block.text.slice(0, 100)}${block.text.length > 100 ? "…" : ""}"`,
    });
  }
  return findings;
}
