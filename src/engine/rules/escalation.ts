// Escalation, tension and markets (phase 'escalation'), from THIS turn's events (`sink.events`).
//
// Escalation points of the turn (every number from params):
//   each strike +escalationPointsStrike, each ground assault +escalationPointsAssault;
//   a strike or assault that hits a post (`postHit` / `postAttacked`) +escalationPointsPostAttack;
//   each clash (strike, assault, convoy interdiction, patrol attack) in which the Syrian government
//   kills Turkish soldiers +escalationPointsTurkishSyrianClash, in which Turkey hits government
//   forces +escalationPointsTurkishStrike, and in which Russia and Turkey hit each other
//   +escalationPointsRussiaTurkey (and the ladder goes to rung escalationRussiaTurkeyFloor at least);
//   a convoy interdicted +escalationPointsInterdiction; a patrol attacked +escalationPointsPatrolAttack;
//   a place of value ≥ escalationCaptureMinValue changing hands +escalationPointsCapture.
// Points alone climb no higher than rung 4 (direct Turkish-Syrian clashes): the top rung, a
// Turkey-Russia crisis, is reached only in a turn with a clash between Russia and Turkey.
//   ("Hits" an actor: `killed:<actor>` or `strengthLost:<actor>` above 0; for an assault its
//   defender is always hit; for an interdiction the convoy's actor is.)
// The ladder: points = carried points + this turn's points; a turn with no points loses
// escalationDecayPerTurn instead. While points ≥ escalationStepPoints (and below rung 5) the ladder
// climbs a rung and pays the step. If points go below 0 it falls ONE rung and the step is added back
// (so the next fall takes another full step of quiet), clamped at 0; at rung 0 points stay ≥ 0; at
// rung 5 they are kept below one step.
//
// Consequences: at rung ≥ usStatementLevel a US statement (US support +usStatementSupport), once.
// At rung ≥ airspaceCloseLevel Russia closes the airspace to Turkey (unless a ceasefire to which
// Turkey is a party holds); it reopens when the ladder is at ≤ airspaceReopenLevel or such a
// ceasefire holds (it can close again later). Turkish fatalities this turn ≥ marketShockKilled: a
// market shock (−marketShockDrop), once. Fired consequences are kept in `meters.consequences`
// ('us_statement', 'airspace_closed', 'market_shock').
//
// Tension: each clash between a pair (attacker and each actor it hits) adds tensionPerClash; it also
// adds tensionAllyPerClash between the actor hit and each ally of the attacker, and between the
// attacker and each ally of the actor hit (Syria's fire on Turks strains Turkey and Russia too).
// On turns whose number is a multiple of tensionDecayEveryTurns, while the ladder stands at rung
// ≤ tensionDecayMaxLevel, every pair with no such clash this turn loses tensionDecayPerTurn (slowly;
// in an offensive or worse, grudges hold; leaders' calls lower it in diplomacy).
// `tension.changed` is reported when a pair's tension moved by ≥ 3 in this step or crossed a
// multiple of 5 (so slow decay is reported once every 5 points, not every turn).
//
// Market index: falls by marketDropPer10Killed per 10 Turkish soldiers killed this turn (rounded
// down), by marketEscalationDrop while the ladder is at ≥ marketEscalationLevel, and by the shock;
// a turn with no fall recovers marketRecoveryPerTurn towards 100. `market.moved` when it falls, and
// as the recovery passes each multiple of 5.
// Turkish domestic pressure (0-100): +domesticPressurePerKilled per Turkish soldier killed this turn
// and +1 per domesticPressureDisplacedPerPoint people displaced this turn (rounded down); a turn
// with no rise lowers it by domesticPressureDecayPerTurn.
// International pressure (0-100): every actor's falls by pressureDecayPerTurn, then each attacker
// gains 1 per pressureCiviliansKilledPerPoint civilians its strikes and assaults killed this turn.
import type { EventSink } from '../events.ts';
import type { GameEvent, GameState } from '../types.ts';
import { actorName, sortedIds, sortShort, stanceOf } from '../world.ts';
import { CLASH_KINDS, adjustTension, relationOf } from './diplomacy.ts';

