/**
 * Calling a lesson's exports from figure code. Every call goes through {@link Learner}, which turns
 * whatever goes wrong (an unfinished function, an exception, a missing export, a value of the wrong
 * shape) into a {@link LearnerFailure} whose note says so in one plain sentence, e.g.
 * "gradientDescent is not written yet (it still throws its TODO error)". A figure shows that note in
 * place of the curve, and the rest of the page is drawn.
 */
import type { LessonModule } from "./lesson-module.ts";
import { cleanLine } from "./text.ts";

/** Something the lesson's code did that keeps (part of) a figure from being drawn; `note` says what. */
export class LearnerFailure extends Error {
  override name = "LearnerFailure";
  constructor(readonly note: string) {
    super(note);
  }
}

/** `TODO: implement Value.add` → `Value.add`. */
const TODO_NAME = /^TODO:?\s*(?:implement\s+)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)?/;

function safeString(read: () => unknown): string | undefined {
  try {
    const value = read();
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A short description of a value for a message: `undefined`, `a string`, `an array of 3 entries`… */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return "a string";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `an array of ${value.length} entr${value.length === 1 ? "y" : "ies"}`;
  if (typeof value === "object" && typeof (value as { then?: unknown }).then === "function")
    return "a promise (the function must not be async)";
  if (typeof value === "object") {
    const keys = Object.keys(value).slice(0, 4);
    return keys.length === 0 ? "an empty object" : `an object with ${keys.join(", ")}`;
  }
  return typeof value;
}

/** One sentence for what `called` threw: unfinished (a TODO error), or which error with its message. */
export function describeThrow(called: string, error: unknown): string {
  const message =
    typeof error === "object" && error !== null
      ? safeString(() => (error as { message?: unknown }).message)
      : typeof error === "string"
        ? error
        : undefined;
  if (message !== undefined && /^TODO\b/.test(message.trimStart())) {
    const named = TODO_NAME.exec(message.trimStart())?.[1];
    const unfinished = named && named !== called ? named : called;
    const what = `${unfinished} is not written yet (it still throws its TODO error)`;
    return unfinished === called ? what : `${called} could not run: ${what}`;
  }
  if (message !== undefined) {
    const kind = safeString(() => (error as { name?: unknown }).name) ?? "an error";
    return `${called} threw ${cleanLine(kind, 40)}: ${cleanLine(message, 160)}`;
  }
  return `${called} threw ${describeValue(error)}`;
}

/** The lesson's exports, called safely. Notes collect what could not be drawn. */
export class Learner {
  readonly notes: string[] = [];
  /** Remarks that are no problem (points a log scale cannot show, say): shown under the figure. */
  readonly infos: string[] = [];

  /**
   * @param module the exports, or undefined when the file could not be loaded.
   * @param loadProblem why it could not be loaded (every call then fails with this note).
   */
  constructor(
    private readonly module: LessonModule | undefined,
    private readonly loadProblem?: string,
  ) {}

  /** Whether the file loaded and exports a function of this name. */
  has(name: string): boolean {
    return typeof this.module?.[name] === "function";
  }

  /** An exported value (a constant), or a failure when it is missing. */
  constant(name: string): unknown {
    if (!this.module) throw new LearnerFailure(this.loadProblem ?? "the lesson file could not be loaded");
    if (!(name in this.module)) throw new LearnerFailure(`${name} is not exported by the lesson file`);
    return this.module[name];
  }

  /** The export `name` as a function that throws a {@link LearnerFailure} instead of anything else. */
  fn(name: string): (...args: unknown[]) => unknown {
    if (!this.module) throw new LearnerFailure(this.loadProblem ?? "the lesson file could not be loaded");
    const f = this.module[name];
    if (typeof f !== "function") {
      throw new LearnerFailure(
        f === undefined
          ? `${name} is not exported by the lesson file`
          : `${name} is ${describeValue(f)}, not a function`,
      );
    }
    return (...args: unknown[]) => {
      try {
        return (f as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        if (error instanceof LearnerFailure) throw error;
        throw new LearnerFailure(describeThrow(name, error));
      }
    };
  }

  /** `name(...args)`. */
  call(name: string, ...args: unknown[]): unknown {
    return this.fn(name)(...args);
  }

  /** `new name(...args)`, for an exported class (lesson 14's Value). */
  construct(name: string, ...args: unknown[]): unknown {
    this.fn(name); // throws when it is missing
    const C = this.module?.[name] as new (...a: unknown[]) => unknown;
    try {
      return new C(...args);
    } catch (error) {
      throw new LearnerFailure(describeThrow(name, error));
    }
  }

  /** `target.method(...args)` on an object the lesson's code made; `label` names it in messages. */
  method(target: unknown, method: string, label: string, ...args: unknown[]): unknown {
    const f = (target as Record<string, unknown> | null | undefined)?.[method];
    if (typeof f !== "function") throw new LearnerFailure(`${label} is ${describeValue(f)}, not a method`);
    try {
      return (f as (...a: unknown[]) => unknown).apply(target, args);
    } catch (error) {
      throw new LearnerFailure(describeThrow(label, error));
    }
  }

  /** Runs `part`; on a {@link LearnerFailure}, records its note and returns undefined (a partial figure). */
  attempt<T>(part: () => T): T | undefined {
    try {
      return part();
    } catch (error) {
      if (!(error instanceof LearnerFailure)) throw error;
      this.note(error.note);
      return undefined;
    }
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  info(text: string): void {
    if (!this.infos.includes(text)) this.infos.push(text);
  }
}

// Checks of returned values: each throws a LearnerFailure naming what was wrong.

export function asNumber(value: unknown, what: string): number {
  if (typeof value !== "number") throw new LearnerFailure(`${what} is ${describeValue(value)}, not a number`);
  return value;
}

/** A list of numbers (non-finite entries are allowed: figures filter and mention them). */
export function asNumbers(value: unknown, what: string, length?: number): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "number")) {
    throw new LearnerFailure(`${what} is ${describeValue(value)}, not a list of numbers`);
  }
  if (length !== undefined && value.length !== length) {
    throw new LearnerFailure(`${what} has ${value.length} entries, expected ${length}`);
  }
  return value as number[];
}

/** A list of rows of numbers, e.g. a path of points or a matrix. */
export function asRows(value: unknown, what: string, columns?: number): number[][] {
  if (!Array.isArray(value))
    throw new LearnerFailure(`${what} is ${describeValue(value)}, not a list of rows`);
  return value.map((row, i) => asNumbers(row, `${what}[${i}]`, columns));
}

/** A property of an object the lesson's code returned. */
export function field(value: unknown, key: string, what: string): unknown {
  if (typeof value !== "object" || value === null) {
    throw new LearnerFailure(`${what} is ${describeValue(value)}, not an object with ${key}`);
  }
  return (value as Record<string, unknown>)[key];
}
