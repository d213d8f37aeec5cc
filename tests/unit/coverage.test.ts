// The default scenario exercises every rule: over seeds 1-10 of its historical course, each event
// kind the rules promise occurs at least once (the course and the numbers are tuned for it, no
// event is made up).
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { playScenario } from '../../src/cli/play.ts';
import { readText } from '../../src/cli/files.ts';
import { ROOT } from './cli-helpers.ts';

// Not listed: the kinds only scenario triggers emit (trigger.fired, trigger.message,
// trigger.halted, trigger.action_failed, variable.changed, points.awarded, objective.failed,
// unit.spawned, unit.removed). The default scenario need not use triggers; those kinds are covered
// by tests/unit/triggers.test.ts.
const REQUIRED = [
  'unit.moved',
  'control.changed',
  'convoy.departed',
  'convoy.interdicted',
  'convoy.halted',
  'convoy.arrived',
  'post.status_changed',
  'post.resupplied',
  'post.evacuated',
  'highway.opened',
  'highway.closed',
  'assault.resolved',
  'strike.resolved',
  'civilians.displaced',
  'civilians.killed',
  'report.published',
  'agreement.changed',
  'agreement.violated',
  'patrol.completed',
  'patrol.attacked',
  'escalation.changed',
  'tension.changed',
  'market.moved',
  'order.rejected',
  'scenario.ended',
];

describe('the default scenario', () => {
  it('produces every event kind over seeds 1-10', () => {
    const scenario = loadScenario(`${ROOT}scenarios/winter-2019-2020.scenario.yaml`, readText);
    const seen: Record<string, number> = {};
    for (let seed = 1; seed <= 10; seed++) {
      const { eventCounts, state } = playScenario(scenario, String(seed), 1000);
      expect(state.over, `seed ${seed} plays to its end`).toBe(true);
      for (const [kind, n] of Object.entries(eventCounts)) seen[kind] = (seen[kind] ?? 0) + n;
    }
    const missing = REQUIRED.filter((k) => !seen[k]);
    expect(missing, `never seen: ${missing.join(', ')}`).toEqual([]);
  });
});