export const LADDER = [
  'calm',
  'skirmishes',
  'shelling',
  'offensive',
  'direct Turkish-Syrian clashes',
  'Turkey-Russia crisis',
];
export const TOP_RUNG = 5;

function num(e: GameEvent, key: string): number {
  const v = e.data[key];
  return typeof v === 'number' ? v : 0;
}

function str(e: GameEvent, key: string): string {
  const v = e.data[key];
  return typeof v === 'string' ? v : '';
}

/** The actor that fired in a clash event. */
export function attackerOf(e: GameEvent): string {
  return e.kind === 'convoy.interdicted' || e.kind === 'patrol.attacked' ? str(e, 'by') : str(e, 'attacker');
}

/** The actors a clash event hit (the attacker excluded), sorted. */
export function hitActors(e: GameEvent): string[] {
  const out = new Set<string>();
  for (const key of Object.keys(e.data)) {
    const skip = key.startsWith('killed:') ? 7 : key.startsWith('strengthLost:') ? 13 : 0;
    if (skip > 0 && key.length > skip && num(e, key) > 0) out.add(key.slice(skip));
  }
  if (e.kind === 'assault.resolved' && str(e, 'defender') !== '') out.add(str(e, 'defender'));
  if (e.kind === 'convoy.interdicted' && str(e, 'actor') !== '') out.add(str(e, 'actor'));
  out.delete(attackerOf(e));
  out.delete('');
  return sortShort([...out]);
}

/** Soldiers of `actor` killed in this turn's clashes. */
export function killedThisTurn(events: GameEvent[], actor: string): number {
  let n = 0;
  for (const e of events) if (CLASH_KINDS.includes(e.kind)) n += num(e, `killed:${actor}`);
  return n;
}

export interface EscalationTally {
  points: number;
  /** Reason → [count, points]. */
  reasons: Map<string, [number, number]>;
  russiaTurkey: boolean;
}

/** The escalation points of a list of events. */
export function escalationPoints(view: GameState, events: GameEvent[]): EscalationTally {
  const p = view.params;
  const { turkey: TURKEY, russia: RUSSIA, syria: SYRIA } = p.actorRoles;
  const reasons = new Map<string, [number, number]>();
  let points = 0;
  let russiaTurkey = false;
  const add = (reason: string, pts: number) => {
    if (pts <= 0) return;
    const r = reasons.get(reason) ?? [0, 0];
    reasons.set(reason, [r[0] + 1, r[1] + pts]);
    points += pts;
  };
  for (const e of events) {
    if (e.kind === 'strike.resolved') add('strike', p.escalationPointsStrike);
    if (e.kind === 'assault.resolved') add('ground assault', p.escalationPointsAssault);
    if (
      (e.kind === 'strike.resolved' && e.data.postHit === true) ||
      (e.kind === 'assault.resolved' && e.data.postAttacked === true)
    )
      add('attack on an observation post', p.escalationPointsPostAttack);
    if (e.kind === 'convoy.interdicted') add('convoy interdicted', p.escalationPointsInterdiction);
    if (e.kind === 'patrol.attacked') add('joint patrol attacked', p.escalationPointsPatrolAttack);
    if (e.kind === 'control.changed') {
      const loc = view.locations[e.location];
      if (loc && loc.value >= p.escalationCaptureMinValue)
        add(`${loc.name} (value ${loc.value}) changes hands`, p.escalationPointsCapture);
    }
    if (!CLASH_KINDS.includes(e.kind)) continue;
    const attacker = attackerOf(e);
    for (const hit of hitActors(e)) {
      if ((attacker === RUSSIA && hit === TURKEY) || (attacker === TURKEY && hit === RUSSIA)) {
        add('Russian-Turkish clash', p.escalationPointsRussiaTurkey);
        russiaTurkey = true;
      } else if (attacker === SYRIA && hit === TURKEY && num(e, `killed:${TURKEY}`) > 0)
        add('government forces kill Turkish soldiers', p.escalationPointsTurkishSyrianClash);
      else if (attacker === TURKEY && hit === SYRIA)
        add('Turkey hits government forces', p.escalationPointsTurkishStrike);
    }
  }
  return { points, reasons, russiaTurkey };
}

