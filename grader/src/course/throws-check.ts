/**
 * README ↔ stub agreement on errors: a function whose stub documents `@throws` must have a README rule
 * that says when it throws, and a function the README says throws must document it with `@throws`.
 * (A learner reads both; an error only one of them states is either ungraded or a surprise.)
 */
import type { Lesson } from "../manifest/schema.ts";
import { normalise } from "./audit.ts";

/** Phrases that mention throwing to say the function must not throw. */
const NOT_THROWING =
  /\b(do not|does not|must not|never|not) throw\w*|without throwing|\*\*do not throw\*\*/gi;

/** The course-wide convention on errors, which says how functions throw, not which ones do. */
const CONVENTION = /\b(invalid|bad) (input|arguments?) throws?\b/i;

/** Whether a piece of README text says something throws. */
function saysThrows(text: string): boolean {
  const positive = text.replace(NOT_THROWING, "");
  return /RangeError|\bthrows?\b|\bThrow\b/.test(positive);
}

/** The README's Tasks section, as (subsection, block) pairs. */
function taskBlocks(readme: string): { subsection: number; text: string }[] {
  const start = readme.search(/^## Tasks\b/m);
  if (start < 0) return [];
  const rest = readme.slice(start).split("\n").slice(1);
  const end = rest.findIndex((line) => /^## /.test(line));
  const lines = end < 0 ? rest : rest.slice(0, end);
  const found: { subsection: number; text: string }[] = [];
  let subsection = 0;
  let current: string[] = [];
  const flush = () => {
    const text = normalise(current.join(" "));
    if (text) found.push({ subsection, text });
    current = [];
  };
  for (const line of lines) {
    if (/^### /.test(line)) {
      flush();
      subsection++;
      continue;
    }
    if (/^\s*$/.test(line) || /^\s*\|/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*([-*]|\d+\.) /.test(line)) flush();
    current.push(line);
  }
  flush();
  return found;
}

/** Names the block mentions, of the given ones, as `name` or `name(` in backticks. */
function named(text: string, names: readonly string[]): string[] {
  return names.filter((n) => text.includes(`\`${n}(`) || text.includes(`\`${n}\``));
}

/** Functions the README says throw: named in a block that says so, or covered by a shared rule of their subsection. */
export function readmeThrowers(readme: string, functions: readonly string[]): Set<string> {
  const blocks = taskBlocks(readme);
  const throwers = new Set<string>();
  for (const block of blocks) {
    if (!saysThrows(block.text)) continue;
    const names = named(block.text, functions);
    if (names.length > 0 && !/the function's name|naming the function/.test(block.text)) {
      for (const n of names) throwers.add(n);
      continue;
    }
    // A shared rule ("Both functions…: throw a RangeError when…") covers every function of its
    // subsection; the course-wide convention ("Invalid input throws a RangeError…") covers none.
    if (CONVENTION.test(block.text) || !/\bthrows?\b/i.test(block.text)) continue;
    for (const n of names) throwers.add(n);
    for (const other of blocks)
      if (other.subsection === block.subsection)
        for (const n of named(other.text, functions)) throwers.add(n);
  }
  return throwers;
}

/** Functions whose TSDoc in the stub has an `@throws` tag. */
export function stubThrowers(stub: string, functions: readonly string[]): Set<string> {
  const throwers = new Set<string>();
  for (const name of functions) {
    const declaration = new RegExp(
      `(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*export\\s+(?:async\\s+)?(?:function\\s*\\*?|const|class)\\s+${name}\\b`,
    ).exec(stub);
    if (declaration?.[1]?.includes("@throws")) throwers.add(name);
  }
  return throwers;
}

/** One mismatch per function documented as throwing in only one of README and stub. */
export function throwsMismatches(lesson: Lesson, readme: string, stub: string): string[] {
  const functions = lesson.tasks.flatMap((t) => t.functions);
  const inReadme = readmeThrowers(readme, functions);
  const inStub = stubThrowers(stub, functions);
  const messages: string[] = [];
  for (const name of functions) {
    if (inStub.has(name) && !inReadme.has(name))
      messages.push(
        `the stub documents \`@throws\` for ${name}, but the README's Tasks section never says when ${name} throws: state it there, or drop the tag`,
      );
    if (inReadme.has(name) && !inStub.has(name))
      messages.push(
        `the README says ${name} throws, but its TSDoc in the solution (and so the stub) has no \`@throws\` line: add one and run \`pnpm course build ${lesson.id.slice(0, 2)}\``,
      );
  }
  return messages;
}
