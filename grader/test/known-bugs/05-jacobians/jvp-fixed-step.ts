/** Known bug: jvp uses the fixed t = h, ignoring ‖v‖, so a long v moves x far too far. */
import type { Vector, VectorField } from "@calcml/math";

export * from "../../../../solutions/05-jacobians/jacobians.ts";
export const knownBug = { task: "jvp", feedback: /step t·v is too long/i };

export function jvp(F: VectorField, x: Vector, v: Vector, h = 1e-5): number[] {
  if (x.length !== v.length)
    throw new RangeError(`jvp: x and v differ in length (${x.length} vs ${v.length})`);
  const t = h * Math.max(1, ...x.map(Math.abs));
  const fPlus = F(x.map((xi, i) => xi + t * v[i]!));
  const fMinus = F(x.map((xi, i) => xi - t * v[i]!));
  return fPlus.map((value, i) => (value - fMinus[i]!) / (2 * t));
}
