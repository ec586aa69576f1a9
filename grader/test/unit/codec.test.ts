import { describe, expect, it } from "vitest";
import {
  type CodecHooks,
  decode,
  encode,
  MAX_DEPTH,
  MAX_MESSAGE_CHARS,
  MAX_NAME_CHARS,
  MAX_STACK_CHARS,
  MAX_UNFOLDED_ENTRIES,
} from "../../src/sandbox/codec.ts";

/** Hooks for a side that owns no handles: functions and class instances cannot be sent. */
const plain: CodecHooks = {
  own: () => undefined,
  theirs: () => undefined,
  proxy: () => {
    throw new Error("no proxies here");
  },
  lookup: () => undefined,
};
const roundTrip = (value: unknown, freeze = true) =>
  decode(JSON.parse(JSON.stringify(encode(value, plain))), plain, freeze);

describe("the codec between the trusted side and the sandbox", () => {
  it("keeps what JSON loses: NaN, ±Infinity, −0, undefined, bigint", () => {
    const back = roundTrip([Number.NaN, Infinity, -Infinity, -0, 0, undefined, 10n, 1.5]) as unknown[];
    expect(back[0]).toBeNaN();
    expect(back.slice(1, 3)).toEqual([Infinity, -Infinity]);
    expect(Object.is(back[3], -0)).toBe(true);
    expect(Object.is(back[4], 0)).toBe(true);
    expect(back.slice(5)).toEqual([undefined, 10n, 1.5]);
  });

  it("keeps shared and cyclic references shared, and frozen arrays frozen", () => {
    const row = Object.freeze([1, 2]);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    const back = roundTrip({ a: row, b: row, c: cyclic, d: [3] }) as Record<string, unknown[]>;
    expect(back.a).toBe(back.b);
    expect(back.c![0]).toBe(back.c);
    expect(Object.isFrozen(back.a)).toBe(true);
    expect(Object.isFrozen(back.d)).toBe(false);
  });

  it("carries Maps, Sets, typed arrays and errors of the built-in kinds", () => {
    const back = roundTrip({
      m: new Map([["k", 1]]),
      s: new Set([2]),
      t: new Float64Array([0.5, Number.NaN]),
      e: new RangeError("dot: vectors differ in length (3 vs 4)"),
    }) as { m: Map<string, number>; s: Set<number>; t: Float64Array; e: Error };
    expect(back.m.get("k")).toBe(1);
    expect(back.s.has(2)).toBe(true);
    expect(back.t).toBeInstanceOf(Float64Array);
    expect(back.t[1]).toBeNaN();
    expect(back.e).toBeInstanceOf(RangeError);
    expect(back.e.message).toBe("dot: vectors differ in length (3 vs 4)");
  });

  it("makes `__proto__` an own key, never the prototype", () => {
    const hostile = JSON.parse('{"#":"obj","n":0,"v":{"__proto__":{"#":"obj","n":1,"v":{"polluted":true}}}}');
    const back = decode(hostile, plain, false) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(back)).toEqual(["__proto__"]);
  });

  it("refuses what it cannot read instead of crashing: unknown tags, dangling references, too deep", () => {
    expect(() => decode({ "#": "nope" }, plain, false)).toThrow(/unknown tag/);
    expect(() => decode({ "#": "same", n: 7 }, plain, false)).toThrow(/reference to nothing/);
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = [deep];
    expect(() => encode(deep, plain)).toThrow(/nested more than/);
    let wire: unknown = 1;
    for (let i = 0; i < 100_000; i++) wire = [wire];
    expect(() => decode(wire, plain, false)).toThrow(/nested more than/);
  });

  it("sends a function only as a handle its owner gives, and looks handles up on the way back", () => {
    const fn = () => 1;
    const hooks: CodecHooks = {
      ...plain,
      own: (value) => (value === fn ? { "#": "fn", id: 7, name: "fn" } : undefined),
      lookup: (id) => (id === 7 ? fn : undefined),
    };
    expect(encode([fn], hooks)).toEqual({ "#": "arr", n: 0, v: [{ "#": "fn", id: 7, name: "fn" }] });
    expect(decode({ "#": "back", id: 7 }, hooks, false)).toBe(fn);
    expect(() => encode(() => 2, hooks)).toThrow(/cannot be sent/);
  });

  it("keeps at most MAX_NAME_CHARS of a name from the other side (a proxy keeps its name while its child lives)", () => {
    const tags: unknown[] = [];
    const hooks: CodecHooks = {
      ...plain,
      proxy: (tag) => {
        tags.push(tag);
        return {};
      },
    };
    const long = `${"n".repeat(4 * 2 ** 20)}\u0100`;
    decode({ "#": "fn", id: 1, name: long }, hooks, false);
    decode({ "#": "ref", id: 2, cls: long }, hooks, false);
    const error = decode(
      { "#": "err", n: 0, ctor: "Error", name: long, message: "m" },
      plain,
      false,
    ) as Error;
    expect(tags).toEqual([
      { "#": "fn", id: 1, name: "n".repeat(MAX_NAME_CHARS) },
      { "#": "ref", id: 2, cls: "n".repeat(MAX_NAME_CHARS) },
    ]);
    expect(error.name).toBe("n".repeat(MAX_NAME_CHARS));
  });

  it("keeps at most MAX_MESSAGE_CHARS of an error's message and MAX_STACK_CHARS of its stack", () => {
    const long = "m".repeat(2 ** 20);
    const error = decode(
      { "#": "err", n: 0, ctor: "RangeError", name: "RangeError", message: long, stack: long },
      plain,
      false,
    );
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe("m".repeat(MAX_MESSAGE_CHARS));
    expect((error as Error).stack).toBe("m".repeat(MAX_STACK_CHARS));
  });

  it("refuses a value whose shared parts unfold past MAX_UNFOLDED_ENTRIES, and keeps cycles and honest sharing", () => {
    // Four references to the same array at each of 40 levels: 160 entries on the wire, 4⁴⁰ unfolded.
    let bomb: unknown[] = [1];
    for (let level = 0; level < 40; level++) bomb = [bomb, bomb, bomb, bomb];
    expect(() => roundTrip(bomb)).toThrow(
      new RegExp(`more than ${MAX_UNFOLDED_ENTRIES} entries once its shared parts are counted`),
    );
    // One row shared by a thousand rows of a matrix, and a cycle, are fine.
    const row = [1, 2, 3];
    const matrix = roundTrip(Array.from({ length: 1000 }, () => row)) as number[][];
    expect(matrix[999]).toBe(matrix[0]);
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic, cyclic);
    const back = roundTrip(cyclic) as unknown[];
    expect(back[1]).toBe(back);
  });

  it("finds error and typed-array kinds among its own names only", () => {
    const error = decode({ "#": "err", n: 0, ctor: "constructor", name: "x", message: "m" }, plain, false);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("m");
  });
});
