// Hover details for the map: what a unit, post, place or convoy is, in words, as the player's
// view shows it (`describeTarget`, pure), and the DOM box that shows them by the pointer
// (`MapTooltip`, text only: every string goes in through textContent).
//
// Fog of war: the view (src/engine/view.ts) gives other actors' unobserved units and posts as
// estimates without marking them. Whether a thing is observed depends only on the viewer's own
// units and posts, who holds each place and the airspace, all of which the view shows exactly,
// so `fogOf` works it out again from the view itself; estimates are shown with "~".
import {
  actorName,
  placeName,
  roadBetween,
  type Convoy,
  type GameState,
  type Location,
  type ObservationPost,
  type PostStatus,
  type Terrain,
  type Unit,
  type UnitType,
} from '../engine/index.ts';
import { observedPlaces } from '../engine/view.ts';
import type { TargetKind } from './map-camera.ts';
import { grouped } from './map-playback.ts';

export const UNIT_TYPE_WORDS: Readonly<Record<UnitType, string>> = {
  infantry: 'Infantry',
  mechanised: 'Mechanised infantry',
  armour: 'Armour',
  artillery: 'Artillery',
  air_defence: 'Air defence',
  special_forces: 'Special forces',
  militia: 'Militia',
  military_police: 'Military police',
};

export const POST_STATUS_SENTENCES: Readonly<Record<PostStatus, string>> = {
  supplied: 'Supplied: an open road leads to its supply sources',
  cut_off: 'Cut off: no open road leads to its supply sources',
  encircled: 'Encircled: hostile ground all round it',
  evacuated: 'Evacuated: the garrison has gone home',
  overrun: 'Overrun: taken by assault',
};

const KIND_WORDS: Readonly<Record<Location['kind'], string>> = {
  city: 'City',
  town: 'Town',
  village: 'Village',
  crossing: 'Border crossing',
  hill: 'Hill',
  base: 'Air base',
  post: 'Observation post site',
};

const TERRAIN_WORDS: Readonly<Record<Terrain, string>> = {
  urban: 'urban terrain',
  open: 'open ground',
  hills: 'hills',
  mountain: 'mountains',
};

// ---------------------------------------------------------------- fog of war

export interface Fog {
  /** True when the unit's strength and readiness are estimates (an unobserved unit of another actor). */
  unitEstimated(unit: Unit): boolean;
  /** True when the post's garrison, supplies and readiness are estimates. */
  postEstimated(post: ObservationPost): boolean;
}

const fogs = new WeakMap<GameState, Map<string, Fog>>();

/** What `viewer` observes in its view `state` ('' sees everything exactly). */
export function fogOf(state: GameState, viewer: string): Fog {
  let byViewer = fogs.get(state);
  const known = byViewer?.get(viewer);
  if (known) return known;
  let fog: Fog;
  if (viewer === '' || !state.actors[viewer])
    fog = { unitEstimated: () => false, postEstimated: () => false };
  else {
    const seen = observedPlaces(state, viewer);
    fog = {
      unitEstimated: (u) =>
        u.actor !== viewer && !seen.has(u.location) && !(u.transit !== null && seen.has(u.transit.toward)),
      postEstimated: (p) => p.actor !== viewer && !seen.has(p.location),
    };
  }
  if (!byViewer) fogs.set(state, (byViewer = new Map()));
  byViewer.set(viewer, fog);
  return fog;
}

/** A unit's strength as shown: "~40" for an estimate. */
export function strengthText(unit: Unit, estimated: boolean): string {
  return `${estimated ? '~' : ''}${unit.strength}`;
}

// ---------------------------------------------------------------- the words

export interface TooltipContent {
  title: string;
  lines: string[];
}

function km(metres: number): string {
  return String(Math.round(metres / 1000));
}

function describeUnit(state: GameState, viewer: string, unit: Unit): TooltipContent {
  const estimated = fogOf(state, viewer).unitEstimated(unit);
  const lines = [`${actorName(state, unit.actor)} · ${UNIT_TYPE_WORDS[unit.type] ?? unit.type}`];
  lines.push(
    estimated
      ? `Strength ~${unit.strength} (an estimate: not observed now)`
      : `Strength ${unit.strength} · readiness ${unit.readiness} %`,
  );
  if (unit.transit) {
    const road = state.roads[unit.transit.road];
    lines.push(
      `On the road from ${placeName(state, unit.location)} to ${placeName(state, unit.transit.toward)}` +
        (road ? ` (${km(unit.transit.covered)} of ${km(road.length)} km)` : ''),
    );
  } else lines.push(`${estimated ? 'Last seen at' : 'At'} ${placeName(state, unit.location)}`);
  if (unit.destination !== '') lines.push(`Moving to ${placeName(state, unit.destination)}`);
  else if (!estimated && !unit.transit) lines.push('Holding');
  return { title: unit.name, lines };
}

function describePost(state: GameState, viewer: string, post: ObservationPost): TooltipContent {
  const estimated = fogOf(state, viewer).postEstimated(post);
  const lines = [`Observation post · ${actorName(state, post.actor)}`, POST_STATUS_SENTENCES[post.status]];
  if (post.status !== 'evacuated' && post.status !== 'overrun') {
    lines.push(
      estimated
        ? `Supplies ~${post.supplyDays} days, garrison ~${grouped(post.garrison)} (estimates)`
        : `Supplies ${post.supplyDays} of ${post.maxSupplyDays} days left`,
    );
    if (!estimated) lines.push(`Garrison ${grouped(post.garrison)} soldiers · readiness ${post.readiness} %`);
    lines.push(`Watches ${km(post.radius)} km round · ${post.observed} violations reported`);
  }
  lines.push(`At ${placeName(state, post.location)}`);
  return { title: post.name, lines };
}

