/** Known bug: backward() never sets the output's grad to 1, so every gradient stays 0. */
import {
  topologicalOrder,
  Value,
} from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";

export * from "../../../../solutions/14-automatic-differentiation/automatic-differentiation.ts";
export const knownBug = { task: "value-backward", feedback: /this\.grad = 1/, alsoAffects: ["gradient-of"] };

// Value is a class: the buggy method replaces the solution's on its prototype, so that every Value the
// solution creates has the bug.
Value.prototype.backward = function backward(this: Value): void {
  for (const node of topologicalOrder(this).reverse()) {
    for (const [input, local] of node.inputs) input.grad += local * node.grad;
  }
};
