// How a step changes the state (src/engine/working.ts): a working copy of the parts it lists,
// the rest shared and, with freezing on, frozen — so a write outside the list throws.
import { describe, expect, it } from 'vitest';
import { loadScenarioArg } from '../../src/cli/files.ts';
import { ordersForTurn, parsePlayers, playScenario } from '../../src/cli/play.ts';
import {
  convoyRoute,
  hashState,
  resolveTurn,
  setStateFreezing,
  viewFor,
  type GameState,
} from '../../src/engine/index.ts';
import { hostileTarget } from '../../src/engine/rules/strikes.ts';
import { eventVisibleTo } from '../../src/engine/view.ts';
import { beingChanged, change, own } from '../../src/engine/working.ts';
import { newGame } from '../../src/scenario/index.ts';

const scenario = loadScenarioArg('winter-2019-2020');

function first(): GameState {
  return newGame(scenario, 'working');
}

describe('change', () => {
  it('leaves the state it was given as it was, and returns the changed copy', () => {
    const s = first();
    const before = JSON.stringify(s);
    const next = change(
      s,
      (d) => {
        d.units[Object.keys(d.units)[0]!]!.strength -= 1;
        d.locations.idlib!.controller = 'syria';
        d.turn += 1;
      },
      ['units', 'locations'],
    );
    expect(JSON.stringify(s)).toBe(before);
    expect(next.turn).toBe(s.turn + 1);
    expect(next.locations.idlib!.controller).toBe('syria');
    expect(next.posts).toBe(s.posts); // not listed: shared
    expect(next.roads).toBe(s.roads); // never written: shared
    expect(next.units).not.toBe(s.units);
  });

  it('throws, with freezing on, when a step writes a part it does not list', () => {
    const s = change(first(), () => {}, []);
    expect(() =>
      change(
        s,
        (d) => {
          d.posts[Object.keys(d.posts)[0]!]!.garrison = 0;
        },
        ['units'],
      ),
    ).toThrow(TypeError);
    expect(() => change(s, (d) => void (d.params.airSupportPct = 1))).toThrow(TypeError);
  });

  it('copies every part but the unchanging ones when no list is given', () => {
    const s = first();
    const next = change(s, (d) => {
      d.meters.escalation += 1;
      d.posts[Object.keys(d.posts)[0]!]!.garrison = 0;
    });
    expect(next.meters.escalation).toBe(s.meters.escalation + 1);
    expect(s.posts[Object.keys(s.posts)[0]!]!.garrison).toBeGreaterThan(0);
    expect(next.params).toBe(s.params);
  });

  it('copies a listed part only when the step reads it, and keeps a whole part it is given', () => {
    const s = first();
    const outcome = { reason: 'trigger', turn: 1, summary: 'ends', bands: {} } as const;
    const next = change(
      s,
      (d) => {
        d.units[Object.keys(d.units)[0]!]!.strength -= 1;
        d.outcome = outcome;
        d.over = true;
      },
      ['units', 'locations', 'posts', 'outcome'],
    );
    expect(next.units).not.toBe(s.units);
    expect(next.locations).toBe(s.locations); // listed, never read: shared, as it is unchanged
    expect(next.posts).toBe(s.posts);
    expect(next.outcome).toBe(outcome);
    expect(next.over).toBe(true);
    expect(s.over).toBe(false);
    expect(s.outcome).toBeNull();
    // Reading a listed part gives the step its own copy, even if it only reads.
    const read = change(s, (d) => void Object.keys(d.posts), ['posts']);
    expect(read.posts).not.toBe(s.posts);
    expect(read.posts).toEqual(s.posts);
  });

  it('tells a memo which parts are being written', () => {
    const s = first();
    let inside = false;
    const next = change(s, (d) => void (inside = beingChanged(d.locations) && !beingChanged(d.posts)), [
      'locations',
    ]);
    expect(inside).toBe(true);
    expect(beingChanged(next.locations)).toBe(false);
  });

  it('copies, for a turn, only the places the step writes through own', () => {
    const s = change(first(), () => {}, []); // frozen
    let same = false;
    const next = change(
      s,
      (d) => {
        const idlib = own(d.locations, 'idlib')!;
        idlib.controller = 'syria';
        same = own(d.locations, 'idlib') === idlib && d.locations.idlib === idlib;
        void d.locations.saraqib!.controller; // read, not written
      },
      ['locations'],
      { placesByEntity: true },
    );
    expect(same).toBe(true);
    expect(s.locations.idlib!.controller).not.toBe('syria');
    expect(next.locations.idlib!.controller).toBe('syria');
    expect(next.locations).not.toBe(s.locations);
    expect(next.locations.idlib).not.toBe(s.locations.idlib);
    expect(next.locations.saraqib).toBe(s.locations.saraqib); // shared
    expect(Object.keys(next.locations)).toEqual(Object.keys(s.locations));
    // A place written without `own` is the state's own: frozen, the write throws.
    expect(() =>
      change(s, (d) => void (d.locations.idlib!.controller = 'syria'), ['locations'], {
        placesByEntity: true,
      }),
    ).toThrow(TypeError);
    // Without `placesByEntity` every place is copied on the first read: a plain write is fine.
    const plain = change(s, (d) => void (d.locations.idlib!.controller = 'syria'), ['locations']);
    expect(plain.locations.saraqib).not.toBe(s.locations.saraqib);
  });
});

