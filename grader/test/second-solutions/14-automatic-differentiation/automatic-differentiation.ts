/**
 * Second solution of lesson 14, written from the README and the stub only: it must earn full marks.
 * The topological order comes from Kahn's algorithm (count how many values use each node, release a
 * node once all of them have been processed) instead of a depth-first search.
 */
import type { Vector } from "@calcml/math";

export type Edge = readonly [input: Value, localDerivative: number];

export class Value {
  data: number;
  grad = 0;
  readonly inputs: readonly Edge[];

  constructor(data: number, inputs: readonly Edge[] = []) {
    if (typeof data !== "number")
      throw new RangeError(`Value: data must be a number (got ${typeof data}); did you pass a Value?`);
    this.data = data;
    this.inputs = inputs;
  }

  add(other: Value | number): Value {
    const o = asValue(other);
    return new Value(this.data + o.data, [
      [this, 1],
      [o, 1],
    ]);
  }

  sub(other: Value | number): Value {
    const o = asValue(other);
    return new Value(this.data - o.data, [
      [this, 1],
      [o, -1],
    ]);
  }

  mul(other: Value | number): Value {
    const o = asValue(other);
    return new Value(this.data * o.data, [
      [this, o.data],
      [o, this.data],
    ]);
  }

  div(other: Value | number): Value {
    const o = asValue(other);
    const x = this.data;
    const y = o.data;
    return new Value(x / y, [
      [this, 1 / y],
      [o, -x / (y * y)],
    ]);
  }

  pow(p: number): Value {
    const x = this.data;
    const local = p === 0 ? 0 : p * x ** (p - 1);
    return new Value(x ** p, [[this, local]]);
  }

  neg(): Value {
    return new Value(-this.data, [[this, -1]]);
  }

  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, [[this, e]]);
  }

  log(): Value {
    return new Value(Math.log(this.data), [[this, 1 / this.data]]);
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    return new Value(t, [[this, 1 - t * t]]);
  }

  relu(): Value {
    const x = this.data;
    return new Value(Math.max(x, 0), [[this, x > 0 ? 1 : 0]]);
  }

  sigmoid(): Value {
    const x = this.data;
    let s: number;
    if (x >= 0) s = 1 / (1 + Math.exp(-x));
    else {
      const e = Math.exp(x);
      s = e / (1 + e);
    }
    return new Value(s, [[this, s * (1 - s)]]);
  }

  backward(): void {
    // Every node reachable from this one, and how many edges lead into it from reachable nodes
    // (an edge counts once per use, so x.mul(x) gives x two users).
    const users = new Map<Value, number>([[this, 0]]);
    const pending: Value[] = [this];
    while (pending.length > 0) {
      const node = pending.pop() as Value;
      for (const [input] of node.inputs) {
        const seen = users.get(input);
        if (seen === undefined) {
          users.set(input, 1);
          pending.push(input);
        } else users.set(input, seen + 1);
      }
    }
    // Kahn: a node is ready once every node that uses it has passed its gradient on.
    this.grad = 1;
    const ready: Value[] = [this];
    while (ready.length > 0) {
      const node = ready.pop() as Value;
      for (const [input, local] of node.inputs) {
        input.grad += local * node.grad;
        const left = (users.get(input) as number) - 1;
        users.set(input, left);
        if (left === 0) ready.push(input);
      }
    }
  }
}

function asValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x);
}

export function gradientOf(f: (xs: Value[]) => Value, x: Vector): { value: number; gradient: number[] } {
  const leaves: Value[] = [];
  for (const xi of x) leaves.push(new Value(xi));
  const out = f(leaves);
  if (!(out instanceof Value)) throw new RangeError("gradientOf: f must return a Value");
  out.backward();
  const gradient: number[] = [];
  for (const leaf of leaves) gradient.push(leaf.grad);
  return { value: out.data, gradient };
}

export function zeroGrad(values: Iterable<Value>): void {
  const it = values[Symbol.iterator]();
  for (let next = it.next(); !next.done; next = it.next()) next.value.grad = 0;
}
