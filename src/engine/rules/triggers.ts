// Scenario triggers: "when this happens (and if that holds), do these things", written as data in
// the scenario (`state.triggers`, in the scenario's order; `state.triggerStatus` per trigger;
// `state.variables` the numbers and flags they keep).
//
// The step runs after escalation and before victory, in rounds:
//   - Round 0 looks at this turn's events so far (everything the rules reported this turn; rejected
//     orders are not events) and at the turn itself; round k > 0 looks only at the events that the
//     actions of round k − 1 emitted. Rounds go on while a round fires at least one trigger.
//   - A trigger is considered when it is enabled and has not already fired if it fires `once` (its
//     status is read as it is at that moment: a trigger disabled or enabled by one listed before it
//     in the same round is already off or on). A trigger that fires `once` answers the first
//     matching event; one with `once: false` fires for each matching event of the round, in order
//     (so a counter counts two posts surrounded in the same turn as two).
//   - `when` matches: `turn` N in round 0 of turn N; `date` D in round 0 of the turn whose days hold
//     D; `every_turn` in round 0; `control_changed` a control.changed event (filters: location,
//     from, to); `unit_destroyed` a unit.destroyed event (unit; actor: the unit's owner, the event's
//     first actor); `post_status_changed` a post.status_changed event, or post.evacuated as a change
//     to `evacuated` (post; actor: the post's owner; to: the new status among those listed);
//     `convoy_arrived` / `convoy_interdicted` a convoy.arrived / convoy.interdicted event (actor:
//     the convoy's owner; post: its destination); `agreement_changed` an agreement.changed event
//     whose status really changed, from ≠ to (agreement; to); `variable_changed` a variable.changed
//     event of the variable; `patrol_changed` a patrol.changed event whose status really changed
//     (patrol; to: active or suspended; by: the actor that ordered it, or the attacker whose attack
//     suspended it); `patrol_attacked` a patrol.attacked event (patrol; by: the
//     attacker, the event's first actor); `patrol_completed` a patrol.completed event (patrol);
//     `escalation_crossed` an escalation.changed event with from < level ≤ to
//     (up) or to < level ≤ from (down). Every filter key given must match; a key left out matches
//     anything. Each matching event is a happening the trigger answers (see above). `score_crossed` reads the state, in any round: the actor's score when the
//     triggers last looked (`scoresSeen`) against its score as the round begins, up: seen < value ≤
//     now, down: now < value ≤ seen. Each round then records the scores it began with as seen, and
//     the step ends with `scoresSeen` equal to the scores, so a crossing is seen once.
//   - When `when` matches, `if` (none: true) is evaluated on the state as the round began; a
//     `chance` in it draws from the game's RNG, in the order the triggers and their conditions are
//     written (`all`/`any` stop at the first answer).
//   - Firing: a `trigger.fired` event, the trigger's fired count + 1 and its last turn, then its
//     actions in order, each writing the state at once (a number expression in an action reads the
//     state as the actions so far have left it):
//       message: a `trigger.message` to the actors listed (everyone when none), its text with
//         {turn}, {date} (ISO date of the turn), {location} (the place of the happening), {actor}
//         (the happening's first actor) and any variable id filled in;
//       set / add: a variable's new value (a number from a number expression, a flag true or
//         false), `variable.changed` when it changes;
//       spawn_units: new units (holding, off the road), `unit.spawned`; a unit id already in play
//         is not spawned again; remove_units: units taken off the map as destroyed units are
//         (deleted), `unit.removed`;
//       set_control: the holder of a place, `control.changed` (cause `trigger`) when it changes;
//       tension: a pair's tension ± the amount within 0-100, `tension.changed`; escalation: the
//         ladder ± rungs within 0-5, `escalation.changed`; points: an actor's score,
//         `points.awarded`;
//       objective achieved: scored now (as victory.ts scores), unless already scored or failed;
//         failed: it can never score (`objective.failed`);
//       enable / disable: a trigger switched on or off;
//       start_agreement: a pending agreement holds from now; end_agreement: an agreement ends;
//         each `agreement.changed` when the status changes;
//       dispatch_convoy: the dispatch_convoy order of the actor named, checked as an order against
//         the state as the round began, sent on the road (it drives from next turn's movement);
//       end_scenario: the game ends at this turn's victory check (victory.ts).
//     An action that cannot be carried out (an unknown id, a convoy the order check refuses …)
//     changes nothing and emits `trigger.action_failed` with the reason.
//   - Caps: a trigger that would fire in a round beyond `params.maxTriggerCascade`, or as the
//     firing after `params.maxTriggerFiringsPerTurn` firings this turn, does not fire: a
//     `trigger.halted` event names it, the cap and its value, and the triggers stop for this turn.
//
// Each round is its own `change` (conditions read the state as the round began).
import { dateOfTurn, turnOfDay } from '../calendar.ts';
import { evalCondition, evalNumber } from '../conditions.ts';
import type { EventSink } from '../events.ts';
import { validateOrder } from '../orders.ts';
import { change, own } from '../working.ts';
import { fillPlaceholders, textIn } from '../text.ts';
import type {
  DispatchConvoyOrder,
  GameEvent,
  GameState,
  Text,
  Trigger,
  TriggerAction,
  TriggerWhen,
} from '../types.ts';
import { actorName, newUnit, placeName, sortedIds } from '../world.ts';
import { dispatchConvoy } from './convoys.ts';
import { adjustTension, relationOf } from './diplomacy.ts';
import { LADDER, TOP_RUNG } from './escalation.ts';
import { objectiveOpen, scoreObjective } from './victory.ts';

