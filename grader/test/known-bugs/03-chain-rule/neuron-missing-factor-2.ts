/** Known bug: the neuron's gradient drops the 2 of the square, d/da (a − t)² = 2(a − t). */
export * from "../../../../solutions/03-chain-rule/chain-rule.ts";
export const knownBug = { task: "neuron-gradient", feedback: /factor 2/ };

export function neuronGradient(x: number, w: number, b: number, target: number) {
  const a = 1 / (1 + Math.exp(-(w * x + b)));
  const dLossDz = (a - target) * a * (1 - a);
  return { loss: (a - target) ** 2, dLossDw: dLossDz * x, dLossDb: dLossDz };
}
