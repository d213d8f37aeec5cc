// Background geography the map file does not carry: the Turkish border and the Mediterranean
// coast. Both are APPROXIMATE: hand-traced from general knowledge of the area to within a few
// kilometres, good enough to show where Turkey and the sea lie; they play no part in the rules.
// The border crossings of the map are snapped onto the border line, so the line always runs
// through them whatever their coordinates.
import type { GameState } from '../engine/index.ts';
import { project } from '../scenario/index.ts';

export interface Point {
  x: number;
  y: number;
}

type LatLon = readonly [lat: number, lon: number];

/**
 * Syria–Turkey border (Hatay and Kilis sections), from the sea north of Kessab round the
 * southern tip of Hatay, along the Orontes past Darkush and Salqin, east past Harem to Bab
 * al-Hawa, then north along the Afrin salient. Approximate.
 */
const BORDER: readonly LatLon[] = [
  [35.918, 35.918],
  [35.935, 35.985],
  [35.9, 36.04],
  [35.84, 36.12],
  [35.88, 36.2],
  [35.96, 36.28],
  [36.03, 36.34],
  [36.1, 36.39],
  [36.15, 36.43],
  [36.2, 36.48],
  [36.235, 36.54],
  [36.24, 36.62],
  [36.3, 36.66],
  [36.4, 36.62],
  [36.5, 36.58],
  [36.62, 36.56],
  [36.72, 36.62],
  [36.7, 36.8],
  [36.64, 36.95],
  [36.63, 37.1],
  [36.66, 37.3],
  [36.7, 37.6],
];

/** Mediterranean coast from Baniyas north past Latakia, Ras al-Bassit and Samandag to Iskenderun. Approximate. */
const COAST: readonly LatLon[] = [
  [34.8, 35.87],
  [35.0, 35.88],
  [35.18, 35.94],
  [35.36, 35.915],
  [35.45, 35.84],
  [35.52, 35.77],
  [35.58, 35.725],
  [35.66, 35.78],
  [35.75, 35.79],
  [35.85, 35.825],
  [35.918, 35.918],
  [36.04, 35.955],
  [36.15, 35.93],
  [36.3, 35.84],
  [36.45, 35.9],
  [36.58, 36.17],
  [36.9, 36.2],
];

function toMetres([lat, lon]: LatLon): Point {
  return project(lat, lon);
}

/** The border as a polyline in map metres, with the map's crossings snapped in. */
export function borderLine(state: GameState): Point[] {
  const line = BORDER.map(toMetres);
  const crossings = Object.values(state.locations)
    .filter((l) => l.kind === 'crossing')
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const c of crossings) snapInto(line, { x: c.x, y: c.y });
  return line;
}

export function coastLine(): Point[] {
  return COAST.map(toMetres);
}

/** Turkey, as a polygon: the border, then far north and back down the coast. */
export function turkeyPolygon(state: GameState): Point[] {
  const border = borderLine(state);
  const coastNorth = COAST.slice(
    COAST.findIndex(([lat, lon]) => lat === BORDER[0]![0] && lon === BORDER[0]![1]) + 1,
  )
    .map(toMetres)
    .reverse();
  const last = border[border.length - 1]!;
  const far = project(38, 37.6);
  const farWest = project(38, 36.2);
  return [...border, { x: last.x, y: far.y }, farWest, ...coastNorth];
}

/** The sea, as a polygon: the coast closed off far to the west. */
export function seaPolygon(): Point[] {
  const coast = coastLine();
  const first = coast[0]!;
  const last = coast[coast.length - 1]!;
  const west = project(0, 34).x;
  return [...coast, { x: west, y: last.y }, { x: west, y: first.y }];
}

/** Puts `p` into the polyline at the segment nearest to it (the point becomes a vertex). */
function snapInto(line: Point[], p: Point): void {
  let best = 0;
  let bestDist = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const d = distanceToSegment(p, line[i]!, line[i + 1]!);
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  }
  line.splice(best + 1, 0, p);
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}
