// The browser's game session and its saves, in Node: a student's orders and the computer's
// decisions resolve through the engine into a replay that verifies; hot-seat passes the seat; a
// session rebuilt from its replay reaches the same states; the autosave slots alternate and a
// failed write keeps the last good save; a foreign or damaged file is refused with a reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioArg } from '../../src/cli/files.ts';
import { hashState, resolveTurn, type Order } from '../../src/engine/index.ts';
import { newGame, recordTurn, startReplay, verifyReplay, type Scenario } from '../../src/scenario/index.ts';
import { AutosaveSlots, readSaveText, replayFileName, type SlotStorage } from '../../src/game/saves.ts';
import { GameSession, type Role } from '../../src/game/session.ts';

let scenario: Scenario;
beforeAll(() => {
  scenario = loadScenarioArg('winter-2019-2020');
});

function roles(students: string[]): Record<string, Role> {
  const out: Record<string, Role> = {};
  for (const a of scenario.data.actors) out[a.id] = students.includes(a.id) ? 'student' : 'computer';
  return out;
}

function firstConvoy(session: GameSession): Order {
  const order = session.legal().find((o) => o.kind === 'dispatch_convoy');
  if (!order) throw new Error('Turkey has no convoy to send on turn 1');
  return order;
}

class MemoryStorage implements SlotStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('GameSession', () => {
  it('resolves a student’s orders with the computer’s, and the replay verifies to the same hash', () => {
    const session = new GameSession({ scenario, seed: '7', roles: roles(['turkey']) });
    expect(session.actor).toBe('turkey');
    expect(session.computerActors).toEqual(['syria', 'russia', 'hts', 'opposition']);
    const convoy = firstConvoy(session);
    expect(session.add(convoy)).toEqual({ ok: true });
    expect(session.pending()).toHaveLength(1);
    expect(session.describe(convoy)).toMatch(/^Send a convoy from /);
    for (let i = 0; i < 3; i++) expect(session.endTurn()).toBe('resolved');
    expect(session.turnsPlayed).toBe(3);
    expect(session.pending()).toEqual([]);
    expect(session.replay.turns[0]!.orders.turkey).toEqual([convoy]);
    expect(session.replay.turns[0]!.decisions!.map((d) => d.actor)).toEqual([
      'hts',
      'opposition',
      'russia',
      'syria',
    ]);
    const turn1 = session.eventsOf(1, '');
    expect(turn1.some((e) => e.kind === 'convoy.departed' && e.actors[0] === 'turkey')).toBe(true);
    const verified = verifyReplay(session.replay, scenario);
    expect(verified.ok && verified.hash).toBe(hashState(session.state));
  });

  it('shows a student only what the student may see', () => {
    const session = new GameSession({ scenario, seed: '3', roles: roles(['turkey']) });
    session.endTurn();
    session.endTurn();
    const all = session.eventsOf(2, '');
    const seen = session.eventsOf(2, 'turkey');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(all.length);
    // Other actors' objectives and the game's random state are not Turkey's to see.
    const view = session.view();
    expect(view.victory.objectives.every((o) => o.actor === 'turkey')).toBe(true);
    expect(session.state.victory.objectives.some((o) => o.actor !== 'turkey')).toBe(true);
    expect(view.rng).not.toEqual(session.state.rng);
  });

  it('shows a student the orders of theirs that resolution refused (they never enter the log)', () => {
    const start = newGame(scenario, '1');
    const syrian = Object.values(start.units).find((u) => u.actor === 'syria')!;
    const orders = { turkey: [{ kind: 'hold' as const, unit: syrian.id }] };
    const replay = startReplay(scenario, '1', start);
    recordTurn(replay, 1, orders, resolveTurn(start, orders).state);
    const session = GameSession.fromReplay({ scenario, roles: roles(['turkey']) }, replay);
    const refused = session.eventsOf(1, 'turkey').filter((e) => e.kind === 'order.rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.data.code).toBe('not_your_unit');
    expect(session.eventsOf(1, 'syria').some((e) => e.kind === 'order.rejected')).toBe(false);
  });

  it('refuses an order the student may not give, and the same order twice, with the reason', () => {
    const session = new GameSession({ scenario, seed: '1', roles: roles(['turkey']) });
    const syrianUnit = Object.values(session.state.units).find((u) => u.actor === 'syria')!;
    const wrong = session.add({ kind: 'hold', unit: syrianUnit.id });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.message).toMatch(/\w/);
    const convoy = firstConvoy(session);
    expect(session.add(convoy).ok).toBe(true);
    const again = session.add(convoy);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toMatch(/already/);
    session.remove(0);
    expect(session.pending()).toEqual([]);
  });

  it('passes the seat between students before the turn resolves (hot-seat)', () => {
    const session = new GameSession({ scenario, seed: '1', roles: roles(['turkey', 'syria']) });
    expect(session.students).toEqual(['turkey', 'syria']);
    expect(session.actor).toBe('turkey');
    expect(session.anotherSeat).toBe(true);
    expect(session.endTurn()).toBe('handover');
    expect(session.actor).toBe('syria');
    expect(session.turnsPlayed).toBe(0);
    expect(session.endTurn()).toBe('resolved');
    expect(session.actor).toBe('turkey');
    expect(session.turnsPlayed).toBe(1);
    expect(session.replay.turns[0]!.decisions!.map((d) => d.actor)).toEqual(['hts', 'opposition', 'russia']);
  });

  it('is rebuilt from its replay to the same states, and refuses a damaged one', () => {
    const played = new GameSession({ scenario, seed: '5', roles: roles(['turkey']) });
    played.add(firstConvoy(played));
    for (let i = 0; i < 4; i++) played.endTurn();
    const copy = structuredClone(played.replay);
    const rebuilt = GameSession.fromReplay({ scenario, roles: roles(['turkey']) }, copy);
    expect(rebuilt.history.map(hashState)).toEqual(played.history.map(hashState));
    expect(rebuilt.seed).toBe('5');
    expect(rebuilt.actor).toBe('turkey');

    const damaged = structuredClone(played.replay);
    damaged.turns[2]!.hash = '0'.repeat(64);
    expect(() => GameSession.fromReplay({ scenario, roles: roles([]) }, damaged)).toThrow(/Turn 3/);
    const foreign = structuredClone(played.replay);
    foreign.scenario.id = 'sochi-2018';
    expect(() => GameSession.fromReplay({ scenario, roles: roles([]) }, foreign)).toThrow(/sochi-2018/);
  });

  it('plays a whole game with no student (the computer alone) to its end', () => {
    const session = new GameSession({ scenario, seed: '2', roles: roles([]) });
    expect(session.actor).toBe('');
    while (!session.over) session.endTurn();
    expect(session.turnsPlayed).toBe(scenario.data.calendar.turns);
    expect(session.state.outcome).not.toBeNull();
    expect(session.endTurn()).toBe('over');
  });
});

