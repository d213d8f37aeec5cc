// The map's camera as plain numbers, and hit-testing the symbols under the pointer. Pure: no
// Phaser, no DOM; the scene copies the numbers into its Phaser camera.
//
// World coordinates are the pixels of the map as drawn to fit the canvas (map-scene.ts), so at
// zoom 1 with no scroll the whole map is in view. The transform is Phaser's (Camera#preRender,
// origin at the centre of the viewport, no rotation):
//   screen = (world − scroll − size / 2) × zoom + size / 2.
// Point symbols and labels keep their size on screen when zoomed in (they are drawn at
// `markerScale(zoom)` in world units), and shrink with the map when zoomed out.
import type { Point } from './geography.ts';

export const MIN_ZOOM = 0.6;
export const MAX_ZOOM = 6;

export interface CameraView {
  zoom: number;
  scrollX: number;
  scrollY: number;
  /** The viewport (and the world drawn to fit it), in pixels. */
  width: number;
  height: number;
}

/** The whole map in view: zoom 1, no scroll. */
export function fitCamera(width: number, height: number): CameraView {
  return { zoom: 1, scrollX: 0, scrollY: 0, width, height };
}

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function worldToScreen(cam: CameraView, p: Point): Point {
  return {
    x: (p.x - cam.scrollX - cam.width / 2) * cam.zoom + cam.width / 2,
    y: (p.y - cam.scrollY - cam.height / 2) * cam.zoom + cam.height / 2,
  };
}

export function screenToWorld(cam: CameraView, p: Point): Point {
  return {
    x: (p.x - cam.width / 2) / cam.zoom + cam.scrollX + cam.width / 2,
    y: (p.y - cam.height / 2) / cam.zoom + cam.scrollY + cam.height / 2,
  };
}

/** Keeps the centre of the view on the map (so the map can never be lost off screen). */
export function clampScroll(cam: CameraView): CameraView {
  const limitX = cam.width / 2;
  const limitY = cam.height / 2;
  return {
    ...cam,
    scrollX: Math.min(limitX, Math.max(-limitX, cam.scrollX)),
    scrollY: Math.min(limitY, Math.max(-limitY, cam.scrollY)),
  };
}

/** Moves the view by (dx, dy) screen pixels: positive dx shows more of the map to the right. */
export function panCamera(cam: CameraView, dx: number, dy: number): CameraView {
  return clampScroll({ ...cam, scrollX: cam.scrollX + dx / cam.zoom, scrollY: cam.scrollY + dy / cam.zoom });
}

/**
 * Zooms by `factor` (clamped to MIN_ZOOM..MAX_ZOOM) about a point on screen, which keeps showing
 * the same spot of the map (the pointer, for the wheel; the centre of the view by default).
 */
export function zoomCamera(cam: CameraView, factor: number, about?: Point): CameraView {
  const zoom = clampZoom(cam.zoom * factor);
  const pivot = about ?? { x: cam.width / 2, y: cam.height / 2 };
  const fixed = screenToWorld(cam, pivot);
  // Solve screenToWorld(next, pivot) = fixed for the scroll.
  return clampScroll({
    ...cam,
    zoom,
    scrollX: fixed.x - (pivot.x - cam.width / 2) / zoom - cam.width / 2,
    scrollY: fixed.y - (pivot.y - cam.height / 2) / zoom - cam.height / 2,
  });
}

/**
 * The same view on a canvas of a new size (the map is drawn again to fit it): the same zoom, and
 * the same spot of the map in the middle.
 */
export function resizeCamera(cam: CameraView, width: number, height: number): CameraView {
  if (cam.width <= 0 || cam.height <= 0) return fitCamera(width, height);
  const cx = (cam.scrollX + cam.width / 2) / cam.width;
  const cy = (cam.scrollY + cam.height / 2) / cam.height;
  return clampScroll({
    zoom: cam.zoom,
    width,
    height,
    scrollX: cx * width - width / 2,
    scrollY: cy * height - height / 2,
  });
}

/** World units per screen pixel of a symbol or label: they keep their size when zoomed in. */
export function markerScale(zoom: number): number {
  return zoom > 1 ? 1 / zoom : 1;
}

// ---------------------------------------------------------------- hit-testing

export type TargetKind = 'unit' | 'post' | 'place' | 'convoy';

/** A symbol the pointer can hover or click: a box round an anchor, in symbol pixels. */
export interface HitTarget {
  kind: TargetKind;
  id: string;
  /** The anchor in world coordinates (the symbol is drawn at markerScale round it). */
  x: number;
  y: number;
  /** The box round the anchor, in symbol pixels (left, top, width, height from the anchor). */
  dx: number;
  dy: number;
  w: number;
  h: number;
}

/** Which kinds win when symbols overlap: units are drawn on top, then convoys, posts, places. */
const PRIORITY: Readonly<Record<TargetKind, number>> = { unit: 0, convoy: 1, post: 2, place: 3 };

/**
 * The target under a point on screen: among the boxes within `slop` screen pixels of it, the
 * topmost kind (units, convoys, posts, places), then the one whose box centre is nearest, then
 * the one listed last (drawn last). `kinds` limits the search (a click ignores convoys).
 */
export function hitTest(
  targets: readonly HitTarget[],
  cam: CameraView,
  screen: Point,
  slop = 4,
  kinds?: readonly TargetKind[],
): HitTarget | null {
  const f = cam.zoom * markerScale(cam.zoom);
  let best: HitTarget | null = null;
  let bestRank = Infinity;
  let bestDistance = Infinity;
  for (const t of targets) {
    if (kinds && !kinds.includes(t.kind)) continue;
    const a = worldToScreen(cam, t);
    const left = a.x + t.dx * f - slop;
    const top = a.y + t.dy * f - slop;
    const right = a.x + (t.dx + t.w) * f + slop;
    const bottom = a.y + (t.dy + t.h) * f + slop;
    if (screen.x < left || screen.x > right || screen.y < top || screen.y > bottom) continue;
    const cx = a.x + (t.dx + t.w / 2) * f;
    const cy = a.y + (t.dy + t.h / 2) * f;
    const distance = Math.hypot(screen.x - cx, screen.y - cy);
    const rank = PRIORITY[t.kind];
    if (rank < bestRank || (rank === bestRank && distance <= bestDistance)) {
      best = t;
      bestRank = rank;
      bestDistance = distance;
    }
  }
  return best;
}
