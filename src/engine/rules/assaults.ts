// Ground assaults: units at a place next to the target (by road), or at the target itself when it
// is contested, attack what is hostile there. The numbers are kept in hundredths so that readiness
// per cents are exact:
//
//   attack  = Σ strength × readiness of the attacking units
//             (a unit with no road through non-hostile ground to its actor's supply sources counts
//             unsuppliedAttackPct %, 50 %; an actor with no supply sources lives off the land)
//             × airSupportPct % (150 %) when the attacker or an ally flew air or drone sorties
//             that reached the target this turn (a `strike.resolved` there).
//   defence = (Σ strength × readiness of the units hostile to the attacker at the target
//             + a hostile post's garrison / garrisonPerStrength × its readiness)
//             × terrainDefencePct % (open 100, hills 150, urban 200, mountain 200)
//             × (100 + fortificationPct × fortification) % (25 % a level).
//
// Each step is rounded down; with nothing defending (defence 0) the attacker loses nothing.
// attack : defence gives a column of COMBAT_RESULTS (`oddsColumn`), one
// d10 a row; the result says the per cent of strength each side loses (rounded to the nearest
// point, spread over the units biggest first) and whether the defenders leave. Defenders that
// leave fall back to a neighbouring place held by them or an ally where no unit hostile to them
// stands (the first by id), or are destroyed when there is none. The target is captured when no
// unit hostile to the attacker is left there and a hostile post there has fallen (the defenders
// left, or its garrison is gone): control passes to the attacker and the attacking units move in
// (not into an observation post, where units never stand). A captured post is overrun: its
// garrison is lost. Soldiers killed = strength lost × soldiersPerStrength.
// Civilians at the target: residents × assaultCiviliansPerMille ‰ per 10 points of strength lost
// in the fight are killed. The people who flee are counted once, by the civilians phase
// (rules/civilians.ts reads the `assault.resolved` events).
import type { EventSink } from '../events.ts';
import { rollD10 } from '../rng.ts';
import type { AssaultOrder, GameState, RejectCode, Result, Terrain, Unit } from '../types.ts';
import {
  actorName,
  hostileHeld,
  isFriendly,
  isHostile,
  neighbours,
  placeName,
  roadBetween,
  sortedIds,
} from '../world.ts';
import { killCivilians } from './people.ts';
import { observeAttack } from './observation.ts';
import { addLosses, fmt100, hostileTarget, hostileUnitsAt, livePostAt, spreadLosses } from './strikes.ts';
import { breachedBy, recordViolation } from './violations.ts';
import { own } from '../working.ts';

// ---------------------------------------------------------------- the combat results table

export type CombatResult =
  'attacker_repulsed_heavy' | 'attacker_repulsed' | 'both_lose' | 'defender_retreats' | 'defender_routed';

export interface CombatEffect {
  /** What the student reads. */
  text: string;
  /** Per cent of its strength the attacking force loses. */
  attackerLossPct: number;
  /** Per cent of its strength (and of a post's garrison) the defending force loses. */
  defenderLossPct: number;
  /** The defenders give up the place (retreat, or the post falls). */
  defenderLeaves: boolean;
}

export const COMBAT_EFFECTS: Record<CombatResult, CombatEffect> = {
  attacker_repulsed_heavy: {
    text: 'attacker repulsed with heavy losses',
    attackerLossPct: 30,
    defenderLossPct: 5,
    defenderLeaves: false,
  },
  attacker_repulsed: {
    text: 'attacker repulsed',
    attackerLossPct: 20,
    defenderLossPct: 10,
    defenderLeaves: false,
  },
  both_lose: {
    text: 'both sides lose, the defender holds',
    attackerLossPct: 15,
    defenderLossPct: 15,
    defenderLeaves: false,
  },
  defender_retreats: {
    text: 'defender retreats',
    attackerLossPct: 10,
    defenderLossPct: 20,
    defenderLeaves: true,
  },
  defender_routed: { text: 'defender routed', attackerLossPct: 5, defenderLossPct: 40, defenderLeaves: true },
};