/** What a trigger answered: the kind of happening, where, whose. */
interface Happening {
  /** 'turn', 'date', 'every_turn', 'score_crossed' or the kind of the event that matched. */
  kind: string;
  location: string;
  /** The first actor of the happening ('' when none). */
  actor: string;
  /** The happening in words. */
  words: string;
}

function str(e: GameEvent, key: string): string {
  const v = e.data[key];
  return typeof v === 'string' ? v : '';
}

function num(e: GameEvent, key: string): number | null {
  const v = e.data[key];
  return typeof v === 'number' ? v : null;
}

function fits(filter: string | undefined, value: string): boolean {
  return filter === undefined || filter === value;
}

/** A test for the events `when` waits for; null for the kinds that are not events. */
function eventTest(view: GameState, when: TriggerWhen): ((e: GameEvent) => boolean) | null {
  if ('control_changed' in when) {
    const f = when.control_changed;
    return (e) =>
      e.kind === 'control.changed' &&
      fits(f.location, e.location) &&
      fits(f.from, str(e, 'from')) &&
      fits(f.to, str(e, 'to'));
  }
  if ('unit_destroyed' in when) {
    const f = when.unit_destroyed;
    // A destroyed unit is gone from the state: its owner is the event's first actor.
    return (e) =>
      e.kind === 'unit.destroyed' && fits(f.unit, str(e, 'unit')) && fits(f.actor, e.actors[0] ?? '');
  }
  if ('post_status_changed' in when) {
    const f = when.post_status_changed;
    return (e) => {
      const to =
        e.kind === 'post.status_changed' ? str(e, 'to') : e.kind === 'post.evacuated' ? 'evacuated' : null;
      if (to === null) return false;
      const post = str(e, 'post');
      return (
        fits(f.post, post) &&
        fits(f.actor, view.posts[post]?.actor ?? '') &&
        (f.to === undefined || (f.to as string[]).includes(to))
      );
    };
  }
  if ('convoy_arrived' in when || 'convoy_interdicted' in when) {
    const [kind, f] =
      'convoy_arrived' in when
        ? ['convoy.arrived', when.convoy_arrived]
        : ['convoy.interdicted', when.convoy_interdicted];
    return (e) => e.kind === kind && fits(f.actor, str(e, 'actor')) && fits(f.post, str(e, 'post'));
  }
  if ('agreement_changed' in when) {
    const f = when.agreement_changed;
    return (e) => {
      if (e.kind !== 'agreement.changed') return false;
      const to = str(e, 'to');
      return (
        str(e, 'from') !== to &&
        fits(f.agreement, str(e, 'agreement')) &&
        (f.to === undefined || (f.to as string[]).includes(to))
      );
    };
  }
  if ('variable_changed' in when) {
    const v = when.variable_changed.variable;
    return (e) => e.kind === 'variable.changed' && str(e, 'variable') === v;
  }
  if ('patrol_changed' in when) {
    const f = when.patrol_changed;
    return (e) =>
      e.kind === 'patrol.changed' &&
      str(e, 'from') !== str(e, 'to') &&
      fits(f.patrol, str(e, 'patrol')) &&
      fits(f.to, str(e, 'to')) &&
      fits(f.by, str(e, 'by'));
  }
  if ('patrol_attacked' in when) {
    const f = when.patrol_attacked;
    return (e) =>
      e.kind === 'patrol.attacked' && fits(f.patrol, str(e, 'patrol')) && fits(f.by, e.actors[0] ?? '');
  }
  if ('patrol_completed' in when) {
    const f = when.patrol_completed;
    return (e) => e.kind === 'patrol.completed' && fits(f.patrol, str(e, 'patrol'));
  }
  if ('escalation_crossed' in when) {
    const { level, direction } = when.escalation_crossed;
    return (e) => {
      if (e.kind !== 'escalation.changed') return false;
      const from = num(e, 'from');
      const to = num(e, 'to');
      if (from === null || to === null) return false;
      return direction === 'up' ? from < level && level <= to : to < level && level <= from;
    };
  }
  return null;
}

