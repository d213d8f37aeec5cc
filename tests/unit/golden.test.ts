// Golden replays: for every shipped scenario, seeds 1-3, the whole game as it ships (each actor by
// its controller: the historical course), recorded in tests/golden/<id>.seed-<n>.replay.json and
// verified turn by turn. A replay changes only when the rules change on purpose (bump RULES_VERSION
// in src/engine/types.ts) or when the scenario's content changes; then run
// `UPDATE_GOLDEN=1 npx vitest run tests/unit/golden.test.ts`, which rewrites only the replays whose
// rules version or scenario content differ from now and refuses the rest.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../src/engine/index.ts';
import {
  loadScenario,
  ReplaySchema,
  replayMismatch,
  verifyReplay,
  type Replay,
  type Scenario,
} from '../../src/scenario/index.ts';
import { playScenario } from '../../src/cli/play.ts';
import { readText } from '../../src/cli/files.ts';
import { ROOT } from './cli-helpers.ts';

const SEEDS = ['1', '2', '3'];
const SHIPPED = readdirSync(`${ROOT}scenarios`)
  .map((f) => /^(.+)\.scenario\.ya?ml$/.exec(f)?.[1])
  .filter((id): id is string => id !== undefined)
  .sort();

const fileOf = (id: string, seed: string) => `${ROOT}tests/golden/${id}.seed-${seed}.replay.json`;
const load = (id: string): Scenario => {
  const file = readdirSync(`${ROOT}scenarios`).find((f) => f.startsWith(`${id}.scenario.`))!;
  return loadScenario(`${ROOT}scenarios/${file}`, readText);
};
const record = (scenario: Scenario, seed: string): Replay => {
  const replay = playScenario(scenario, seed, scenario.data.calendar.turns).replay;
  // The project-relative path, not this machine's.
  if (replay.scenario.file !== undefined) replay.scenario.file = replay.scenario.file.replace(ROOT, '');
  return replay;
};
const read = (file: string): Replay => ReplaySchema.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('golden replays', () => {
  if (process.env.UPDATE_GOLDEN) {
    it('rewrites the replays of changed rules or scenarios', () => {
      const refused: string[] = [];
      for (const id of SHIPPED) {
        const scenario = load(id);
        for (const seed of SEEDS) {
          const file = fileOf(id, seed);
          const old = existsSync(file) ? read(file) : null;
          const changed =
            old === null ||
            old.rulesVersion !== RULES_VERSION ||
            old.scenario.contentHash !== scenario.contentHash;
          if (changed) writeFileSync(file, JSON.stringify(record(scenario, seed)) + '\n');
          else if (!verifyReplay(old, scenario).ok) refused.push(file);
        }
      }
      expect(
        refused,
        `same rules version and scenario, different results: bump RULES_VERSION if the rules changed on purpose`,
      ).toEqual([]);
    });
    return;
  }

  it('has a replay for every shipped scenario and seed, and no other', () => {
    const want = SHIPPED.flatMap((id) =>
      SEEDS.map((seed) => fileOf(id, seed).replace(`${ROOT}tests/golden/`, '')),
    );
    const have = readdirSync(`${ROOT}tests/golden`).sort();
    expect(have).toEqual(want.sort());
  });

  describe.each(SHIPPED)('%s', (id) => {
    it.each(SEEDS)('seed %s verifies turn by turn', (seed) => {
      const scenario = load(id);
      const replay = read(fileOf(id, seed));
      expect(
        replayMismatch(replay, scenario),
        'the rules version or the scenario changed: regenerate (see the comment at the top)',
      ).toBeNull();
      expect(replay.turns.length).toBeGreaterThan(0);
      const result = verifyReplay(replay, scenario);
      expect(result, result.ok ? '' : `turn ${result.turn}: ${result.reason}`).toMatchObject({ ok: true });
    });
  });
});