/**
 * Moves the ladder: returns the new rung and carried points. Points alone climb no higher than
 * `ceiling`: the top rung, a Turkey-Russia crisis, takes a clash between the two (the caller
 * raises the ceiling to the top only in a turn with one).
 */
export function climb(
  level: number,
  carried: number,
  gained: number,
  step: number,
  decay: number,
  ceiling = TOP_RUNG,
): { level: number; points: number } {
  let points = carried + (gained > 0 ? gained : -decay);
  const top = Math.max(level, ceiling);
  while (points >= step && level < top) {
    level += 1;
    points -= step;
  }
  if (level === top) points = Math.min(points, step - 1);
  if (points < 0 && level > 0) {
    level -= 1;
    points += step;
  }
  return { level, points: Math.max(0, points) };
}

/** A ceasefire to which Turkey is a party holds. */
function turkishCeasefireHolds(view: GameState): boolean {
  const TURKEY = view.params.actorRoles.turkey;
  return sortedIds(view.agreements).some((id) => {
    const a = view.agreements[id]!;
    return a.ceasefire && a.status === 'holds' && a.parties.includes(TURKEY);
  });
}

function reasonWords(t: EscalationTally): string {
  const parts: string[] = [];
  for (const [reason, [count, pts]] of t.reasons)
    parts.push(`${count > 1 ? `${count} × ` : ''}${reason} (+${pts})`);
  return parts.length === 0 ? 'no incidents' : parts.join(', ');
}

