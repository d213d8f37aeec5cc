// The map: real geography drawn from the engine state, with pan and zoom, hover details, click to
// select, and a resolved turn played out phase by phase. The scene only reads the states it is
// given and calls the callbacks of its MapView; it never changes the game.
//
// Drawing is in two passes. `redraw` lays the map out for the state and the canvas size (the
// projection, label placement, unit rows, hit boxes): a few hundred objects, rebuilt when the
// state or the size changes. `restyle` draws the vector layers and sizes the symbols and labels
// for the zoom: point symbols, lines and labels keep their size on screen when zoomed in (see
// map-camera.ts). Panning only moves the camera. The loop sleeps between changes (on-demand.ts):
// whatever moves asks for frames through `onFrameNeeded`.
import Phaser from 'phaser';
import {
  dayOfTurn,
  formatLongDate,
  roadBetween,
  sortedIds,
  stanceOf,
  type GameEvent,
  type GameState,
  type Location,
  type LocationKind,
  type ObservationPost,
  type RoadClass,
} from '../engine/index.ts';
import { project } from '../scenario/index.ts';
import { borderLine, coastLine, seaPolygon, turkeyPolygon, type Point } from './geography.ts';
import { LabelLayout } from './labels.ts';
import {
  fitCamera,
  hitTest,
  markerScale,
  panCamera,
  resizeCamera,
  zoomCamera,
  type CameraView,
  type HitTarget,
  type TargetKind,
} from './map-camera.ts';
import { MapControls } from './map-controls.ts';
import { pointAlong, playbackSteps, type Marker, type PlaybackStep, type Track } from './map-playback.ts';
import { MapTooltip, describeTarget, fogOf, strengthText } from './map-tooltip.ts';
import { MAP_COLOURS, NOBODY_COLOUR, colourOf, hex, zoneStyle } from './palette.ts';
import { boundsOf, fitProjection, type Projection } from './projection.ts';
import { lerp, paddedHull } from './shapes.ts';
import { affiliationOf, unitTexture } from './symbols.ts';
import './map.css';

/** What the player has selected on the map: a unit, an observation post or a place. */
export type MapSelection = { kind: 'unit' | 'post' | 'place'; id: string };

/** What the scene needs from the game: the state to draw, whose eyes, the colours, the selection. */
export interface MapView {
  /** The state to draw: during play this is already the student's view (viewFor), so draw only what it holds. */
  state(): GameState;
  /** The actor whose point of view decides friend/foe frames ('' for the full view, e.g. replay viewer). */
  viewer(): string;
  colours: Readonly<Record<string, string>>;
  /** What the player has selected (drawn highlighted), or null. */
  selected(): MapSelection | null;
  /** Called when the player clicks a unit, post or place (null: clicked empty map / Escape). */
  onSelect(selection: MapSelection | null): void;
}

const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const MARGINS = { top: 36, right: 28, bottom: 52, left: 28 };
const POST_HALF = 6;
/** Screen pixels an arrow key pans; factor one zoom step (button, key) zooms by. */
const PAN_STEP = 80;
const ZOOM_STEP = 1.25;
/** Share of a phase during which tracks move (the rest lets the markers be read). */
const MOVE_SHARE = 0.75;

// Depths, bottom to top.
const DEPTH = {
  base: -3,
  lines: -2,
  areaLabels: -1,
  roads: 0,
  places: 1,
  posts: 2,
  convoys: 3,
  units: 4,
  labels: 5,
  selection: 6,
  fx: 7,
  sprites: 8,
  fxLabels: 9,
} as const;

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

/** The radius of a place's symbol (for rings and unit rows). */
function symbolRadius(loc: Location): number {
  if (loc.kind === 'city' || loc.kind === 'town' || loc.kind === 'village')
    return placeRadius(loc.population);
  return loc.kind === 'post' ? POST_HALF + 2 : 7;
}

type Scalable = Phaser.GameObjects.Image | Phaser.GameObjects.Text;

/** A symbol or label that keeps its size on screen: drawn at anchor + offset × markerScale. */
interface Scaled {
  obj: Scalable;
  x: number;
  y: number;
  ox: number;
  oy: number;
}

/** Everything one layout pass produced; `restyle` draws it at any zoom. */
interface Picture {
  state: GameState;
  proj: Projection;
  roads: { cls: RoadClass; a: Point; b: Point }[];
  coast: Point[];
  border: Point[];
  places: { kind: LocationKind; p: Point; r: number; fill: number }[];
  sites: Point[];
  posts: { p: Point; status: ObservationPost['status']; colour: string }[];
  convoys: { p: Point; colour: string }[];
  scaled: Scaled[];
  targets: HitTarget[];
  /** The label layout, with every symbol and label placed (the playback's captions go round them). */
  labels: LabelLayout;
}

/** A turn playing out on the map. */
interface Playback {
  steps: PlaybackStep[];
  index: number;
  ms: number;
  started: number;
  after: GameState;
  viewer: string;
  caption: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The moving things of the current step, with their paths on screen. */
  movers: { track: Track; path: Point[]; image: Phaser.GameObjects.Image | null }[];
  marks: { marker: Marker; p: Point; r: number; from: number; to: number }[];
  /** The markers' captions (counter-scaled like every label). */
  scaled: Scaled[];
  done: () => void;
}

export class MapScene extends Phaser.Scene {
  private readonly view: MapView;
  private ready = false;
  private cam: CameraView = fitCamera(0, 0);
  private picture: Picture | null = null;
  private drawn: Phaser.GameObjects.GameObject[] = [];
  private baseKey = '';
  private layers!: Record<
    'lines' | 'roads' | 'places' | 'posts' | 'convoys' | 'selection' | 'fx',
    Phaser.GameObjects.Graphics
  >;
  private controls: MapControls | null = null;
  private tooltip: MapTooltip | null = null;
  private playback: Playback | null = null;
  private drag: { id: number; x: number; y: number; moved: boolean } | null = null;
  private readonly unlisten: (() => void)[] = [];
  /** Called after every redraw (the game uses it to render the new picture). */
  onDrawn: () => void = () => {};
  /** Called whenever the picture changes without a redraw (camera, animation): keep rendering. */
  onFrameNeeded: (frames?: number) => void = () => this.onDrawn();

