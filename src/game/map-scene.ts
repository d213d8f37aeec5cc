// The map: real geography drawn from the engine state. The scene only reads the state it is
// given; it never changes it. Everything is redrawn from scratch when the state changes or the
// canvas is resized (a few hundred objects, well within a frame).
import Phaser from 'phaser';
import {
  roadBetween,
  sortedIds,
  stanceOf,
  type GameState,
  type Location,
  type ObservationPost,
  type RoadClass,
} from '../engine/index.ts';
import { coastLine, seaPolygon, turkeyPolygon, borderLine, type Point } from './geography.ts';
import { LabelLayout, type Box } from './labels.ts';
import { MAP_COLOURS, colourOf, hex, zoneStyle } from './palette.ts';
import { boundsOf, fitProjection, type Projection } from './projection.ts';
import { lerp, paddedHull } from './shapes.ts';
import { affiliationOf, unitTexture } from './symbols.ts';
import { project } from '../scenario/index.ts';

/** What the scene needs from the game: read-only access to the state and the viewer's colours. */
export interface MapView {
  state(): GameState;
  /** The actor whose point of view decides friend and foe frames ('' for none). */
  viewer(): string;
  colours: Readonly<Record<string, string>>;
}

const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const MARGINS = { top: 36, right: 28, bottom: 52, left: 28 };
const UNIT_SYMBOL_SIZE = 15;
const POST_HALF = 6;

const ROAD_STYLE: Record<
  RoadClass,
  { width: number; colour: string; casing: number; dash: number[] | null }
> = {
  track: { width: 1.2, colour: MAP_COLOURS.track, casing: 0, dash: [4, 3] },
  road: { width: 1.6, colour: MAP_COLOURS.road, casing: 0, dash: null },
  M5: { width: 4, colour: MAP_COLOURS.m5, casing: 7, dash: null },
  M4: { width: 4, colour: MAP_COLOURS.m4, casing: 7, dash: null },
};
const ROAD_ORDER: RoadClass[] = ['track', 'road', 'M5', 'M4'];

/** Radius in pixels of a populated place's circle. */
export function placeRadius(population: number): number {
  return Math.min(11, 3 + Math.sqrt(population) / 70);
}

export class MapScene extends Phaser.Scene {
  private readonly view: MapView;
  private drawn: Phaser.GameObjects.GameObject[] = [];
  private baseKey = '';
  private ready = false;
  /** Called after every redraw (the game uses it to render the new picture). */
  onDrawn: () => void = () => {};

  constructor(view: MapView) {
    super({ key: 'map' });
    this.view = view;
  }

