/** Known bug: backward() sets every grad it reaches to 0 first, so gradients never accumulate across passes. */
import {
  topologicalOrder,
  Value,
} from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "value-backward", feedback: /only zeroGrad resets it/ };

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.backward = function backward(this: Value): void {
  const order = topologicalOrder(this);
  for (const node of order) node.grad = 0;
  this.grad = 1;
  for (const node of order.reverse()) {
    for (const [input, local] of node.inputs) input.grad += local * node.grad;
  }
};
