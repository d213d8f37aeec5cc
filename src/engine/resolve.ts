// One way to change the game: resolveTurn. Every actor's orders arrive at once; they are checked,
// then resolved in the fixed phase order of the design:
//   turn start → diplomacy → movement (units, convoys, patrols) → strikes → ground assaults →
//   supply and encirclement → civilians → reports → escalation, tension and markets → triggers →
//   victory.
//
// Each step is one `change` (src/engine/working.ts): it reads the state as it was when the step
// began (`before`) and writes its changes to a working copy (`draft`), which becomes the next
// state. So within a step everything happens at once (units moving in the same step meet each
// other where they stood when it began). A step sees the events of the turn so far through `sink`
// (escalation, civilians and reports react to them). The triggers step runs in rounds, one
// `change` per round (rules/triggers.ts): it takes the state and returns the next one itself.
import { dateOfTurn } from './calendar.ts';
import { EventSink } from './events.ts';
import { validateOrder } from './orders.ts';
import { startOfTurn } from './rules/agreements.ts';
import { updateCivilians } from './rules/civilians.ts';
import { updateControl } from './rules/control.ts';
import { resolveDiplomacy } from './rules/diplomacy.ts';
import { updateEscalation } from './rules/escalation.ts';
import { updateReports } from './rules/reports.ts';
import { dispatchConvoy, moveConvoys } from './rules/convoys.ts';
import { setCheckpoint, updateCheckpoints } from './rules/checkpoints.ts';
import { runPatrols } from './rules/patrols.ts';
import { updateHighways } from './rules/highways.ts';
import { applyMovementOrders, moveUnits } from './rules/movement.ts';
import { applyPostOrders, updatePosts } from './rules/posts.ts';
import { resolveStrikes } from './rules/strikes.ts';
import { resolveAssaults } from './rules/assaults.ts';
import { runTriggers } from './rules/triggers.ts';
import { checkVictory } from './rules/victory.ts';
import type { DecisionRecord, GameEvent, GameState, LogEntry, Order, OrdersByActor, Phase } from './types.ts';
import { sortedIds } from './world.ts';
import { change, freezeEntry, type Part } from './working.ts';

export interface TurnResult {
  state: GameState;
  events: GameEvent[];
}

export interface Accepted {
  actor: string;
  order: Order;
}

/** A step of resolution: reads `before`, writes `draft`, reports through `sink`. */
export type Step = (draft: GameState, before: GameState, sink: EventSink, orders: Accepted[]) => void;

/** A step that makes its own changes (`change` calls): takes the state, returns the next, reports through `sink`. */
export interface OwnStep {
  own: (state: GameState, sink: EventSink, orders: Accepted[]) => GameState;
}

// What each step may write (besides the plain numbers and flags at the top of the state, which
// every step's copy has of its own): the rules it calls and the rules those call. The rest is
// shared with the state before the step (src/engine/working.ts); with freezing on, as in every
// test, a write outside the list throws.
/** Clashes: strikes and assaults (and the civilians, posts, agreements and meters they touch). */
const CLASH: readonly Part[] = ['units', 'locations', 'posts', 'meters', 'rng', 'agreements'];
/** Convoys on the road: interdiction, stand-offs, arrival at their posts. */
const CONVOYS: readonly Part[] = ['convoys', 'posts', 'meters', 'rng'];

