// Golden hashes of the default scenario: seeds 1-3, 20 turns. The file changes only with a
// rules-version bump: when the rules change on purpose, bump RULES_VERSION in
// src/engine/types.ts and run `UPDATE_GOLDEN=1 npx vitest run tests/unit/golden.test.ts`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { playScenario } from '../../src/cli/play.ts';
import { readText } from '../../src/cli/files.ts';
import { ROOT } from './cli-helpers.ts';

const FILE = `${ROOT}tests/golden/winter-2019-2020.json`;
const SEEDS = ['1', '2', '3'];
const TURNS = 20;

interface Golden {
  scenario: string;
  rulesVersion: number;
  turns: number;
  /** seed → hash after each turn (index 0 = after turn 1). */
  hashes: Record<string, string[]>;
}

function compute(): Golden {
  const scenario = loadScenario(`${ROOT}scenarios/winter-2019-2020.scenario.yaml`, readText);
  const hashes: Record<string, string[]> = {};
  for (const seed of SEEDS)
    hashes[seed] = playScenario(scenario, seed, TURNS).replay.turns.map((t) => t.hash);
  return { scenario: 'winter-2019-2020', rulesVersion: RULES_VERSION, turns: TURNS, hashes };
}

describe('golden hashes', () => {
  if (process.env.UPDATE_GOLDEN) {
    it('rewrites the golden file for a new rules version', () => {
      const old = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Golden) : null;
      if (old && old.rulesVersion === RULES_VERSION)
        throw new Error(
          `Golden hashes are for rules version ${RULES_VERSION} already: bump RULES_VERSION first.`,
        );
      writeFileSync(FILE, JSON.stringify(compute(), null, 2) + '\n');
    });
    return;
  }

  it(`match the recorded hashes for seeds ${SEEDS.join(', ')} over ${TURNS} turns`, () => {
    const golden = JSON.parse(readFileSync(FILE, 'utf8')) as Golden;
    expect(
      golden.rulesVersion,
      'the rules version changed: regenerate the golden file (see the comment at the top)',
    ).toBe(RULES_VERSION);
    const now = compute();
    for (const seed of SEEDS) {
      const want = golden.hashes[seed]!;
      const got = now.hashes[seed]!;
      expect(got).toHaveLength(TURNS);
      const firstDiff = got.findIndex((h, i) => h !== want[i]);
      expect(firstDiff, `seed ${seed}: the hash first differs after turn ${firstDiff + 1}`).toBe(-1);
    }
  });
});