  create(): void {
    this.ready = true;
    this.cameras.main.setBackgroundColor(MAP_COLOURS.land);
    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.redraw());
    this.redraw();
  }

  /** Draws the whole map from the current state (a no-op until the scene has been created). */
  redraw(): void {
    if (!this.ready) return;
    for (const obj of this.drawn) obj.destroy();
    this.drawn = [];
    const state = this.view.state();
    const width = this.scale.width;
    const height = this.scale.height;
    this.cameras.main.setSize(width, height);
    const proj = fitProjection(boundsOf(Object.values(state.locations)), width, height, MARGINS);
    const at = (id: string): Point | null => {
      const loc = state.locations[id];
      return loc ? proj.toScreen(loc) : null;
    };
    const layout = new LabelLayout(width, height);

    this.drawBase(state, proj, width, height);
    this.drawRoads(state, at);
    this.drawHighwayShields(state, at, layout);
    this.drawPlaces(state, proj, layout);
    this.drawPosts(state, at, layout);
    this.drawConvoys(state, at, layout);
    this.drawUnits(state, at, layout);
    this.drawPlaceLabels(state, proj, layout);
    this.drawAreaLabels(proj, layout);
    this.drawScaleBar(proj, height);
    this.onDrawn();
  }

  private keep<T extends Phaser.GameObjects.GameObject>(obj: T): T {
    this.drawn.push(obj);
    return obj;
  }

  private graphics(): Phaser.GameObjects.Graphics {
    return this.keep(this.add.graphics());
  }

  private text(x: number, y: number, content: string, style: Phaser.Types.GameObjects.Text.TextStyle) {
    return this.keep(
      this.add.text(x, y, content, {
        fontFamily: FONT,
        color: MAP_COLOURS.label,
        resolution: Math.max(1, Math.min(2, window.devicePixelRatio || 1)),
        ...style,
      }),
    );
  }

  // ------------------------------------------------------------------ base layer

  /**
   * The sea, Turkey, the zones, the coast and the border are painted with the 2D canvas API into
   * one texture. The canvas fills concave shapes exactly, lets each zone be drawn opaque on its
   * own layer and laid on with its transparency (so overlapping parts of one zone do not
   * darken), and paints Turkey and the sea over whatever of a zone spills across the border or
   * the coast. None of it depends on the turn, so the texture is kept until the canvas changes size.
   */
  private drawBase(state: GameState, proj: Projection, width: number, height: number): void {
    const key = `base-${Math.round(width)}x${Math.round(height)}`;
    if (this.baseKey !== key) {
      if (this.baseKey !== '' && this.textures.exists(this.baseKey)) this.textures.remove(this.baseKey);
      this.textures.addCanvas(key, paintBase(state, proj, width, height));
      this.baseKey = key;
    }
    this.keep(this.add.image(0, 0, key).setOrigin(0, 0).setDepth(-2));
  }

  // ------------------------------------------------------------------ roads

  private drawRoads(state: GameState, at: (id: string) => Point | null): void {
    const g = this.graphics();
    const ids = sortedIds(state.roads);
    for (const cls of ROAD_ORDER) {
      const style = ROAD_STYLE[cls];
      const segments: [Point, Point][] = [];
      for (const id of ids) {
        const road = state.roads[id]!;
        if (road.class !== cls) continue;
        const a = at(road.from);
        const b = at(road.to);
        if (a && b) segments.push([a, b]);
      }
      if (style.casing > 0) {
        g.lineStyle(style.casing, 0xffffff, 1);
        for (const [a, b] of segments) g.lineBetween(a.x, a.y, b.x, b.y);
      }
      g.lineStyle(style.width, hex(style.colour), 1);
      for (const [a, b] of segments) {
        if (style.dash) patternLine(g, [a, b], style.dash);
        else g.lineBetween(a.x, a.y, b.x, b.y);
      }
      // Round joins for the thick highways.
      if (style.casing > 0) {
        g.fillStyle(hex(style.colour), 1);
        for (const [a, b] of segments) {
          g.fillCircle(a.x, a.y, style.width / 2);
          g.fillCircle(b.x, b.y, style.width / 2);
        }
      }
    }
  }

  /** "M4" and "M5" shields on the longest legs of each highway, turned along the road. */
  private drawHighwayShields(state: GameState, at: (id: string) => Point | null, layout: LabelLayout): void {
    for (const id of sortedIds(state.highways)) {
      const hw = state.highways[id]!;
      const colour = id === 'M4' ? MAP_COLOURS.m4 : id === 'M5' ? MAP_COLOURS.m5 : MAP_COLOURS.road;
      const legs: { a: Point; b: Point; length: number }[] = [];
      for (let i = 0; i + 1 < hw.waypoints.length; i++) {
        const a = at(hw.waypoints[i]!);
        const b = at(hw.waypoints[i + 1]!);
        if (a && b) legs.push({ a, b, length: Math.hypot(b.x - a.x, b.y - a.y) });
      }
      legs.sort((p, q) => q.length - p.length);
      const placed: Point[] = [];
      for (const leg of legs) {
        if (placed.length >= 2 || leg.length < 36) break;
        const mid = lerp(leg.a, leg.b, 0.5);
        if (placed.some((p) => Math.hypot(p.x - mid.x, p.y - mid.y) < 140)) continue;
        let angle = Math.atan2(leg.b.y - leg.a.y, leg.b.x - leg.a.x);
        if (angle > Math.PI / 2) angle -= Math.PI;
        if (angle < -Math.PI / 2) angle += Math.PI;
        const label = this.text(mid.x, mid.y, hw.id, {
          fontSize: '11px',
          fontStyle: 'bold',
          color: '#FFFFFF',
          backgroundColor: colour,
          padding: { left: 4, right: 4, top: 1, bottom: 1 },
        });
        label.setOrigin(0.5, 0.5).setRotation(angle);
        const r = Math.max(label.width, label.height) / 2;
        layout.block({ x: mid.x - r, y: mid.y - r, w: 2 * r, h: 2 * r });
        placed.push(mid);
      }
    }
  }

  // ------------------------------------------------------------------ places

  private drawPlaces(state: GameState, proj: Projection, layout: LabelLayout): void {
    const g = this.graphics();
    const colours = this.view.colours;
    const ids = sortedIds(state.locations).sort(
      (a, b) => state.locations[b]!.population - state.locations[a]!.population || (a < b ? -1 : 1),
    );
    for (const id of ids) {
      const loc = state.locations[id]!;
      if (loc.kind === 'post') continue;
      const p = proj.toScreen(loc);
      const fill = hex(colourOf(colours, loc.controller));
      g.lineStyle(1.2, hex(MAP_COLOURS.outline), 1);
      g.fillStyle(fill, 1);
      let r: number;
      switch (loc.kind) {
        case 'crossing':
          r = 7;
          g.fillPoints(vectors(diamond(p, r)), true);
          g.strokePoints(vectors(diamond(p, r)), true);
          break;
        case 'base':
          r = 7;
          g.fillPoints(vectors(triangle(p, r)), true);
          g.strokePoints(vectors(triangle(p, r)), true);
          break;
        case 'hill':
          r = 6;
          g.lineStyle(1.6, hex(MAP_COLOURS.outline), 1);
          g.strokePoints(
            vectors([
              { x: p.x - r, y: p.y + r * 0.6 },
              { x: p.x, y: p.y - r * 0.8 },
              { x: p.x + r, y: p.y + r * 0.6 },
            ]),
            false,
          );
          g.fillCircle(p.x, p.y + r * 0.6, 2.5);
          break;
        default:
          r = placeRadius(loc.population);
          g.fillCircle(p.x, p.y, r);
          g.strokeCircle(p.x, p.y, r);
      }
      layout.block({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
    }
  }

  private drawPosts(state: GameState, at: (id: string) => Point | null, layout: LabelLayout): void {
    const g = this.graphics();
    const byLocation = new Map<string, ObservationPost>();
    for (const id of sortedIds(state.posts)) byLocation.set(state.posts[id]!.location, state.posts[id]!);
    for (const id of sortedIds(state.locations)) {
      const loc = state.locations[id]!;
      if (loc.kind !== 'post') continue;
      const p = at(id)!;
      const post = byLocation.get(id);
      const s = POST_HALF;
      if (!post) {
        // A post site nobody occupies in this scenario.
        g.lineStyle(1, hex(MAP_COLOURS.outline), 0.6);
        g.strokeRect(p.x - s + 1, p.y - s + 1, 2 * s - 2, 2 * s - 2);
        continue;
      }
      drawPostMarker(g, p, post.status, colourOf(this.view.colours, post.actor));
      layout.block({ x: p.x - s - 5, y: p.y - s - 5, w: 2 * s + 10, h: 2 * s + 10 });
    }
  }

  // ------------------------------------------------------------------ convoys and units

  private drawConvoys(state: GameState, at: (id: string) => Point | null, layout: LabelLayout): void {
    const g = this.graphics();
    for (const id of sortedIds(state.convoys)) {
      const convoy = state.convoys[id]!;
      const here = convoy.route[convoy.leg];
      const next = convoy.route[convoy.leg + 1];
      const a = here ? at(here) : null;
      if (!a) continue;
      let p = a;
      const b = next ? at(next) : null;
      const road = here && next ? roadBetween(state, here, next) : null;
      if (b && road && road.length > 0) p = lerp(a, b, Math.min(1, convoy.covered / road.length));
      drawConvoyMarker(g, p, colourOf(this.view.colours, convoy.actor));
      layout.block({ x: p.x - 6, y: p.y - 6, w: 12, h: 12 });
    }
  }

  private drawUnits(state: GameState, at: (id: string) => Point | null, layout: LabelLayout): void {
    const viewer = this.view.viewer();
    // Units standing at a place are stacked in a row above it; units on the road sit where they are.
    const groups = new Map<string, { anchor: Point; above: number; units: string[] }>();
    for (const id of sortedIds(state.units)) {
      const unit = state.units[id]!;
      if (unit.strength <= 0) continue;
      const from = at(unit.location);
      if (!from) continue;
      let anchor = from;
      let key = unit.location;
      let above = 0;
      if (unit.transit) {
        const road = state.roads[unit.transit.road];
        const to = at(unit.transit.toward);
        if (road && to && road.length > 0)
          anchor = lerp(from, to, Math.min(1, unit.transit.covered / road.length));
        key = `${unit.transit.road}:${unit.transit.toward}:${unit.transit.covered}`;
      } else {
        const loc = state.locations[unit.location]!;
        above =
          loc.kind === 'city' || loc.kind === 'town' || loc.kind === 'village'
            ? placeRadius(loc.population)
            : 7;
      }
      const group = groups.get(key) ?? { anchor, above, units: [] };
      group.units.push(id);
      groups.set(key, group);
    }
    for (const key of [...groups.keys()].sort()) {
      const group = groups.get(key)!;
      const textures = group.units.map((id) => {
        const unit = state.units[id]!;
        const stance = viewer === '' ? null : stanceOf(state, viewer, unit.actor);
        return unitTexture(
          this.textures,
          unit.type,
          affiliationOf(stance),
          colourOf(this.view.colours, unit.actor),
          UNIT_SYMBOL_SIZE,
        );
      });
      const gap = 1;
      const total = textures.reduce((sum, t) => sum + t.width, 0) + gap * (textures.length - 1);
      let x = group.anchor.x - total / 2;
      const maxH = Math.max(...textures.map((t) => t.height));
      let baseline = group.above > 0 ? group.anchor.y - group.above - 1 : group.anchor.y + maxH / 2;
      // No room above a place at the top edge: the row goes below it instead.
      if (group.above > 0 && baseline - maxH < 2) baseline = group.anchor.y + group.above + 1 + maxH;
      for (const t of textures) {
        const image = this.keep(this.add.image(x, baseline, t.key).setOrigin(0, 1));
        layout.block({ x: image.x, y: baseline - t.height, w: t.width, h: t.height } satisfies Box);
        x += t.width + gap;
      }
    }
  }

  // ------------------------------------------------------------------ labels

  private drawPlaceLabels(state: GameState, proj: Projection, layout: LabelLayout): void {
    const candidates = sortedIds(state.locations)
      .map((id) => state.locations[id]!)
      .filter(
        (l) =>
          l.kind === 'city' ||
          l.kind === 'crossing' ||
          l.kind === 'base' ||
          (l.kind === 'town' && (l.population >= 10000 || l.value >= 3)) ||
          (l.kind === 'village' && l.value >= 3),
      )
      .sort(
        (a, b) =>
          labelRank(b) - labelRank(a) ||
          b.value - a.value ||
          b.population - a.population ||
          (a.id < b.id ? -1 : 1),
      );
    for (const loc of candidates) {
      const p = proj.toScreen(loc);
      const city = loc.kind === 'city';
      const label = this.text(0, 0, shortName(loc), {
        fontSize: city ? '14px' : loc.kind === 'village' ? '11px' : '12px',
        fontStyle: city ? 'bold' : loc.kind === 'crossing' || loc.kind === 'base' ? 'italic' : 'normal',
        stroke: MAP_COLOURS.labelHalo,
        strokeThickness: 3,
      });
      const r = loc.kind === 'crossing' || loc.kind === 'base' ? 7 : placeRadius(loc.population);
      const spot = layout.place(p.x, p.y, r, label.width, label.height, 2);
      if (spot) label.setPosition(spot.x, spot.y);
      else {
        label.destroy();
        this.drawn.pop();
      }
    }
  }

  /**
   * Country and sea names: faint, under the roads and symbols, and only where they cover no
   * place name or symbol (they are placed after those).
   */
  private drawAreaLabels(proj: Projection, layout: LabelLayout): void {
    // Each name has a few spots to try, best first (latitude, longitude).
    const areas = [
      {
        text: 'TURKEY',
        colour: '#707070',
        size: '18px',
        bold: true,
        spots: [
          [36.2, 36.22],
          [36.1, 36.15],
          [36.28, 36.1],
          [36.02, 36.1],
        ],
      },
      {
        text: 'SYRIA',
        colour: '#A39C88',
        size: '18px',
        bold: true,
        spots: [
          [35.5, 36.3],
          [35.3, 36.3],
          [35.62, 36.08],
          [35.25, 36.1],
          [35.45, 37.1],
        ],
      },
      {
        text: 'Mediterranean\nSea',
        colour: '#3F6F8C',
        size: '13px',
        bold: false,
        spots: [
          [35.3, 35.7],
          [35.1, 35.7],
          [35.7, 35.65],
        ],
      },
    ] as const;
    for (const area of areas) {
      const label = this.text(0, 0, area.text, {
        fontSize: area.size,
        fontStyle: area.bold ? 'bold' : 'italic',
        color: area.colour,
        align: 'center',
        letterSpacing: area.bold ? 4 : 0,
      })
        .setOrigin(0.5, 0.5)
        .setDepth(-1)
        .setVisible(false);
      for (const [lat, lon] of area.spots) {
        const p = proj.toScreen(project(lat, lon));
        const box = { x: p.x - label.width / 2, y: p.y - label.height / 2, w: label.width, h: label.height };
        if (layout.claim(box)) {
          label.setPosition(p.x, p.y).setVisible(true);
          break;
        }
      }
    }
  }

  private drawScaleBar(proj: Projection, height: number): void {
    const nice = [5, 10, 20, 25, 50, 100];
    const km = nice.find((k) => proj.pixels(k * 1000) >= 70) ?? 100;
    const len = proj.pixels(km * 1000);
    const x = 16;
    const y = height - 18;
    const g = this.graphics();
    g.fillStyle(0xffffff, 0.85);
    g.fillRect(x - 6, y - 24, len + 70, 34);
    g.lineStyle(2, hex(MAP_COLOURS.outline), 1);
    g.lineBetween(x, y, x + len, y);
    g.lineBetween(x, y - 5, x, y + 3);
    g.lineBetween(x + len / 2, y - 3, x + len / 2, y + 1);
    g.lineBetween(x + len, y - 5, x + len, y + 3);
    this.text(x + len / 2, y - 7, `${km} km`, { fontSize: '11px' }).setOrigin(0.5, 1);
    // North arrow.
    const nx = x + len + 40;
    g.fillStyle(hex(MAP_COLOURS.outline), 1);
    g.fillTriangle(nx, y - 20, nx - 5, y - 6, nx + 5, y - 6);
    this.text(nx, y - 4, 'N', { fontSize: '11px', fontStyle: 'bold' }).setOrigin(0.5, 0);
  }
}

// -------------------------------------------------------------------- drawing helpers

function vectors(points: readonly Point[]): Phaser.Math.Vector2[] {
  return points.map((p) => new Phaser.Math.Vector2(p.x, p.y));
}

function diamond(p: Point, r: number): Point[] {
  return [
    { x: p.x, y: p.y - r },
    { x: p.x + r, y: p.y },
    { x: p.x, y: p.y + r },
    { x: p.x - r, y: p.y },
  ];
}

function triangle(p: Point, r: number): Point[] {
  return [
    { x: p.x, y: p.y - r },
    { x: p.x + r, y: p.y + r * 0.75 },
    { x: p.x - r, y: p.y + r * 0.75 },
  ];
}

/** Strokes a polyline with a repeating on/off pattern (pixels), using the current line style. */
export function patternLine(
  g: Phaser.GameObjects.Graphics,
  line: readonly Point[],
  pattern: readonly number[],
): void {
  let index = 0;
  let left = pattern[0]!;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!;
    const b = line[i + 1]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    let pos = 0;
    while (pos < length) {
      const step = Math.min(left, length - pos);
      if (index % 2 === 0) {
        const p = lerp(a, b, pos / length);
        const q = lerp(a, b, (pos + step) / length);
        g.lineBetween(p.x, p.y, q.x, q.y);
      }
      pos += step;
      left -= step;
      if (left <= 0) {
        index = (index + 1) % pattern.length;
        left = pattern[index]!;
      }
    }
  }
}

