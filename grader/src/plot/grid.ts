/**
 * Sampling helpers for figures: evenly spaced values, grids over a rectangle, contour lines of a grid
 * (marching squares, stitched into polylines), and thinning a long path. Everything is deterministic.
 */

/** `count` evenly spaced numbers from `start` to `end`, both included. */
export function linspace(start: number, end: number, count: number): number[] {
  if (count === 1) return [start];
  return Array.from({ length: count }, (_, i) => start + ((end - start) * i) / (count - 1));
}

/** `count` numbers evenly spaced on a log scale from 10^startExponent to 10^endExponent. */
export function logspace(startExponent: number, endExponent: number, count: number): number[] {
  return linspace(startExponent, endExponent, count).map((e) => 10 ** e);
}

export type Domain = readonly [number, number];

/** Values of `f` on an nx × ny grid over a rectangle: `values[j][i] = f(xs[i], ys[j])`. */
export interface Grid {
  xs: number[];
  ys: number[];
  values: number[][];
}

export function sampleGrid(
  f: (x: number, y: number) => number,
  x: Domain,
  y: Domain,
  nx: number,
  ny = nx,
): Grid {
  const xs = linspace(x[0], x[1], nx);
  const ys = linspace(y[0], y[1], ny);
  return { xs, ys, values: ys.map((yj) => xs.map((xi) => f(xi, yj))) };
}

/**
 * One row per grid cell, centred on the sample, for a `rect` heat map. Cells overlap their neighbours by
 * a few percent, which hides the hairline seams anti-aliasing draws between touching rectangles.
 */
export function heatmapRows(grid: Grid): { x: number; x2: number; y: number; y2: number; v: number }[] {
  const half = (s: number[], i: number): [number, number] => {
    const left = i > 0 ? (s[i]! - s[i - 1]!) / 2 : (s[1]! - s[0]!) / 2;
    const right = i < s.length - 1 ? (s[i + 1]! - s[i]!) / 2 : left;
    const pad = 0.25;
    return [s[i]! - left * (1 + (i > 0 ? pad : 0)), s[i]! + right * (1 + (i < s.length - 1 ? pad : 0))];
  };
  const rows: { x: number; x2: number; y: number; y2: number; v: number }[] = [];
  grid.ys.forEach((_, j) => {
    const [y, y2] = half(grid.ys, j);
    grid.xs.forEach((_, i) => {
      const [x, x2] = half(grid.xs, i);
      const v = grid.values[j]![i]!;
      if (Number.isFinite(v)) rows.push({ x, x2, y, y2, v });
    });
  });
  return rows;
}

/**
 * Filled contour bands as a heat map: each cell takes the value of the middle of its band
 * (`edges[k] ≤ v < edges[k + 1]`, clamped to the outer bands), and runs of cells in the same band along
 * a row become one rectangle. A smooth field then needs a few hundred rectangles, not thousands, which
 * is what keeps rendering fast.
 */
export function bandRows(
  grid: Grid,
  edges: readonly number[],
  middle: (k: number) => number = (k) => (edges[k]! + edges[k + 1]!) / 2,
): { x: number; x2: number; y: number; y2: number; v: number }[] {
  const bands = edges.length - 1;
  const band = (v: number): number => {
    if (!Number.isFinite(v)) return -1;
    let k = 0;
    while (k < bands - 1 && v >= edges[k + 1]!) k++;
    return k;
  };
  const cells = heatmapRows({
    ...grid,
    values: grid.values.map((row) => row.map((v) => (Number.isFinite(v) ? v : 0))),
  });
  const rows: { x: number; x2: number; y: number; y2: number; v: number }[] = [];
  const nx = grid.xs.length;
  grid.ys.forEach((_, j) => {
    let start = 0;
    for (let i = 1; i <= nx; i++) {
      const k = band(grid.values[j]![start]!);
      if (i < nx && band(grid.values[j]![i]!) === k) continue;
      if (k >= 0) {
        const first = cells[j * nx + start]!;
        const last = cells[j * nx + i - 1]!;
        rows.push({ x: first.x, x2: last.x2, y: first.y, y2: first.y2, v: middle(k) });
      }
      start = i;
    }
  });
  return rows;
}

export type Polyline = [number, number][];

/**
 * The contour lines of a grid at `level`, as polylines (marching squares; an ambiguous saddle cell is
 * resolved by the average of its corners). Cells with a non-finite corner are skipped.
 */
