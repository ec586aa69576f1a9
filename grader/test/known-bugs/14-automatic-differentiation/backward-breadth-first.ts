/** Known bug: backward() walks the graph breadth first, so a value may pass its gradient on before it is complete. */
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "value-backward", feedback: /reverse topological order/ };

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.backward = function backward(this: Value): void {
  this.grad = 1;
  const queue: Value[] = [this];
  const seen = new Set<Value>([this]);
  for (let k = 0; k < queue.length; k++) {
    const node = queue[k] as Value;
    for (const [input, local] of node.inputs) {
      input.grad += local * node.grad;
      if (!seen.has(input)) {
        seen.add(input);
        queue.push(input);
      }
    }
  }
};
