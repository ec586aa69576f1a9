/**
 * Lesson 14: reverse-mode automatic differentiation, from scratch.
 *
 * Fill in each method and function, then run `pnpm grade 14`. Stuck on task 2? `pnpm hint 14 2`.
 * A `Value` holds a number and remembers how it was made: which values it came from, and the local
 * derivative with respect to each. `backward()` walks that graph from the output back to the inputs
 * and applies the chain rule once per edge. The constructor and `asValue` are given; write the rest.
 */
import type { Vector } from "@calcml/math";

/** One edge of the graph: an input of a value, and the local derivative ∂(value)/∂(input) there. */
export type Edge = readonly [input: Value, localDerivative: number];

/**
 * A number in a computation graph. Build leaves with `new Value(x)`; every operation returns a new
 * Value whose `inputs` record where it came from. Operations never change their operands.
 *
 * @example
 * const a = new Value(2);
 * const f = a.mul(a).add(a); // f = a² + a = 6
 * f.backward();              // a.grad = 2a + 1 = 5
 */
export class Value {
  /** The number this node holds. */
  data: number;
  /** ∂(output)/∂(this value), summed by every `backward()` since the last `zeroGrad`; starts at 0. */
  grad = 0;
  /** The values this one was computed from, each with its local derivative; empty for a leaf. */
  readonly inputs: readonly Edge[];

  /**
   * Given. `new Value(3)` is a leaf; operations pass `inputs`, e.g. `[[a, b.data], [b, a.data]]` for a·b.
   *
   * @throws RangeError when `data` is not a number (a Value passed where a number belongs, say).
   */
  constructor(data: number, inputs: readonly Edge[] = []) {
    if (typeof data !== "number")
      throw new RangeError(`Value: data must be a number (got ${typeof data}); did you pass a Value?`);
    this.data = data;
    this.inputs = inputs;
  }

  /** Task 1. `this + other`; both local derivatives are 1. @example new Value(2).add(3).data // 5 */
  add(other: Value | number): Value {
    // TODO: wrap other with asValue, then return the sum with local derivatives 1 and 1.
    throw new Error("TODO: implement Value.add");
  }

  /** Task 1. `this − other`; local derivatives 1 and −1. @example new Value(2).sub(3).data // −1 */
  sub(other: Value | number): Value {
    // TODO: this minus other, with local derivatives 1 (for this) and −1 (for other).
    throw new Error("TODO: implement Value.sub");
  }

  /** Task 1. `this · other`; ∂/∂this = other, ∂/∂other = this. @example new Value(2).mul(3).data // 6 */
  mul(other: Value | number): Value {
    // TODO: the product; each operand's local derivative is the other operand's data.
    throw new Error("TODO: implement Value.mul");
  }

  /**
   * Task 1. `this / other`; ∂/∂this = 1/other, ∂/∂other = −this/other². Dividing by 0 gives ±Infinity
   * or NaN, as `/` does. @example new Value(3).div(4).data // 0.75
   */
  div(other: Value | number): Value {
    // TODO: the quotient a/b, with local derivatives 1/b and −a/b².
    throw new Error("TODO: implement Value.div");
  }

  /**
   * Task 1. `thisᵖ` for a number p; local derivative `p·thisᵖ⁻¹`. For p = 0 write the derivative as 0:
   * at x = 0, `0 * 0 ** -1` is `0 · Infinity`, which is NaN.
   * @example new Value(3).pow(2).data // 9
   */
  pow(p: number): Value {
    // TODO: x ** p, with local derivative p·x^(p − 1) (0 when p = 0).
    throw new Error("TODO: implement Value.pow");
  }

  /** Task 1. `−this`; local derivative −1. @example new Value(2).neg().data // −2 */
  neg(): Value {
    // TODO: minus this, with local derivative −1.
    throw new Error("TODO: implement Value.neg");
  }

