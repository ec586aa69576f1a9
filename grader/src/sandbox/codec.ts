/**
 * Values that cross between the trusted side and the learner's sandbox, as JSON. Both sides use this
 * file (the sandbox's copy is bundled into its host script), so the rules are written once.
 *
 * Plain data travels by value: numbers (NaN, ±Infinity and −0 included), strings, booleans, null,
 * undefined, arrays, plain objects, typed arrays, Maps, Sets and Errors. Shared and cyclic references
 * stay shared, and a frozen array arrives frozen (hidden suites pass frozen inputs on purpose).
 * Behaviour never travels: a function, or an object of a class, stays where it was made and the other
 * side gets a handle to it, which it calls through the channel. So the trusted side never evaluates
 * learner code; it only receives data and handles.
 */

/** A tagged value: anything JSON cannot say on its own. */
export type Encoded =
  | null
  | boolean
  | number
  | string
  | Encoded[]
  | { "#": "num"; v: "NaN" | "+Inf" | "-Inf" | "-0" }
  | { "#": "undef" }
  | { "#": "big"; v: string }
  | { "#": "sym"; v: string }
  | { "#": "arr"; n: number; f?: 1; v: Encoded[] }
  | { "#": "obj"; n: number; f?: 1; v: Record<string, Encoded> }
  | { "#": "typed"; n: number; k: string; v: Encoded[] }
  | { "#": "map"; n: number; v: [Encoded, Encoded][] }
  | { "#": "set"; n: number; v: Encoded[] }
  | { "#": "iter"; n: number; v: Encoded[] }
  | { "#": "err"; n: number; ctor: string; name: string; message: string; stack?: string; token?: string }
  | { "#": "same"; n: number }
  | { "#": "fn"; id: number; name: string }
  | { "#": "ref"; id: number; cls: string }
  | { "#": "code"; id: number; name: string; source: string; env: Encoded }
  | { "#": "rng"; id: number; seed: number }
  | { "#": "back"; id: number }
  | { "#": "in"; n: number };

/** How deep a value may nest before it is refused (a deeper one would overflow a decoder's stack). */
export const MAX_DEPTH = 200;
/** The longest bigint accepted: converting a longer one would cost the receiver seconds. */
export const MAX_BIGINT_DIGITS = 1000;

const ERROR_CONSTRUCTORS = {
  Error,
  RangeError,
  TypeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
} as const;
type ErrorCtorName = keyof typeof ERROR_CONSTRUCTORS;

const TYPED_ARRAYS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Int16Array,
  Int8Array,
  Uint32Array,
  Uint16Array,
  Uint8Array,
  Uint8ClampedArray,
} as const;

export class CodecError extends Error {
  override name = "CodecError";
}

/** What one side does with behaviour when it sends (encode) or receives (decode) a value. */
export interface CodecHooks {
  /** A handle to send for a function or class instance this side owns: `{ "#": "fn" | "ref" }`, or by value. */
  own(value: object): Encoded | undefined;
  /** The other side's object behind a proxy this side holds, if `value` is one. */
  theirs(value: object): number | undefined;
  /** An object the other side sent in the current exchange (so returning it keeps its identity). */
  echo?(value: object): number | undefined;
  /** A proxy for a function or object the other side owns. */
  proxy(tag: { "#": "fn"; id: number; name: string } | { "#": "ref"; id: number; cls: string }): unknown;
  /** A function or generator the other side shipped as a recipe (see portable.ts); only the sandbox builds them. */
  build?(
    tag:
      | { "#": "code"; id: number; name: string; source: string; env: unknown }
      | { "#": "rng"; id: number; seed: number },
  ): unknown;
  /** This side's own value behind a handle the other side sent back. */
  lookup(id: number): unknown;
  /** The object the other side echoed back by its number (see `echo`). */
  echoed?(n: number): object | undefined;
  /** Called with each object decoded, and the number the sender gave it. */
  received?(value: object, n: number): void;
  /** Called with each object encoded, and the number it was given. */
  sent?(value: object, n: number): void;
  /** True for an object that must travel by handle although it looks plain (a class's prototype). */
  byReference?(value: object): boolean;
  /** Numbers objects across several encodes of one exchange (so `in` tags stay unique). */
  counter?: { next: number };
}

