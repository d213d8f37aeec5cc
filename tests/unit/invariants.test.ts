// Property tests: random legal orders for 40 turns of the default scenario keep the invariants —
// people conserved, no negative or fractional numbers, every unit in exactly one place, every
// post's status what the road graph says, and a rejected order leaves the state unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessPost,
  hashState,
  legalOrders,
  peopleAccounted,
  resolveTurn,
  sortedIds,
  type GameState,
  type Order,
  type OrdersByActor,
} from '../../src/engine/index.ts';
import { loadScenario, newGame } from '../../src/scenario/index.ts';
import { readText } from '../../src/cli/files.ts';
import { ROOT } from './cli-helpers.ts';

const scenario = loadScenario(`${ROOT}scenarios/winter-2019-2020.scenario.yaml`, readText);
const TURNS = 40;

function checkInvariants(state: GameState, turn: number): void {
  const where = `after turn ${turn}`;
  const people = peopleAccounted(state);
  expect(people.now, `${where}: residents + displaced + dead`).toBe(people.start);
  for (const id of sortedIds(state.locations)) {
    const loc = state.locations[id]!;
    expect(Number.isInteger(loc.residents) && loc.residents >= 0, `${where}: residents of ${id}`).toBe(true);
  }
  for (const id of sortedIds(state.units)) {
    const u = state.units[id]!;
    expect(
      Number.isInteger(u.strength) && u.strength > 0,
      `${where}: strength of ${id} is ${u.strength}`,
    ).toBe(true);
    expect(u.readiness >= 0 && u.readiness <= 100, `${where}: readiness of ${id}`).toBe(true);
    expect(state.locations[u.location], `${where}: ${id} stands at a known place`).toBeDefined();
    if (u.transit) {
      const road = state.roads[u.transit.road]!;
      expect([road.from, road.to].sort(), `${where}: ${id} is on a road leaving its place`).toEqual(
        [u.location, u.transit.toward].sort(),
      );
      expect(
        u.transit.covered >= 0 && u.transit.covered < road.length,
        `${where}: ${id} is on the road`,
      ).toBe(true);
    }
  }
  for (const id of sortedIds(state.posts)) {
    const post = state.posts[id]!;
    expect(
      post.garrison >= 0 && post.supplyDays >= 0 && post.supplyDays <= post.maxSupplyDays,
      `${where}: ${id}`,
    ).toBe(true);
    if (post.status === 'evacuated' || post.status === 'overrun') continue;
    expect(post.status, `${where}: status of ${id} matches the road graph`).toBe(
      assessPost(state, post).status,
    );
  }
  const m = state.meters;
  expect(m.escalation >= 0 && m.escalation <= 5, `${where}: escalation`).toBe(true);
  for (const n of [
    m.displaced,
    m.civilianDead,
    m.marketIndex,
    m.turkishDomesticPressure,
    m.usSupport,
    m.humanitarianNeed,
  ])
    expect(Number.isInteger(n) && n >= 0, `${where}: meters are whole and not negative`).toBe(true);
  for (const r of state.relations) expect(r.tension >= 0 && r.tension <= 100, `${where}: tension`).toBe(true);
}

describe('invariants under random legal orders', () => {
  it(`hold for ${TURNS} turns of the default scenario`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: TURNS * 5, maxLength: TURNS * 5 }),
        fc.nat({ max: TURNS - 1 }),
        (seed, picks, probeTurn) => {
          let state = newGame(scenario, String(seed));
          checkInvariants(state, 0);
          let pick = 0;
          for (let t = 1; t <= TURNS && !state.over; t++) {
            const orders: OrdersByActor = {};
            for (const actor of sortedIds(state.actors)) {
              const legal = legalOrders(state, actor);
              const chosen: Order[] = [];
              for (const i of picks[pick++] ?? [])
                if (legal.length > 0) chosen.push(legal[i % legal.length]!);
              if (chosen.length > 0) orders[actor] = chosen;
            }
            if (t === probeTurn + 1) {
              // An order that cannot be carried out changes nothing: the same state hash.
              const bad: OrdersByActor = {
                ...orders,
                syria: [...(orders.syria ?? []), { kind: 'hold', unit: 'tr_mech' }],
              };
              const a = resolveTurn(state, orders);
              const b = resolveTurn(state, bad);
              expect(b.events.some((e) => e.kind === 'order.rejected')).toBe(true);
              expect(hashState(b.state)).toBe(hashState(a.state));
            }
            state = resolveTurn(state, orders).state;
            checkInvariants(state, t);
          }
        },
      ),
      { numRuns: 6, seed: 20200227, endOnFailure: true },
    );
  });
});