  constructor(view: MapView) {
    super({ key: 'map' });
    this.view = view;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(MAP_COLOURS.land);
    const layer = (depth: number) => this.add.graphics().setDepth(depth);
    this.layers = {
      lines: layer(DEPTH.lines),
      roads: layer(DEPTH.roads),
      places: layer(DEPTH.places),
      posts: layer(DEPTH.posts),
      convoys: layer(DEPTH.convoys),
      selection: layer(DEPTH.selection),
      fx: layer(DEPTH.fx),
    };
    const canvas = this.game.canvas;
    const parent = canvas.parentElement ?? document.body;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute(
      'aria-label',
      'Map. Drag or use the arrow keys to pan; the wheel, + and − zoom; 0 fits the whole map. ' +
        'Point at a symbol for details, click it to select it; Escape clears the selection.',
    );
    this.controls = new MapControls(parent, {
      zoomIn: () => this.zoomBy(ZOOM_STEP),
      zoomOut: () => this.zoomBy(1 / ZOOM_STEP),
      fit: () => this.fitView(),
      skip: () => this.skipPlayback(),
    });
    this.tooltip = new MapTooltip(parent);
    this.listen(canvas, parent);
    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.redraw());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.teardown());
    this.ready = true;
    this.redraw();
  }

  override update(): void {
    if (this.playback) this.animate();
  }

  // ------------------------------------------------------------------ the public face

  /** Draws the whole map from the current state (a no-op until the scene has been created). */
  redraw(): void {
    if (!this.ready) return;
    const pb = this.playback;
    if (pb) {
      // A turn is playing: draw its current phase (the view already holds the state after it).
      this.layout(pb.steps[pb.index]!.state);
      this.buildStep();
    } else this.layout(this.view.state());
    this.onDrawn();
  }

  /** Fits the whole map in view. */
  fitView(): void {
    this.cam = fitCamera(this.cam.width, this.cam.height);
    this.restyle();
  }

  /** Zooms by `factor` about the centre of the view (clamped to 0.6×–6×). */
  zoomBy(factor: number): void {
    this.zoomAt(factor, { x: this.cam.width / 2, y: this.cam.height / 2 });
  }

  /** Moves the view by (dx, dy) screen pixels: positive dx shows more of the map to the right. */
  panBy(dx: number, dy: number): void {
    this.cam = panCamera(this.cam, dx, dy);
    this.applyCamera();
  }

  /** The camera as numbers (zoom, scroll, size), for tests and the game. */
  get camera(): Readonly<CameraView> {
    return this.cam;
  }

  /** Draws the selection ring again (after the selection changed elsewhere, e.g. in the panel). */
  showSelection(): void {
    if (!this.ready) return;
    this.drawSelection(markerScale(this.cam.zoom));
    this.onFrameNeeded();
  }

  /**
   * Plays a resolved turn on the map, phase by phase (movement, strikes, assaults, supply …,
   * each shown for `msPerPhase`, phases with nothing to show skipped), then draws the state after
   * it; resolves when done. With `msPerPhase` 0 it draws the state after at once.
   */
  playTurn(
    before: GameState,
    after: GameState,
    events: readonly GameEvent[],
    msPerPhase: number,
  ): Promise<void> {
    this.skipPlayback();
    if (!this.ready) return Promise.resolve();
    const steps = msPerPhase > 0 ? playbackSteps(before, after, events) : [];
    if (steps.length === 0) {
      this.layout(after);
      this.onDrawn();
      return Promise.resolve();
    }
    const date = formatLongDate(dayOfTurn(before.calendar, before.turn));
    return new Promise<void>((resolve) => {
      this.playback = {
        steps,
        index: 0,
        ms: msPerPhase,
        started: 0,
        after,
        viewer: this.view.viewer(),
        caption: `Turn ${before.turn}, ${date}`,
        timer: undefined,
        movers: [],
        marks: [],
        scaled: [],
        done: resolve,
      };
      this.startStep();
    });
  }

  /** Ends a turn's playback at once (drawing the state after it); nothing when none is playing. */
  skipPlayback(): void {
    const pb = this.playback;
    if (!pb) return;
    if (pb.timer !== undefined) clearTimeout(pb.timer);
    this.clearStep();
    this.playback = null;
    this.controls?.setCaption(null);
    if (this.ready) {
      this.layout(pb.after);
      this.onDrawn();
    }
    pb.done();
  }

  // ------------------------------------------------------------------ camera

  private zoomAt(factor: number, about: Point): void {
    const zoom = this.cam.zoom;
    this.cam = zoomCamera(this.cam, factor, about);
    if (this.cam.zoom === zoom) this.applyCamera();
    else this.restyle();
  }

  private applyCamera(): void {
    if (!this.ready) return;
    const main = this.cameras.main;
    main.setZoom(this.cam.zoom);
    main.setScroll(this.cam.scrollX, this.cam.scrollY);
    if (this.picture) this.controls?.setScale(this.picture.proj.scale * this.cam.zoom);
    this.onFrameNeeded();
  }

  // ------------------------------------------------------------------ input

  private listen(canvas: HTMLCanvasElement, parent: HTMLElement): void {
    const on = <K extends keyof HTMLElementEventMap>(
      target: HTMLElement,
      type: K,
      handler: (e: HTMLElementEventMap[K]) => void,
      options?: AddEventListenerOptions,
    ) => {
      target.addEventListener(type, handler, options);
      this.unlisten.push(() => target.removeEventListener(type, handler, options));
    };
    const local = (e: MouseEvent): Point => {
      const r = canvas.getBoundingClientRect();
      const sx = r.width > 0 ? this.cam.width / r.width : 1;
      const sy = r.height > 0 ? this.cam.height / r.height : 1;
      return { x: (e.clientX - r.left) * sx, y: (e.clientY - r.top) * sy };
    };
    canvas.style.cursor = 'grab';

    on(canvas, 'pointerdown', (e) => {
      if (e.button !== 0) return;
      const p = local(e);
      this.drag = { id: e.pointerId, x: p.x, y: p.y, moved: false };
      canvas.setPointerCapture?.(e.pointerId);
    });
    on(canvas, 'pointermove', (e) => {
      const p = local(e);
      const drag = this.drag;
      if (drag && drag.id === e.pointerId) {
        if (!drag.moved && Math.hypot(p.x - drag.x, p.y - drag.y) < 4) return;
        if (!drag.moved) {
          drag.moved = true;
          this.tooltip?.hide();
          canvas.style.cursor = 'grabbing';
        }
        this.panBy(drag.x - p.x, drag.y - p.y);
        drag.x = p.x;
        drag.y = p.y;
        return;
      }
      this.hover(p, canvas, parent);
    });
    const release = (e: PointerEvent, click: boolean) => {
      const drag = this.drag;
      if (!drag || drag.id !== e.pointerId) return;
      this.drag = null;
      if (canvas.hasPointerCapture?.(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
      canvas.style.cursor = 'grab';
      if (click && !drag.moved) this.click(local(e));
    };
    on(canvas, 'pointerup', (e) => release(e, true));
    on(canvas, 'pointercancel', (e) => release(e, false));
    on(canvas, 'pointerleave', () => {
      if (!this.drag) this.tooltip?.hide();
    });
    on(
      canvas,
      'wheel',
      (e) => {
        e.preventDefault();
        const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
        const factor = Math.min(2, Math.max(0.5, Math.exp(-e.deltaY * unit * 0.0015)));
        this.tooltip?.hide();
        this.zoomAt(factor, local(e));
      },
      { passive: false },
    );
    on(canvas, 'dblclick', (e) => {
      e.preventDefault();
      this.zoomAt(2, local(e));
    });

    const keydown = (e: KeyboardEvent) => this.key(e, canvas);
    window.addEventListener('keydown', keydown);
    this.unlisten.push(() => window.removeEventListener('keydown', keydown));
  }

  private key(e: KeyboardEvent, canvas: HTMLCanvasElement): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    // Only while the map is on the page, and never while the player types or works a widget
    // that has its own use for the keys.
    if (canvas.getClientRects().length === 0) return;
    const target = e.target instanceof Element ? e.target : null;
    if (
      target &&
      target.closest(
        'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="listbox"], ' +
          '[role="menu"], [role="radiogroup"], [role="slider"], [role="tablist"], [role="grid"], [role="tree"], dialog',
      )
    )
      return;
    let handled = true;
    switch (e.key) {
      case 'ArrowLeft':
        this.panBy(-PAN_STEP, 0);
        break;
      case 'ArrowRight':
        this.panBy(PAN_STEP, 0);
        break;
      case 'ArrowUp':
        this.panBy(0, -PAN_STEP);
        break;
      case 'ArrowDown':
        this.panBy(0, PAN_STEP);
        break;
      case '+':
      case '=':
        this.zoomBy(ZOOM_STEP);
        break;
      case '-':
      case '_':
        this.zoomBy(1 / ZOOM_STEP);
        break;
      case '0':
        this.fitView();
        break;
      case 'Escape':
        this.tooltip?.hide();
        if (this.view.selected() !== null) this.view.onSelect(null);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  }

  private hover(p: Point, canvas: HTMLCanvasElement, parent: HTMLElement): void {
    const picture = this.picture;
    const hit = picture ? hitTest(picture.targets, this.cam, p, 3) : null;
    const content = hit && picture ? describeTarget(picture.state, this.viewerNow(), hit) : null;
    canvas.style.cursor = hit ? 'pointer' : 'grab';
    if (!content) {
      this.tooltip?.hide();
      return;
    }
    const c = canvas.getBoundingClientRect();
    const q = parent.getBoundingClientRect();
    const sx = this.cam.width > 0 ? c.width / this.cam.width : 1;
    const sy = this.cam.height > 0 ? c.height / this.cam.height : 1;
    this.tooltip?.show(
      content,
      c.left - q.left + p.x * sx,
      c.top - q.top + p.y * sy,
      parent.clientWidth,
      parent.clientHeight,
    );
  }

  private click(p: Point): void {
    const picture = this.picture;
    const kinds: TargetKind[] = ['unit', 'post', 'place'];
    const hit = picture ? hitTest(picture.targets, this.cam, p, 3, kinds) : null;
    const selection: MapSelection | null =
      hit && hit.kind !== 'convoy' ? { kind: hit.kind, id: hit.id } : null;
    const now = this.view.selected();
    if (selection === null && now === null) return;
    if (selection && now && selection.kind === now.kind && selection.id === now.id) return;
    this.view.onSelect(selection);
    this.showSelection();
  }

  private viewerNow(): string {
    return this.playback ? this.playback.viewer : this.view.viewer();
  }

  private teardown(): void {
    for (const off of this.unlisten.splice(0)) off();
    this.controls?.destroy();
    this.tooltip?.destroy();
    if (this.playback) {
      if (this.playback.timer !== undefined) clearTimeout(this.playback.timer);
      const done = this.playback.done;
      this.playback = null;
      done();
    }
    this.ready = false;
  }

  // ------------------------------------------------------------------ layout

  private keep<T extends Phaser.GameObjects.GameObject>(obj: T): T {
    this.drawn.push(obj);
    return obj;
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

  /** Lays the map out for `state` and the canvas size, then draws it at the present zoom. */
  private layout(state: GameState): void {
    const width = this.scale.width;
    const height = this.scale.height;
    // A hidden map (a full-page screen is up) has no size: keep the picture and the camera.
    if (width <= 0 || height <= 0) return;
    for (const obj of this.drawn) obj.destroy();
    this.drawn = [];
    if (width !== this.cam.width || height !== this.cam.height)
      this.cam = resizeCamera(this.cam, width, height);
    this.cameras.main.setSize(width, height);
    const proj = fitProjection(boundsOf(Object.values(state.locations)), width, height, MARGINS);
    const labels = new LabelLayout(width, height);
    const picture: Picture = {
      state,
      proj,
      labels,
      roads: [],
      coast: coastLine().map(proj.toScreen),
      border: borderLine(state).map(proj.toScreen),
      places: [],
      sites: [],
      posts: [],
      convoys: [],
      scaled: [],
      targets: [],
    };
    this.picture = picture;
    const at = (id: string): Point | null => {
      const loc = state.locations[id];
      return loc ? proj.toScreen(loc) : null;
    };

    this.drawBase(state, proj, width, height);
    for (const id of sortedIds(state.roads)) {
      const road = state.roads[id]!;
      const a = at(road.from);
      const b = at(road.to);
      if (a && b) picture.roads.push({ cls: road.class, a, b });
    }
    this.layoutHighwayShields(state, at, labels);
    this.layoutPlaces(state, proj, labels);
    this.layoutPosts(state, at, labels);
    this.layoutConvoys(state, at, labels);
    this.layoutUnits(state, at, labels);
    this.layoutPlaceLabels(state, proj, labels);
    this.layoutAreaLabels(proj, labels);
    this.restyle();
  }

  /** Adds a label or symbol that keeps its size on screen, anchored at (x, y), offset (ox, oy). */
  private scaled(obj: Scalable, x: number, y: number, ox = 0, oy = 0): void {
    this.picture!.scaled.push({ obj, x, y, ox, oy });
  }

  /**
   * The sea, Turkey and the zones are painted with the 2D canvas API into one texture. The canvas
   * fills concave shapes exactly, lets each zone be drawn opaque on its own layer and laid on with
   * its transparency (so overlapping parts of one zone do not darken), and paints Turkey and the
   * sea over whatever of a zone spills across the border or the coast. None of it depends on the
   * turn, so the texture is kept until the canvas changes size. The coast and the border are drawn
   * as lines on top (restyle), sharp at every zoom.
   */
  private drawBase(state: GameState, proj: Projection, width: number, height: number): void {
    const key = `base-${Math.round(width)}x${Math.round(height)}`;
    if (this.baseKey !== key) {
      if (this.baseKey !== '' && this.textures.exists(this.baseKey)) this.textures.remove(this.baseKey);
      this.textures.addCanvas(key, paintBase(state, proj, width, height));
      this.baseKey = key;
    }
    this.keep(this.add.image(0, 0, key).setOrigin(0, 0).setDepth(DEPTH.base));
  }

  /**
   * "M4" and "M5" shields on the longest legs of each highway, upright as road shields are.
   * (Turned along the road they would also meet a Phaser 4.2 WebGL bug: a rotated quad in a
   * batch of several textures samples parts of its neighbours' textures, phaserjs/phaser#7372.)
   */
  private layoutHighwayShields(
    state: GameState,
    at: (id: string) => Point | null,
    layout: LabelLayout,
  ): void {
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
        const label = this.text(mid.x, mid.y, hw.id, {
          fontSize: '11px',
          fontStyle: 'bold',
          color: '#FFFFFF',
          backgroundColor: colour,
          padding: { left: 4, right: 4, top: 1, bottom: 1 },
        });
        label.setOrigin(0.5, 0.5).setDepth(DEPTH.labels);
        this.scaled(label, mid.x, mid.y);
        layout.block({
          x: mid.x - label.width / 2,
          y: mid.y - label.height / 2,
          w: label.width,
          h: label.height,
        });
        placed.push(mid);
      }
    }
  }

  private layoutPlaces(state: GameState, proj: Projection, layout: LabelLayout): void {
    const picture = this.picture!;
    const ids = [...sortedIds(state.locations)].sort(
      (a, b) => state.locations[b]!.population - state.locations[a]!.population || (a < b ? -1 : 1),
    );
    for (const id of ids) {
      const loc = state.locations[id]!;
      if (loc.kind === 'post') continue;
      const p = proj.toScreen(loc);
      const r = symbolRadius(loc);
      picture.places.push({ kind: loc.kind, p, r, fill: hex(colourOf(this.view.colours, loc.controller)) });
      picture.targets.push({ kind: 'place', id, x: p.x, y: p.y, dx: -r, dy: -r, w: 2 * r, h: 2 * r });
      layout.block({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
    }
  }

  private layoutPosts(state: GameState, at: (id: string) => Point | null, layout: LabelLayout): void {
    const picture = this.picture!;
    const byLocation = new Map<string, ObservationPost>();
    for (const id of sortedIds(state.posts)) byLocation.set(state.posts[id]!.location, state.posts[id]!);
    const s = POST_HALF;
    for (const id of sortedIds(state.locations)) {
      const loc = state.locations[id]!;
      if (loc.kind !== 'post') continue;
      const p = at(id)!;
      const post = byLocation.get(id);
      if (!post) {
        // A post site nobody occupies in this scenario.
        picture.sites.push(p);
        picture.targets.push({ kind: 'place', id, x: p.x, y: p.y, dx: -s, dy: -s, w: 2 * s, h: 2 * s });
        continue;
      }
      picture.posts.push({ p, status: post.status, colour: colourOf(this.view.colours, post.actor) });
      picture.targets.push({
        kind: 'post',
        id: post.id,
        x: p.x,
        y: p.y,
        dx: -s - 2,
        dy: -s - 4,
        w: 2 * s + 4,
        h: 2 * s + 6,
      });
      layout.block({ x: p.x - s - 5, y: p.y - s - 5, w: 2 * s + 10, h: 2 * s + 10 });
    }
  }

  private layoutConvoys(state: GameState, at: (id: string) => Point | null, layout: LabelLayout): void {
    const picture = this.picture!;
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
      picture.convoys.push({ p, colour: colourOf(this.view.colours, convoy.actor) });
      picture.targets.push({ kind: 'convoy', id, x: p.x, y: p.y, dx: -6, dy: -6, w: 12, h: 12 });
      layout.block({ x: p.x - 6, y: p.y - 6, w: 12, h: 12 });
    }
  }

  /**
   * Units standing at a place are stacked in a row above it (below it at the top edge), each with
   * its strength over it ("~" for an estimate); units on the road sit where they are.
   */
  private layoutUnits(state: GameState, at: (id: string) => Point | null, layout: LabelLayout): void {
    const picture = this.picture!;
    const viewer = this.viewerNow();
    const fog = fogOf(state, viewer);
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
      } else above = symbolRadius(state.locations[unit.location]!);
      const group = groups.get(key) ?? { anchor, above, units: [] };
      group.units.push(id);
      groups.set(key, group);
    }
    for (const key of [...groups.keys()].sort()) {
      const group = groups.get(key)!;
      const items = group.units.map((id) => {
        const unit = state.units[id]!;
        const estimated = fog.unitEstimated(unit);
        const stance = viewer === '' ? null : stanceOf(state, viewer, unit.actor);
        const texture = unitTexture(
          this.textures,
          unit.type,
          affiliationOf(stance),
          colourOf(this.view.colours, unit.actor),
          estimated,
        );
        return { id, unit, estimated, texture };
      });
      const gap = 1;
      const total = items.reduce((sum, t) => sum + t.texture.width, 0) + gap * (items.length - 1);
      const maxH = Math.max(...items.map((t) => t.texture.height));
      const { x: ax, y: ay } = group.anchor;
      // Offsets from the anchor, in symbol pixels.
      let ox = -total / 2;
      let baseline = group.above > 0 ? -group.above - 1 : maxH / 2;
      let below = false;
      // No room above a place at the top edge: the row goes below it instead.
      if (group.above > 0 && ay + baseline - maxH - 10 < 2) {
        baseline = group.above + 1 + maxH;
        below = true;
      }
      for (const { id, unit, estimated, texture } of items) {
        const image = this.keep(this.add.image(0, 0, texture.key).setOrigin(0, 1).setDepth(DEPTH.units));
        this.scaled(image, ax, ay, ox, baseline);
        const strength = this.text(0, 0, strengthText(unit, estimated), {
          fontSize: '10px',
          fontStyle: 'bold',
          stroke: MAP_COLOURS.labelHalo,
          strokeThickness: 3,
        });
        strength.setOrigin(0.5, below ? 0 : 1).setDepth(DEPTH.units);
        const sy = below ? baseline - 1 : baseline - texture.height + 3;
        this.scaled(strength, ax, ay, ox + texture.width / 2, sy);
        picture.targets.push({
          kind: 'unit',
          id,
          x: ax,
          y: ay,
          dx: ox,
          dy: baseline - texture.height,
          w: texture.width,
          h: texture.height,
        });
        layout.block({ x: ax + ox, y: ay + baseline - texture.height, w: texture.width, h: texture.height });
        const sw = strength.width;
        const sh = strength.height;
        layout.block({
          x: ax + ox + texture.width / 2 - sw / 2,
          y: ay + (below ? sy : sy - sh),
          w: sw,
          h: sh,
        });
        ox += texture.width + gap;
      }
    }
  }

  private layoutPlaceLabels(state: GameState, proj: Projection, layout: LabelLayout): void {
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
      label.setDepth(DEPTH.labels);
      const spot = layout.place(p.x, p.y, symbolRadius(loc), label.width, label.height, 2);
      if (spot) this.scaled(label, p.x, p.y, spot.x - p.x, spot.y - p.y);
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
  private layoutAreaLabels(proj: Projection, layout: LabelLayout): void {
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
        .setDepth(DEPTH.areaLabels)
        .setVisible(false);
      for (const [lat, lon] of area.spots) {
        const p = proj.toScreen(project(lat, lon));
        const box = { x: p.x - label.width / 2, y: p.y - label.height / 2, w: label.width, h: label.height };
        if (layout.claim(box)) {
          label.setVisible(true);
          this.scaled(label, p.x, p.y);
          break;
        }
      }
    }
  }

  // ------------------------------------------------------------------ drawing at the zoom

  /** Draws the vector layers and sizes the symbols and labels for the present zoom. */
  private restyle(): void {
    const picture = this.picture;
    if (!this.ready || !picture) return;
    const m = markerScale(this.cam.zoom);
    this.drawLines(picture, m);
    this.drawRoads(picture, m);
    this.drawPlaces(picture, m);
    this.drawPosts(picture, m);
    this.drawConvoys(picture, m);
    for (const s of picture.scaled) s.obj.setPosition(s.x + s.ox * m, s.y + s.oy * m).setScale(m);
    for (const s of this.playback?.scaled ?? [])
      s.obj.setPosition(s.x + s.ox * m, s.y + s.oy * m).setScale(m);
    for (const mover of this.playback?.movers ?? []) mover.image?.setScale(m);
    this.drawSelection(m);
    if (this.playback) this.animate();
    this.applyCamera();
  }

  /** The coast, and the border as a dash-dot line on a white casing (an international boundary). */
  private drawLines(picture: Picture, m: number): void {
    const g = this.layers.lines.clear();
    g.lineStyle(1.2 * m, hex(MAP_COLOURS.coast), 1);
    strokeLine(g, picture.coast);
    g.lineStyle(5 * m, 0xffffff, 0.85);
    strokeLine(g, picture.border);
    g.lineStyle(2.4 * m, hex(MAP_COLOURS.border), 1);
    const d = Math.max(m, 1 / 3);
    patternLine(g, picture.border, [12 * d, 4 * d, 2 * d, 4 * d]);
  }

  private drawRoads(picture: Picture, m: number): void {
    const g = this.layers.roads.clear();
    for (const cls of ROAD_ORDER) {
      const style = ROAD_STYLE[cls];
      const segments = picture.roads.filter((r) => r.cls === cls);
      if (style.casing > 0) {
        g.lineStyle(style.casing * m, 0xffffff, 1);
        for (const { a, b } of segments) g.lineBetween(a.x, a.y, b.x, b.y);
      }
      g.lineStyle(style.width * m, hex(style.colour), 1);
      const dash = style.dash ? style.dash.map((n) => n * Math.max(m, 1 / 3)) : null;
      for (const { a, b } of segments) {
        if (dash) patternLine(g, [a, b], dash);
        else g.lineBetween(a.x, a.y, b.x, b.y);
      }
      // Round joins for the thick highways.
      if (style.casing > 0) {
        g.fillStyle(hex(style.colour), 1);
        for (const { a, b } of segments) {
          g.fillCircle(a.x, a.y, (style.width * m) / 2);
          g.fillCircle(b.x, b.y, (style.width * m) / 2);
        }
      }
    }
  }

  private drawPlaces(picture: Picture, m: number): void {
    const g = this.layers.places.clear();
    for (const { kind, p, r: radius, fill } of picture.places) {
      const r = radius * m;
      g.lineStyle(1.2 * m, hex(MAP_COLOURS.outline), 1);
      g.fillStyle(fill, 1);
      switch (kind) {
        case 'crossing':
          g.fillPoints(vectors(diamond(p, r)), true);
          g.strokePoints(vectors(diamond(p, r)), true);
          break;
        case 'base':
          g.fillPoints(vectors(triangle(p, r)), true);
          g.strokePoints(vectors(triangle(p, r)), true);
          break;
        case 'hill':
          g.lineStyle(1.6 * m, hex(MAP_COLOURS.outline), 1);
          g.strokePoints(
            vectors([
              { x: p.x - r, y: p.y + r * 0.6 },
              { x: p.x, y: p.y - r * 0.8 },
              { x: p.x + r, y: p.y + r * 0.6 },
            ]),
            false,
          );
          g.fillCircle(p.x, p.y + r * 0.6, 2.5 * m);
          break;
        default:
          g.fillCircle(p.x, p.y, r);
          g.strokeCircle(p.x, p.y, r);
      }
    }
  }

  private drawPosts(picture: Picture, m: number): void {
    const g = this.layers.posts.clear();
    const s = POST_HALF * m;
    g.lineStyle(1 * m, hex(MAP_COLOURS.outline), 0.6);
    for (const p of picture.sites) g.strokeRect(p.x - s + m, p.y - s + m, 2 * s - 2 * m, 2 * s - 2 * m);
    for (const post of picture.posts) drawPostMarker(g, post.p, post.status, post.colour, m);
  }

  private drawConvoys(picture: Picture, m: number): void {
    const g = this.layers.convoys.clear();
    for (const c of picture.convoys) drawConvoyMarker(g, c.p, c.colour, m);
  }

  /**
   * A ring round the selected unit, post or place (nothing when it is not on the map), with four
   * ticks pointing at it so it never reads as a post's status ring; a frame round a unit.
   */
  private drawSelection(m: number): void {
    const g = this.layers.selection.clear();
    const picture = this.picture;
    const selected = this.view.selected();
    if (!picture || !selected) return;
    const t = picture.targets.find((x) => x.kind === selected.kind && x.id === selected.id);
    if (!t) return;
    const cx = t.x + (t.dx + t.w / 2) * m;
    const cy = t.y + (t.dy + t.h / 2) * m;
    const rx = (t.kind === 'unit' ? t.w / 2 + 4 : Math.max(t.w, t.h) / 2 + 7) * m;
    const ry = (t.kind === 'unit' ? t.h / 2 + 4 : Math.max(t.w, t.h) / 2 + 7) * m;
    const tick = 6 * m;
    for (const [width, colour] of [
      [5.5, 0xffffff],
      [2.5, hex(MAP_COLOURS.outline)],
    ] as const) {
      g.lineStyle(width * m, colour, 1);
      if (t.kind === 'unit') g.strokeRect(cx - rx, cy - ry, 2 * rx, 2 * ry);
      else g.strokeCircle(cx, cy, rx);
      g.lineBetween(cx, cy - ry, cx, cy - ry - tick);
      g.lineBetween(cx, cy + ry, cx, cy + ry + tick);
      g.lineBetween(cx - rx, cy, cx - rx - tick, cy);
      g.lineBetween(cx + rx, cy, cx + rx + tick, cy);
    }
  }

  // ------------------------------------------------------------------ turn playback

  private startStep(): void {
    const pb = this.playback!;
    const step = pb.steps[pb.index]!;
    this.layout(step.state);
    this.buildStep();
    pb.started = performance.now();
    this.controls?.setCaption(`${pb.caption} · ${step.title} (${pb.index + 1} of ${pb.steps.length})`);
    pb.timer = setTimeout(() => this.nextStep(), pb.ms);
    this.animate();
    this.onDrawn();
  }

  private nextStep(): void {
    const pb = this.playback;
    if (!pb) return;
    pb.timer = undefined;
    if (pb.index + 1 >= pb.steps.length) {
      this.skipPlayback();
      return;
    }
    pb.index += 1;
    this.startStep();
  }

  private clearStep(): void {
    const pb = this.playback;
    if (!pb) return;
    for (const mover of pb.movers) mover.image?.destroy();
    for (const s of pb.scaled) s.obj.destroy();
    pb.movers = [];
    pb.marks = [];
    pb.scaled = [];
    this.layers.fx.clear();
  }

  /** The moving symbols and the markers of the current step, laid out for the present canvas. */
  private buildStep(): void {
    const pb = this.playback!;
    const picture = this.picture!;
    this.clearStep();
    const step = pb.steps[pb.index]!;
    const proj = picture.proj;
    const m = markerScale(this.cam.zoom);
    const fog = fogOf(pb.after, pb.viewer);
    for (const track of step.tracks) {
      const path = track.path.map(proj.toScreen);
      let image: Phaser.GameObjects.Image | null = null;
      if (track.kind === 'unit') {
        const unit = step.state.units[track.id] ?? pb.after.units[track.id] ?? null;
        const source = unit ?? findUnit(pb.steps, track.id);
        if (source) {
          const stance = pb.viewer === '' ? null : stanceOf(pb.after, pb.viewer, source.actor);
          const texture = unitTexture(
            this.textures,
            source.type,
            affiliationOf(stance),
            colourOf(this.view.colours, source.actor),
            fog.unitEstimated(source),
          );
          image = this.add
            .image(path[0]!.x, path[0]!.y, texture.key)
            .setOrigin(texture.originX, texture.originY)
            .setDepth(DEPTH.sprites)
            .setScale(m);
        }
      }
      pb.movers.push({ track, path, image });
    }
    // Markers come in one after another; with tracks, once the moves are well under way.
    const n = step.markers.length;
    const perPlace = new Map<string, number>();
    step.markers.forEach((marker, i) => {
      const p = proj.toScreen(marker.at);
      const loc = picture.state.locations[marker.location];
      const r = loc ? symbolRadius(loc) : 7;
      const from = step.tracks.length > 0 ? 0.45 + (0.2 * i) / Math.max(1, n) : (0.5 * i) / Math.max(1, n);
      pb.marks.push({ marker, p, r, from, to: Math.min(1, from + 0.15) });
      const k = perPlace.get(marker.location) ?? 0;
      perPlace.set(marker.location, k + 1);
      const label = this.add
        .text(0, 0, marker.label, {
          fontFamily: FONT,
          fontSize: '11px',
          fontStyle: 'bold',
          color: MAP_COLOURS.label,
          stroke: MAP_COLOURS.labelHalo,
          strokeThickness: 3,
          resolution: Math.max(1, Math.min(2, window.devicePixelRatio || 1)),
        })
        .setDepth(DEPTH.fxLabels)
        .setVisible(false);
      // Beside the marker where no name or symbol is (else to its right, stacked per place).
      const spot = picture.labels.place(p.x, p.y, r + 8, label.width, label.height, 2);
      const s = spot
        ? { obj: label, x: p.x, y: p.y, ox: spot.x - p.x, oy: spot.y - p.y }
        : { obj: label, x: p.x, y: p.y, ox: r + 14, oy: -label.height / 2 + 13 * k };
      label.setPosition(s.x + s.ox * m, s.y + s.oy * m).setScale(m);
      pb.scaled.push(s);
    });
  }

  /** Draws the current step at the time now: symbols along their tracks, markers popping in. */
  private animate(): void {
    const pb = this.playback;
    if (!pb || !this.picture) return;
    const t = Math.min(1, Math.max(0, (performance.now() - pb.started) / pb.ms));
    const move = easeInOut(Math.min(1, t / MOVE_SHARE));
    const m = markerScale(this.cam.zoom);
    const g = this.layers.fx.clear();
    const colours = this.view.colours;
    for (const { track, path, image } of pb.movers) {
      const colour = hex(colourOf(colours, track.actors[0] ?? ''));
      // The way it goes, faint, and the part already driven, firm.
      g.lineStyle(3 * m, colour, 0.3);
      strokeLine(g, path);
      const here = pointAlong(path, move);
      g.lineStyle(3 * m, colour, 0.9);
      strokeLine(g, [...pathUpTo(path, move), here]);
      if (track.kind === 'unit') image?.setPosition(here.x, here.y);
      else if (track.kind === 'convoy') {
        if (!(track.end === 'destroyed' && move >= 1))
          drawConvoyMarker(g, here, colourOf(colours, track.actors[0] ?? ''), m);
      } else {
        // A joint patrol: a dot in each actor's colour, side by side.
        track.actors.forEach((actor, i) => {
          const x = here.x + (i - (track.actors.length - 1) / 2) * 7 * m;
          g.fillStyle(0xffffff, 1);
          g.fillCircle(x, here.y, 4.5 * m);
          g.fillStyle(hex(colourOf(colours, actor)), 1);
          g.fillCircle(x, here.y, 3.2 * m);
        });
      }
      if (move >= 1 && (track.end === 'destroyed' || track.end === 'turned_back' || track.end === 'stopped'))
        drawEndMark(g, here, track.end, m);
    }
    pb.marks.forEach(({ marker, p, r, from, to }, i) => {
      const shown = t >= from;
      const label = pb.scaled[i]?.obj;
      label?.setVisible(shown);
      if (!shown) return;
      const grow = to > from ? Math.min(1, (t - from) / (to - from)) : 1;
      drawMarker(g, marker, p, r, m, easeOut(grow), t, colours);
    });
    this.onFrameNeeded(2);
  }
}