/** The odds columns, weakest first. attack : defence below 1:2 is the first; 4:1 and more the last. */
export const ODDS_COLUMNS = ['<1:2', '1:2', '1:1', '3:2', '2:1', '3:1', '4:1+'] as const;
export type Odds = (typeof ODDS_COLUMNS)[number];

const ARH: CombatResult = 'attacker_repulsed_heavy';
const AR: CombatResult = 'attacker_repulsed';
const BL: CombatResult = 'both_lose';
const DR: CombatResult = 'defender_retreats';
const DX: CombatResult = 'defender_routed';

/**
 * The combat results table: one row per d10 roll (1 first), one column per odds column.
 *
 *   roll  <1:2  1:2  1:1  3:2  2:1  3:1  4:1+
 *     1   ARH   ARH  ARH  AR   AR   BL   BL
 *     2   ARH   ARH  AR   AR   BL   BL   DR
 *     3   ARH   AR   AR   BL   BL   DR   DR
 *     4   ARH   AR   BL   BL   DR   DR   DR
 *     5   AR    AR   BL   BL   DR   DR   DX
 *     6   AR    BL   BL   DR   DR   DX   DX
 *     7   AR    BL   DR   DR   DR   DX   DX
 *     8   AR    BL   DR   DR   DX   DX   DX
 *     9   BL    DR   DR   DX   DX   DX   DX
 *    10   BL    DR   DX   DX   DX   DX   DX
 *
 * ARH attacker repulsed with heavy losses (30 % / 5 %), AR attacker repulsed (20 / 10), BL both
 * lose (15 / 15), DR defender retreats (10 / 20), DX defender routed (5 / 40): attacker / defender
 * per cent of strength lost.
 */
export const COMBAT_RESULTS: readonly (readonly CombatResult[])[] = [
  [ARH, ARH, ARH, AR, AR, BL, BL],
  [ARH, ARH, AR, AR, BL, BL, DR],
  [ARH, AR, AR, BL, BL, DR, DR],
  [ARH, AR, BL, BL, DR, DR, DR],
  [AR, AR, BL, BL, DR, DR, DX],
  [AR, BL, BL, DR, DR, DX, DX],
  [AR, BL, DR, DR, DR, DX, DX],
  [AR, BL, DR, DR, DX, DX, DX],
  [BL, DR, DR, DX, DX, DX, DX],
  [BL, DR, DX, DX, DX, DX, DX],
];

/** The odds column (index into ODDS_COLUMNS) of attack : defence, both integers ≥ 0. */
export function oddsColumn(attack: number, defence: number): number {
  if (attack <= 0) return 0;
  if (defence <= 0) return 6;
  if (attack * 2 < defence) return 0;
  if (attack < defence) return 1;
  if (attack * 2 < defence * 3) return 2;
  if (attack < defence * 2) return 3;
  if (attack < defence * 3) return 4;
  if (attack < defence * 4) return 5;
  return 6;
}

/** The pure table look-up: attack and defence (any common unit) and a d10 roll (1-10). */
export function resolveCombat(
  attack: number,
  defence: number,
  roll: number,
): { column: number; odds: Odds; result: CombatResult; effect: CombatEffect } {
  if (!Number.isInteger(roll) || roll < 1 || roll > 10)
    throw new RangeError(`a d10 roll is 1-10, got ${roll}`);
  const column = oddsColumn(attack, defence);
  const result = COMBAT_RESULTS[roll - 1]![column]!;
  return { column, odds: ODDS_COLUMNS[column]!, result, effect: COMBAT_EFFECTS[result] };
}

// ---------------------------------------------------------------- attack and defence

/**
 * The places from which a road through places not held by actors hostile to `actor` (and not
 * through observation posts) reaches one of its supply sources: a source it does not hold against
 * it, or any place next to the ground that such a source reaches. One search over the map answers
 * every unit of the actor; `null` when the actor has no supply sources (every place is supplied).
 */