/** The outline of an observation post: a small fort (a square with a peaked roof). */
export function postShape(p: Point, s: number): Point[] {
  return [
    { x: p.x - s, y: p.y + s },
    { x: p.x + s, y: p.y + s },
    { x: p.x + s, y: p.y - s * 0.35 },
    { x: p.x, y: p.y - s - 3 },
    { x: p.x - s, y: p.y - s * 0.35 },
  ];
}

/**
 * An observation post in its actor's colour. Supplied: the fort alone. Cut off: a broken ring
 * round it. Encircled: a closed ring. Evacuated: an empty outline. Overrun: the fort struck
 * through with a cross. The marks, not only colour, tell them apart.
 */
export function drawPostMarker(
  g: Phaser.GameObjects.Graphics,
  p: Point,
  status: ObservationPost['status'],
  colour: string,
): void {
  const s = POST_HALF;
  const ring = s + 5;
  if (status === 'encircled') {
    g.lineStyle(5, 0xffffff, 1);
    g.strokeCircle(p.x, p.y, ring);
    g.lineStyle(2.2, hex(MAP_COLOURS.outline), 1);
    g.strokeCircle(p.x, p.y, ring);
  } else if (status === 'cut_off') {
    for (let i = 0; i < 4; i++) {
      const a0 = (i * Math.PI) / 2 + 0.35;
      const a1 = a0 + Math.PI / 2 - 0.7;
      g.lineStyle(5, 0xffffff, 1);
      g.beginPath();
      g.arc(p.x, p.y, ring, a0, a1);
      g.strokePath();
      g.lineStyle(2.2, hex(MAP_COLOURS.outline), 1);
      g.beginPath();
      g.arc(p.x, p.y, ring, a0, a1);
      g.strokePath();
    }
  }
  const shape = vectors(postShape(p, s));
  if (status === 'evacuated') {
    g.fillStyle(0xffffff, 1);
    g.fillPoints(shape, true);
    g.lineStyle(1.3, hex(colour), 1);
    g.strokePoints(shape, true);
    return;
  }
  g.fillStyle(hex(colour), 1);
  g.fillPoints(shape, true);
  g.lineStyle(1.3, hex(MAP_COLOURS.outline), 1);
  g.strokePoints(shape, true);
  if (status === 'overrun') {
    g.lineStyle(2.5, hex(MAP_COLOURS.outline), 1);
    g.lineBetween(p.x - s - 2, p.y - s - 2, p.x + s + 2, p.y + s + 2);
    g.lineBetween(p.x - s - 2, p.y + s + 2, p.x + s + 2, p.y - s - 2);
  }
}