/**
 * Whether `when`, a form that waits for an event (control_changed, unit_destroyed …), answers
 * one of `events`; false for turn, date, every_turn and score_crossed. Reads `view` for a post's
 * owner. For readers outside the triggers step (the historical course's check).
 */
export function eventAnswers(view: GameState, when: TriggerWhen, events: readonly GameEvent[]): boolean {
  const test = eventTest(view, when);
  return test !== null && events.some(test);
}

/**
 * Every happening `when` answers in this round, in the order of the events: one for a turn, a
 * date, every turn or a score crossed; one per matching event for the kinds that wait for events.
 */
function happeningsOf(
  view: GameState,
  when: TriggerWhen,
  round: number,
  events: readonly GameEvent[],
): Happening[] {
  if ('turn' in when || 'date' in when || 'every_turn' in when || 'score_crossed' in when) {
    const h = timedHappening(view, when, round);
    return h === null ? [] : [h];
  }
  // One test for every event (not one per event: a closure and a list of one each time).
  const test = eventTest(view, when);
  const out: Happening[] = [];
  if (test === null) return out;
  for (const e of events) if (test(e)) out.push(eventHappening(view, e));
  return out;
}

/** The happening an event that `when` waits for makes. */
function eventHappening(view: GameState, e: GameEvent): Happening {
  return {
    kind: e.kind,
    location: e.location,
    actor: e.actors[0] ?? '',
    words: `${e.kind}${e.location === '' ? '' : ` at ${placeName(view, e.location)}`} (${e.explain})`,
  };
}

/**
 * The happening a turn, a date, every turn or a score crossed answers in this round, or null.
 * Reads `view`, the state as the round began.
 */
