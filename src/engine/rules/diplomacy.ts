// Diplomacy (phase 'diplomacy'): ceasefire proposals and answers, leaders' calls, protests and
// requests for US support. Every number comes from `state.params`.
//
// - propose_ceasefire {to}: a Proposal from the actor to `to` (a second proposal to the same actor
//   renews the first). It can be answered on the turns after it is made, up to `proposalExpiryTurns`
//   turns later; then it lapses at the start of the next turn.
// - accept_ceasefire {to} (to = the proposer): a new ceasefire Agreement between the TWO actors only
//   (not their allies: an ally is bound only by agreements it signs itself). It holds from this turn,
//   has no obligations, and collapses at `agreementCollapseAt` violations (assaults and strikes by a
//   party are recorded through `breachedBy`).
// - reject_ceasefire {to}: the proposal is withdrawn; tension between the two rises by `rejectTensionRise`.
// - leaders_call {to}: tension between the two falls by `leadersCallTensionDrop`. The limit is an
//   effect, not a rejection: a call within `leadersCallCooldownTurns` turns of the last call that
//   counted between the same pair (either way round, this turn included) still happens but changes
//   nothing ("they spoke two turns ago").
// - protest {to}: international pressure on `to` rises by `protestPressure`, tension by `protestTensionRise`.
// - request_us_support (Turkey only): one d10. The request has a case when the escalation ladder
//   stands at `usSupportEscalationMin` or higher AND Turkish soldiers were killed in the last
//   `usSupportLookbackTurns` turns (read from the log). With a case, a roll ≥ `usSupportRiseMinRoll`
//   raises US support by `usSupportGain` (a lower roll: a statement, no change). Without a case, a roll
//   ≤ `usSupportErodeMaxRoll` lowers it by `usSupportLoss` (the "paper tiger" risk: asking without cause
//   wears support down); a higher roll changes nothing. Only the first request of a turn is heard.
import type { EventSink } from '../events.ts';
import { rollD10 } from '../rng.ts';
import type {
  Agreement,
  DiplomacyOrder,
  GameEvent,
  GameState,
  Order,
  Proposal,
  RejectCode,
  Relation,
  RequestUsSupportOrder,
  Result,
} from '../types.ts';
import { actorName, findRelation } from '../world.ts';

// The meters (US support, Turkish domestic pressure, the market, the airspace) are about Turkey, so
// the rules need to know who Turkey, Russia and the Syrian government are: `params.actorRoles`.

/** Event kinds that carry `killed:<actor>` for the soldiers killed in a clash. */
export const CLASH_KINDS: GameEvent['kind'][] = [
  'strike.resolved',
  'assault.resolved',
  'convoy.interdicted',
  'patrol.attacked',
];

export type DiplomaticOrder = DiplomacyOrder | RequestUsSupportOrder;

function reject(code: RejectCode, message: string): Result<never> {
  return { ok: false, code, message };
}

const ok: Result = { ok: true, value: true };

/** The proposal of `from` to `to` that still stands this turn, if any. */
export function standingProposal(state: GameState, from: string, to: string): Proposal | undefined {
  return state.proposals.find(
    (p) =>
      p.kind === 'ceasefire' &&
      p.from === from &&
      p.to === to &&
      p.turn + state.params.proposalExpiryTurns >= state.turn,
  );
}

const VERB: Record<DiplomacyOrder['kind'], string> = {
  propose_ceasefire: 'propose a ceasefire to',
  accept_ceasefire: 'accept a ceasefire from',
  reject_ceasefire: 'reject a ceasefire from',
  leaders_call: 'call',
  protest: 'protest to',
};

export function validateDiplomacy(state: GameState, actor: string, order: DiplomaticOrder): Result {
  if (order.kind === 'request_us_support') {
    if (actor !== state.params.actorRoles.turkey)
      return reject(
        'not_a_party',
        `Only Turkey asks Washington for support here: the US support meter measures how far the United States backs Turkey.`,
      );
    return ok;
  }
  const to = order.to;
  if (typeof to !== 'string' || !state.actors[to])
    return reject('unknown_actor', `There is no actor "${String(to)}" in this game.`);
  if (to === actor)
    return reject('same_actor', `${actorName(state, actor)} cannot ${VERB[order.kind]} itself.`);
  if (
    (order.kind === 'accept_ceasefire' || order.kind === 'reject_ceasefire') &&
    !standingProposal(state, to, actor)
  )
    return reject(
      'no_proposal',
      `${actorName(state, to)} has no standing ceasefire proposal to ${actorName(state, actor)} ` +
        `(a proposal can be answered for ${state.params.proposalExpiryTurns} turns after it is made).`,
    );
  return ok;
}

