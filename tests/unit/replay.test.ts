// Replays: a recorded game verifies; an edited order or an edited hash is caught and the first
// turn that differs is named.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, verifyReplay, type Replay } from '../../src/scenario/index.ts';
import { playScenario } from '../../src/cli/play.ts';
import { readText } from '../../src/cli/files.ts';
import { cli, cliProcess, ROOT } from './cli-helpers.ts';
import { tempDir } from '../temp-dir.ts';

const scenario = loadScenario(`${ROOT}scenarios/winter-2019-2020.scenario.yaml`, readText);
const dir = tempDir('idlib-replay-');

function recorded(turns = 48): Replay {
  return playScenario(scenario, '3', turns).replay;
}

function write(name: string, replay: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(replay));
  return path;
}

describe('replay and verify', () => {
  it('a recorded game verifies', () => {
    const replay = recorded();
    const result = verifyReplay(replay, scenario);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.hash).toBe(replay.turns.at(-1)!.hash);
  });

  it('an edited order is caught at its turn', () => {
    const replay = recorded();
    // Turn 10 carries the order that starts the offensive; send the division elsewhere.
    const t10 = replay.turns.find((t) => t.turn === 10)!;
    expect(t10.orders.syria).toBeDefined();
    t10.orders.syria = [{ kind: 'move', unit: 'saa_25th', to: 'kafr_nabl' }];
    const result = verifyReplay(replay, scenario);
    expect(result).toMatchObject({ ok: false, turn: 10 });
  });

  it('an edited hash is caught at its turn', () => {
    const replay = recorded();
    replay.turns[16]!.hash = 'f'.repeat(64);
    expect(verifyReplay(replay, scenario)).toMatchObject({ ok: false, turn: 17 });
  });

  it('idlib-sim run --out writes a replay that idlib-sim verify accepts', () => {
    const out = join(dir, 'run.json');
    const run = cli('run', 'winter-2019-2020', '--seed', '4', '--turns', '12', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(12 + 2);
    const v = cliProcess('verify', out);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^verified: 12 turns, hash [0-9a-f]{64}\n$/);
  });

  it('verify names the first turn that differs and exits 1', () => {
    const replay = recorded(20);
    replay.turns[4]!.orders.turkey = [{ kind: 'move', unit: 'tr_mech', to: 'sarmada' }];
    const v = cli('verify', write('edited.json', replay));
    expect(v.code).toBe(1);
    expect(v.err.join('\n')).toMatch(/^not verified: turn 5: the state hash after this turn differs/);
  });

  it('verify refuses a file that is not a replay with exit 2', () => {
    const bad = cli('verify', write('bad.json', { hello: 1 }));
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/is not a replay/);
    const path = join(dir, 'garbage.json');
    writeFileSync(path, '{ not json');
    const garbage = cli('verify', path);
    expect(garbage.code).toBe(2);
    expect(garbage.err[0]).toMatch(/not valid JSON/);
  });

  it('verify says so when the scenario changed since the recording', () => {
    const replay = recorded(3);
    replay.scenario.contentHash = '0'.repeat(64);
    const v = cli('verify', write('changed.json', replay));
    expect(v.code).toBe(1);
    expect(v.err[0]).toMatch(/has changed since the replay was recorded/);
  });
});
