/**
 * The trusted side of a learner call. A hidden suite imports `@lesson/<id>` and gets, instead of the
 * learner's module, proxies made here: calling one sends the arguments (as data) to the sandboxed child
 * that holds the learner's code, waits for the answer on shared memory, and returns it (as data). The
 * suite's checks, clock, seed and results never leave this process.
 *
 * Learner calls stay synchronous for the suite: this thread blocks in `Atomics.wait` while the relay
 * thread (relay.mjs) talks to the child and enforces the deadline and the memory cap. A callback the
 * learner's code makes (f, ∇f, a step function) comes back here and runs on the trusted side, so a call
 * counter that decides a score counts here, where learner code cannot reset it.
 */
import { execFileSync } from "node:child_process";
import { closeSync, constants, openSync, readSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { GRADER_SRC } from "../course/paths.ts";
import { type CodecHooks, decode, type Encoded, encode } from "./codec.ts";
import { CONFIG_VARIABLE, type SandboxConfig } from "./config.ts";
import { FAULT_MESSAGES, FAULT_NAMES, SandboxFault } from "./fault.ts";
import {
  CONSOLE_BYTES_PER_LINE,
  CONSOLE_LINES_PER_CALL,
  type Frame,
  frameBytes,
  MAX_FRAME_BYTES,
} from "./frames.ts";
import { recipeOf } from "./portable.ts";

/** Shared words with the relay (relay.mjs): the fault code, "started", the report's length; then the deadline. */
const FAULT = 0;
const STARTED = 1;
const REPORT_LENGTH = 2;
const FAULT_CODES: Record<number, string> = { 1: "timeout", 2: "memory", 3: "crash", 4: "closed" };
const REPORT_BYTES = 16_384;
const FAULT_NAME_SET = new Set<string>(Object.values(FAULT_NAMES));
/** How long to wait for the relay to start a child. */
const SPAWN_WAIT_MS = 10_000;
/** How long `stop` waits for the relay to end a child. */
const KILL_WAIT_MS = 2_000;
/** The budget of calls made outside any test (while the suite module loads). */
const OUTSIDE_TESTS = "(loading)";

interface Current {
  task: string;
  test: string;
}
let current: Current = { task: OUTSIDE_TESTS, test: "" };
const open = new Set<Sandbox>();

/** The setup file says which test runs, so that time is charged to its task and faults name it. */
export function setCurrentTest(path: readonly string[]): void {
  current = path.length > 0 ? { task: path[0]!, test: path.at(-1)! } : { task: OUTSIDE_TESTS, test: "" };
}

/** Ends every sandbox this process started (the setup file calls it after the suite). */
export function closeSandboxes(): void {
  for (const sandbox of open) sandbox.close();
  open.clear();
}

type Tag = { "#": "fn"; id: number; name: string } | { "#": "ref"; id: number; cls: string };

/**
 * Mutation testing (`pnpm course mutants`): the mutant Stryker's setup file activated in this trusted
 * process, passed to the child as its last argument (host.ts), so a child started now runs that
 * mutant of the instrumented solution. Nothing unless the grader's own config asks for it.
 */
function activeMutantArgs(config: SandboxConfig): string[] {
  if (!config.strykerMutants) return [];
  const active = (globalThis as { __stryker__?: { activeMutant?: unknown } }).__stryker__?.activeMutant;
  return typeof active === "string" && /^\d+$/.test(active) ? [active] : [];
}

class Sandbox {
  private readonly shared = new SharedArrayBuffer(24 + REPORT_BYTES);
  private readonly words = new Int32Array(this.shared, 0, 4);
  private readonly deadline = new Float64Array(this.shared, 16, 1);
  private readonly report = new Uint8Array(this.shared, 24);
  private readonly relay: Worker;
  /** This side's ends of the two FIFOs: requests to the child (non-blocking), replies from it. */
  private toChild = -1;
  private fromChild = -1;
  private alive = false;
  /** Raised each time a child is replaced: handles of an earlier child are void. */
  private generation = 0;
  private depth = 0;
  private readonly budgets = new Map<string, number>();
  private calling = "";
  /** Console lines printed, and left out, in the current top-level call (see printLog). */
  private logged = 0;
  private unlogged = 0;
  /** Trusted callbacks the learner's code holds, by id (kept for the child's life: a returned closure may call one later). */
  private readonly callbacks: unknown[] = [];
  private readonly callbackIds = new Map<unknown, number>();
  /** Proxies for the child's functions and objects, by id, and back. */
  private proxies = new Map<number, object>();
  private readonly proxyIds = new WeakMap<object, { id: number; generation: number }>();
  /** Objects sent during the current exchange, by number, so that the learner returning one keeps its identity. */
  private sent = new Map<number, object>();
  private readonly counter = { next: 0 };
  /** Errors thrown by trusted callbacks, by token, so that one passing through learner code comes back as itself. */
  private thrown = new Map<string, unknown>();
  exports: Record<string, unknown> = {};

  constructor(private readonly config: SandboxConfig) {
    // By path from the sources: this file also runs inside the compiled CLI (grader/dist).
    this.relay = new Worker(path.join(GRADER_SRC, "sandbox", "relay.mjs"), {
      workerData: { shared: this.shared },
    });
    this.relay.unref();
    open.add(this);
  }

  private hooks: CodecHooks = {
    own: (value) => {
      const recipe = recipeOf(value);
      if (typeof value !== "function" && !recipe) return undefined; // trusted objects travel by value
      let id = this.callbackIds.get(value);
      if (id === undefined) {
        id = this.callbacks.push(value) - 1;
        this.callbackIds.set(value, id);
      }
      const name = String((value as { name?: unknown }).name ?? "");
      if (recipe?.kind === "rng") return { "#": "rng", id, seed: recipe.seed };
      if (recipe?.kind === "code")
        return { "#": "code", id, name, source: recipe.source, env: this.enc(recipe.env) };
      return { "#": "fn", id, name };
    },
    byReference: (value) => recipeOf(value) !== undefined,
    theirs: (value) => {
      // An export's stable proxy stands for the export of the current child.
      const stable = stableNames.get(value);
      const known = this.proxyIds.get(stable === undefined ? value : (this.exports[stable] as object));
      if (known === undefined) return undefined;
      if (known.generation !== this.generation) throw new SandboxFault("stale", FAULT_MESSAGES.stale);
      return known.id;
    },
    proxy: (tag) => this.proxy(tag),
    lookup: (id) => {
      if (!(id in this.callbacks))
        throw new SandboxFault("protocol", FAULT_MESSAGES.protocol("an unknown callback"));
      return this.callbacks[id];
    },
    echoed: (n) => this.sent.get(n),
    sent: (value, n) => {
      this.sent.set(n, value);
    },
  };

  private enc(value: unknown): Encoded {
    return encode(value, { ...this.hooks, ...{ counter: this.counter } });
  }

  /** Starts a fresh child and reads what the learner's file exports, within `limitMs`. */
  start(limitMs = this.config.timeLimitMs): void {
    this.closeChannel();
    this.generation += 1;
    this.proxies = new Map();
    this.calling = "";
    const { toLearner, toGrader } = this.config.fifos;
    for (const fifo of [toLearner, toGrader]) rmSync(fifo, { force: true });
    // Mode 0666: in strict mode the child runs as `nobody`; the folder around them is not writable to it.
    execFileSync("mkfifo", ["-m", "0666", toLearner, toGrader]);
    // Opened read-write, so that neither open waits for the child; the requests' end never blocks.
    this.toChild = openSync(toLearner, constants.O_RDWR | constants.O_NONBLOCK);
    this.fromChild = openSync(toGrader, constants.O_RDWR);
    Atomics.store(this.words, STARTED, 0);
    Atomics.store(this.words, FAULT, 0);
    this.relay.postMessage({
      type: "spawn",
      command: this.config.command,
      args: [...this.config.args, ...activeMutantArgs(this.config)],
      memoryLimitMb: this.config.memoryLimitMb + this.config.memoryHeadroomMb,
      wakeFd: this.fromChild,
    });
    Atomics.wait(this.words, STARTED, 0, SPAWN_WAIT_MS);
    this.alive = true;
    this.deadline[0] = Date.now() + limitMs;
    let first: Frame;
    try {
      first = this.receive();
    } finally {
      this.deadline[0] = 0;
    }
    if (first.t === "ready") {
      this.printLog(first.log);
      this.exports = this.decodeFrom(first.v) as Record<string, unknown>;
      return;
    }
    this.stop();
    if (first.t === "load-error") {
      const error = this.decodeFrom(first.v) as Error;
      const fault = new SandboxFault("load-error", FAULT_MESSAGES.loadError(error), error);
      // The learner's own stack (source-mapped to their file) tells the report where it threw.
      fault.stack = `${fault.name}: ${fault.message}\n${String(error.stack ?? "")
        .split("\n")
        .slice(1)
        .join("\n")}`;
      throw fault;
    }
    if (first.t === "exit")
      throw new SandboxFault("exit", FAULT_MESSAGES.exit(String(first.code), "while loading"));
    throw new SandboxFault("protocol", FAULT_MESSAGES.protocol(`"${first.t}" before the file loaded`));
  }

  /** Applies a portable function inside the child (it is sent as its recipe, see portable.ts). */
  runPortable(fn: unknown, args: unknown[]): unknown {
    if (typeof fn !== "function" || !recipeOf(fn))
      throw new TypeError("runInSandbox takes a function made with portable()");
    this.ensure();
    return this.exchange(
      { t: "apply", fn: this.enc(fn), self: this.enc(undefined), args: this.enc(args) },
      fn.name || "the suite's code",
    );
  }

  /** Starts a fresh child when the last one was stopped (its loading is charged to the current task). */
  ensure(): void {
    if (this.alive || this.depth > 0) return;
    if (this.timeLeft(current.task) <= 0)
      throw new SandboxFault(
        "timeout",
        FAULT_MESSAGES.noTimeLeft(this.config.timeLimitMs / 1000, this.where()),
      );
    this.startCharged(current.task);
  }

  private timeLeft(task: string): number {
    return this.budgets.get(task) ?? this.config.timeLimitMs;
  }

  /** A restart after a fault: the learner's file loads again on the task's own time. */
  private startCharged(task: string): void {
    const started = Date.now();
    try {
      this.start(this.timeLeft(task));
    } finally {
      this.budgets.set(task, this.timeLeft(task) - (Date.now() - started));
    }
  }

  close(): void {
    this.stop();
    this.closeChannel();
    void this.relay.terminate();
    for (const fifo of Object.values(this.config.fifos)) rmSync(fifo, { force: true });
  }

  /**
   * Ends the child (the relay kills its process tree), and waits until the relay has done so: a relay
   * terminated right after (close) might never read the message, and the child would outlive its file.
   */
  private stop(): void {
    if (this.alive) {
      this.relay.postMessage({ type: "kill" });
      Atomics.wait(this.words, FAULT, 0, KILL_WAIT_MS);
    }
    this.alive = false;
  }

  private closeChannel(): void {
    for (const fd of [this.toChild, this.fromChild]) {
      if (fd >= 0) {
        try {
          closeSync(fd);
        } catch {
          // Already closed.
        }
      }
    }
    this.toChild = -1;
    this.fromChild = -1;
  }

  private decodeFrom(value: unknown): unknown {
    return decode(value, this.hooks, false);
  }

  /**
   * Prints the console lines a frame carries, at most CONSOLE_LINES_PER_CALL a call however many frames
   * carry them, each cut to CONSOLE_BYTES_PER_LINE: the child caps its console (host.ts), but learner
   * code can write frames of its own, and whatever is printed here stays in this worker until its test ends.
   */
  private printLog(log: unknown): void {
    if (!Array.isArray(log)) return;
    for (const line of log) {
      if (this.logged >= CONSOLE_LINES_PER_CALL) {
        this.unlogged += 1;
        continue;
      }
      this.logged += 1;
      console.log(String(line).slice(0, CONSOLE_BYTES_PER_LINE));
    }
  }

  /** Throws the fault the relay raised, if it raised one. */
  private checkFault(): void {
    const code = Atomics.load(this.words, FAULT);
    if (code === 0) return;
    this.alive = false;
    const length = Atomics.load(this.words, REPORT_LENGTH);
    let report: Record<string, unknown> = {};
    try {
      report = JSON.parse(Buffer.from(this.report.subarray(0, length)).toString("utf8")) as Record<
        string,
        unknown
      >;
    } catch {
      // No report: the kind alone.
    }
    throw this.fault({ ...report, kind: FAULT_CODES[code] ?? "crash" });
  }

  /** Reads exactly `length` bytes from the child, or throws the fault that stopped it. */
  private read(length: number): Buffer {
    const buffer = Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < length) {
      this.checkFault();
      const n = readSync(this.fromChild, buffer, offset, length - offset, null);
      this.checkFault();
      offset += n;
    }
    return buffer;
  }

  /** One frame from the child: untrusted bytes, checked for size and form. */
  private receive(): Frame {
    const length = this.read(4).readUInt32LE(0);
    if (length > MAX_FRAME_BYTES) {
      this.stop();
      throw this.fault({ kind: "too-large", bytes: length });
    }
    const text = this.read(length).toString("utf8");
    try {
      const frame = JSON.parse(text) as Frame;
      if (frame === null || typeof frame !== "object" || typeof frame.t !== "string")
        throw new Error("not a frame");
      return frame;
    } catch {
      this.stop();
      throw new SandboxFault("protocol", FAULT_MESSAGES.protocol("a message that is not JSON"));
    }
  }

  /** Writes a frame to the child; waits (a millisecond at a time) while its pipe is full. */
  private send(frame: Frame): void {
    const bytes = frameBytes(frame);
    let offset = 0;
    while (offset < bytes.length) {
      this.checkFault();
      try {
        offset += writeSync(this.toChild, bytes, offset);
      } catch (error) {
        if ((error as { code?: unknown }).code !== "EAGAIN") throw error;
        Atomics.wait(this.words, FAULT, 0, 1);
      }
    }
  }

  private fault(report: Record<string, unknown>): SandboxFault {
    const where = this.where();
    const stderr = String(report.stderr ?? "");
    const exit = (report.exit ?? {}) as { code?: unknown; signal?: unknown };
    switch (report.kind) {
      case "timeout":
        return new SandboxFault("timeout", FAULT_MESSAGES.timeout(this.config.timeLimitMs / 1000, where));
      case "memory":
        return new SandboxFault(
          "out-of-memory",
          FAULT_MESSAGES.outOfMemory(this.config.memoryLimitMb, where),
        );
      case "too-large":
        return new SandboxFault("too-large", FAULT_MESSAGES.tooLarge(Number(report.bytes), where));
      case "protocol":
        return new SandboxFault("protocol", FAULT_MESSAGES.protocol(String(report.detail ?? "")));
      default:
        if (/heap out of memory|Reached heap limit/i.test(stderr))
          return new SandboxFault(
            "out-of-memory",
            FAULT_MESSAGES.outOfMemory(this.config.memoryLimitMb, where),
          );
        if (/Maximum call stack|stack overflow/i.test(stderr))
          return new SandboxFault("crash", FAULT_MESSAGES.stack(where));
        return new SandboxFault(
          "crash",
          FAULT_MESSAGES.crash(where, exit.signal ? String(exit.signal) : `code ${String(exit.code ?? "?")}`),
        );
    }
  }

  private where(): string {
    const fn = this.calling ? `in \`${this.calling}\`` : "while loading your file";
    return current.test ? `${fn} (test "${current.test}")` : fn;
  }

  /** One exchange: send a request, serve the callbacks it makes, return or throw its answer. */
  exchange(frame: Frame, calling: string): unknown {
    const top = this.depth === 0;
    if (top) {
      this.logged = 0;
      this.unlogged = 0;
      // A restart after a fault is charged to the task, as any other (a stale handle's call included).
      if (!this.alive) this.ensure();
      this.calling = calling;
    }
    const task = current.task;
    const left = this.budgets.get(task) ?? this.config.timeLimitMs;
    if (top && left <= 0)
      throw new SandboxFault(
        "timeout",
        FAULT_MESSAGES.noTimeLeft(this.config.timeLimitMs / 1000, this.where()),
      );
    const started = Date.now();
    if (top) this.deadline[0] = started + left;
    this.depth += 1;
    try {
      return this.converse(frame);
    } finally {
      this.depth -= 1;
      if (top) {
        if (this.unlogged > 0) console.log(`(${this.unlogged} more console lines were not shown)`);
        this.deadline[0] = 0;
        this.budgets.set(task, left - (Date.now() - started));
        // The arguments of the next call are numbered (and remembered) afresh.
        this.sent = new Map();
        this.counter.next = 0;
        this.thrown = new Map();
      }
    }
  }

  private converse(frame: Frame): unknown {
    this.send(frame);
    for (;;) {
      const reply = this.receive();
      this.printLog((reply as { log?: unknown }).log);
      switch (reply.t) {
        case "ret":
          return this.decodeFrom(reply.v);
        case "throw": {
          const error = this.decodeFrom(reply.v);
          // A learner error named like one of the grader's faults is still the learner's own error.
          if (error instanceof Error && FAULT_NAME_SET.has(error.name))
            error.name = `Error (named ${error.name})`;
          const token = (error as { calcmlToken?: unknown } | null)?.calcmlToken;
          throw typeof token === "string" && this.thrown.has(token) ? this.thrown.get(token) : error;
        }
        case "apply":
          this.send(this.runCallback(reply));
          break;
        case "exit":
          this.stop();
          throw new SandboxFault("exit", FAULT_MESSAGES.exit(String(reply.code), this.where()));
        default:
          this.stop();
          throw new SandboxFault("protocol", FAULT_MESSAGES.protocol(`an unexpected "${String(reply.t)}"`));
      }
    }
  }

  /** Runs a trusted callback for the learner's code and frames its answer. */
  private runCallback(frame: Extract<Frame, { t: "apply" }>): Frame {
    try {
      const fn = this.decodeFrom(frame.fn);
      if (typeof fn !== "function")
        throw new TypeError("the learner's code called something that is not a function");
      const result = Reflect.apply(fn, this.decodeFrom(frame.self), this.decodeFrom(frame.args) as unknown[]);
      return { t: "ret", v: this.enc(result) };
    } catch (error) {
      if (error instanceof SandboxFault) throw error;
      const token = `calcml-${this.thrown.size}-${Math.random().toString(36).slice(2)}`;
      this.thrown.set(token, error);
      const tagged = error instanceof Error ? error : new Error(String(error));
      const sent = this.enc(tagged) as { "#": "err"; token?: string };
      return { t: "throw", v: { ...sent, token } };
    }
  }

  /** A proxy for a function or object of the child's. */
  private proxy(tag: Tag): unknown {
    const known = this.proxies.get(tag.id);
    if (known) return known;
    const handle: Encoded = { "#": "back", id: tag.id };
    const what = tag["#"] === "fn" ? tag.name || "a function" : `a ${tag.cls || "object"}`;
    const made = tag["#"] === "fn" ? this.functionProxy(handle, tag.name) : this.objectProxy(handle, what);
    this.proxies.set(tag.id, made);
    this.proxyIds.set(made, { id: tag.id, generation: this.generation });
    return made;
  }

  private functionProxy(handle: Encoded, name: string): object {
    // A function expression, not an arrow: a Proxy can be called with `new` only when its target can.
    // biome-ignore lint/complexity/useArrowFunction: the target must be a constructor
    const target = function () {};
    Object.defineProperty(target, "name", { value: name });
    return new Proxy(target, {
      apply: (_t, thisArg, args) =>
        this.exchange(
          { t: "apply", fn: handle, self: this.enc(thisArg), args: this.enc(args) },
          name || "a function",
        ),
      construct: (_t, args) =>
        this.exchange({ t: "construct", fn: handle, args: this.enc(args) }, `new ${name}`) as object,
      get: (t, key) => {
        if (key === "name" || key === "length" || typeof key === "symbol") return Reflect.get(t, key);
        return this.exchange({ t: "get", obj: handle, key }, `${name}.${key}`);
      },
    });
  }

  private objectProxy(handle: Encoded, what: string): object {
    const ask = (frame: Frame, label: string) => this.exchange(frame, label);
    return new Proxy(
      {},
      {
        get: (_t, key) => {
          if (typeof key === "symbol" || key === "then") return undefined;
          return ask({ t: "get", obj: handle, key }, `${what}.${key}`);
        },
        set: (_t, key, value) => {
          if (typeof key === "symbol") return false;
          ask({ t: "set", obj: handle, key, value: this.enc(value) }, `${what}.${key} =`);
          return true;
        },
        has: (_t, key) =>
          typeof key === "string" && ask({ t: "has", obj: handle, key }, `"${key}" in ${what}`) === true,
        ownKeys: () => {
          const keys = ask({ t: "keys", obj: handle }, `the keys of ${what}`);
          return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : [];
        },
        getOwnPropertyDescriptor: (_t, key) => {
          if (typeof key === "symbol") return undefined;
          const keys = ask({ t: "keys", obj: handle }, `the keys of ${what}`);
          if (!Array.isArray(keys) || !keys.includes(key)) return undefined;
          return {
            value: ask({ t: "get", obj: handle, key }, `${what}.${key}`),
            writable: true,
            enumerable: true,
            configurable: true,
          };
        },
        getPrototypeOf: () => {
          const proto = ask({ t: "proto", obj: handle }, `the prototype of ${what}`);
          return proto !== null && (typeof proto === "object" || typeof proto === "function") ? proto : null;
        },
        defineProperty: () => false,
        deleteProperty: () => false,
      },
    );
  }
}