// -------------------------------------------------------------------- drawing helpers

function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - 2 * (1 - t) * (1 - t);
}

function easeOut(t: number): number {
  return 1 - (1 - t) * (1 - t);
}

/** The points of a polyline before the fraction `t` of its length (the start included). */
function pathUpTo(path: readonly Point[], t: number): Point[] {
  let total = 0;
  for (let i = 0; i + 1 < path.length; i++)
    total += Math.hypot(path[i + 1]!.x - path[i]!.x, path[i + 1]!.y - path[i]!.y);
  const out: Point[] = [path[0]!];
  let walked = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    walked += Math.hypot(path[i + 1]!.x - path[i]!.x, path[i + 1]!.y - path[i]!.y);
    if (walked >= total * t) break;
    out.push(path[i + 1]!);
  }
  return out;
}

function findUnit(steps: readonly PlaybackStep[], id: string) {
  for (const s of steps) if (s.state.units[id]) return s.state.units[id]!;
  return null;
}

function strokeLine(g: Phaser.GameObjects.Graphics, points: readonly Point[]): void {
  if (points.length < 2) return;
  g.beginPath();
  g.moveTo(points[0]!.x, points[0]!.y);
  for (let i = 1; i < points.length; i++) g.lineTo(points[i]!.x, points[i]!.y);
  g.strokePath();
}

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

