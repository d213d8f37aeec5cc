// The map's pure parts, on real turns of the default scenario: what a resolved turn plays out
// (phases in order, tracks from where things were to where they are, markers where strikes,
// assaults and captures happen, the state drawn under each phase), fog of war in the student's
// view, the camera's arithmetic, hit-testing and the hover words.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioArg } from '../../src/cli/files.ts';
import { ordersForTurn, type Player } from '../../src/cli/play.ts';
import { resolveTurn, viewFor, type GameEvent, type GameState, type Phase } from '../../src/engine/index.ts';
import { eventVisibleTo, HIDDEN_READINESS } from '../../src/engine/view.ts';
import type { Point } from '../../src/game/geography.ts';
import {
  clampZoom,
  fitCamera,
  hitTest,
  markerScale,
  MAX_ZOOM,
  MIN_ZOOM,
  panCamera,
  resizeCamera,
  screenToWorld,
  worldToScreen,
  zoomCamera,
  type HitTarget,
} from '../../src/game/map-camera.ts';
import { scaleBar } from '../../src/game/map-controls.ts';
import {
  assaultWinner,
  convoyPoint,
  grouped,
  MAX_FLIGHT_MARKERS,
  PHASE_ORDER,
  playbackSteps,
  pointAlong,
  unitPoint,
  type PlaybackStep,
} from '../../src/game/map-playback.ts';
import { describeTarget, fogOf, POST_STATUS_SENTENCES } from '../../src/game/map-tooltip.ts';
import { newGame, type Scenario } from '../../src/scenario/index.ts';

interface Turn {
  before: GameState;
  after: GameState;
  events: GameEvent[];
}

const TURNS = 12;
let scenario: Scenario;
const turns: Turn[] = [];

/** The turn as a student playing `viewer` sees it ('' for the full view). */
function seen(turn: Turn, viewer: string) {
  const before = viewFor(turn.before, viewer);
  const after = viewFor(turn.after, viewer);
  const events = turn.events.filter((e) => eventVisibleTo(e, viewer));
  return { before, after, events, steps: playbackSteps(before, after, events) };
}

const pointOf = (state: GameState, id: string): Point => ({
  x: state.locations[id]!.x,
  y: state.locations[id]!.y,
});

const near = (a: Point, b: Point) => {
  expect(a.x).toBeCloseTo(b.x, 6);
  expect(a.y).toBeCloseTo(b.y, 6);
};

const last = <T>(list: readonly T[]): T => list[list.length - 1]!;

beforeAll(() => {
  // Every actor played by the computer: a busy front (marches, convoys, strikes, assaults).
  scenario = loadScenarioArg('winter-2019-2020');
  const players: Record<string, Player> = {};
  for (const a of scenario.data.actors) players[a.id] = 'computer';
  let state = newGame(scenario, '1');
  for (let i = 0; i < TURNS && !state.over; i++) {
    const { orders, decisions } = ordersForTurn(scenario, state, players);
    const { state: next, events } = resolveTurn(state, orders, decisions);
    turns.push({ before: state, after: next, events });
    state = next;
  }
});

const allEvents = () => turns.flatMap((t) => t.events);

