// Same scenario + seed + orders → the same state hash: twice in one process, across processes,
// and through a JSON round-trip of the state between every two turns (nothing outside the state
// matters).
import { describe, expect, it } from 'vitest';
import { hashState, resolveTurn, type GameState } from '../../src/engine/index.ts';
import { newGame, scriptedOrders, loadScenario } from '../../src/scenario/index.ts';
import { playScenario } from '../../src/cli/play.ts';
import { readText } from '../../src/cli/files.ts';
import { cliProcess, ROOT } from './cli-helpers.ts';

const scenario = loadScenario(`${ROOT}scenarios/winter-2019-2020.scenario.yaml`, readText);

function playAll(seed: string, roundTrip: boolean): string {
  let state: GameState = newGame(scenario, seed);
  while (!state.over) {
    const orders = scriptedOrders(scenario, state);
    state = resolveTurn(state, orders).state;
    if (roundTrip) state = JSON.parse(JSON.stringify(state)) as GameState;
  }
  return hashState(state);
}

describe('determinism', () => {
  it('gives the same hash twice in one process', () => {
    expect(playAll('7', false)).toBe(playAll('7', false));
  });

  it('gives the same final hash with a JSON round-trip of the state between every two turns', () => {
    expect(playAll('7', true)).toBe(playAll('7', false));
  });

  it('gives different hashes for different seeds (the seed is part of the state)', () => {
    expect(playAll('1', false)).not.toBe(playAll('2', false));
  });

  it('gives the same hash in another process', () => {
    const here = playScenario(scenario, '5', 1000);
    const there = cliProcess('run', 'winter-2019-2020', '--seed', '5', '--json');
    expect(there.code).toBe(0);
    const last = JSON.parse(there.stdout.trim().split('\n').at(-1)!) as { hash: string; turns: number };
    expect(last.turns).toBe(scenario.data.calendar.turns);
    expect(last.hash).toBe(hashState(here.state));
  });

  it('never lets a rejected order change anything: the same hash, the rejection reported but not logged', () => {
    const start = newGame(scenario, '1');
    const plain = resolveTurn(start, {}).state;
    const { state: withBad, events } = resolveTurn(start, {
      syria: [{ kind: 'move', unit: 'tr_mech', to: 'idlib' }],
      turkey: [{ kind: 'move', unit: 'tr_mech', to: 'op_morek_site' }],
      hts: [
        {
          kind: 'dispatch_convoy',
          from: 'bab_al_hawa',
          post: 'op_morek',
          vehicles: { tanks: 0, armoured: 0, trucks: 1, airDefence: 0 },
          cargo: { supplyDays: 1, troops: 0 },
          escort: '',
          notified: true,
        },
      ],
    });
    expect(events.filter((e) => e.kind === 'order.rejected').map((e) => e.data.code)).toEqual([
      'unknown_post',
      'not_your_unit',
      'post_location',
    ]);
    expect(hashState(withBad)).toBe(hashState(plain));
    expect(withBad.log.at(-1)!.events.some((e) => e.kind === 'order.rejected')).toBe(false);
  });
});