describe('the copy of a part', () => {
  /** Every object inside `copy` (a copy of `source`) that is the very object of `source` there. */
  function shared(copy: unknown, source: unknown, path: string, out: string[]): string[] {
    if (typeof copy !== 'object' || copy === null) return out;
    if (copy === source) out.push(path);
    else
      for (const k of Object.keys(copy))
        shared((copy as never)[k], (source as never)[k], `${path}.${k}`, out);
    return out;
  }

  // The parts the steps write most have copiers of their own (working.ts): each must copy all of
  // its part, and deep, on states that hold what a played game holds.
  it('is equal to the part and shares none of its objects, on every turn of a played game', () => {
    const players = parsePlayers('computer', scenario);
    const states: GameState[] = [];
    playScenario(scenario, 'copies', 56, {
      record: false,
      players,
      onTurn: (_t, _e, s) => void states.push(s),
    });
    const seen = { transit: 0, convoys: 0, pendingReports: 0, agreements: 0, losses: 0 };
    for (const s of states) {
      const parts = Object.keys(s) as (keyof GameState)[];
      const copies: Partial<Record<keyof GameState, unknown>> = {};
      change(s, (d) => {
        for (const k of parts) copies[k] = d[k];
      });
      const copied = [
        'units',
        'posts',
        'convoys',
        'agreements',
        'relations',
        'meters',
        'rng',
        'pendingReports',
        'triggerStatus',
        'scoresSeen',
      ] as const;
      for (const k of copied) {
        expect(copies[k], k).toEqual(s[k]);
        expect(shared(copies[k], s[k], k, []), `turn ${s.turn}`).toEqual([]);
      }
      seen.transit += Object.values(s.units).filter((u) => u.transit !== null).length;
      seen.convoys += Object.keys(s.convoys).length;
      seen.pendingReports += s.pendingReports.length;
      seen.agreements += Object.keys(s.agreements).length;
      seen.losses += Object.keys(s.meters.losses).length;
    }
    // The game had what the copiers copy: units on the road, convoys, reports, agreements.
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  }, 60_000);
});

describe("each step's list of the parts it writes", () => {
  // Random play reaches rules that doctrine play and the script seldom do; with freezing on, a
  // step writing outside its list throws. Freezing off must give the very same games.
  it('holds over whole games of random and computer play, frozen and not', () => {
    for (const spec of ['random', 'computer,hts=random,opposition=random']) {
      const players = parsePlayers(spec, scenario);
      for (const seed of ['w1', 'w2']) {
        const frozen = playScenario(scenario, seed, 56, { record: false, players }).state;
        setStateFreezing(false);
        let loose: GameState;
        try {
          loose = playScenario(scenario, seed, 56, { record: false, players }).state;
        } finally {
          setStateFreezing(true);
        }
        expect(Object.isFrozen(frozen.units)).toBe(true);
        expect(hashState(loose), `${spec} ${seed}`).toBe(hashState(frozen));
      }
    }
  }, 120_000);
});

describe('answers kept per state', () => {
  // Inside a change every copied part is being written, so the rules work the answer out afresh:
  // that is the yardstick for the kept answers read from a finished state.
  it('hostileTarget and convoyRoute give the same answers kept or worked out afresh', () => {
    const players = parsePlayers('computer', scenario);
    let s = first();
    const actors = Object.keys(s.actors).sort();
    const places = Object.keys(s.locations).sort();
    let compared = 0;
    for (let turn = 0; turn < 24 && !s.over; turn++) {
      if (turn % 4 === 0) {
        const kept = actors.map((a) => places.map((p) => hostileTarget(s, a, p)));
        const routes = actors.map((a) =>
          Object.values(s.posts).map((p) =>
            convoyRoute(s, a, s.actors[a]!.supplySources[0] ?? p.location, p.location),
          ),
        );
        change(s, (d) => {
          expect(actors.map((a) => places.map((p) => hostileTarget(d, a, p)))).toEqual(kept);
          expect(
            actors.map((a) =>
              Object.values(d.posts).map((p) =>
                convoyRoute(d, a, d.actors[a]!.supplySources[0] ?? p.location, p.location),
              ),
            ),
          ).toEqual(routes);
        });
        compared++;
      }
      const { orders, decisions } = ordersForTurn(scenario, s, players);
      s = resolveTurn(s, orders, decisions).state;
    }
    expect(compared).toBeGreaterThan(3);
  }, 60_000);

  it("an actor's view of the log is the same kept or filtered afresh", () => {
    let s = first();
    const players = parsePlayers('computer', scenario);
    for (let turn = 0; turn < 6; turn++) {
      const { orders, decisions } = ordersForTurn(scenario, s, players);
      s = resolveTurn(s, orders, decisions).state;
    }
    for (const actor of Object.keys(s.actors)) {
      const first = viewFor(s, actor).log;
      const again = viewFor(s, actor).log;
      expect(again[0]).toBe(first[0]); // kept
      const afresh = s.log.map((e) => ({
        turn: e.turn,
        date: e.date,
        events: e.events.filter((x) => eventVisibleTo(x, actor)),
      }));
      expect(again).toEqual(afresh);
    }
  });
});