describe('playbackSteps on real turns', () => {
  it('the turns played have every kind of thing the map shows', () => {
    const kinds = new Set(allEvents().map((e) => e.kind));
    for (const k of [
      'unit.moved',
      'convoy.departed',
      'convoy.arrived',
      'convoy.interdicted',
      'strike.resolved',
      'assault.resolved',
      'control.changed',
      'post.status_changed',
      'unit.destroyed',
    ] as const)
      expect(kinds, k).toContain(k);
  });

  it('gives the phases in resolution order, each with something to show, every track a real path', () => {
    for (const turn of turns) {
      for (const viewer of ['', 'turkey', 'syria']) {
        const { steps } = seen(turn, viewer);
        const order = steps.map((s) => PHASE_ORDER.indexOf(s.phase));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(new Set(order).size).toBe(order.length);
        for (const step of steps) {
          expect(step.tracks.length + step.markers.length).toBeGreaterThan(0);
          expect(step.title).not.toBe('');
          for (const track of step.tracks) {
            expect(track.path.length).toBeGreaterThanOrEqual(2);
            for (const p of track.path) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
            for (let i = 0; i + 1 < track.path.length; i++)
              expect(track.path[i]).not.toEqual(track.path[i + 1]);
          }
          for (const m of step.markers) near(m.at, pointOf(turn.before, m.location));
        }
      }
    }
  });

  it('moves each unit from where it stood before the turn to where it stands after it', () => {
    let checked = 0;
    for (const turn of turns) {
      const { before, after, steps } = seen(turn, '');
      const byUnit = new Map<string, { phase: Phase; path: Point[] }[]>();
      for (const step of steps)
        for (const t of step.tracks)
          if (t.kind === 'unit')
            byUnit.set(t.id, [...(byUnit.get(t.id) ?? []), { phase: step.phase, path: t.path }]);
      for (const [id, tracks] of byUnit) {
        near(tracks[0]!.path[0]!, unitPoint(before, before.units[id]!)!);
        const final = after.units[id];
        if (final) near(last(last(tracks).path), unitPoint(after, final)!);
        // One track ends where the next begins.
        for (let i = 0; i + 1 < tracks.length; i++) near(last(tracks[i]!.path), tracks[i + 1]!.path[0]!);
        checked += 1;
      }
      // Every move the player sees becomes a track, unless the unit did not get anywhere.
      const moved = new Set(
        turn.events.filter((e) => e.kind === 'unit.moved').map((e) => String(e.data.unit)),
      );
      for (const id of byUnit.keys()) expect(moved).toContain(id);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('drives each convoy along its route to where it is after the turn, or to its post', () => {
    let arrived = 0;
    let driving = 0;
    for (const turn of turns) {
      const { before, after, steps, events } = seen(turn, '');
      for (const step of steps) {
        for (const t of step.tracks) {
          if (t.kind !== 'convoy') continue;
          const was = before.convoys[t.id];
          if (was) near(t.path[0]!, convoyPoint(before, was)!);
          else {
            const departed = events.find((e) => e.kind === 'convoy.departed' && e.data.convoy === t.id)!;
            near(t.path[0]!, pointOf(before, String(departed.data.route).split(' ')[0]!));
          }
          const now = after.convoys[t.id];
          if (t.end === 'arrived') {
            const arrival = events.find((e) => e.kind === 'convoy.arrived' && e.data.convoy === t.id)!;
            near(last(t.path), pointOf(before, arrival.location));
            expect(now).toBeUndefined();
            arrived += 1;
          } else if (now) {
            near(last(t.path), convoyPoint(after, now)!);
            driving += 1;
          }
          expect(t.actors).toEqual([(was ?? now)?.actor ?? t.actors[0]]);
        }
      }
    }
    expect(arrived).toBeGreaterThan(2);
    expect(driving).toBeGreaterThan(2);
  });

  it('marks strikes at their target in the attacker’s colour, assaults in the winner’s', () => {
    let strikes = 0;
    let assaults = 0;
    for (const turn of turns) {
      const { steps, events } = seen(turn, '');
      const markers = steps.flatMap((s) => s.markers.map((m) => ({ ...m, phase: s.phase })));
      for (const e of events) {
        if (e.kind === 'strike.resolved') {
          const m = markers.find(
            (x) => x.kind === 'strike' && x.location === e.data.target && x.actor === e.data.attacker,
          );
          expect(m?.phase).toBe('strikes');
          strikes += 1;
        } else if (e.kind === 'assault.resolved') {
          const { winner } = assaultWinner(e);
          const m = markers.find(
            (x) => x.kind === 'assault' && x.location === e.location && x.actor === winner,
          );
          expect(m?.phase).toBe('assaults');
          if (e.data.captured === true) expect(winner).toBe(e.data.attacker);
          assaults += 1;
        }
      }
    }
    expect(strikes).toBeGreaterThan(20);
    expect(assaults).toBeGreaterThan(10);
  });

  it('flashes a place that changes hands, and draws it in its new holder’s colour from the next phase on', () => {
    let checked = 0;
    for (const turn of turns) {
      const { before, steps, events } = seen(turn, '');
      const firstChange = new Map<string, GameEvent>();
      for (const e of events)
        if (e.kind === 'control.changed' && !firstChange.has(e.location)) firstChange.set(e.location, e);
      for (const [loc, e] of firstChange) {
        const i = steps.findIndex((s) => s.phase === e.phase);
        const marker = steps[i]!.markers.find((m) => m.kind === 'control' && m.location === loc)!;
        expect(marker.actor).toBe(e.data.to);
        expect(marker.from).toBe(e.data.from);
        for (let j = 0; j <= i; j++)
          expect(steps[j]!.state.locations[loc]!.controller).toBe(before.locations[loc]!.controller);
        for (let j = i + 1; j < steps.length; j++) {
          const changedAgain = events.some(
            (x) =>
              x.kind === 'control.changed' &&
              x.location === loc &&
              x !== e &&
              PHASE_ORDER.indexOf(x.phase) < PHASE_ORDER.indexOf(steps[j]!.phase),
          );
          if (!changedAgain) expect(steps[j]!.state.locations[loc]!.controller).toBe(e.data.to);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('leaves the units and convoys a phase moves out of the state drawn under it, and destroyed units out after', () => {
    let destroyed = 0;
    for (const turn of turns) {
      const { steps } = seen(turn, '');
      steps.forEach((step, i) => {
        for (const t of step.tracks) {
          if (t.kind === 'unit') expect(step.state.units[t.id]).toBeUndefined();
          if (t.kind === 'convoy') expect(step.state.convoys[t.id]).toBeUndefined();
        }
        for (const m of step.markers.filter((x) => x.kind === 'destroyed')) {
          const e = turn.events.find(
            (x) => x.kind === 'unit.destroyed' && x.phase === step.phase && x.location === m.location,
          )!;
          for (const later of steps.slice(i + 1))
            expect(later.state.units[String(e.data.unit)]).toBeUndefined();
          destroyed += 1;
        }
      });
    }
    expect(destroyed).toBeGreaterThan(0);
  });

  it('shows a post changing status at its post, and the state after that phase holds the new status', () => {
    let checked = 0;
    for (const turn of turns) {
      const { steps, events } = seen(turn, '');
      for (const e of events.filter((x) => x.kind === 'post.status_changed')) {
        const i = steps.findIndex((s) => s.phase === e.phase);
        expect(steps[i]!.markers.some((m) => m.kind === 'post' && m.location === e.location)).toBe(true);
        const next = steps[i + 1];
        if (
          next &&
          !events.some((x) => x.kind === 'post.status_changed' && x.data.post === e.data.post && x !== e)
        )
          expect(next.state.posts[String(e.data.post)]!.status).toBe(e.data.to);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('marks only the largest flows of people fleeing', () => {
    for (const turn of turns) {
      const { steps } = seen(turn, '');
      for (const step of steps)
        expect(step.markers.filter((m) => m.kind === 'displaced').length).toBeLessThanOrEqual(
          MAX_FLIGHT_MARKERS,
        );
    }
  });

  it('in a student’s view, follows only what the student may see and never breaks on what is hidden', () => {
    for (const turn of turns) {
      for (const viewer of ['turkey', 'syria', 'hts']) {
        const { before, after, steps } = seen(turn, viewer);
        for (const step of steps) {
          for (const t of step.tracks) {
            if (t.kind === 'unit') {
              // Other actors' marches are not the student's to see.
              expect((before.units[t.id] ?? after.units[t.id])!.actor).toBe(viewer);
            }
            if (t.kind === 'convoy')
              expect(before.convoys[t.id] ?? after.convoys[t.id] ?? t.actors[0] === viewer).toBeTruthy();
          }
          expect(Object.keys(step.state.units).every((id) => before.units[id] || after.units[id])).toBe(true);
        }
      }
    }
  });

  it('shows nothing for a turn with nothing to show, and skips events at unknown places', () => {
    const { before } = turns[0]!;
    expect(playbackSteps(before, before, [])).toEqual([]);
    const odd: GameEvent = {
      kind: 'strike.resolved',
      turn: 1,
      phase: 'strikes',
      actors: ['syria'],
      location: 'nowhere',
      data: { attacker: 'syria', means: 'air', target: 'nowhere', result: 'normal' },
      explain: '',
    };
    const ghost: GameEvent = {
      ...odd,
      kind: 'unit.moved',
      phase: 'movement',
      data: { unit: 'ghost', from: 'a', to: 'b', via: 'b' },
    };
    expect(playbackSteps(before, before, [odd, ghost])).toEqual([]);
  });

  it('turns a convoy back where it was hit and brings it home along the road it came by', () => {
    const { before } = turns[0]!;
    // A route of four places joined by roads, from the default map.
    const departed = allEvents().find(
      (e) => e.kind === 'convoy.departed' && String(e.data.route).split(' ').length >= 4,
    )!;
    const route = String(departed.data.route).split(' ');
    const [a, b, c] = route as [string, string, string];
    const roadBC = Object.values(before.roads).find(
      (r) => (r.from === b && r.to === c) || (r.from === c && r.to === b),
    )!;
    const roadCB = roadBC.length;
    const was = {
      id: 'convoy_x',
      actor: 'turkey',
      origin: a,
      destination: String(departed.data.post),
      cargo: { supplyDays: 10, troops: 0 },
      route,
      leg: 1,
      covered: Math.floor(roadCB / 2),
      vehicles: { tanks: 0, armoured: 2, trucks: 10, airDefence: 0 },
      escort: '',
      notified: true,
      status: 'moving' as const,
      delay: 0,
      damage: 0,
      standoff: null,
    };
    const now = {
      ...was,
      route: [c, b, a],
      leg: 0,
      covered: Math.floor(roadCB / 4),
      status: 'turned_back' as const,
    };
    const hit: GameEvent = {
      kind: 'convoy.interdicted',
      turn: before.turn,
      phase: 'movement',
      actors: ['syria', 'turkey'],
      location: c,
      data: { convoy: 'convoy_x', actor: 'turkey', by: 'syria', outcome: 'turned_back' },
      explain: '',
    };
    const s0 = { ...before, convoys: { convoy_x: was } };
    const s1 = { ...before, convoys: { convoy_x: now } };
    const [step] = playbackSteps(s0, s1, [hit]) as [PlaybackStep];
    const track = step.tracks.find((t) => t.kind === 'convoy')!;
    expect(track.end).toBe('turned_back');
    near(track.path[0]!, convoyPoint(s0, was)!);
    expect(track.path).toContainEqual(pointOf(before, c));
    near(last(track.path), convoyPoint(s1, now)!);
    expect(step.markers.map((m) => [m.kind, m.location, m.actor])).toEqual([['interdiction', c, 'syria']]);
  });
});

describe('fog of war on the map', () => {
  it('knows which strengths in a view are estimates, exactly as viewFor made them', () => {
    let estimated = 0;
    for (const turn of turns.slice(0, 4)) {
      for (const viewer of ['turkey', 'syria', 'hts']) {
        const view = viewFor(turn.after, viewer);
        const fog = fogOf(view, viewer);
        for (const id of Object.keys(view.units)) {
          const shown = view.units[id]!;
          const real = turn.after.units[id]!;
          if (fog.unitEstimated(shown)) {
            estimated += 1;
            expect(shown.actor).not.toBe(viewer);
            expect(shown.readiness).toBe(HIDDEN_READINESS);
            expect(shown.strength % turn.after.params.fogStrengthBucket).toBe(0);
            const words = describeTarget(view, viewer, { kind: 'unit', id })!;
            expect(words.lines.join(' ')).toContain(`Strength ~${shown.strength}`);
          } else {
            expect(shown.strength).toBe(real.strength);
            expect(shown.readiness).toBe(real.readiness);
            expect(describeTarget(view, viewer, { kind: 'unit', id })!.lines.join(' ')).not.toContain('~');
          }
        }
        for (const id of Object.keys(view.posts)) {
          const post = view.posts[id]!;
          if (!fog.postEstimated(post)) expect(post.garrison).toBe(turn.after.posts[id]!.garrison);
        }
      }
    }
    expect(estimated).toBeGreaterThan(10);
    // The full view estimates nothing.
    const full = turns[0]!.after;
    expect(Object.values(full.units).some((u) => fogOf(full, '').unitEstimated(u))).toBe(false);
  });
});

describe('hover words', () => {
  it('say what a place, a post and a convoy are', () => {
    const state = turns[0]!.after;
    const city = Object.values(state.locations).find((l) => l.kind === 'city')!;
    const place = describeTarget(state, '', { kind: 'place', id: city.id })!;
    expect(place.title).toBe(city.name);
    expect(place.lines[0]).toMatch(/^City · /);
    expect(place.lines.join(' ')).toContain(grouped(city.population));
    expect(place.lines.join(' ')).toMatch(/Held by /);

    const post = Object.values(state.posts)[0]!;
    const words = describeTarget(state, '', { kind: 'post', id: post.id })!;
    expect(words.lines).toContain(POST_STATUS_SENTENCES[post.status]);
    expect(new Set(Object.values(POST_STATUS_SENTENCES)).size).toBe(5);

    const anyConvoy = turns.map((t) => t.after).find((s) => Object.keys(s.convoys).length > 0)!;
    const id = Object.keys(anyConvoy.convoys)[0]!;
    expect(describeTarget(anyConvoy, '', { kind: 'convoy', id })!.title).toMatch(/^Convoy to /);
    expect(describeTarget(state, '', { kind: 'unit', id: 'nobody' })).toBeNull();
  });

  it('groups thousands', () => {
    expect(grouped(0)).toBe('0');
    expect(grouped(999)).toBe('999');
    expect(grouped(1000)).toBe('1,000');
    expect(grouped(1234567)).toBe('1,234,567');
    expect(grouped(-45000)).toBe('-45,000');
  });
});

describe('geometry and camera', () => {
  it('finds the point a share of the way along a path, by length', () => {
    const path = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 30 },
    ];
    expect(pointAlong(path, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(path, 1)).toEqual({ x: 10, y: 30 });
    expect(pointAlong(path, 0.25)).toEqual({ x: 10, y: 0 });
    expect(pointAlong(path, 0.5)).toEqual({ x: 10, y: 10 });
    expect(pointAlong(path, 2)).toEqual({ x: 10, y: 30 });
    expect(pointAlong([{ x: 3, y: 4 }], 0.5)).toEqual({ x: 3, y: 4 });
  });

  it('zooms about a point that stays put, within 0.6× to 6×, and pans by screen pixels', () => {
    const cam = fitCamera(1000, 600);
    expect(worldToScreen(cam, { x: 123, y: 456 })).toEqual({ x: 123, y: 456 });
    const pivot = { x: 700, y: 150 };
    const under = screenToWorld(cam, pivot);
    const zoomed = zoomCamera(cam, 2, pivot);
    expect(zoomed.zoom).toBe(2);
    near(screenToWorld(zoomed, pivot), under);
    near(worldToScreen(zoomed, under), pivot);
    expect(zoomCamera(cam, 100).zoom).toBe(MAX_ZOOM);
    expect(zoomCamera(cam, 0.01).zoom).toBe(MIN_ZOOM);
    expect(clampZoom(Number.NaN)).toBe(1);

    const panned = panCamera(zoomed, 100, -40);
    near(screenToWorld(panned, { x: 500, y: 300 }), {
      x: screenToWorld(zoomed, { x: 500, y: 300 }).x + 50,
      y: screenToWorld(zoomed, { x: 500, y: 300 }).y - 20,
    });
    // The view's centre never leaves the map.
    const far = panCamera(cam, 1e6, -1e6);
    const centre = screenToWorld(far, { x: 500, y: 300 });
    expect(centre).toEqual({ x: 1000, y: 0 });
  });

  it('keeps the same spot in the middle and the zoom when the canvas changes size', () => {
    const cam = zoomCamera(fitCamera(1000, 600), 3, { x: 200, y: 100 });
    const mid = screenToWorld(cam, { x: 500, y: 300 });
    const resized = resizeCamera(cam, 500, 300);
    expect(resized.zoom).toBe(3);
    near(screenToWorld(resized, { x: 250, y: 150 }), { x: mid.x / 2, y: mid.y / 2 });
  });

  it('keeps symbols their size on screen when zoomed in, and shrinks them with the map when zoomed out', () => {
    expect(markerScale(1)).toBe(1);
    expect(markerScale(4)).toBe(0.25);
    expect(markerScale(0.6)).toBe(1);
  });

  it('hit-tests the topmost symbol under the pointer, whatever the zoom', () => {
    const place: HitTarget = { kind: 'place', id: 'town', x: 100, y: 100, dx: -6, dy: -6, w: 12, h: 12 };
    // Two units in a row above the town.
    const u1: HitTarget = { kind: 'unit', id: 'u1', x: 100, y: 100, dx: -20, dy: -25, w: 19, h: 18 };
    const u2: HitTarget = { kind: 'unit', id: 'u2', x: 100, y: 100, dx: 0, dy: -25, w: 19, h: 18 };
    const convoy: HitTarget = { kind: 'convoy', id: 'c1', x: 104, y: 100, dx: -6, dy: -6, w: 12, h: 12 };
    const targets = [place, u1, u2, convoy];
    const cam = fitCamera(400, 300);
    expect(hitTest(targets, cam, { x: 90, y: 85 })?.id).toBe('u1');
    expect(hitTest(targets, cam, { x: 110, y: 85 })?.id).toBe('u2');
    expect(hitTest(targets, cam, { x: 101, y: 101 })?.id).toBe('c1');
    expect(hitTest(targets, cam, { x: 101, y: 101 }, 4, ['unit', 'post', 'place'])?.id).toBe('town');
    expect(hitTest(targets, cam, { x: 300, y: 250 })).toBeNull();
    // Zoomed in 4× about the town: the symbols keep their size on screen round it.
    const zoomed = zoomCamera(cam, 4, { x: 100, y: 100 });
    expect(hitTest(targets, zoomed, { x: 90, y: 85 })?.id).toBe('u1');
    expect(hitTest(targets, zoomed, { x: 100, y: 140 })).toBeNull();
  });

  it('picks a round length for the scale bar', () => {
    expect(scaleBar(0.01)).toEqual({ km: 10, px: 100 });
    expect(scaleBar(0.004)).toEqual({ km: 20, px: 80 });
    expect(scaleBar(0.1).km).toBe(1);
  });
});