function drawConvoyMarker(g: Phaser.GameObjects.Graphics, p: Point, colour: string): void {
  g.fillStyle(0xffffff, 1);
  g.fillCircle(p.x, p.y, 6);
  g.lineStyle(2.5, hex(colour), 1);
  g.strokeCircle(p.x, p.y, 5);
  g.fillStyle(hex(colour), 1);
  g.fillCircle(p.x, p.y, 2);
}

/** Paints the base layer: land, sea, Turkey, the zones (cut back to Syrian land), coast and border. */
function paintBase(state: GameState, proj: Projection, width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const sea = seaPolygon().map(proj.toScreen);
  const turkey = turkeyPolygon(state).map(proj.toScreen);

  ctx.fillStyle = MAP_COLOURS.land;
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  const ids = sortedIds(state.zones).sort(
    (a, b) => Number(zoneStyle(a).shape === 'band') - Number(zoneStyle(b).shape === 'band'),
  );
  for (const id of ids) {
    const zone = state.zones[id]!;
    const style = zoneStyle(id);
    const members = new Set(zone.locations);
    const screen = zone.locations
      .map((l) => state.locations[l])
      .filter((l): l is Location => l !== undefined)
      .map(proj.toScreen);
    if (screen.length === 0) continue;
    const pad = proj.pixels(style.padMetres);
    const layer = document.createElement('canvas');
    layer.width = canvas.width;
    layer.height = canvas.height;
    const lc = layer.getContext('2d');
    if (!lc) continue;
    lc.fillStyle = style.hatch ? hatchPattern(lc, style.fill) : style.fill;
    lc.strokeStyle = lc.fillStyle;
    let hull: Point[] = [];
    if (style.shape === 'area') {
      hull = paddedHull(screen, pad);
      tracePolygon(lc, hull);
      lc.fill();
    } else {
      lc.lineWidth = 2 * pad;
      lc.lineCap = 'round';
      for (const rid of sortedIds(state.roads)) {
        const road = state.roads[rid]!;
        if (!members.has(road.from) || !members.has(road.to)) continue;
        const a = proj.toScreen(state.locations[road.from]!);
        const b = proj.toScreen(state.locations[road.to]!);
        lc.beginPath();
        lc.moveTo(a.x, a.y);
        lc.lineTo(b.x, b.y);
        lc.stroke();
      }
      for (const p of screen) {
        lc.beginPath();
        lc.arc(p.x, p.y, pad, 0, 2 * Math.PI);
        lc.fill();
      }
    }
    ctx.globalAlpha = style.alpha;
    ctx.drawImage(layer, 0, 0);
    ctx.globalAlpha = 1;
    if (style.outline && hull.length > 2) {
      ctx.strokeStyle = style.outline;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      tracePolygon(ctx, hull);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  // Turkey and the sea go on top of the zones, which are Syrian ground: whatever of a zone's
  // rounded outline spills over the border or the coast disappears under them.
  ctx.fillStyle = MAP_COLOURS.sea;
  tracePolygon(ctx, sea);
  ctx.fill();
  ctx.fillStyle = MAP_COLOURS.turkey;
  tracePolygon(ctx, turkey);
  ctx.fill();

  ctx.strokeStyle = MAP_COLOURS.coast;
  ctx.lineWidth = 1.2;
  traceLine(ctx, coastLine().map(proj.toScreen));
  ctx.stroke();

  // The border: a dash-dot line on a white casing, the usual sign for an international boundary.
  const border = borderLine(state).map(proj.toScreen);
  ctx.lineJoin = 'round';
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.lineWidth = 5;
  traceLine(ctx, border);
  ctx.stroke();
  ctx.strokeStyle = MAP_COLOURS.border;
  ctx.lineWidth = 2.4;
  ctx.setLineDash([12, 4, 2, 4]);
  traceLine(ctx, border);
  ctx.stroke();
  ctx.setLineDash([]);
  return canvas;
}

function traceLine(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
}

function tracePolygon(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.closePath();
}

function hatchPattern(ctx: CanvasRenderingContext2D, colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const t = tile.getContext('2d');
  if (!t) return colour;
  t.strokeStyle = colour;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(-2, 10);
  t.lineTo(10, -2);
  t.moveTo(-2, 2);
  t.lineTo(2, -2);
  t.moveTo(6, 10);
  t.lineTo(10, 6);
  t.stroke();
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

function labelRank(l: Location): number {
  if (l.kind === 'city') return 4;
  if (l.kind === 'crossing') return 3;
  if (l.kind === 'town') return 2;
  return 1;
}

/** Map labels drop the words the symbol already says. */
function shortName(l: Location): string {
  return l.name.replace(/ crossing$/, '').replace(/ air base$/, ' AB');
}