// ---------------------------------------------------------------- relations

export function relationOf(state: Pick<GameState, 'relations'>, a: string, b: string): Relation | undefined {
  return findRelation(state.relations, a, b);
}

/** The relation of a pair; a neutral one with no tension is added (in sorted place) when the pair had none. */
export function ensureRelation(state: GameState, a: string, b: string): Relation {
  const found = relationOf(state, a, b);
  if (found) return found;
  const [x, y] = a < b ? [a, b] : [b, a];
  const key = `${x}|${y}`;
  let at = 0;
  while (at < state.relations.length && `${state.relations[at]!.a}|${state.relations[at]!.b}` < key) at++;
  state.relations.splice(at, 0, { a: x, b: y, stance: 'neutral', tension: 0 });
  return state.relations[at]!;
}

/** Moves the tension of a pair by `delta`, kept within 0-100. */
export function adjustTension(
  state: GameState,
  a: string,
  b: string,
  delta: number,
): { before: number; after: number } {
  const r = ensureRelation(state, a, b);
  const before = r.tension;
  r.tension = Math.max(0, Math.min(100, before + delta));
  return { before, after: r.tension };
}

// ---------------------------------------------------------------- resolution

/** Proposals that can no longer be answered lapse (turn start). */
export function expireProposals(state: GameState, sink: EventSink): void {
  const expiry = state.params.proposalExpiryTurns;
  const keep: Proposal[] = [];
  for (const p of state.proposals) {
    if (p.turn + expiry >= state.turn) {
      keep.push(p);
      continue;
    }
    sink.emit(
      'diplomacy.answered',
      [p.to, p.from],
      '',
      () =>
        `${actorName(state, p.to)} never answered ${actorName(state, p.from)}'s ceasefire proposal of turn ${p.turn}; it lapses.`,
      { proposal: p.id, from: p.from, to: p.to, answer: 'expired' },
    );
  }
  if (keep.length !== state.proposals.length) state.proposals = keep;
}

/** Soldiers of `actor` killed in the clashes of the log's last `turns` turns (before `turn`). */
export function recentLosses(view: GameState, actor: string, turn: number, turns: number): number {
  let total = 0;
  for (let i = view.log.length - 1; i >= 0; i--) {
    const entry = view.log[i]!;
    if (entry.turn < turn - turns) break;
    if (entry.turn >= turn) continue;
    for (const e of entry.events) {
      if (!CLASH_KINDS.includes(e.kind)) continue;
      const k = e.data[`killed:${actor}`];
      if (typeof k === 'number') total += k;
    }
  }
  return total;
}

function isCallBetween(e: GameEvent, a: string, b: string): boolean {
  return (
    e.kind === 'diplomacy.call' &&
    e.data.effective === true &&
    ((e.data.from === a && e.data.to === b) || (e.data.from === b && e.data.to === a))
  );
}

/** The turn of the last call between a and b that changed the tension (0 when none), this turn included. */
function lastCall(view: GameState, sink: EventSink, a: string, b: string): number {
  if (sink.events.some((e) => isCallBetween(e, a, b))) return sink.turn;
  for (let i = view.log.length - 1; i >= 0; i--) {
    const entry = view.log[i]!;
    if (entry.turn <= sink.turn - view.params.leadersCallCooldownTurns) break;
    if (entry.events.some((e) => isCallBetween(e, a, b))) return entry.turn;
  }
  return 0;
}