/** A data property's value, found along the prototype chain; undefined for an accessor. */
function dataOf(obj: object, key: string): unknown {
  for (let at: object | null = obj; at !== null; at = Object.getPrototypeOf(at)) {
    const descriptor = Object.getOwnPropertyDescriptor(at, key);
    if (descriptor) return "value" in descriptor ? descriptor.value : undefined;
  }
  return undefined;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function encodeNumber(x: number): Encoded {
  if (Number.isNaN(x)) return { "#": "num", v: "NaN" };
  if (x === Number.POSITIVE_INFINITY) return { "#": "num", v: "+Inf" };
  if (x === Number.NEGATIVE_INFINITY) return { "#": "num", v: "-Inf" };
  if (Object.is(x, -0)) return { "#": "num", v: "-0" };
  return x;
}

/** Encodes `value` for the other side. Throws CodecError for what cannot travel (too deep). */
export function encode(value: unknown, hooks: CodecHooks): Encoded {
  const seen = new Map<object, number>();
  const counter = hooks.counter ?? { next: 0 };
  const walk = (v: unknown, depth: number): Encoded => {
    if (depth > MAX_DEPTH) throw new CodecError(`a value nested more than ${MAX_DEPTH} levels deep`);
    switch (typeof v) {
      case "number":
        return encodeNumber(v);
      case "string":
      case "boolean":
        return v;
      case "undefined":
        return { "#": "undef" };
      case "bigint":
        return { "#": "big", v: v.toString() };
      case "symbol":
        return { "#": "sym", v: v.description ?? "" };
    }
    if (v === null) return null;
    const obj = v as object;
    const known = seen.get(obj);
    if (known !== undefined) return { "#": "same", n: known };
    const theirs = hooks.theirs(obj);
    if (theirs !== undefined) return { "#": "back", id: theirs };
    const echo = hooks.echo?.(obj);
    if (echo !== undefined) return { "#": "in", n: echo };
    if (typeof v === "function") {
      const handle = hooks.own(obj);
      if (handle === undefined) throw new CodecError("a function that cannot be sent");
      return handle;
    }
    const n = counter.next++;
    seen.set(obj, n);
    hooks.sent?.(obj, n);
    const frozen = Object.isFrozen(obj) ? { f: 1 as const } : {};
    if (Array.isArray(obj)) {
      const items: Encoded[] = [];
      for (let i = 0; i < obj.length; i++) items.push(walk(obj[i], depth + 1));
      return { "#": "arr", n, ...frozen, v: items };
    }
    if (obj instanceof Error) {
      const ctor = (Object.keys(ERROR_CONSTRUCTORS) as ErrorCtorName[]).find(
        (k) => obj.constructor === ERROR_CONSTRUCTORS[k],
      );
      // Only data properties are read: a getter on an error (hostile or not) never runs here.
      const [name, message, stack, token] = ["name", "message", "stack", "calcmlToken"].map((k) =>
        dataOf(obj, k),
      );
      return {
        "#": "err",
        n,
        ctor:
          ctor ??
          (obj instanceof TypeError ? "TypeError" : obj instanceof RangeError ? "RangeError" : "Error"),
        name: typeof name === "string" ? name : "Error",
        message: typeof message === "string" ? message : "(a message that could not be read)",
        ...(typeof stack === "string" ? { stack } : {}),
        ...(typeof token === "string" ? { token } : {}),
      };
    }
    const typed = (Object.keys(TYPED_ARRAYS) as (keyof typeof TYPED_ARRAYS)[]).find(
      (k) => obj instanceof TYPED_ARRAYS[k],
    );
    if (typed) return { "#": "typed", n, k: typed, v: Array.from(obj as Float64Array, encodeNumber) };
    if (obj instanceof Map)
      return { "#": "map", n, v: [...obj].map(([k, x]) => [walk(k, depth + 1), walk(x, depth + 1)]) };
    if (obj instanceof Set) return { "#": "set", n, v: [...obj].map((x) => walk(x, depth + 1)) };
    if (!isPlainObject(obj) || hooks.byReference?.(obj)) {
      const handle = hooks.own(obj);
      if (handle !== undefined) {
        seen.delete(obj);
        return handle;
      }
      // A generator or another iterable of the trusted side: its items, read now, replayed lazily there.
      if (typeof (obj as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function")
        return { "#": "iter", n, v: [...(obj as Iterable<unknown>)].map((x) => walk(x, depth + 1)) };
    }
    const fields: Record<string, Encoded> = {};
    for (const key of Object.keys(obj)) fields[key] = walk((obj as Record<string, unknown>)[key], depth + 1);
    return { "#": "obj", n, ...frozen, v: fields };
  };
  return walk(value, 0);
}

function decodeNumber(tag: string): number {
  return tag === "NaN" ? Number.NaN : tag === "+Inf" ? Infinity : tag === "-Inf" ? -Infinity : -0;
}

/**
 * Characters kept of a name from the other side (a function's, a class's, an error's). A name is shown,
 * never needed whole, and the trusted side keeps a proxy's name for as long as its child lives: a name of
 * 64 MB a request would fill the suites' worker.
 */
export const MAX_NAME_CHARS = 200;
/**
 * Characters kept of an error's message and stack from the other side: enough for any report (which
 * shows less), and vitest keeps every test's error until the run ends, a run that grades a whole batch.
 */
export const MAX_MESSAGE_CHARS = 20_000;
export const MAX_STACK_CHARS = 4_000;

/** At most `max` characters of `value` as a string: a copy, not a slice (V8 keeps the whole string alive behind a slice). */
function textFrom(value: unknown, max: number): string {
  const text = String(value ?? "");
  return text.length <= max ? text : Buffer.from(text.slice(0, max), "utf16le").toString("utf16le");
}

function nameFrom(value: unknown): string {
  return textFrom(value, MAX_NAME_CHARS);
}

/**
 * Most entries a decoded value may hold when its shared parts are counted each time they are reached, as
 * anything that walks it does (`String(array)`, a deep comparison, a failure message): arrays sharing
 * one another four times a level, 40 levels deep, are 160 entries on the wire and 4⁴⁰ to walk, on the
 * trusted side, where no deadline runs. No frame holds more entries than this without sharing (each
 * takes at least two bytes of MAX_FRAME_BYTES).
 */
export const MAX_UNFOLDED_ENTRIES = 16 * 2 ** 20;

/**
 * Decodes what the other side sent. Untrusted input: every tag is checked, and anything unexpected is a
 * CodecError rather than a crash. Frozen arrays and objects are frozen again (`freeze` true).
 */
export function decode(data: unknown, hooks: CodecHooks, freeze: boolean): unknown {
  const objects = new Map<number, unknown>();
  const register = (n: unknown, value: object) => {
    if (typeof n === "number") {
      objects.set(n, value);
      hooks.received?.(value, n);
    }
  };
  // Each container's size with its shared parts unfolded, known once it is complete (a reference back to
  // a container still being read is a cycle: walkers stop there, and it counts as one).
  const unfolded = new Map<object, number>();
  const sizeOf = (v: unknown) => (v !== null && typeof v === "object" ? (unfolded.get(v) ?? 1) : 1);
  const complete = <T extends object>(out: T, children: Iterable<unknown>): T => {
    let size = 1;
    for (const child of children) size += sizeOf(child);
    if (size > MAX_UNFOLDED_ENTRIES)
      throw new CodecError(
        `a value of more than ${MAX_UNFOLDED_ENTRIES} entries once its shared parts are counted each time they are reached`,
      );
    unfolded.set(out, size);
    return out;
  };
  const walk = (d: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new CodecError(`a value nested more than ${MAX_DEPTH} levels deep`);
    if (d === null || typeof d === "boolean" || typeof d === "number" || typeof d === "string") return d;
    if (Array.isArray(d)) return d.map((x) => walk(x, depth + 1));
    if (typeof d !== "object") throw new CodecError("an unreadable value");
    const t = d as Record<string, unknown>;
    switch (t["#"]) {
      case "num":
        return decodeNumber(String(t.v));
      case "undef":
        return undefined;
      case "big": {
        const digits = String(t.v);
        if (digits.length > MAX_BIGINT_DIGITS)
          throw new CodecError(`a bigint of more than ${MAX_BIGINT_DIGITS} digits`);
        return BigInt(digits.replace(/[^-\d]/g, "") || "0");
      }
      case "sym":
        return Symbol(String(t.v));
      case "arr": {
        const out: unknown[] = [];
        register(t.n, out);
        for (const x of asArray(t.v)) out.push(walk(x, depth + 1));
        if (t.f === 1 && freeze) Object.freeze(out);
        return complete(out, out);
      }
      case "obj": {
        const out: Record<string, unknown> = {};
        register(t.n, out);
        const fields = t.v;
        if (fields === null || typeof fields !== "object" || Array.isArray(fields))
          throw new CodecError("an unreadable object");
        for (const key of Object.keys(fields)) {
          const value = walk((fields as Record<string, unknown>)[key], depth + 1);
          Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
        }
        if (t.f === 1 && freeze) Object.freeze(out);
        return complete(out, Object.values(out));
      }
      case "typed": {
        const Ctor = Object.hasOwn(TYPED_ARRAYS, String(t.k))
          ? TYPED_ARRAYS[String(t.k) as keyof typeof TYPED_ARRAYS]
          : Float64Array;
        const out = Ctor.from(
          asArray(t.v).map((x) => (typeof x === "number" ? x : Number(walk(x, depth + 1)))),
        );
        register(t.n, out);
        return out;
      }
      case "map": {
        const out = new Map();
        register(t.n, out);
        for (const pair of asArray(t.v)) {
          const [k, v] = asArray(pair);
          out.set(walk(k, depth + 1), walk(v, depth + 1));
        }
        return complete(out, [...out.keys(), ...out.values()]);
      }
      case "set": {
        const out = new Set();
        register(t.n, out);
        for (const x of asArray(t.v)) out.add(walk(x, depth + 1));
        return complete(out, out);
      }
      case "iter": {
        const items = asArray(t.v).map((x) => walk(x, depth + 1));
        const out = (function* () {
          yield* items;
        })();
        register(t.n, out);
        return complete(out, items);
      }
      case "err": {
        // Own keys only: "constructor" must not find Object's.
        const Ctor = Object.hasOwn(ERROR_CONSTRUCTORS, String(t.ctor))
          ? ERROR_CONSTRUCTORS[String(t.ctor) as ErrorCtorName]
          : Error;
        const out = new Ctor(textFrom(t.message, MAX_MESSAGE_CHARS));
        if (typeof t.name === "string" && nameFrom(t.name) !== out.name)
          Object.defineProperty(out, "name", { value: nameFrom(t.name), writable: true, configurable: true });
        out.stack =
          typeof t.stack === "string" ? textFrom(t.stack, MAX_STACK_CHARS) : `${out.name}: ${out.message}`;
        if (typeof t.token === "string") Object.defineProperty(out, "calcmlToken", { value: t.token });
        register(t.n, out);
        return out;
      }
      case "same":
        if (!objects.has(Number(t.n))) throw new CodecError("a reference to nothing");
        return objects.get(Number(t.n));
      case "fn":
        return hooks.proxy({ "#": "fn", id: Number(t.id), name: nameFrom(t.name) });
      case "ref":
        return hooks.proxy({ "#": "ref", id: Number(t.id), cls: nameFrom(t.cls) });
      case "code":
      case "rng":
        if (!hooks.build) throw new CodecError("a recipe where none is accepted");
        return t["#"] === "rng"
          ? hooks.build({ "#": "rng", id: Number(t.id), seed: Number(t.seed) })
          : hooks.build({
              "#": "code",
              id: Number(t.id),
              name: String(t.name ?? ""),
              source: String(t.source),
              env: walk(t.env, depth + 1),
            });
      case "back":
        return hooks.lookup(Number(t.id));
      case "in": {
        const found = hooks.echoed?.(Number(t.n));
        if (found === undefined) throw new CodecError("a reference to an input that was not sent");
        return found;
      }
      default:
        throw new CodecError(`an unknown tag ${JSON.stringify(String(t["#"])).slice(0, 40)}`);
    }
  };
  return walk(data, 0);
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new CodecError("an unreadable list");
  return value;
}