export function suppliedPlaces(state: GameState, actor: string): ReadonlySet<string> | null {
  const sources = state.actors[actor]?.supplySources ?? [];
  if (sources.length === 0) return null;
  const open = (id: string): boolean => {
    const loc = state.locations[id];
    return loc !== undefined && loc.kind !== 'post' && !isHostile(state, actor, loc.controller);
  };
  // The ground joined to a source: open places reached from the open sources through open places.
  const joined = new Set<string>();
  const queue: string[] = [];
  for (const id of sources) {
    if (open(id) && !joined.has(id)) {
      joined.add(id);
      queue.push(id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const n of neighbours(state, queue[i]!)) {
      if (!joined.has(n.location) && open(n.location)) {
        joined.add(n.location);
        queue.push(n.location);
      }
    }
  }
  const supplied = new Set<string>();
  for (const id of sources) if (!hostileHeld(state, actor, id)) supplied.add(id);
  for (const id of sortedIds(state.locations)) {
    if (supplied.has(id)) continue;
    if (neighbours(state, id).some((n) => joined.has(n.location))) supplied.add(id);
  }
  return supplied;
}

export interface AttackInput {
  units: { strength: number; readiness: number; supplied: boolean }[];
  airSupport: boolean;
}

export interface DefenceInput {
  units: { strength: number; readiness: number }[];
  /** A hostile post's garrison (soldiers) and readiness; 0 when none. */
  garrison: number;
  garrisonReadiness: number;
  terrain: Terrain;
  fortification: number;
}

/** Attack in hundredths of strength points (see the top of this file). */
export function attackValue(params: GameState['params'], input: AttackInput): number {
  let sum = 0;
  for (const u of input.units) {
    const base = u.strength * u.readiness;
    sum += u.supplied ? base : Math.floor((base * params.unsuppliedAttackPct) / 100);
  }
  return input.airSupport ? Math.floor((sum * params.airSupportPct) / 100) : sum;
}

/** Defence in hundredths of strength points (see the top of this file). */
export function defenceValue(params: GameState['params'], input: DefenceInput): number {
  let sum = 0;
  for (const u of input.units) sum += u.strength * u.readiness;
  sum += Math.floor((input.garrison * input.garrisonReadiness) / params.garrisonPerStrength);
  sum = Math.floor((sum * params.terrainDefencePct[input.terrain]) / 100);
  return Math.floor((sum * (100 + params.fortificationPct * input.fortification)) / 100);
}

// ---------------------------------------------------------------- validation

function reject(code: RejectCode, message: string): Result<never> {
  return { ok: false, code, message };
}

const ok: Result = { ok: true, value: true };

/** Checks an assault order against the state as the turn starts. */
export function validateAssault(state: GameState, actor: string, order: AssaultOrder): Result {
  const target = state.locations[order.target];
  if (!target) return reject('unknown_location', `There is no place "${order.target}" on the map.`);
  if (!Array.isArray(order.units) || order.units.length === 0)
    return reject('bad_number', 'An assault needs at least one unit.');
  if (new Set(order.units).size !== order.units.length)
    return reject('bad_number', 'A unit is named twice in the assault.');
  for (const id of order.units) {
    const unit = state.units[id];
    if (!unit) return reject('unknown_unit', `There is no unit "${id}".`);
    if (unit.actor !== actor) return reject('not_your_unit', `${unit.name} belongs to another actor.`);
    if (unit.strength <= 0) return reject('unknown_unit', `${unit.name} has been destroyed.`);
    if (unit.transit !== null)
      return reject('not_adjacent', `${unit.name} is on the road; it must stand at a place to attack.`);
    if (!inReach(state, unit.location, order.target))
      return reject(
        'not_adjacent',
        `${unit.name} at ${placeName(state, unit.location)} is neither at ${target.name} nor on a road next to it.`,
      );
  }
  if (!hostileTarget(state, actor, order.target))
    return reject(
      'not_hostile',
      `Nothing hostile to ${actorName(state, actor)} is at ${target.name}: no hostile units, holder or post.`,
    );
  return ok;
}

/** At the target itself, or at a place joined to it by a road. */
function inReach(state: GameState, from: string, target: string): boolean {
  return from === target || neighbours(state, target).some((n) => n.location === from);
}

// ---------------------------------------------------------------- resolution

function refuse(sink: EventSink, actor: string, code: RejectCode, message: string): void {
  sink.emit('order.rejected', actor, '', () => `Order rejected (${code}): ${message}`, {
    code,
    order: 'assault',
  });
}

/**
 * The assaults phase (after strikes): every accepted assault order, in actor-id order then as
 * given. Each assault sees the results of the ones before it (strengths, who holds what, who has
 * fallen back); supply routes are judged on the ground as the phase began. A unit takes part in
 * one assault a turn; one that has already attacked, has been destroyed or has moved is left
 * out, and an assault left with no unit, or with nothing hostile to fight, is called off.
 */
export function resolveAssaults(
  state: GameState,
  view: GameState,
  sink: EventSink,
  orders: { actor: string; order: { kind: string } }[],
): void {
  const used = new Set<string>();
  const supplied = new Map<string, ReadonlySet<string> | null>();
  for (const { actor, order: o } of orders) {
    if (o.kind !== 'assault') continue;
    const order = o as AssaultOrder;
    const name = placeName(view, order.target);
    const attackers = order.units.filter((id) => {
      const u = state.units[id];
      return (
        u !== undefined &&
        u.actor === actor &&
        u.strength > 0 &&
        u.transit === null &&
        !used.has(id) &&
        inReach(view, u.location, order.target)
      );
    });
    if (attackers.length === 0) {
      refuse(
        sink,
        actor,
        'not_adjacent',
        `the assault on ${name} is called off: none of its units can still attack (already in an assault this turn, destroyed, or moved away).`,
      );
      continue;
    }
    if (!hostileTarget(state, actor, order.target)) {
      refuse(
        sink,
        actor,
        'not_hostile',
        `the assault on ${name} is called off: nothing hostile is left there.`,
      );
      continue;
    }
    for (const id of attackers) used.add(id);
    const isSupplied = (location: string): boolean => {
      if (!supplied.has(actor)) supplied.set(actor, suppliedPlaces(view, actor));
      return supplied.get(actor)?.has(location) ?? true;
    };
    assault(state, view, sink, actor, order.target, attackers, isSupplied);
  }
}

type Data = Record<string, string | number | boolean | null>;

function assault(
  state: GameState,
  view: GameState,
  sink: EventSink,
  actor: string,
  targetId: string,
  attackerIds: string[],
  isSupplied: (location: string) => boolean,
): void {
  const p = view.params;
  // The place's own copy from the start: civilians killed here change it before it is read again.
  const target = own(state.locations, targetId)!;
  const name = actorName(view, actor);
  const later: (() => void)[] = [];

  // ---- attack
  const attackers = attackerIds.map((id) => state.units[id]!);
  const supplyOf = attackers.map((u) => isSupplied(u.location));
  const airSupport = sink.events.some(
    (e) =>
      e.kind === 'strike.resolved' &&
      e.data.target === targetId &&
      (e.data.means === 'air' || e.data.means === 'drone') &&
      (e.data.sorties as number) > 0 &&
      isFriendly(view, actor, String(e.data.attacker)),
  );
  const attack = attackValue(p, {
    units: attackers.map((u, i) => ({
      strength: u.strength,
      readiness: u.readiness,
      supplied: supplyOf[i]!,
    })),
    airSupport,
  });
  const unsupplied = supplyOf.filter((s) => !s).length;

  // ---- defence
  const defenderIds = hostileUnitsAt(state, actor, targetId);
  const defenders = defenderIds.map((id) => state.units[id]!);
  const postId = livePostAt(state, actor, targetId);
  const post =
    postId !== null && isHostile(view, actor, state.posts[postId]!.actor) ? state.posts[postId]! : null;
  const garrison = post?.garrison ?? 0;
  const defence = defenceValue(p, {
    units: defenders.map((u) => ({ strength: u.strength, readiness: u.readiness })),
    garrison,
    garrisonReadiness: post?.readiness ?? 0,
    terrain: target.terrain,
    fortification: target.fortification,
  });
  const defenderActor = isHostile(view, actor, target.controller)
    ? target.controller
    : (post?.actor ?? strongest(defenders.map((u) => ({ actor: u.actor, strength: u.strength }))));

  // ---- what the student reads about the odds (before any loss)
  const attackWords =
    `attack ${fmt100(attack)} (` +
    [
      attackers.map((u) => `${u.name} ${u.strength} × ${u.readiness} %`).join(', '),
      ...(unsupplied > 0
        ? [`${unsupplied} unit${unsupplied === 1 ? '' : 's'} out of supply ×${p.unsuppliedAttackPct} %`]
        : []),
      ...(airSupport ? [`air support ×${p.airSupportPct} %`] : []),
    ].join('; ') +
    ')';
  const defenceWords =
    `defence ${fmt100(defence)} (` +
    [
      ...(defenders.length > 0
        ? [defenders.map((u) => `${u.name} ${u.strength} × ${u.readiness} %`).join(', ')]
        : []),
      ...(post !== null
        ? [`${post.name}: garrison ${garrison} / ${p.garrisonPerStrength} × ${post.readiness} %`]
        : []),
      ...(defenders.length === 0 && post === null ? ['nobody'] : []),
      `${target.terrain} ×${p.terrainDefencePct[target.terrain]} %`,
      ...(target.fortification > 0
        ? [`fortification ${target.fortification} ×${100 + p.fortificationPct * target.fortification} %`]
        : []),
    ].join('; ') +
    ')';

  // ---- the table
  const roll = rollD10(state.rng);
  const { odds, result, effect } = resolveCombat(attack, defence, roll);

  // ---- losses
  const killed: Record<string, number> = {};
  const strengthLost: Record<string, number> = {};
  const destroyed: { id: string; name: string; actor: string; why: string }[] = [];
  const attackerStrength = attackers.reduce((a, u) => a + u.strength, 0);
  // Nobody defends (defence 0): the place is walked into at no cost.
  const attackerLoss =
    defence === 0
      ? 0
      : Math.min(attackerStrength, Math.floor((attackerStrength * effect.attackerLossPct + 50) / 100));
  const defenderStrength = defenders.reduce((a, u) => a + u.strength, 0);
  const defenderLoss = Math.min(
    defenderStrength,
    Math.floor((defenderStrength * effect.defenderLossPct + 50) / 100),
  );
  const hurt = (units: typeof attackers, total: number, why: string): void => {
    const lost = spreadLosses(
      units.map((u) => ({ id: u.id, strength: u.strength })),
      total,
    );
    for (const u of units) {
      const n = lost[u.id] ?? 0;
      if (n === 0) continue;
      u.strength -= n;
      strengthLost[u.actor] = (strengthLost[u.actor] ?? 0) + n;
      killed[u.actor] = (killed[u.actor] ?? 0) + n * p.soldiersPerStrength;
      if (u.strength <= 0) destroyed.push({ id: u.id, name: u.name, actor: u.actor, why });
    }
  };
  hurt(attackers, attackerLoss, `in the assault on ${target.name}`);
  hurt(defenders, defenderLoss, `defending ${target.name}`);
  let garrisonKilled = 0;
  if (post !== null) {
    garrisonKilled = Math.min(post.garrison, Math.floor((post.garrison * effect.defenderLossPct + 50) / 100));
    post.garrison -= garrisonKilled;
    killed[post.actor] = (killed[post.actor] ?? 0) + garrisonKilled;
  }
  for (const d of destroyed) delete state.units[d.id];

  // ---- retreat
  const retreats: string[] = [];
  if (effect.defenderLeaves) {
    for (const u of defenders) {
      if (state.units[u.id] === undefined) continue;
      const to = fallBack(state, view, u.actor, targetId);
      if (to === null) {
        strengthLost[u.actor] = (strengthLost[u.actor] ?? 0) + u.strength;
        killed[u.actor] = (killed[u.actor] ?? 0) + u.strength * p.soldiersPerStrength;
        destroyed.push({
          id: u.id,
          name: u.name,
          actor: u.actor,
          why: `cut off at ${target.name} with nowhere to fall back to`,
        });
        delete state.units[u.id];
        continue;
      }
      retreats.push(`${u.name} falls back to ${placeName(view, to)}`);
      moveAfterAssault(
        u,
        to,
        'retreat',
        `${u.name} falls back from ${target.name} to ${placeName(view, to)} after the assault.`,
        view,
        sink,
        later,
      );
    }
  }

  // ---- capture
  const hostileLeft = hostileUnitsAt(state, actor, targetId).length > 0;
  const postFalls = post !== null && (effect.defenderLeaves || post.garrison === 0);
  const captured = !hostileLeft && (post === null || postFalls);
  const captureWords: string[] = [];
  let garrisonLost = 0;
  const survivors = attackers.reduce((a, u) => a + (state.units[u.id] === undefined ? 0 : u.strength), 0);
  if (captured) {
    const previous = target.controller;
    if (previous !== actor) {
      target.controller = actor;
      captureWords.push(`${name} takes ${target.name}`);
      later.push(() =>
        sink.emit(
          'control.changed',
          actor,
          targetId,
          () =>
            `${name} takes ${target.name}` +
            (previous === '' ? '' : ` from ${actorName(view, previous)}`) +
            ` by assault: no hostile force is left there.`,
          { from: previous, to: actor, strength: survivors },
        ),
      );
    }
    if (post !== null) {
      garrisonLost = post.garrison;
      killed[post.actor] = (killed[post.actor] ?? 0) + garrisonLost;
      post.garrison = 0;
      const from = post.status;
      post.status = 'overrun';
      const postName = post.name;
      const postActor = post.actor;
      const pid = post.id;
      captureWords.push(`${postName} is overrun (${garrisonLost} of its garrison lost)`);
      later.push(() =>
        sink.emit(
          'post.status_changed',
          [postActor, actor],
          targetId,
          () =>
            `${postName} is now overrun: ${name} stormed it and ${garrisonLost} soldiers of the garrison are lost.`,
          { post: pid, from, to: 'overrun' },
        ),
      );
    }
    if (target.kind !== 'post') {
      for (const u of attackers) {
        if (state.units[u.id] === undefined || u.location === targetId) continue;
        moveAfterAssault(
          u,
          targetId,
          'advance',
          `${u.name} moves into ${target.name} after the assault.`,
          view,
          sink,
          later,
        );
      }
    }
  }

  for (const a of sortedIds(killed)) addLosses(state, a, killed[a]!);

  // ---- civilians
  const fought =
    attackerLoss + defenderLoss + Math.floor((garrisonKilled + garrisonLost) / p.garrisonPerStrength);
  const residents = target.residents;
  const civilians = Math.min(
    residents,
    Math.floor((residents * p.assaultCiviliansPerMille * fought) / 10_000),
  );

  // ---- the event
  const data: Data = {
    attacker: actor,
    defender: defenderActor,
    target: targetId,
    units: attackerIds.join(' '),
    attack: Math.floor((attack + 50) / 100),
    defence: Math.floor((defence + 50) / 100),
    attackHundredths: attack,
    defenceHundredths: defence,
    airSupport,
    unsupplied,
    terrain: target.terrain,
    fortification: target.fortification,
    odds,
    roll,
    result,
    captured,
    postAttacked: post !== null || target.kind === 'post' || postId !== null,
    post: post?.id ?? postId ?? '',
    civiliansKilled: civilians,
  };
  for (const a of sortedIds(killed)) data[`killed:${a}`] = killed[a]!;
  for (const a of sortedIds(strengthLost)) data[`strengthLost:${a}`] = strengthLost[a]!;

  const lossWords: string[] = [];
  for (const a of sortedIds(killed)) {
    if ((killed[a] ?? 0) === 0 && (strengthLost[a] ?? 0) === 0) continue;
    lossWords.push(
      `${actorName(view, a)} loses ${strengthLost[a] ?? 0} strength` +
        (a === post?.actor ? ` and garrison soldiers` : '') +
        ` (${killed[a]} killed)`,
    );
  }
  const explain =
    `Assault on ${target.name} by ${name} (${attackers.map((u) => u.name).join(', ')}): ${attackWords} vs ${defenceWords}; ` +
    `odds ${odds}, roll ${roll} → ${effect.text}` +
    (lossWords.length > 0 ? `: ${lossWords.join('; ')}` : '') +
    (retreats.length > 0 ? `; ${retreats.join('; ')}` : '') +
    (captureWords.length > 0 ? `; ${captureWords.join('; ')}` : captured ? '' : `; ${target.name} holds`) +
    (civilians > 0 ? `; ${civilians} civilians killed` : '') +
    '.';
  const involved = [actor, ...sortedIds(killed).filter((a) => a !== actor)];
  if (defenderActor !== '' && !involved.includes(defenderActor)) involved.push(defenderActor);
  sink.emit('assault.resolved', involved, targetId, () => explain, data);

  for (const d of destroyed)
    sink.emit('unit.destroyed', [d.actor, actor], targetId, () => `${d.name} is destroyed ${d.why}.`, {
      unit: d.id,
      by: actor,
      cause: 'assault',
    });
  for (const f of later) f();
  killCivilians(state, sink, targetId, civilians, `fighting (${name}'s assault)`, actor);
  observeAttack(state, view, sink, actor, targetId, `an assault on ${target.name}`);
  for (const agreement of breachedBy(view, actor, 'assault', targetId))
    recordViolation(state, sink, agreement.id, actor, `an assault on ${target.name}`);
}

/** The actor with the most strength (ties by id), '' when none. */
function strongest(list: { actor: string; strength: number }[]): string {
  const by: Record<string, number> = {};
  for (const x of list) by[x.actor] = (by[x.actor] ?? 0) + x.strength;
  let best = '';
  for (const a of sortedIds(by)) if (best === '' || by[a]! > by[best]!) best = a;
  return best;
}

/** A neighbouring place held by `actor` or an ally, no post, with no unit hostile to it: the first by id. */
/**
 * Moves a unit (a draft) to `to` after an assault — a defender falling back or an attacker moving
 * in — and queues its `unit.moved` event, which is emitted after the assault's own event.
 */
function moveAfterAssault(
  u: Unit,
  to: string,
  how: 'retreat' | 'advance',
  explain: string,
  view: GameState,
  sink: EventSink,
  later: (() => void)[],
): void {
  const from = u.location;
  u.location = to;
  u.destination = '';
  u.transit = null;
  const data = {
    unit: u.id,
    from,
    to,
    metres: roadBetween(view, from, to)?.length ?? 0,
    destination: '',
    via: to,
    [how]: true,
  };
  const actor = u.actor;
  later.push(() => sink.emit('unit.moved', actor, to, () => explain, data));
}

function fallBack(state: GameState, view: GameState, actor: string, from: string): string | null {
  for (const n of neighbours(view, from)) {
    const loc = state.locations[n.location]!;
    if (loc.kind === 'post') continue;
    if (!isFriendly(view, actor, loc.controller)) continue;
    if (hostileUnitsAt(state, actor, n.location).length > 0) continue;
    return n.location;
  }
  return null;
}