function timedHappening(view: GameState, when: TriggerWhen, round: number): Happening | null {
  if ('turn' in when)
    return round === 0 && view.turn === when.turn
      ? {
          kind: 'turn',
          location: '',
          actor: '',
          words: `turn ${view.turn} (${dateOfTurn(view.calendar, view.turn)})`,
        }
      : null;
  if ('date' in when)
    return round === 0 && turnOfDay(view.calendar, when.date) === view.turn
      ? {
          kind: 'date',
          location: '',
          actor: '',
          words: `the turn of ${dateOfTurn(view.calendar, view.turn)}`,
        }
      : null;
  if ('every_turn' in when)
    return round === 0 ? { kind: 'every_turn', location: '', actor: '', words: `turn ${view.turn}` } : null;
  if ('score_crossed' in when) {
    const { actor, value, direction } = when.score_crossed;
    const seen = view.scoresSeen[actor] ?? 0;
    const now = view.victory.scores[actor] ?? 0;
    const crossed = direction === 'up' ? seen < value && value <= now : now < value && value <= seen;
    if (!crossed) return null;
    return {
      kind: 'score_crossed',
      location: '',
      actor,
      words: `${actorName(view, actor)}'s score ${direction === 'up' ? 'reaches' : 'falls below'} ${value} (${seen} → ${now})`,
    };
  }
  return null; // a kind that waits for events: `happeningsOf`
}

// ---------------------------------------------------------------- actions

/** One trigger firing: what its actions need. */
interface Firing {
  trigger: Trigger;
  happening: Happening;
  /** The state as the round began (plain). */
  view: GameState;
  sink: EventSink;
}

/** The values of the placeholders, as the state now stands. */
function placeholders(state: GameState, firing: Firing): Record<string, string> {
  const values: Record<string, string> = {};
  for (const id of sortedIds(state.variables)) values[id] = String(state.variables[id]!.value);
  const h = firing.happening;
  values.turn = String(state.turn);
  values.date = dateOfTurn(state.calendar, state.turn);
  values.location = h.location === '' ? '' : placeName(state, h.location);
  values.actor = h.actor === '' ? '' : actorName(state, h.actor);
  return values;
}

/** The text with its placeholders filled, in every locale it has. */
function fillText(t: Text, values: Record<string, string>): Text {
  if (typeof t === 'string') return fillPlaceholders(t, values);
  const out: Record<string, string> = {};
  for (const locale of sortedIds(t)) out[locale] = fillPlaceholders(t[locale]!, values);
  return out;
}

function actionKind(action: TriggerAction): string {
  return Object.keys(action)[0] ?? '';
}

function failed(firing: Firing, action: TriggerAction, reason: string): void {
  const id = firing.trigger.id;
  firing.sink.emit(
    'trigger.action_failed',
    '',
    '',
    () => `Trigger "${id}" could not carry out its ${actionKind(action)} action: ${reason}.`,
    { trigger: id, action: actionKind(action), reason },
  );
}

function changeVariable(state: GameState, firing: Firing, id: string, to: number | boolean): void {
  const v = state.variables[id]!;
  const from = v.value;
  if (from === to) return;
  v.value = to;
  firing.sink.emit(
    'variable.changed',
    '',
    '',
    () => `Variable "${id}" changes ${String(from)} → ${String(to)} (trigger "${firing.trigger.id}").`,
    { variable: id, from, to, trigger: firing.trigger.id },
  );
}

function setAgreement(
  state: GameState,
  firing: Firing,
  action: TriggerAction,
  id: string,
  start: boolean,
): void {
  const a = state.agreements[id];
  if (!a) return failed(firing, action, `there is no agreement "${id}"`);
  const from = a.status;
  const to = start ? 'holds' : 'ended';
  if (from === to) return;
  if (start && from !== 'pending')
    return failed(firing, action, `the ${a.name} is ${from}; only a pending agreement can be put into force`);
  a.status = to;
  if (start) a.startTurn = state.turn;
  firing.sink.emit(
    'agreement.changed',
    [...a.parties],
    '',
    () =>
      start
        ? `The ${a.name} takes effect now (turn ${state.turn}, scenario trigger "${firing.trigger.id}")` +
          (a.ceasefire ? ': a ceasefire, so an attack by a party is a recorded violation.' : '.')
        : `The ${a.name} ends (it was ${from}; scenario trigger "${firing.trigger.id}").`,
    { agreement: id, from, to, cause: 'trigger', trigger: firing.trigger.id },
  );
}