  /** Task 1. `eˣ`; its own derivative, `eˣ`. @example new Value(0).exp().data // 1 */
  exp(): Value {
    // TODO: e to the x; the local derivative is that same number.
    throw new Error("TODO: implement Value.exp");
  }

  /**
   * Task 1. `ln x`, as `Math.log` computes it (NaN for x < 0, −Infinity at 0); local derivative `1/x`,
   * just `1 / x` with no special case outside the domain.
   * @example new Value(1).log().data // 0
   */
  log(): Value {
    // TODO: the natural logarithm, with local derivative 1/x.
    throw new Error("TODO: implement Value.log");
  }

  /** Task 1. `tanh x`; local derivative `1 − tanh²x`. @example new Value(0).tanh().data // 0 */
  tanh(): Value {
    // TODO: Math.tanh, with local derivative 1 − t² where t is the result.
    throw new Error("TODO: implement Value.tanh");
  }

  /** Task 1. `max(0, x)`; local derivative 1 for x > 0, else 0 (also at the kink). @example new Value(-2).relu().data // 0 */
  relu(): Value {
    // TODO: max(0, x), with local derivative 1 where x > 0 and 0 elsewhere.
    throw new Error("TODO: implement Value.relu");
  }

  /**
   * Task 1. `σ(x) = 1/(1 + e⁻ˣ)`; local derivative `σ(x)·(1 − σ(x))`. Stable for large |x|: use
   * `1/(1 + e⁻ˣ)` for x ≥ 0 and the equal `eˣ/(1 + eˣ)` for x < 0, so the exponent is never positive.
   * @example new Value(0).sigmoid().data // 0.5
   */
  sigmoid(): Value {
    // TODO: σ(x) (via e^x/(1 + e^x) for negative x), with local derivative s·(1 − s).
    throw new Error("TODO: implement Value.sigmoid");
  }

  /**
   * Task 2. Reverse-mode differentiation from this value: set `this.grad = 1`, then visit every value
   * it depends on in reverse topological order (each after all the values computed from it) and, for
   * each edge, add `local derivative × grad` to the input's `grad` (`+=`: a value used twice collects
   * both). The order is built without recursion, so a 100 000-node chain cannot overflow the stack.
   * It never resets any other `grad`: a second pass adds to the first, and only `zeroGrad` resets.
   *
   * @example const x = new Value(3); const y = x.mul(x); y.backward(); x.grad // 6
   */
  backward(): void {
    // TODO: order the graph (iteratively), seed this.grad = 1, then push gradients down every edge in reverse order.
    throw new Error("TODO: implement Value.backward");
  }
}

/** Given: a number becomes a fresh leaf, a Value stays itself. @example asValue(3).data // 3 */
function asValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x);
}

/**
 * Task 3. The value and the gradient of `f` at `x`: make a leaf Value per entry of `x`, call `f` once
 * on them, run `backward()` on the result, and read each leaf's `grad`. One forward and one backward
 * pass, however many inputs: this is why deep learning uses reverse mode.
 *
 * @throws RangeError when `f` does not return a Value.
 * @example gradientOf(([a, b]) => a!.mul(b!), [2, 3]) // { value: 6, gradient: [3, 2] }
 */
export function gradientOf(f: (xs: Value[]) => Value, x: Vector): { value: number; gradient: number[] } {
  // TODO: wrap each x[i] in a leaf, call f once, run backward on its result, then collect value and grads.
  throw new Error("TODO: implement gradientOf");
}

/**
 * Task 4. Sets `grad = 0` on every value given (an array, a Set, any iterable), leaving `data` alone.
 * Call it between backward passes: `backward()` adds to whatever `grad` already holds. It resets only
 * the values you pass; nothing lists a graph's nodes for you, so keep them as you build the graph.
 *
 * @example zeroGrad([w, b]); w.grad // 0
 */
export function zeroGrad(values: Iterable<Value>): void {
  // TODO: loop over the iterable with for…of and reset each grad.
  throw new Error("TODO: implement zeroGrad");
}