describe('autosave slots and opened files', () => {
  function sessionAfter(turns: number): GameSession {
    const s = new GameSession({ scenario, seed: '1', roles: roles(['turkey']) });
    for (let i = 0; i < turns; i++) s.endTurn();
    return s;
  }

  it('alternate between two slots, the newest valid one wins', () => {
    const storage = new MemoryStorage();
    const slots = new AutosaveSlots(storage, 'test');
    expect(slots.latest()).toBeNull();
    const first = slots.write({ roles: roles(['turkey']), replay: sessionAfter(1).replay });
    const second = slots.write({ roles: roles(['turkey']), replay: sessionAfter(2).replay });
    expect(first.ok && second.ok && first.slot !== second.slot).toBe(true);
    expect(slots.latest()!.replay.turns).toHaveLength(2);
    expect(slots.latest()!.sequence).toBe(2);
    // A damaged newest slot: the other one is still good.
    storage.items.set(`test.${second.ok ? second.slot : 0}`, '{"format":"idlib-sim-save", broken');
    expect(slots.latest()!.replay.turns).toHaveLength(1);
  });

  it('keep the last good save when a write fails', () => {
    const storage = new MemoryStorage();
    const slots = new AutosaveSlots(storage, 'test');
    expect(slots.write({ roles: roles(['turkey']), replay: sessionAfter(1).replay }).ok).toBe(true);
    storage.failWrites = true;
    const failed = slots.write({ roles: roles(['turkey']), replay: sessionAfter(2).replay });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.reason).toMatch(/last save is kept/);
    expect(slots.latest()!.replay.turns).toHaveLength(1);
  });

  it('read a replay or a save, and refuse anything else with the reason', () => {
    const replay = sessionAfter(2).replay;
    const asReplay = readSaveText(JSON.stringify(replay));
    expect(asReplay.ok && asReplay.kind).toBe('replay');
    const storage = new MemoryStorage();
    new AutosaveSlots(storage, 'k').write({ roles: roles(['turkey']), replay });
    const asSave = readSaveText(storage.getItem('k.1')!);
    expect(asSave.ok && asSave.kind).toBe('save');

    const notJson = readSaveText('this is not json');
    expect(!notJson.ok && notJson.reason).toMatch(/not JSON/);
    const foreign = readSaveText('{"hello": "world"}');
    expect(!foreign.ok && foreign.reason).toMatch(/not a saved game/);
    const damaged = readSaveText(JSON.stringify({ ...replay, seed: 12 }));
    expect(!damaged.ok && damaged.reason).toMatch(/damaged.*seed/);
    expect(replayFileName(replay)).toBe('idlib-sim-winter-2019-2020-seed-1-turn-2.replay.json');
  });
});
