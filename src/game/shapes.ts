// Small plane-geometry helpers for drawing zones (screen pixels).
import type { Point } from './geography.ts';

/** Convex hull (Andrew's monotone chain), counter-clockwise, no repeated end point. */
export function convexHull(points: readonly Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** The convex hull of the points grown by `pad` pixels all round (rounded corners). */
export function paddedHull(points: readonly Point[], pad: number, steps = 16): Point[] {
  const ring: Point[] = [];
  for (const p of points) {
    for (let i = 0; i < steps; i++) {
      const a = (2 * Math.PI * i) / steps;
      ring.push({ x: p.x + pad * Math.cos(a), y: p.y + pad * Math.sin(a) });
    }
  }
  return convexHull(ring);
}

/** A point `t` (0..1) of the way from `a` to `b`. */
export function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}