const STEPS: [Phase, Step | OwnStep, readonly Part[]][] = [
  // -- turn start: agreement deadlines, scheduled reports
  [
    'turn-start',
    (draft, before, sink) => startOfTurn(draft, before, sink),
    ['agreements', 'proposals', 'meters'],
  ],
  // -- diplomacy
  [
    'diplomacy',
    (draft, before, sink, orders) => resolveDiplomacy(draft, before, sink, orders),
    ['agreements', 'proposals', 'relations', 'meters', 'rng'],
  ],
  // -- movement
  [
    'movement',
    (draft, before, sink, orders) => {
      applyMovementOrders(
        draft,
        orders.map((a) => a.order),
      );
      for (const { actor, order } of orders) {
        if (order.kind === 'dispatch_convoy') dispatchConvoy(draft, before, actor, order, sink);
        else if (order.kind === 'set_checkpoint') setCheckpoint(draft, before, actor, order, sink);
      }
    },
    ['units', 'locations', ...CONVOYS],
  ],
  ['movement', (draft, before, sink) => moveUnits(draft, before, sink), ['units']],
  ['movement', (draft, before, sink) => moveConvoys(draft, before, sink), CONVOYS],
  ['movement', (draft, before, sink) => updateControl(draft, before, sink), ['locations', 'units']],
  ['movement', (draft, before, sink) => updateCheckpoints(draft, before, sink), ['locations']],
  [
    'movement',
    (draft, before, sink, orders) => runPatrols(draft, before, sink, orders),
    ['patrols', 'posts', 'meters', 'rng'],
  ],
  // -- strikes
  ['strikes', (draft, before, sink, orders) => resolveStrikes(draft, before, sink, orders), CLASH],
  // -- ground assaults
  ['assaults', (draft, before, sink, orders) => resolveAssaults(draft, before, sink, orders), CLASH],
  // -- supply and encirclement
  [
    'supply',
    (draft, before, sink, orders) => applyPostOrders(draft, before, sink, orders),
    ['posts', 'locations', 'meters', 'relations'],
  ],
  ['supply', (draft, before, sink) => updatePosts(draft, before, sink), ['posts']],
  ['supply', (draft, before, sink) => updateHighways(draft, before, sink), ['highwayOpen']],
  // -- civilians
  ['civilians', (draft, before, sink) => updateCivilians(draft, before, sink), ['locations', 'meters']],
  // -- reports
  ['reports', (draft, before, sink) => updateReports(draft, before, sink), ['pendingReports', 'rng']],
  // -- escalation, tension and markets
  [
    'escalation',
    (draft, before, sink) => updateEscalation(draft, before, sink),
    ['meters', 'relations', 'agreements'],
  ],
  // -- triggers (each round copies every part: an action may change almost anything)
  ['triggers', { own: (state, sink) => runTriggers(state, sink) }, []],
  // -- victory
  ['victory', (draft, before, sink) => checkVictory(draft, before, sink), ['victory', 'outcome']],
];

/** Checks each order against the state as the turn starts; accepted ones go forward in actor-id order, then as given. */
function checkOrders(state: GameState, ordersByActor: OrdersByActor, sink: EventSink): Accepted[] {
  sink.phase = 'orders';
  const accepted: Accepted[] = [];
  for (const actor of sortedIds(ordersByActor)) {
    for (const order of ordersByActor[actor] ?? []) {
      const check = validateOrder(state, actor, order);
      if (check.ok) accepted.push({ actor, order });
      else
        sink.emit('order.rejected', actor, '', () => `Order rejected (${check.code}): ${check.message}`, {
          code: check.code,
          order: order.kind,
        });
    }
  }
  return accepted;
}

/**
 * The computer actors' decision records enter the log first, at the orders phase, as
 * `ai.decided` events (one per record, in actor order), so the replay and the review can say why.
 */
function logDecisions(decisions: readonly DecisionRecord[], sink: EventSink): void {
  sink.phase = 'orders';
  const sorted = [...decisions].sort((a, b) => (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0));
  for (const d of sorted) {
    sink.emit('ai.decided', d.actor, '', () => decisionWords(d), {
      doctrine: d.doctrine,
      weighed: d.weighed,
      chosen: d.chosen,
      draw: d.draw,
      best: d.top[0]?.score ?? 0,
    });
  }
}

/** A decision record in words: what was weighed and given, and the best candidates with their factors. */
function decisionWords(d: DecisionRecord): string {
  const lines = d.top.map((w, i) => {
    const parts = w.factors.map(
      (f) => `${f.factor.replaceAll('_', ' ')} ${f.points >= 0 ? '+' : ''}${f.points}`,
    );
    return `${i + 1}. ${w.order} ${w.score}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  });
  return `${d.actor} (${d.doctrine}) weighed ${d.weighed} orders and gave ${d.chosen}. ${lines.join(' ')}`.trim();
}

/** How a turn is resolved: `wordless`, the events' explanations are left empty (see `EventSink`). */
export interface TurnOptions {
  wordless?: boolean;
}

export function resolveTurn(
  state: GameState,
  ordersByActor: OrdersByActor,
  decisions: readonly DecisionRecord[] = [],
  options: TurnOptions = {},
): TurnResult {
  if (state.over) throw new Error('resolveTurn: the game is over');
  const sink = new EventSink(state.turn, options.wordless === true);
  logDecisions(decisions, sink);
  const accepted = checkOrders(state, ordersByActor, sink);
  let current = state;
  for (const [phase, step, parts] of STEPS) {
    sink.phase = phase;
    const before = current;
    current =
      typeof step === 'function'
        ? change(before, (draft) => step(draft, before, sink, accepted), parts, { placesByEntity: true })
        : step.own(before, sink, accepted);
  }
  // The turn's log entry is frozen as it enters the state: later states share it.
  const entry: LogEntry = freezeEntry({
    turn: current.turn,
    date: dateOfTurn(current.calendar, current.turn),
    events: sink.events,
  });
  const next = change(
    current,
    (draft) => {
      draft.log.push(entry);
      draft.turn += 1;
    },
    ['log'],
  );
  return { state: next, events: sink.all };
}
