// From map metres (x east, y north) to screen pixels (x right, y down): one uniform scale that
// fits the map's extent into the canvas with a margin, centred, with y flipped.
import type { Point } from './geography.ts';

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface Projection {
  /** Pixels per metre. */
  scale: number;
  toScreen(p: Point): Point;
  /** Screen length of a map distance in metres. */
  pixels(metres: number): number;
}

export function boundsOf(points: Iterable<Point>): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (minX > maxX) return { minX: 0, minY: 0, maxX: 1, maxY: 1 };
  return { minX, minY, maxX, maxY };
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function fitProjection(bounds: Bounds, width: number, height: number, margin: Margins): Projection {
  const spanX = Math.max(1, bounds.maxX - bounds.minX);
  const spanY = Math.max(1, bounds.maxY - bounds.minY);
  const innerW = Math.max(1, width - margin.left - margin.right);
  const innerH = Math.max(1, height - margin.top - margin.bottom);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  const offsetX = margin.left + (innerW - spanX * scale) / 2;
  const offsetY = margin.top + (innerH - spanY * scale) / 2;
  return {
    scale,
    toScreen: (p) => ({ x: offsetX + (p.x - bounds.minX) * scale, y: offsetY + (bounds.maxY - p.y) * scale }),
    pixels: (metres) => metres * scale,
  };
}
