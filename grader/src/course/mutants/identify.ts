/**
 * How a mutant is named across runs: the file, the line it starts on, Stryker's mutator name, the source
 * text it replaces and the replacement, never Stryker's numeric id (which shifts whenever a mutant is
 * added or removed above it). Also enumerates the mutants Stryker would make of a file, with Stryker's
 * own instrumenter, without running anything.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Instrumenter } from "@stryker-mutator/instrumenter";
import { REPO_ROOT } from "../paths.ts";

/** Texts longer than this are shown (and matched) by their start, ending in "…". */
export const MAX_SNIPPET = 80;

/** One mutant, as a person (and the equivalent-mutant list) names it. */
export interface MutantKey {
  /** Repository-relative, with forward slashes: `solutions/04-gradient-descent/gradient-descent.ts`. */
  file: string;
  /** 1-based line where the mutated code starts. */
  line: number;
  /**
   * 1-based column where it starts. Optional in the equivalent-mutant list: needed only when the same
   * mutation of the same code occurs twice on one line.
   */
  column?: number | undefined;
  /** Stryker's mutator: `ArithmeticOperator`, `ConditionalExpression`, `StringLiteral`, … */
  mutator: string;
  /** The code replaced, whitespace collapsed, cut at MAX_SNIPPET characters. */
  original: string;
  /** The code put in its place, in the same form. */
  replacement: string;
}

/** A position as Stryker's instrumenter gives it: 0-based line and column. */
export interface ZeroBasedPosition {
  line: number;
  column: number;
}

/** Whitespace collapsed, long text cut to its start and "…". */
export function snippet(code: string): string {
  const flat = code.replace(/\s+/g, " ").trim();
  return flat.length <= MAX_SNIPPET ? flat : `${flat.slice(0, MAX_SNIPPET - 1).trimEnd()}…`;
}

/** The source text between two 0-based positions. */
export function sourceBetween(
  lines: readonly string[],
  start: ZeroBasedPosition,
  end: ZeroBasedPosition,
): string {
  if (start.line === end.line) return (lines[start.line] ?? "").slice(start.column, end.column);
  const parts = [(lines[start.line] ?? "").slice(start.column)];
  for (let l = start.line + 1; l < end.line; l++) parts.push(lines[l] ?? "");
  parts.push((lines[end.line] ?? "").slice(0, end.column));
  return parts.join("\n");
}

/** `file:line Mutator: original → replacement` */
export function describeMutant(key: MutantKey): string {
  return `${key.file}:${key.line} ${key.mutator}: ${key.original} → ${key.replacement}`;
}

/** The same mutant (two keys made by `snippet` from the same code are equal; columns only when both have one). */
export function sameMutant(a: MutantKey, b: MutantKey): boolean {
  return (
    a.file === b.file &&
    a.line === b.line &&
    (a.column === undefined || b.column === undefined || a.column === b.column) &&
    a.mutator === b.mutator &&
    snippet(a.original) === snippet(b.original) &&
    snippet(a.replacement) === snippet(b.replacement)
  );
}

/** Repository-relative with forward slashes. */
export function repoPath(file: string, root = REPO_ROOT): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join("/");
}

const quiet = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => false,
  isFatalEnabled: () => false,
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
  fatal() {},
};

/**
 * Every mutant Stryker's instrumenter makes of `file` (with Stryker's default mutators, as
 * `pnpm course mutants` runs it), as keys. `source` defaults to the file's text.
 */
export async function enumerateMutants(
  file: string,
  source?: string,
  root = REPO_ROOT,
): Promise<MutantKey[]> {
  const absolute = path.resolve(root, file);
  const content = source ?? readFileSync(absolute, "utf8");
  const instrumenter = new Instrumenter(quiet as unknown as ConstructorParameters<typeof Instrumenter>[0]);
  const result = await instrumenter.instrument([{ name: absolute, content, mutate: true }], {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  const lines = content.split("\n");
  const shown = repoPath(absolute, root);
  return result.mutants
    .filter((m) => m.status !== "Ignored")
    .map((m) => ({
      file: shown,
      line: m.location.start.line + 1,
      column: m.location.start.column + 1,
      mutator: m.mutatorName,
      original: snippet(sourceBetween(lines, m.location.start, m.location.end)),
      replacement: snippet(m.replacement),
    }));
}