/** The diplomacy step: applies the accepted diplomatic orders in order. Reads `view`, writes `state`. */
export function resolveDiplomacy(
  state: GameState,
  view: GameState,
  sink: EventSink,
  orders: { actor: string; order: Order }[],
): void {
  for (const { actor, order } of orders) {
    switch (order.kind) {
      case 'propose_ceasefire':
        propose(state, sink, actor, order.to);
        break;
      case 'accept_ceasefire':
        accept(state, sink, actor, order.to);
        break;
      case 'reject_ceasefire':
        rejectProposal(state, sink, actor, order.to);
        break;
      case 'leaders_call':
        call(state, view, sink, actor, order.to);
        break;
      case 'protest':
        protest(state, sink, actor, order.to);
        break;
      case 'request_us_support':
        requestUsSupport(state, view, sink, actor);
        break;
      default:
        break;
    }
  }
}

function propose(state: GameState, sink: EventSink, actor: string, to: string): void {
  const expires = state.turn + state.params.proposalExpiryTurns;
  let proposal = state.proposals.find((p) => p.kind === 'ceasefire' && p.from === actor && p.to === to);
  const renewed = proposal !== undefined;
  if (proposal) proposal.turn = state.turn;
  else {
    proposal = { id: `proposal_${state.nextSerial}`, kind: 'ceasefire', from: actor, to, turn: state.turn };
    state.nextSerial += 1;
    state.proposals.push(proposal);
  }
  sink.emit(
    'diplomacy.proposed',
    [actor, to],
    '',
    () =>
      `${actorName(state, actor)} ${renewed ? 'renews its' : 'proposes a'} ceasefire to ${actorName(state, to)}; ` +
      `${actorName(state, to)} may accept or reject it until turn ${expires}.`,
    { proposal: proposal.id, from: actor, to, expires, renewed },
  );
}

function takeProposal(state: GameState, from: string, to: string): Proposal | null {
  const i = state.proposals.findIndex((p) => p.kind === 'ceasefire' && p.from === from && p.to === to);
  if (i < 0) return null;
  const [p] = state.proposals.splice(i, 1);
  return p!;
}

function accept(state: GameState, sink: EventSink, actor: string, proposer: string): void {
  // Already answered this turn by an earlier order: nothing left to accept.
  const p = takeProposal(state, proposer, actor);
  if (!p) return;
  let n = state.nextSerial;
  while (state.agreements[`ceasefire_${n}`]) n++;
  state.nextSerial = n + 1;
  const id = `ceasefire_${n}`;
  const parties = [proposer, actor].sort();
  const agreement: Agreement = {
    id,
    name: `ceasefire between ${actorName(state, parties[0]!)} and ${actorName(state, parties[1]!)}`,
    parties,
    status: 'holds',
    startTurn: state.turn,
    ceasefire: true,
    obligations: [],
    violations: {},
    collapseAt: state.params.agreementCollapseAt,
  };
  state.agreements[id] = agreement;
  sink.emit(
    'diplomacy.answered',
    [actor, proposer],
    '',
    () =>
      `${actorName(state, actor)} accepts ${actorName(state, proposer)}'s ceasefire proposal of turn ${p.turn}.`,
    { proposal: p.id, from: proposer, to: actor, answer: 'accepted', agreement: id },
  );
  sink.emit(
    'agreement.changed',
    parties,
    '',
    () =>
      `The ${agreement.name} holds from turn ${state.turn}: an attack by either party is a recorded violation, ` +
      `and ${agreement.collapseAt} violations collapse it.`,
    { agreement: id, from: 'pending', to: 'holds' },
  );
}

function rejectProposal(state: GameState, sink: EventSink, actor: string, proposer: string): void {
  const p = takeProposal(state, proposer, actor);
  if (!p) return;
  const t = adjustTension(state, actor, proposer, state.params.rejectTensionRise);
  sink.emit(
    'diplomacy.answered',
    [actor, proposer],
    '',
    () =>
      `${actorName(state, actor)} rejects ${actorName(state, proposer)}'s ceasefire proposal of turn ${p.turn}; ` +
      `tension between them rises ${t.before} → ${t.after}.`,
    {
      proposal: p.id,
      from: proposer,
      to: actor,
      answer: 'rejected',
      tensionBefore: t.before,
      tensionAfter: t.after,
    },
  );
}

