/** Known bug: the topological order is built by recursion, which overflows the stack on a long chain. */
import { Value } from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "value-backward", feedback: /overflows the call stack/ };

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.backward = function backward(this: Value): void {
  const order: Value[] = [];
  const visited = new Set<Value>();
  const visit = (node: Value): void => {
    if (visited.has(node)) return;
    visited.add(node);
    for (const [input] of node.inputs) visit(input);
    order.push(node);
  };
  visit(this);
  this.grad = 1;
  for (const node of order.reverse()) {
    for (const [input, local] of node.inputs) input.grad += local * node.grad;
  }
};