const byLesson = new Map<string, Sandbox>();

/**
 * Runs a portable function (see portable.ts) inside lesson `lessonId`'s sandbox, with `args` (learner
 * exports and values included), and returns its result: bulk work (a 100 000-node chain) in one round
 * trip. Outside the grader (a bare vitest run on the solutions) it simply calls `fn`.
 */
export function runInSandbox<R>(lessonId: string, fn: (...args: never[]) => R, ...args: unknown[]): R {
  const sandbox = byLesson.get(lessonId);
  if (!sandbox) return (fn as (...a: unknown[]) => R)(...args);
  return sandbox.runPortable(fn, args) as R;
}

/** Reads the grader's configuration for one lesson from the environment of this (trusted) process. */
function configFor(lessonId: string): SandboxConfig {
  const all = JSON.parse(process.env[CONFIG_VARIABLE] ?? "{}") as Record<string, SandboxConfig>;
  const config = all[lessonId];
  if (!config)
    throw new Error(`the grader gave no sandbox for lesson ${lessonId} (${CONFIG_VARIABLE} is not set)`);
  return config;
}

/**
 * The learner's exports for a lesson, as proxies into a sandboxed child. A file that does not load
 * throws a SandboxFault, which fails the suite module: every task scores 0 and the report says why.
 */