/** The escalation step. Reads `view` and this turn's events, writes `state`. */
export function updateEscalation(state: GameState, view: GameState, sink: EventSink): void {
  const events = sink.events.slice();
  const p = view.params;
  const { turkey: TURKEY, russia: RUSSIA } = p.actorRoles;
  const m = state.meters;

  // The ladder.
  const tally = escalationPoints(view, events);
  const from = view.meters.escalation;
  const moved = climb(
    from,
    view.meters.escalationPoints,
    tally.points,
    p.escalationStepPoints,
    p.escalationDecayPerTurn,
    tally.russiaTurkey ? TOP_RUNG : TOP_RUNG - 1,
  );
  let level = moved.level;
  let floored = false;
  if (tally.russiaTurkey && level < p.escalationRussiaTurkeyFloor) {
    level = Math.min(TOP_RUNG, p.escalationRussiaTurkeyFloor);
    floored = true;
  }
  m.escalation = level;
  m.escalationPoints = moved.points;
  if (level !== from) {
    const why =
      tally.points > 0
        ? `this turn: ${reasonWords(tally)}; ${moved.points} points carried towards the next rung (${p.escalationStepPoints} per rung)` +
          (floored ? `; a Russian-Turkish clash puts the ladder at rung ${level} at least` : '')
        : `a quiet turn: points fall by ${p.escalationDecayPerTurn} and the ladder steps down`;
    sink.emit(
      'escalation.changed',
      '',
      '',
      () => `Escalation ${level > from ? 'rises' : 'falls'} ${from} → ${level} (${LADDER[level]}): ${why}.`,
      { from, to: level, points: tally.points, carried: moved.points, russiaTurkey: tally.russiaTurkey },
    );
  }

  // Consequences.
  const fired = m.consequences;
  if (level >= p.usStatementLevel && !fired.includes('us_statement')) {
    fired.push('us_statement');
    const before = m.usSupport;
    m.usSupport = Math.min(100, before + p.usStatementSupport);
    sink.emit(
      'escalation.consequence',
      TURKEY,
      '',
      () =>
        `With escalation at rung ${level} (${LADDER[level]}), the United States issues a statement backing its NATO ally; US support ${before} → ${m.usSupport}.`,
      { consequence: 'us_statement', level, before, after: m.usSupport },
    );
  }
  const ceasefire = turkishCeasefireHolds(view);
  if (!m.airspaceClosed && level >= p.airspaceCloseLevel && !ceasefire) {
    m.airspaceClosed = true;
    if (!fired.includes('airspace_closed')) fired.push('airspace_closed');
    sink.emit(
      'escalation.consequence',
      [RUSSIA, TURKEY],
      '',
      () =>
        `With escalation at rung ${level} (${LADDER[level]}), Russia closes the airspace over Idlib to Turkish aircraft and drones.`,
      { consequence: 'airspace_closed', level },
    );
  } else if (m.airspaceClosed && (level <= p.airspaceReopenLevel || ceasefire)) {
    m.airspaceClosed = false;
    sink.emit(
      'escalation.consequence',
      [RUSSIA, TURKEY],
      '',
      () =>
        `Russia reopens the airspace to Turkish aircraft and drones: ` +
        (ceasefire
          ? 'a ceasefire with Turkey holds.'
          : `escalation is down to rung ${level} (${LADDER[level]}).`),
      { consequence: 'airspace_reopened', level, ceasefire },
    );
  }

  // Tension between pairs: direct clashes, and clashes by or against an ally.
  const direct = new Map<string, [string, string, number]>();
  const byAlly = new Map<string, [string, string, number]>();
  const count = (map: Map<string, [string, string, number]>, x: string, y: string) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}|${b}`;
    map.set(key, [a, b, (map.get(key)?.[2] ?? 0) + 1]);
  };
  const actorIds = sortedIds(view.actors);
  const alliesOf = (x: string) => actorIds.filter((y) => y !== x && stanceOf(view, x, y) === 'allied');
  for (const e of events) {
    if (!CLASH_KINDS.includes(e.kind)) continue;
    const attacker = attackerOf(e);
    if (attacker === '') continue;
    for (const hit of hitActors(e)) {
      count(direct, attacker, hit);
      for (const ally of alliesOf(attacker)) if (ally !== hit) count(byAlly, ally, hit);
      for (const ally of alliesOf(hit)) if (ally !== attacker) count(byAlly, attacker, ally);
    }
  }
  const tensionBefore = new Map(view.relations.map((r) => [`${r.a}|${r.b}`, r.tension]));
  for (const key of [...new Set([...direct.keys(), ...byAlly.keys()])].sort()) {
    const [a, b] = (direct.get(key) ?? byAlly.get(key))!;
    const n = direct.get(key)?.[2] ?? 0;
    const k = byAlly.get(key)?.[2] ?? 0;
    adjustTension(state, a, b, n * p.tensionPerClash + k * p.tensionAllyPerClash);
  }
  if (level <= p.tensionDecayMaxLevel && view.turn % p.tensionDecayEveryTurns === 0)
    for (const r of state.relations) {
      const key = `${r.a}|${r.b}`;
      if (!direct.has(key) && !byAlly.has(key)) r.tension = Math.max(0, r.tension - p.tensionDecayPerTurn);
    }
  for (const r of state.relations) {
    const key = `${r.a}|${r.b}`;
    const before = tensionBefore.get(key) ?? 0;
    const after = r.tension;
    if (Math.abs(after - before) < 3 && Math.floor(after / 5) === Math.floor(before / 5)) continue;
    const n = direct.get(key)?.[2] ?? 0;
    const k = byAlly.get(key)?.[2] ?? 0;
    const why: string[] = [];
    if (n > 0)
      why.push(`${n} clash${n === 1 ? '' : 'es'} between them this turn (+${p.tensionPerClash} each)`);
    if (k > 0)
      why.push(
        `${k} clash${k === 1 ? '' : 'es'} involving an ally of one of them (+${p.tensionAllyPerClash} each)`,
      );
    sink.emit(
      'tension.changed',
      [r.a, r.b],
      '',
      () =>
        `Tension between ${actorName(view, r.a)} and ${actorName(view, r.b)} ${after > before ? 'rises' : 'falls'} ${before} → ${after}` +
        (why.length > 0
          ? ` after ${why.join(' and ')}.`
          : ` (it eases by ${p.tensionDecayPerTurn} every ${p.tensionDecayEveryTurns} turns without clashes while escalation stays at rung ${p.tensionDecayMaxLevel} or below).`),
      { a: r.a, b: r.b, before, after, clashes: n, allyClashes: k },
    );
  }

  // Markets, and the shock.
  const killedTr = killedThisTurn(events, TURKEY);
  const parts: string[] = [];
  let drop = 0;
  const byDeaths = Math.floor((killedTr * p.marketDropPer10Killed) / 10);
  if (byDeaths > 0) {
    drop += byDeaths;
    parts.push(`${killedTr} Turkish soldiers killed (−${byDeaths})`);
  }
  if (level >= p.marketEscalationLevel && p.marketEscalationDrop > 0) {
    drop += p.marketEscalationDrop;
    parts.push(`escalation at rung ${level} (−${p.marketEscalationDrop})`);
  }
  let shock = false;
  if (killedTr >= p.marketShockKilled && !fired.includes('market_shock')) {
    fired.push('market_shock');
    shock = true;
    drop += p.marketShockDrop;
    parts.push(`a market shock at the news of ${killedTr} dead in one turn (−${p.marketShockDrop})`);
  }
  const indexBefore = m.marketIndex;
  if (drop > 0) m.marketIndex = Math.max(0, indexBefore - drop);
  else if (indexBefore < 100) m.marketIndex = Math.min(100, indexBefore + p.marketRecoveryPerTurn);
  else if (indexBefore > 100) m.marketIndex = Math.max(100, indexBefore - p.marketRecoveryPerTurn);
  // Falls are always news; the slow recovery is reported as it passes each multiple of 5.
  const newsworthy =
    m.marketIndex < indexBefore || Math.floor(m.marketIndex / 5) !== Math.floor(indexBefore / 5);
  if (m.marketIndex !== indexBefore && newsworthy) {
    sink.emit(
      'market.moved',
      TURKEY,
      '',
      () =>
        drop > 0
          ? `Turkish markets (lira and bonds) fall ${indexBefore} → ${m.marketIndex}: ${parts.join(', ')}.`
          : `Turkish markets recover ${indexBefore} → ${m.marketIndex} in a turn without Turkish losses or high escalation.`,
      { before: indexBefore, after: m.marketIndex, killed: killedTr, shock },
    );
  }

  // Turkish domestic pressure.
  let displaced = 0;
  for (const e of events) if (e.kind === 'civilians.displaced') displaced += num(e, 'displaced');
  const rise =
    killedTr * p.domesticPressurePerKilled +
    Math.floor(displaced / Math.max(1, p.domesticPressureDisplacedPerPoint));
  const dp = m.turkishDomesticPressure;
  m.turkishDomesticPressure =
    rise > 0 ? Math.min(100, dp + rise) : Math.max(0, dp - p.domesticPressureDecayPerTurn);

  // International pressure: decay, then civilian deaths.
  const pressure = m.internationalPressure;
  for (const a of sortedIds(pressure)) pressure[a] = Math.max(0, pressure[a]! - p.pressureDecayPerTurn);
  const civilians: Record<string, number> = {};
  for (const e of events) {
    if (e.kind !== 'strike.resolved' && e.kind !== 'assault.resolved') continue;
    const attacker = attackerOf(e);
    if (attacker !== '') civilians[attacker] = (civilians[attacker] ?? 0) + num(e, 'civiliansKilled');
  }
  for (const a of sortedIds(civilians)) {
    const add = Math.floor(civilians[a]! / Math.max(1, p.pressureCiviliansKilledPerPoint));
    if (add > 0) pressure[a] = Math.min(100, (pressure[a] ?? 0) + add);
  }
}

/** The tension of a pair (0 when the pair has no relation). */
export function tensionOf(state: GameState, a: string, b: string): number {
  return relationOf(state, a, b)?.tension ?? 0;
}