/** Carries out one action on `state` (the draft). */
function runAction(state: GameState, firing: Firing, action: TriggerAction): void {
  const { trigger, sink, view } = firing;
  const tid = trigger.id;
  if ('message' in action) {
    const { text, to } = action.message;
    const values = placeholders(state, firing);
    const filled = fillText(text, values);
    const data: GameEvent['data'] = { trigger: tid, to: to.join(',') };
    if (typeof filled === 'string') data['text:en'] = filled;
    else for (const locale of sortedIds(filled)) data[`text:${locale}`] = filled[locale]!;
    sink.emit('trigger.message', [...to], '', () => textIn(filled), data);
    return;
  }
  if ('set' in action) {
    const { variable, value } = action.set;
    const v = state.variables[variable];
    if (!v) return failed(firing, action, `there is no variable "${variable}"`);
    if (v.type === 'flag') {
      if (typeof value !== 'boolean')
        return failed(firing, action, `"${variable}" is a flag: it is set to true or false`);
      return changeVariable(state, firing, variable, value);
    }
    if (typeof value === 'boolean')
      return failed(firing, action, `"${variable}" is a number: it is set to a number`);
    return changeVariable(state, firing, variable, evalNumber(state, value));
  }
  if ('add' in action) {
    const { variable, value } = action.add;
    const v = state.variables[variable];
    if (!v) return failed(firing, action, `there is no variable "${variable}"`);
    if (v.type !== 'number' || typeof v.value !== 'number')
      return failed(firing, action, `"${variable}" is a flag: only a number can be added to`);
    return changeVariable(state, firing, variable, v.value + evalNumber(state, value));
  }
  if ('spawn_units' in action) {
    for (const u of action.spawn_units) {
      const existing = state.units[u.id];
      if (existing && existing.strength > 0) {
        failed(firing, action, `a unit "${u.id}" (${existing.name}) is already in play`);
        continue;
      }
      if (!state.actors[u.actor]) {
        failed(firing, action, `there is no actor "${u.actor}" for unit "${u.id}"`);
        continue;
      }
      if (!state.locations[u.location]) {
        failed(firing, action, `there is no place "${u.location}" for unit "${u.id}"`);
        continue;
      }
      state.units[u.id] = newUnit(u);
      sink.emit(
        'unit.spawned',
        u.actor,
        u.location,
        () =>
          `${u.name} (${actorName(state, u.actor)}, ${u.type.replace('_', ' ')}, strength ${u.strength}) ` +
          `appears at ${placeName(state, u.location)} (scenario trigger "${tid}").`,
        {
          unit: u.id,
          actor: u.actor,
          type: u.type,
          strength: u.strength,
          readiness: u.readiness,
          trigger: tid,
        },
      );
    }
    return;
  }
  if ('remove_units' in action) {
    for (const id of action.remove_units) {
      const u = state.units[id];
      if (!u) {
        failed(firing, action, `there is no unit "${id}" in play (it may have been destroyed)`);
        continue;
      }
      const { actor, name, location, strength } = u;
      delete state.units[id];
      sink.emit(
        'unit.removed',
        actor,
        location,
        () =>
          `${name} (${actorName(state, actor)}, strength ${strength}) is taken off the map (scenario trigger "${tid}").`,
        { unit: id, actor, strength, trigger: tid },
      );
    }
    return;
  }
  if ('set_control' in action) {
    const { location, actor } = action.set_control;
    const loc = own(state.locations, location);
    if (!loc) return failed(firing, action, `there is no place "${location}"`);
    if (actor !== '' && !state.actors[actor]) return failed(firing, action, `there is no actor "${actor}"`);
    const from = loc.controller;
    if (from === actor) return;
    loc.controller = actor;
    sink.emit(
      'control.changed',
      [actor, from],
      location,
      () =>
        (actor === ''
          ? `Nobody holds ${loc.name} any more`
          : `${actorName(state, actor)} takes ${loc.name}` +
            (from === '' ? '' : ` from ${actorName(state, from)}`)) + ` (scenario trigger "${tid}").`,
      { from, to: actor, cause: 'trigger', trigger: tid },
    );
    return;
  }
  if ('tension' in action) {
    const { a, b, add } = action.tension;
    if (!state.actors[a] || !state.actors[b] || a === b)
      return failed(firing, action, `"${a}" and "${b}" are not two actors of this game`);
    const before = relationOf(state, a, b)?.tension ?? 0;
    if (Math.max(0, Math.min(100, before + add)) === before) return;
    const t = adjustTension(state, a, b, add);
    const [x, y] = a < b ? [a, b] : [b, a];
    sink.emit(
      'tension.changed',
      [x, y],
      '',
      () =>
        `Tension between ${actorName(state, x)} and ${actorName(state, y)} ${t.after > t.before ? 'rises' : 'falls'} ` +
        `${t.before} → ${t.after} (scenario trigger "${tid}").`,
      { a: x, b: y, before: t.before, after: t.after, cause: 'trigger', trigger: tid },
    );
    return;
  }
  if ('escalation' in action) {
    const from = state.meters.escalation;
    const to = Math.max(0, Math.min(TOP_RUNG, from + action.escalation.add));
    if (to === from) return;
    state.meters.escalation = to;
    sink.emit(
      'escalation.changed',
      '',
      '',
      () =>
        `Escalation ${to > from ? 'rises' : 'falls'} ${from} → ${to} (${LADDER[to]}; scenario trigger "${tid}").`,
      { from, to, cause: 'trigger', trigger: tid },
    );
    return;
  }
  if ('points' in action) {
    const { actor, points, reason } = action.points;
    if (!state.actors[actor]) return failed(firing, action, `there is no actor "${actor}"`);
    const why = textIn(fillText(reason, placeholders(state, firing)));
    const score = (state.victory.scores[actor] ?? 0) + points;
    state.victory.scores[actor] = score;
    sink.emit(
      'points.awarded',
      actor,
      '',
      () =>
        `${actorName(state, actor)} ${points >= 0 ? 'gains' : 'loses'} ${Math.abs(points)} point${Math.abs(points) === 1 ? '' : 's'}: ` +
        `${why}; score now ${score}.`,
      { actor, points, score, reason: why, trigger: tid },
    );
    return;
  }
  if ('objective' in action) {
    const { id, status } = action.objective;
    const objective = view.victory.objectives.find((o) => o.id === id);
    if (!objective) return failed(firing, action, `there is no objective "${id}"`);
    const v = state.victory;
    if (status === 'achieved') {
      if (v.achieved[id] !== undefined) return;
      if (!objectiveOpen(v, id))
        return failed(firing, action, `the objective "${id}" was declared failed on turn ${v.failed[id]}`);
      scoreObjective(state, objective, state.turn, sink, `declared achieved by scenario trigger "${tid}"`, {
        trigger: tid,
      });
      return;
    }
    if (v.failed[id] !== undefined) return;
    if (v.achieved[id] !== undefined)
      return failed(firing, action, `the objective "${id}" was already scored on turn ${v.achieved[id]}`);
    v.failed[id] = state.turn;
    sink.emit(
      'objective.failed',
      objective.actor,
      '',
      () =>
        `${actorName(state, objective.actor)}'s objective "${textIn(objective.text)}" has failed (scenario trigger "${tid}"): ` +
        `its ${objective.points} points can no longer be scored.`,
      { objective: id, actor: objective.actor, points: objective.points, trigger: tid },
    );
    return;
  }
  if ('enable' in action || 'disable' in action) {
    const id = 'enable' in action ? action.enable : action.disable;
    const status = state.triggerStatus[id];
    if (!status) return failed(firing, action, `there is no trigger "${id}"`);
    status.enabled = 'enable' in action;
    return;
  }
  if ('start_agreement' in action) return setAgreement(state, firing, action, action.start_agreement, true);
  if ('end_agreement' in action) return setAgreement(state, firing, action, action.end_agreement, false);
  if ('dispatch_convoy' in action) {
    const { actor, ...rest } = action.dispatch_convoy;
    const order: DispatchConvoyOrder = { kind: 'dispatch_convoy', ...rest };
    const check = validateOrder(view, actor, order);
    if (!check.ok)
      return failed(firing, action, `the convoy order is refused (${check.code}): ${check.message}`);
    dispatchConvoy(state, view, actor, order, sink);
    return;
  }
  const { text, result } = action.end_scenario;
  const ending = state.victory.ending;
  if (ending !== null)
    return failed(firing, action, `the scenario is already ending (trigger "${ending.trigger}")`);
  if (result !== 'all_lose' && result !== 'score' && !state.actors[result])
    return failed(firing, action, `"${result}" is neither all_lose, score nor an actor`);
  state.victory.ending = { trigger: tid, text: fillText(text, placeholders(state, firing)), result };
}