export function openLesson(lessonId: string): Record<string, unknown> {
  return openSandbox(configFor(lessonId));
}

/** Starts a sandbox for `config` (see prepare.ts) and returns the learner's exports as proxies. */
export function openSandbox(config: SandboxConfig): Record<string, unknown> {
  const sandbox = new Sandbox(config);
  byLesson.set(config.lessonId, sandbox);
  sandbox.start();
  // The exports' handles are the same in every child of this lesson (the same file, loaded the same
  // way), so the suite's references survive a restart after a timeout.
  const exports = sandbox.exports;
  const stable: Record<string, unknown> = {};
  for (const name of Object.keys(exports).filter((n) => n !== "then")) {
    const value = exports[name];
    stable[name] = typeof value === "function" ? stableFunction(sandbox, name, value) : value;
  }
  return stable;
}

/** Stable export proxies, by the export name they stand for (see `theirs` in the codec hooks). */
const stableNames = new WeakMap<object, string>();

/** An export that keeps working after its child was replaced: it looks itself up in the newest child. */
function stableFunction(sandbox: Sandbox, name: string, first: unknown): unknown {
  let generationOf = first;
  const resolve = () => {
    const latest = sandbox.exports[name];
    generationOf = latest ?? generationOf;
    return generationOf as (...args: unknown[]) => unknown;
  };
  // biome-ignore lint/complexity/useArrowFunction: the target must be a constructor (`new Value(x)`)
  const target = function () {};
  Object.defineProperty(target, "name", { value: name });
  const stable = new Proxy(target, {
    apply: (_t, thisArg, args) => {
      sandbox.ensure();
      return Reflect.apply(resolve(), thisArg, args);
    },
    construct: (_t, args) => {
      sandbox.ensure();
      return Reflect.construct(resolve() as unknown as new (...a: unknown[]) => object, args);
    },
    get: (t, key) => {
      if (key === "name" || key === "length" || typeof key === "symbol") return Reflect.get(t, key);
      sandbox.ensure();
      return Reflect.get(resolve() as object, key);
    },
  });
  stableNames.set(stable, name);
  return stable;
}
