/**
 * The learner side: the first code of the sandboxed child process. It takes away what could reach other
 * processes, loads the learner's bundled file, then answers the trusted side's requests on a FIFO until
 * the trusted side hangs up. Everything here is untrusted once learner code has loaded: the trusted
 * side treats every frame as data to check, never as a command.
 *
 * Bundled with codec.ts into one plain script (the sandbox can read nothing else). Run as
 * `node host.mjs <bundle.mjs> <requests FIFO> <replies FIFO> [active mutant]`.
 */
import { openSync, readSync, writeSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { runInThisContext } from "node:vm";
import { createRng } from "../../../packages/math/src/random/rng.ts";
import { type CodecHooks, decode, type Encoded, encode } from "./codec.ts";
import {
  CONSOLE_BYTES_PER_LINE,
  CONSOLE_LINES_PER_CALL,
  type Frame,
  frameBytes,
  MAX_FRAME_BYTES,
} from "./frames.ts";
import { ALLOWED_NODE_MODULES } from "./node-modules.ts";

const [bundle = "", requests = "", replies = "", activeMutant] = process.argv.slice(2);
/** The FIFOs the trusted side made: requests come in on one, answers go out on the other. */
const IN = openSync(requests, "r");
const OUT = openSync(replies, "w");
const SIGNALS_GONE = "is not available in the grader's sandbox: learner code may not signal processes";

// ---- 1. Before learner code: what reaches other processes goes, what the loop needs is pinned. ----

const proc = process as unknown as Record<string, unknown>;
for (const name of ["kill", "_kill", "_debugProcess", "_debugEnd", "dlopen", "binding", "_linkedBinding"]) {
  try {
    Object.defineProperty(process, name, {
      value: () => {
        throw new Error(`process.${name} ${SIGNALS_GONE}`);
      },
      writable: false,
      configurable: false,
    });
  } catch {
    proc[name] = undefined;
  }
}
// Renicing another process of the same user would slow the grader down: not from here.
// Node modules beyond plain computation are out of reach at run time too (bundle.ts refuses them in
// the source; code generation from strings is off, so no import() can be made up later).
{
  const getBuiltin = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (getBuiltin) {
    Object.defineProperty(process, "getBuiltinModule", {
      value: (id: string) => {
        if (!ALLOWED_NODE_MODULES.has(String(id).replace(/^node:/, "")))
          throw new Error(
            `process.getBuiltinModule("${String(id)}") is not available in the grader's sandbox`,
          );
        return getBuiltin.call(process, id);
      },
    });
  }
}
{
  const os = (await import("node:os")).default as unknown as Record<string, unknown>;
  os.setPriority = () => {
    throw new Error(`os.setPriority ${SIGNALS_GONE}`);
  };
  // `import { setPriority } from "node:os"` reads the named export: bring it in line.
  (await import("node:module")).syncBuiltinESMExports();
}
const pinned = {
  parse: JSON.parse,
  stringify: JSON.stringify,
  alloc: Buffer.allocUnsafe,
  from: Buffer.from,
  readSync,
  writeSync,
  exit: ((process as unknown as { reallyExit?: (code: number) => never }).reallyExit ?? process.exit).bind(
    process,
  ),
};

/** Console output of the current exchange, sent with the next frame. */
let log: string[] = [];
let dropped = 0;
function capture(prefix: string) {
  return (...args: unknown[]) => {
    if (log.length >= CONSOLE_LINES_PER_CALL) {
      dropped += 1;
      return;
    }
    const text = args.map((a) => (typeof a === "string" ? a : describe(a))).join(" ");
    log.push(prefix + text.slice(0, CONSOLE_BYTES_PER_LINE));
  };
}
function describe(value: unknown): string {
  try {
    return typeof value === "object" && value !== null
      ? (pinned.stringify(value) ?? String(value))
      : String(value);
  } catch {
    return String(value);
  }
}
for (const method of ["log", "info", "debug", "trace", "dir", "table"] as const)
  (console as unknown as Record<string, unknown>)[method] = capture("");
for (const method of ["warn", "error"] as const)
  (console as unknown as Record<string, unknown>)[method] = capture("");
for (const stream of [process.stdout, process.stderr]) {
  (stream as unknown as { write: unknown }).write = (chunk: unknown) => {
    capture("")(String(chunk).replace(/\n$/, ""));
    return true;
  };
}
function takeLog(): string[] | undefined {
  if (log.length === 0 && dropped === 0) return undefined;
  const out = dropped > 0 ? [...log, `(${dropped} more console lines were not shown)`] : log;
  log = [];
  dropped = 0;
  return out;
}

// ---- 2. The channel ----

function readExactly(length: number): Buffer {
  const buffer = pinned.alloc(length);
  let offset = 0;
  while (offset < length) {
    const n = pinned.readSync(IN, buffer, offset, length - offset, null);
    if (n === 0) pinned.exit(0); // the trusted side hung up
    offset += n;
  }
  return buffer;
}

function send(frame: Frame): void {
  const withLog = frame.t === "ret" || frame.t === "throw" || frame.t === "ready" || frame.t === "exit";
  const log = withLog ? takeLog() : undefined;
  let bytes = frameBytes(log ? ({ ...frame, log } as Frame) : frame);
  if (bytes.length - 4 > MAX_FRAME_BYTES) {
    const error = new RangeError(`the value is too large to send back (${bytes.length} bytes)`);
    bytes = frameBytes({ t: "throw", v: encode(error, hooks) });
  }
  let offset = 0;
  while (offset < bytes.length) offset += pinned.writeSync(OUT, bytes, offset);
}

function receive(): Frame {
  const length = readExactly(4).readUInt32LE(0);
  return pinned.parse(readExactly(length).toString("utf8")) as Frame;
}

// ---- 3. Handles: the learner's functions and objects stay here; the trusted side holds numbers. ----

const handles: unknown[] = [];
const handleOf = new Map<unknown, number>();
const proxies = new Map<number, unknown>();
const proxyIds = new WeakMap<object, number>();
/** Objects the trusted side sent during the current exchange, by the number it gave them. */
let echoes = new WeakMap<object, number>();
let depth = 0;

function handle(value: object): number {
  let id = handleOf.get(value);
  if (id === undefined) {
    id = handles.push(value) - 1;
    handleOf.set(value, id);
  }
  return id;
}

const hooks: CodecHooks = {
  own(value) {
    if (typeof value === "function") return { "#": "fn", id: handle(value), name: String(value.name ?? "") };
    return {
      "#": "ref",
      id: handle(value),
      cls: String((value as { constructor?: { name?: unknown } }).constructor?.name ?? ""),
    };
  },
  theirs: (value) => proxyIds.get(value),
  // A class's prototype looks plain but carries the class's methods: it travels by handle, so that
  // `instanceof` on the trusted side compares the same object.
  byReference: (value) => {
    const ctor = Object.getOwnPropertyDescriptor(value, "constructor")?.value;
    return typeof ctor === "function" && ctor.prototype === value;
  },
  echo: (value) => echoes.get(value),
  proxy(tag) {
    let fn = proxies.get(tag.id) as ((...args: unknown[]) => unknown) | undefined;
    if (!fn) {
      const id = tag.id;
      // A callback the suite passed (f, ∇f, a step): calling it asks the trusted side and waits.
      fn = function (this: unknown, ...args: unknown[]) {
        return request({
          t: "apply",
          fn: { "#": "back", id },
          self: encode(this, hooks),
          args: encode(args, hooks),
        });
      };
      Object.defineProperty(fn, "name", { value: tag["#"] === "fn" ? tag.name : "" });
      proxies.set(id, fn);
      proxyIds.set(fn, id);
    }
    return fn;
  },
  build(tag) {
    let made = proxies.get(tag.id);
    if (!made) {
      if (tag["#"] === "rng") {
        made = createRng(tag.seed) as unknown as (...args: unknown[]) => unknown;
      } else {
        const env = (tag.env ?? {}) as Record<string, unknown>;
        const names = Object.keys(env);
        // vm compiles the suite's source here: the sandbox runs with code generation from strings off.
        const factory = runInThisContext(
          `(function (${names.join(", ")}) { "use strict"; return (${tag.source}); })`,
        );
        made = factory(...names.map((k) => env[k]));
      }
      proxies.set(tag.id, made!);
      proxyIds.set(made as object, tag.id);
    }
    return made;
  },
  lookup(id) {
    if (!(id in handles)) throw new Error("the grader referred to an object this process does not have");
    return handles[id];
  },
  received(value, n) {
    echoes.set(value, n);
  },
};

const decodeIn = (value: unknown) => decode(value, hooks, true);

/** Asks the trusted side (a callback) and serves its nested requests until the answer comes. */
function request(frame: Frame): unknown {
  send(frame);
  for (;;) {
    const reply = receive();
    if (reply.t === "ret") return decodeIn(reply.v);
    if (reply.t === "throw") throw decodeIn(reply.v);
    serve(reply);
  }
}

/** Does what one request asks and sends the answer. */
function serve(frame: Frame): void {
  depth += 1;
  if (depth === 1) echoes = new WeakMap();
  let reply: Frame;
  try {
    reply = { t: "ret", v: encode(perform(frame), hooks) };
  } catch (error) {
    reply = { t: "throw", v: encodeThrown(error) };
  } finally {
    depth -= 1;
  }
  send(reply);
}

function encodeThrown(error: unknown): Encoded {
  try {
    return encode(error, hooks);
  } catch {
    return encode(new Error(`a thrown value that cannot be described (${typeof error})`), hooks);
  }
}

function perform(frame: Frame): unknown {
  switch (frame.t) {
    case "apply": {
      const fn = decodeIn(frame.fn) as (...args: unknown[]) => unknown;
      return Reflect.apply(fn, decodeIn(frame.self), decodeIn(frame.args) as unknown[]);
    }
    case "construct": {
      const fn = decodeIn(frame.fn) as new (...args: unknown[]) => unknown;
      return Reflect.construct(fn, decodeIn(frame.args) as unknown[]);
    }
    case "get":
      return (decodeIn(frame.obj) as Record<string, unknown>)[frame.key];
    case "set":
      (decodeIn(frame.obj) as Record<string, unknown>)[frame.key] = decodeIn(frame.value);
      return true;
    case "has":
      return frame.key in (decodeIn(frame.obj) as object);
    case "keys":
      return Reflect.ownKeys(decodeIn(frame.obj) as object).filter((k) => typeof k === "string");
    case "proto":
      return Object.getPrototypeOf(decodeIn(frame.obj));
    default:
      throw new Error(`the sandbox cannot answer a "${String((frame as { t?: unknown }).t)}" frame`);
  }
}

// ---- 4. process.exit is reported as what it is. ----

Object.defineProperty(process, "exit", {
  value: (code?: unknown) => {
    send({ t: "exit", code: String(code ?? 0) });
    pinned.exit(0);
  },
});

// ---- 5. Load the learner's file, say what it exports, then serve. ----

// Mutation testing only (`pnpm course mutants`): the trusted side names the mutant of the instrumented
// solution this child runs; Stryker's mutant switches read it from `globalThis.__stryker__`.
if (activeMutant !== undefined) (globalThis as Record<string, unknown>).__stryker__ = { activeMutant };
try {
  const namespace = await import(pathToFileURL(bundle).href);
  send({ t: "ready", v: encode({ ...namespace }, hooks) });
} catch (error) {
  send({ t: "load-error", v: encodeThrown(error) });
  pinned.exit(0);
}
for (;;) serve(receive());
