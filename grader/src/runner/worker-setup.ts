/**
 * Runs in the vitest worker before any hidden suite (and so before any learner code) loads.
 * 1. Hardens the intrinsics our checks use, so learner code cannot make a check pass by patching
 *    `Math.abs`, `Object.is` or `Array.prototype.every` (DESIGN.md, threat model).
 * 2. Journals which test is running, so that when the grader kills a stuck run it can say where.
 * 3. Skips the tasks the grader asks it to (a re-run after a timeout), and caps console output.
 * The journal is written by a process that runs learner code: the grader uses it for messages
 * and for choosing what to skip, never for credit.
 */
import { appendFileSync } from "node:fs";
import { afterEach, beforeEach } from "vitest";

const FROZEN_GLOBALS = [
  "Object",
  "Array",
  "Math",
  "Number",
  "String",
  "Boolean",
  "Function",
  "JSON",
  "Reflect",
  "Symbol",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Float64Array",
  "Float32Array",
  "Int32Array",
  "Uint8Array",
] as const;
const PINNED_FUNCTIONS = ["isFinite", "isNaN", "parseFloat", "parseInt"] as const;
/** Lines of console output kept per test; the rest are counted, not printed. */
const CONSOLE_LINES_PER_TEST = 20;

function hardenIntrinsics(): void {
  const global = globalThis as unknown as Record<string, unknown>;
  for (const name of [...FROZEN_GLOBALS, ...PINNED_FUNCTIONS]) {
    const value = global[name] as { prototype?: object } | undefined;
    Object.defineProperty(globalThis, name, {
      value,
      writable: false,
      configurable: false,
      enumerable: false,
    });
    if (name === "Object" || (PINNED_FUNCTIONS as readonly string[]).includes(name) || value === undefined)
      continue;
    Object.freeze(value);
    if (value.prototype) Object.freeze(value.prototype);
  }
  // Object.prototype stays unfrozen (freezing it breaks libraries that assign `constructor`), but the
  // Object statics our checks call are pinned.
  for (const key of Object.getOwnPropertyNames(Object)) {
    const descriptor = Object.getOwnPropertyDescriptor(Object, key);
    if (descriptor?.configurable && "value" in descriptor) {
      Object.defineProperty(Object, key, { ...descriptor, writable: false, configurable: false });
    }
  }
  Object.preventExtensions(Object);
  const typedArrayPrototype = Object.getPrototypeOf(Float64Array.prototype) as object;
  Object.freeze(typedArrayPrototype);
}

function capConsole(): { reset(): number } {
  let lines = 0;
  let dropped = 0;
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      lines += 1;
      if (lines <= CONSOLE_LINES_PER_TEST) original(...args);
      else dropped += 1;
    };
  }
  return {
    reset() {
      const count = dropped;
      lines = 0;
      dropped = 0;
      return count;
    },
  };
}

const journal = process.env.CALCML_JOURNAL;
// The grader starts the lesson's clock when this line appears: learner code loads right after it.
if (journal) appendFileSync(journal, "ready\n");
const skippedTasks = new Set<string>(JSON.parse(process.env.CALCML_SKIP_TASKS ?? "[]") as string[]);
const consoleCap = capConsole();

function testPath(task: { name: string; suite?: { name: string; suite?: unknown } | undefined }): string[] {
  const names = [task.name];
  let suite = task.suite as { name: string; suite?: unknown } | undefined;
  while (suite?.name) {
    names.unshift(suite.name);
    suite = suite.suite as typeof suite;
  }
  return names;
}

beforeEach((context) => {
  const names = testPath(context.task as Parameters<typeof testPath>[0]);
  if (journal) appendFileSync(journal, `start\t${names.join(" > ")}\n`);
  consoleCap.reset();
  if (skippedTasks.has(names[0] ?? "")) context.skip("an earlier run of this task timed out");
});

afterEach((context) => {
  const dropped = consoleCap.reset();
  if (dropped > 0) console.log(`(${dropped} more console lines from this test were not shown)`);
  if (journal)
    appendFileSync(journal, `end\t${testPath(context.task as Parameters<typeof testPath>[0]).join(" > ")}\n`);
});

hardenIntrinsics();