/** A star of `spikes` points between radii `inner` and `outer`. */
function star(p: Point, spikes: number, outer: number, inner: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < spikes * 2; i++) {
    const a = (Math.PI * i) / spikes - Math.PI / 2;
    const r = i % 2 === 0 ? outer : inner;
    out.push({ x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a) });
  }
  return out;
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
export function postShape(p: Point, s: number, scale = 1): Point[] {
  return [
    { x: p.x - s, y: p.y + s },
    { x: p.x + s, y: p.y + s },
    { x: p.x + s, y: p.y - s * 0.35 },
    { x: p.x, y: p.y - s - 3 * scale },
    { x: p.x - s, y: p.y - s * 0.35 },
  ];
}

/**
 * An observation post in its actor's colour. Supplied: the fort alone. Cut off: a broken ring
 * round it. Encircled: a closed ring. Evacuated: an empty outline. Overrun: the fort struck
 * through with a cross. The marks, not only colour, tell them apart (as the legend shows).
 * `scale` sizes it (symbol pixels to world units).
 */
export function drawPostMarker(
  g: Phaser.GameObjects.Graphics,
  p: Point,
  status: ObservationPost['status'],
  colour: string,
  scale = 1,
): void {
  const s = POST_HALF * scale;
  const ring = s + 5 * scale;
  if (status === 'encircled') {
    g.lineStyle(5 * scale, 0xffffff, 1);
    g.strokeCircle(p.x, p.y, ring);
    g.lineStyle(2.2 * scale, hex(MAP_COLOURS.outline), 1);
    g.strokeCircle(p.x, p.y, ring);
  } else if (status === 'cut_off') {
    for (let i = 0; i < 4; i++) {
      const a0 = (i * Math.PI) / 2 + 0.35;
      const a1 = a0 + Math.PI / 2 - 0.7;
      g.lineStyle(5 * scale, 0xffffff, 1);
      g.beginPath();
      g.arc(p.x, p.y, ring, a0, a1);
      g.strokePath();
      g.lineStyle(2.2 * scale, hex(MAP_COLOURS.outline), 1);
      g.beginPath();
      g.arc(p.x, p.y, ring, a0, a1);
      g.strokePath();
    }
  }
  const shape = vectors(postShape(p, s, scale));
  if (status === 'evacuated') {
    g.fillStyle(0xffffff, 1);
    g.fillPoints(shape, true);
    g.lineStyle(1.3 * scale, hex(colour), 1);
    g.strokePoints(shape, true);
    return;
  }
  g.fillStyle(hex(colour), 1);
  g.fillPoints(shape, true);
  g.lineStyle(1.3 * scale, hex(MAP_COLOURS.outline), 1);
  g.strokePoints(shape, true);
  if (status === 'overrun') {
    const d = s + 2 * scale;
    g.lineStyle(2.5 * scale, hex(MAP_COLOURS.outline), 1);
    g.lineBetween(p.x - d, p.y - d, p.x + d, p.y + d);
    g.lineBetween(p.x - d, p.y + d, p.x + d, p.y - d);
  }
}

