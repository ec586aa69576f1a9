/** Known bug: the boundary η = 2/a is called 'diverges' (it neither converges nor diverges: 'oscillates'). */
export * from "../../../../solutions/04-gradient-descent/gradient-descent.ts";
export const knownBug = { task: "classify-learning-rate", feedback: /without growing/ };

export function classifyLearningRate(curvature: number, learningRate: number) {
  if (!(curvature > 0 && learningRate > 0 && Number.isFinite(curvature) && Number.isFinite(learningRate))) {
    throw new RangeError("classifyLearningRate: curvature and learningRate must be positive");
  }
  const product = learningRate * curvature;
  if (product < 1) return "converges";
  if (product === 1) return "one-step";
  return product < 2 ? "oscillates" : "diverges";
}