function call(state: GameState, view: GameState, sink: EventSink, actor: string, to: string): void {
  const last = lastCall(view, sink, actor, to);
  const cooldown = state.params.leadersCallCooldownTurns;
  const effective = last === 0 || last <= sink.turn - cooldown;
  const who = `The leaders of ${actorName(state, actor)} and ${actorName(state, to)}`;
  if (!effective) {
    const tension = relationOf(state, actor, to)?.tension ?? 0;
    sink.emit(
      'diplomacy.call',
      [actor, to],
      '',
      () =>
        `${who} speak again, but they last spoke on turn ${last}: a call changes tension once every ${cooldown} turns, ` +
        `so it stays at ${tension}.`,
      { from: actor, to, effective: false, tensionBefore: tension, tensionAfter: tension, lastCall: last },
    );
    return;
  }
  const t = adjustTension(state, actor, to, -state.params.leadersCallTensionDrop);
  sink.emit(
    'diplomacy.call',
    [actor, to],
    '',
    () => `${who} speak by telephone; tension between them falls ${t.before} → ${t.after}.`,
    { from: actor, to, effective: true, tensionBefore: t.before, tensionAfter: t.after, lastCall: last },
  );
}

function protest(state: GameState, sink: EventSink, actor: string, to: string): void {
  const pressure = state.meters.internationalPressure;
  const before = pressure[to] ?? 0;
  pressure[to] = Math.min(100, before + state.params.protestPressure);
  const t = adjustTension(state, actor, to, state.params.protestTensionRise);
  sink.emit(
    'diplomacy.protest',
    [actor, to],
    '',
    () =>
      `${actorName(state, actor)} protests to ${actorName(state, to)}: international pressure on ${actorName(state, to)} ` +
      `rises ${before} → ${pressure[to]}; tension between them rises ${t.before} → ${t.after}.`,
    {
      from: actor,
      to,
      pressureBefore: before,
      pressureAfter: pressure[to]!,
      tensionBefore: t.before,
      tensionAfter: t.after,
    },
  );
}

function requestUsSupport(state: GameState, view: GameState, sink: EventSink, actor: string): void {
  if (sink.events.some((e) => e.kind === 'diplomacy.us_support' && e.actors[0] === actor)) return;
  const p = state.params;
  const escalation = view.meters.escalation;
  const killed = recentLosses(view, p.actorRoles.turkey, sink.turn, p.usSupportLookbackTurns);
  const cause = escalation >= p.usSupportEscalationMin && killed > 0;
  const roll = rollD10(state.rng);
  const before = state.meters.usSupport;
  let change = 0;
  if (cause && roll >= p.usSupportRiseMinRoll) change = p.usSupportGain;
  if (!cause && roll <= p.usSupportErodeMaxRoll) change = -p.usSupportLoss;
  state.meters.usSupport = Math.max(0, Math.min(100, before + change));
  const after = state.meters.usSupport;
  const why = cause
    ? `a case to make: escalation at rung ${escalation} (≥ ${p.usSupportEscalationMin}) and ${killed} Turkish soldiers killed in the last ${p.usSupportLookbackTurns} turns`
    : `no case to make: escalation at rung ${escalation} (needs ≥ ${p.usSupportEscalationMin}) and ${killed} Turkish soldiers killed in the last ${p.usSupportLookbackTurns} turns`;
  const result = cause
    ? roll >= p.usSupportRiseMinRoll
      ? `Washington backs Ankara, US support rises ${before} → ${after}`
      : `a statement of concern, no more; US support stays at ${after}`
    : roll <= p.usSupportErodeMaxRoll
      ? `asked without cause, Washington shrugs (the "paper tiger" risk); US support falls ${before} → ${after}`
      : `no harm done; US support stays at ${after}`;
  const need = cause ? `≥ ${p.usSupportRiseMinRoll} to gain` : `≤ ${p.usSupportErodeMaxRoll} erodes`;
  sink.emit(
    'diplomacy.us_support',
    actor,
    '',
    () =>
      `${actorName(state, actor)} asks the United States for support, with ${why}; roll ${roll} (${need}) → ${result}.`,
    { actor, cause, escalation, killed, roll, before, after },
  );
}