function drawConvoyMarker(g: Phaser.GameObjects.Graphics, p: Point, colour: string, scale = 1): void {
  g.fillStyle(0xffffff, 1);
  g.fillCircle(p.x, p.y, 6 * scale);
  g.lineStyle(2.5 * scale, hex(colour), 1);
  g.strokeCircle(p.x, p.y, 5 * scale);
  g.fillStyle(hex(colour), 1);
  g.fillCircle(p.x, p.y, 2 * scale);
}

/** What marks the end of a track: a cross (destroyed), a U-turn bar (turned back), a stop bar. */
function drawEndMark(g: Phaser.GameObjects.Graphics, p: Point, end: Track['end'], m: number): void {
  const outline = hex(MAP_COLOURS.outline);
  if (end === 'destroyed') {
    drawCross(g, p, 7 * m, m);
    return;
  }
  // A short bar across the way (stopped), or two (turned back).
  const bars = end === 'turned_back' ? [-3, 3] : [0];
  for (const dx of bars) {
    g.lineStyle(4.5 * m, 0xffffff, 1);
    g.lineBetween(p.x + dx * m, p.y - 9 * m, p.x + dx * m, p.y - 3 * m);
    g.lineStyle(2.5 * m, outline, 1);
    g.lineBetween(p.x + dx * m, p.y - 9 * m, p.x + dx * m, p.y - 3 * m);
  }
}

