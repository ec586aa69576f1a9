/** Known bug: the neuron's σ' is taken at the activation a = σ(z) instead of the pre-activation z. */
export * from "../../../../solutions/03-chain-rule/chain-rule.ts";
export const knownBug = { task: "neuron-gradient", feedback: /taken at the activation/ };

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function neuronGradient(x: number, w: number, b: number, target: number) {
  const a = sigmoid(w * x + b);
  const dLossDz = 2 * (a - target) * sigmoid(a) * (1 - sigmoid(a));
  return { loss: (a - target) ** 2, dLossDw: dLossDz * x, dLossDb: dLossDz };
}