export function contourLines(grid: Grid, level: number): Polyline[] {
  const { xs, ys, values } = grid;
  const point = new Map<string, [number, number]>();
  const links = new Map<string, string[]>();
  const crossing = (i: number, j: number, horizontal: boolean): string => {
    const key = `${horizontal ? "h" : "v"}${i},${j}`;
    if (!point.has(key)) {
      const a = values[j]![i]!;
      const b = horizontal ? values[j]![i + 1]! : values[j + 1]![i]!;
      const t = a === b ? 0.5 : (level - a) / (b - a);
      point.set(
        key,
        horizontal
          ? [xs[i]! + t * (xs[i + 1]! - xs[i]!), ys[j]!]
          : [xs[i]!, ys[j]! + t * (ys[j + 1]! - ys[j]!)],
      );
    }
    return key;
  };
  const add = (from: string, to: string): void => {
    const list = links.get(from);
    if (list) list.push(to);
    else links.set(from, [to]);
  };
  const link = (a: string, b: string): void => {
    add(a, b);
    add(b, a);
  };
  for (let j = 0; j < ys.length - 1; j++) {
    for (let i = 0; i < xs.length - 1; i++) {
      const v00 = values[j]![i]!;
      const v10 = values[j]![i + 1]!;
      const v11 = values[j + 1]![i + 1]!;
      const v01 = values[j + 1]![i]!;
      if (![v00, v10, v11, v01].every(Number.isFinite)) continue;
      const code =
        (v00 > level ? 1 : 0) | (v10 > level ? 2 : 0) | (v11 > level ? 4 : 0) | (v01 > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      const bottom = () => crossing(i, j, true);
      const top = () => crossing(i, j + 1, true);
      const left = () => crossing(i, j, false);
      const right = () => crossing(i + 1, j, false);
      const centreAbove = (v00 + v10 + v11 + v01) / 4 > level;
      switch (code) {
        case 1:
        case 14:
          link(left(), bottom());
          break;
        case 2:
        case 13:
          link(bottom(), right());
          break;
        case 3:
        case 12:
          link(left(), right());
          break;
        case 4:
        case 11:
          link(top(), right());
          break;
        case 6:
        case 9:
          link(bottom(), top());
          break;
        case 7:
        case 8:
          link(left(), top());
          break;
        case 5:
          if (centreAbove) {
            link(left(), top());
            link(bottom(), right());
          } else {
            link(left(), bottom());
            link(top(), right());
          }
          break;
        case 10:
          if (centreAbove) {
            link(left(), bottom());
            link(top(), right());
          } else {
            link(left(), top());
            link(bottom(), right());
          }
          break;
      }
    }
  }
  // Stitch: open lines start at a crossing with one neighbour; what is left are closed loops.
  const visited = new Set<string>();
  const lines: Polyline[] = [];
  const walk = (start: string): void => {
    const line: Polyline = [];
    let last = start;
    let current: string | undefined = start;
    while (current !== undefined) {
      visited.add(current);
      line.push(point.get(current)!);
      last = current;
      current = (links.get(current) ?? []).find((n) => !visited.has(n));
    }
    // A closed loop ends next to where it started: close it.
    if (line.length > 2 && (links.get(last) ?? []).includes(start)) line.push(point.get(start)!);
    if (line.length > 1) lines.push(line);
  };
  const keys = [...links.keys()].sort();
  for (const key of keys) if (!visited.has(key) && links.get(key)!.length === 1) walk(key);
  for (const key of keys) if (!visited.has(key)) walk(key);
  return lines;
}

/** Rows for a `line` mark: one `line` id per polyline, `i` its point order, `level` the contour value. */
export function contourRows(
  grid: Grid,
  levels: readonly number[],
): { level: number; line: string; i: number; x: number; y: number }[] {
  return levels.flatMap((level, k) =>
    contourLines(grid, level).flatMap((line, m) =>
      line.map(([x, y], i) => ({ level, line: `${k}-${m}`, i, x, y })),
    ),
  );
}

/** Contour levels spaced so that they crowd where the function is steep: quantiles of the sampled values. */
export function quantileLevels(grid: Grid, count: number): number[] {
  const sorted = grid.values
    .flat()
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const levels = Array.from(
    { length: count },
    (_, k) => sorted[Math.floor(((k + 0.5) / count) * sorted.length)]!,
  );
  return [...new Set(levels)];
}

/**
 * At most `max` points of a long path: every point while it is short; else the first quarter of the
 * budget on the first steps (where paths turn and zig-zag most) and the rest evenly spread, ends kept.
 */
export function thin<T>(points: readonly T[], max: number): { point: T; index: number }[] {
  if (points.length <= max) return points.map((point, index) => ({ point, index }));
  const head = Math.floor(max / 4);
  const rest = max - head;
  const step = (points.length - 1 - head) / (rest - 1);
  const indices = [
    ...Array.from({ length: head }, (_, k) => k),
    ...Array.from({ length: rest }, (_, k) => head + Math.round(k * step)),
  ];
  return [...new Set(indices)].map((index) => ({ point: points[index]!, index }));
}