function drawCross(g: Phaser.GameObjects.Graphics, p: Point, d: number, m: number): void {
  for (const [width, colour] of [
    [5.5, 0xffffff],
    [2.8, hex(MAP_COLOURS.outline)],
  ] as const) {
    g.lineStyle(width * m, colour, 1);
    g.lineBetween(p.x - d, p.y - d, p.x + d, p.y + d);
    g.lineBetween(p.x - d, p.y + d, p.x + d, p.y - d);
  }
}

/** An arrow from `a` to `b` with a head at `b`. */
function arrow(g: Phaser.GameObjects.Graphics, a: Point, b: Point, head: number): void {
  g.lineBetween(a.x, a.y, b.x, b.y);
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  for (const side of [-1, 1]) {
    const h = angle + Math.PI + (side * Math.PI) / 6;
    g.lineBetween(b.x, b.y, b.x + head * Math.cos(h), b.y + head * Math.sin(h));
  }
}

/**
 * One marker of a playback step, grown to `grow` (0..1), at phase time `t`. Each kind has its
 * own shape (a burst for a strike, crossed arrows for an assault, a ring for a post …), drawn in
 * the colour of the actor it speaks of, so colour is never the only sign.
 */
function drawMarker(
  g: Phaser.GameObjects.Graphics,
  marker: Marker,
  p: Point,
  r: number,
  m: number,
  grow: number,
  t: number,
  colours: Readonly<Record<string, string>>,
): void {
  const colour = hex(marker.actor === '' ? NOBODY_COLOUR : colourOf(colours, marker.actor));
  const outline = hex(MAP_COLOURS.outline);
  const k = m * grow;
  // A slow pulse (0..1) for rings that draw the eye.
  const pulse = (t * 3) % 1;
  switch (marker.kind) {
    case 'strike':
    case 'interdiction':
    case 'patrol_attack': {
      const big = marker.kind === 'strike' ? 1 : 0.75;
      g.lineStyle(2 * m, colour, 1 - pulse);
      g.strokeCircle(p.x, p.y, (r + 4 + 12 * pulse) * m);
      const burst = vectors(star(p, 8, 12 * big * k, 5 * big * k));
      g.fillStyle(colour, 1);
      g.fillPoints(burst, true);
      g.lineStyle(1.5 * m, outline, 1);
      g.strokePoints(burst, true);
      g.fillStyle(0xffffff, 1);
      g.fillCircle(p.x, p.y, 2.5 * k);
      break;
    }
    case 'assault': {
      // Two arrows crossing over the place.
      const d = 11 * k;
      for (const [width, c] of [
        [6, 0xffffff],
        [3, colour],
      ] as const) {
        g.lineStyle(width * m, c, 1);
        arrow(g, { x: p.x - d, y: p.y + d }, { x: p.x + d, y: p.y - d }, 6 * k);
        arrow(g, { x: p.x + d, y: p.y + d }, { x: p.x - d, y: p.y - d }, 6 * k);
      }
      g.lineStyle(1.5 * m, outline, 1 - pulse);
      g.strokeCircle(p.x, p.y, (r + 6 + 10 * pulse) * m);
      break;
    }
    case 'control': {
      // The place flashes between its old and new holders' colours, then stays in the new one.
      const old = hex(marker.from === '' ? NOBODY_COLOUR : colourOf(colours, marker.from));
      const flashing = t < 0.85 && Math.floor(t * 8) % 2 === 0;
      g.fillStyle(flashing ? old : colour, 1);
      g.fillCircle(p.x, p.y, (r + 1) * m);
      g.lineStyle(2 * m, outline, 1);
      g.strokeCircle(p.x, p.y, (r + 1) * m);
      g.lineStyle(3 * m, colour, 1 - pulse);
      g.strokeCircle(p.x, p.y, (r + 4 + 10 * pulse) * m);
      break;
    }
    case 'destroyed':
      drawCross(g, { x: p.x + (r + 4) * m, y: p.y - (r + 4) * m }, 6 * k, m);
      break;
    case 'post':
      g.lineStyle(5 * m, 0xffffff, 1);
      g.strokeCircle(p.x, p.y, (14 + 4 * pulse) * k);
      g.lineStyle(2.5 * m, colour, 1);
      g.strokeCircle(p.x, p.y, (14 + 4 * pulse) * k);
      break;
    case 'checkpoint':
    case 'standoff': {
      // A barrier across the road: a striped bar over the place.
      const w = 10 * k;
      const y = p.y - (r + 6) * m;
      g.fillStyle(0xffffff, 1);
      g.fillRect(p.x - w - m, y - 3 * m, 2 * w + 2 * m, 6 * m);
      g.fillStyle(colour, 1);
      for (let i = 0; i < 4; i += 2) g.fillRect(p.x - w + (i * w) / 2, y - 2 * m, w / 2, 4 * m);
      g.lineStyle(1 * m, outline, 1);
      g.strokeRect(p.x - w, y - 2 * m, 2 * w, 4 * m);
      break;
    }
    case 'displaced': {
      // People leaving: an arrow heading north, towards the camps on the border, beside the place.
      const x = p.x - (r + 5) * m;
      for (const [width, c] of [
        [4, 0xffffff],
        [2, outline],
      ] as const) {
        g.lineStyle(width * m, c, 1);
        arrow(g, { x, y: p.y + 7 * k }, { x, y: p.y - 7 * k }, 5 * k);
      }
      break;
    }
  }
}

/** Paints the base layer: land, sea, Turkey and the zones (cut back to Syrian land). */
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

  const ids = [...sortedIds(state.zones)].sort(
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
  return canvas;
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