// ---------------------------------------------------------------- the step

/**
 * The triggers step. Takes the state after escalation, returns the state after the triggers
 * (one `change` per round, which may write any part) and reports through `sink` (whose phase the caller sets).
 */
export function runTriggers(state: GameState, sink: EventSink): GameState {
  let current = state;
  const p = state.params;
  let happenings: GameEvent[] = [...sink.events];
  let firings = 0;
  let halted = false;
  for (let round = 0; state.triggers.length > 0 && !halted; round++) {
    const view = current;
    const start = sink.events.length;
    let firedThisRound = 0;
    const events = happenings;
    current = change(
      view,
      (draft) => {
        triggers: for (const trigger of view.triggers) {
          const status = draft.triggerStatus[trigger.id];
          if (!status || !status.enabled || (trigger.once && status.fired > 0)) continue;
          for (const happening of happeningsOf(view, trigger.when, round, events)) {
            if (!status.enabled || (trigger.once && status.fired > 0)) break;
            if (trigger.if && !evalCondition(view, trigger.if, draft.rng)) continue;
            const cap =
              round > p.maxTriggerCascade
                ? {
                    name: 'maxTriggerCascade',
                    value: p.maxTriggerCascade,
                    words: 'rounds of triggers firing on what earlier rounds did',
                  }
                : firings >= p.maxTriggerFiringsPerTurn
                  ? {
                      name: 'maxTriggerFiringsPerTurn',
                      value: p.maxTriggerFiringsPerTurn,
                      words: 'firings of triggers in one turn',
                    }
                  : null;
            if (cap !== null) {
              sink.emit(
                'trigger.halted',
                '',
                '',
                () =>
                  `Trigger "${trigger.id}" would fire (round ${round}, on ${happening.words}) but the triggers stop for this turn: ` +
                  `at most ${cap.value} ${cap.words} (${cap.name}).`,
                { trigger: trigger.id, cap: cap.name, value: cap.value, round, firings },
              );
              halted = true;
              break triggers;
            }
            firings += 1;
            firedThisRound += 1;
            status.fired += 1;
            status.lastTurn = view.turn;
            sink.emit(
              'trigger.fired',
              '',
              happening.location,
              () => `Trigger "${trigger.id}" fires (round ${round}) on ${happening.words}.`,
              {
                trigger: trigger.id,
                happening: happening.kind,
                round,
                firing: firings,
                fired: status.fired,
              },
            );
            const firing: Firing = { trigger, happening, view, sink };
            for (const action of trigger.then) runAction(draft, firing, action);
          }
        }
        // The scores this round began with are now seen (score_crossed answers a crossing once).
        for (const actor of sortedIds(view.victory.scores))
          draft.scoresSeen[actor] = view.victory.scores[actor]!;
      },
      undefined,
      { placesByEntity: true },
    );
    if (firedThisRound === 0) break;
    happenings = sink.events.slice(start);
  }
  const final = current;
  return change(
    final,
    (draft) => {
      for (const actor of sortedIds(final.victory.scores))
        draft.scoresSeen[actor] = final.victory.scores[actor]!;
    },
    ['scoresSeen'],
  );
}