function describePlace(state: GameState, loc: Location): TooltipContent {
  const lines = [`${KIND_WORDS[loc.kind] ?? loc.kind} · ${TERRAIN_WORDS[loc.terrain] ?? loc.terrain}`];
  if (loc.population > 0)
    lines.push(
      loc.residents === loc.population
        ? `Population ${grouped(loc.population)}`
        : `Residents ${grouped(loc.residents)} of ${grouped(loc.population)} (the others fled or were killed)`,
    );
  lines.push(loc.controller === '' ? 'Held by nobody' : `Held by ${actorName(state, loc.controller)}`);
  if (loc.fortification > 0) lines.push(`Fortification ${loc.fortification} of 3`);
  if (loc.checkpoint !== '') lines.push(`${actorName(state, loc.checkpoint)} checkpoint`);
  return { title: loc.name, lines };
}

const CONVOY_STATUS: Readonly<Record<Convoy['status'], string>> = {
  moving: 'On the road',
  halted: 'Halted at a checkpoint: a stand-off',
  arrived: 'Arrived',
  turned_back: 'Turned back: driving home',
  destroyed: 'Destroyed',
};

function describeConvoy(state: GameState, convoy: Convoy): TooltipContent {
  const post = state.posts[convoy.destination];
  const v = convoy.vehicles;
  const vehicles = v.tanks + v.armoured + v.trucks + v.airDefence;
  const lines = [
    `Supply convoy · ${actorName(state, convoy.actor)}` +
      (convoy.escort !== '' ? ` · escorted by ${actorName(state, convoy.escort)}` : ''),
    convoy.delay > 0 ? 'Held up after coming under fire' : CONVOY_STATUS[convoy.status],
  ];
  const here = convoy.route[convoy.leg];
  const next = convoy.route[convoy.leg + 1];
  if (here !== undefined) {
    const road = next !== undefined ? roadBetween(state, here, next) : null;
    lines.push(
      convoy.covered > 0 && next !== undefined
        ? `Between ${placeName(state, here)} and ${placeName(state, next)}` +
            (road ? ` (${km(convoy.covered)} of ${km(road.length)} km)` : '')
        : `At ${placeName(state, here)}`,
    );
  }
  const cargo: string[] = [];
  if (convoy.cargo.supplyDays > 0) cargo.push(`${convoy.cargo.supplyDays} supply days`);
  if (convoy.cargo.troops > 0) cargo.push(`${grouped(convoy.cargo.troops)} troops`);
  lines.push(`${vehicles} vehicles${cargo.length > 0 ? ` carrying ${cargo.join(' and ')}` : ''}`);
  if (convoy.damage > 0) lines.push(`Damage ${convoy.damage} %`);
  lines.push(convoy.notified ? 'Russia notified' : 'Russia not notified');
  return { title: `Convoy to ${post?.name ?? convoy.destination}`, lines };
}

/** The words for a symbol on the map, or null when the view does not hold it. */
export function describeTarget(
  state: GameState,
  viewer: string,
  target: { kind: TargetKind; id: string },
): TooltipContent | null {
  switch (target.kind) {
    case 'unit': {
      const unit = state.units[target.id];
      return unit && unit.strength > 0 ? describeUnit(state, viewer, unit) : null;
    }
    case 'post': {
      const post = state.posts[target.id];
      return post ? describePost(state, viewer, post) : null;
    }
    case 'place': {
      const loc = state.locations[target.id];
      return loc ? describePlace(state, loc) : null;
    }
    case 'convoy': {
      const convoy = state.convoys[target.id];
      return convoy ? describeConvoy(state, convoy) : null;
    }
  }
}

// ---------------------------------------------------------------- the box

/** A small box by the pointer with a title and lines of text; it never takes the pointer. */
export class MapTooltip {
  private readonly box: HTMLDivElement;

  constructor(parent: HTMLElement) {
    this.box = document.createElement('div');
    this.box.className = 'map-tooltip';
    this.box.id = 'map-tooltip';
    this.box.setAttribute('role', 'tooltip');
    this.box.hidden = true;
    parent.append(this.box);
  }

  /** Shows `content` next to (x, y), pixels in the parent, kept inside a parent of size w × h. */
  show(content: TooltipContent, x: number, y: number, w: number, h: number): void {
    const title = document.createElement('strong');
    title.textContent = content.title;
    const rows = content.lines.map((line) => {
      const row = document.createElement('span');
      row.textContent = line;
      return row;
    });
    this.box.replaceChildren(title, ...rows);
    this.box.hidden = false;
    const bw = this.box.offsetWidth;
    const bh = this.box.offsetHeight;
    const gap = 14;
    let left = x + gap;
    let top = y + gap;
    if (left + bw > w - 4) left = Math.max(4, x - gap - bw);
    if (top + bh > h - 4) top = Math.max(4, y - gap - bh);
    this.box.style.left = `${Math.round(left)}px`;
    this.box.style.top = `${Math.round(top)}px`;
  }

  hide(): void {
    this.box.hidden = true;
  }

  get visible(): boolean {
    return !this.box.hidden;
  }

  destroy(): void {
    this.box.remove();
  }
}
