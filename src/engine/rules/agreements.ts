// Agreements over time (turn start). A `pending` agreement holds from its start turn. An obligation
// with a deadline (a day number; 0 means it binds from the start and has no deadline, and is never
// settled here) is checked on the first turn whose first day is on or after the deadline, while
// its agreement holds or is violated:
//   withdraw_heavy_weapons  met when no armour or artillery unit of the obligated actor stands in
//                           (or is travelling into) the zone ('' = the whole map);
//   remove_hard_line        met when no unit of a hard-line actor stands in (or travels into) the zone;
//   open_highway            met when `highwayOpenFor(state, highway, actor)`;
//   joint_patrols           met when an active patrol of the actor has completed at least one run;
//   no_assault / no_strike  broken when the actor already has violations of this agreement on record
//                           (they were recorded as they happened, by the assault and strike rules
//                           through `breachedBy`; nothing more is counted), met otherwise.
// A met obligation is reported (`agreement.changed` with the obligation); a broken one of the first
// four kinds is a violation (`recordViolation`: `agreement.violated`, and the agreement goes to
// violated or collapses). An agreement keeps holding (or stays violated) until it collapses; it is
// never ended here (the end of the scenario ends everything).
import { dayOfTurn, formatLongDate } from '../calendar.ts';
import type { EventSink } from '../events.ts';
import type { Agreement, GameState, Obligation, Unit } from '../types.ts';
import { actorName, placeName, sortedIds } from '../world.ts';
import { expireProposals } from './diplomacy.ts';
import { highwayOpenFor } from './highways.ts';
import { recordViolation } from './violations.ts';

function inZone(state: GameState, zone: string, location: string): boolean {
  return zone === '' || (state.zones[zone]?.locations.includes(location) ?? false);
}

/** Whether a unit stands in the zone or is travelling into it. */
function unitInZone(state: GameState, unit: Unit, zone: string): boolean {
  return (
    inZone(state, zone, unit.location) || (unit.transit !== null && inZone(state, zone, unit.transit.toward))
  );
}

function zoneWords(state: GameState, zone: string): string {
  return zone === '' ? 'the map' : (state.zones[zone]?.name ?? zone);
}

/** What the obligation asks, in words. */
export function obligationWords(state: GameState, o: Obligation): string {
  switch (o.kind) {
    case 'no_assault':
      return `launch no ground assaults${o.zone === '' ? '' : ` in ${zoneWords(state, o.zone)}`}`;
    case 'no_strike':
      return `carry out no strikes${o.zone === '' ? '' : ` in ${zoneWords(state, o.zone)}`}`;
    case 'withdraw_heavy_weapons':
      return `withdraw its armour and artillery from ${zoneWords(state, o.zone)}`;
    case 'remove_hard_line':
      return `get the hard-line groups out of ${zoneWords(state, o.zone)}`;
    case 'open_highway':
      return `open the ${state.highways[o.highway]?.name ?? o.highway}`;
    case 'joint_patrols':
      return 'run joint patrols';
  }
}

/** Is the obligation met in `view`? With the reason, in words. */
export function checkObligation(
  view: GameState,
  agreement: Agreement,
  o: Obligation,
): { met: boolean; why: string } {
  switch (o.kind) {
    case 'withdraw_heavy_weapons': {
      const left = sortedIds(view.units)
        .map((id) => view.units[id]!)
        .filter(
          (u) =>
            u.actor === o.actor &&
            u.strength > 0 &&
            (u.type === 'armour' || u.type === 'artillery') &&
            unitInZone(view, u, o.zone),
        );
      return left.length === 0
        ? { met: true, why: 'no armour or artillery of it is left there' }
        : {
            met: false,
            why: `still there: ${left.map((u) => `${u.name} (${u.type}) at ${placeName(view, u.location)}`).join(', ')}`,
          };
    }
    case 'remove_hard_line': {
      const left = sortedIds(view.units)
        .map((id) => view.units[id]!)
        .filter(
          (u) => view.actors[u.actor]?.hardLine === true && u.strength > 0 && unitInZone(view, u, o.zone),
        );
      return left.length === 0
        ? { met: true, why: 'no hard-line unit is left there' }
        : {
            met: false,
            why: `still there: ${left.map((u) => `${u.name} at ${placeName(view, u.location)}`).join(', ')}`,
          };
    }
    case 'open_highway':
      return highwayOpenFor(view, o.highway, o.actor)
        ? { met: true, why: 'the highway is open end to end for it' }
        : { met: false, why: 'the highway is not open end to end for it' };
    case 'joint_patrols': {
      const run = sortedIds(view.patrols).some((id) => {
        const p = view.patrols[id]!;
        return p.actors.includes(o.actor) && p.status === 'active' && p.completed >= 1;
      });
      return run
        ? { met: true, why: 'an active joint patrol of it has completed a run' }
        : { met: false, why: 'no active joint patrol of it has completed a run' };
    }
    case 'no_assault':
    case 'no_strike': {
      const n = agreement.violations[o.actor] ?? 0;
      return n === 0
        ? { met: true, why: 'no violation of it is on record' }
        : { met: false, why: `${n} violation${n === 1 ? '' : 's'} already on record` };
    }
  }
}

/** Agreements coming into force and obligation deadlines. Reads `view`, writes `state`. */
export function updateAgreements(state: GameState, view: GameState, sink: EventSink): void {
  const today = dayOfTurn(view.calendar, view.turn);
  for (const id of sortedIds(view.agreements)) {
    const a = state.agreements[id]!;
    if (a.status === 'pending' && view.turn >= a.startTurn) {
      a.status = 'holds';
      sink.emit(
        'agreement.changed',
        a.parties,
        '',
        () =>
          `The ${a.name} takes effect (turn ${a.startTurn})` +
          (a.ceasefire ? ': a ceasefire, so an attack by a party is a recorded violation.' : '.'),
        { agreement: id, from: 'pending', to: 'holds' },
      );
    }
    for (let i = 0; i < a.obligations.length; i++) {
      if (a.status !== 'holds' && a.status !== 'violated') break;
      const o = a.obligations[i]!;
      if (o.status !== 'pending' || o.deadline === 0 || today < o.deadline) continue;
      const check = checkObligation(view, view.agreements[id]!, view.agreements[id]!.obligations[i]!);
      const what = `${actorName(view, o.actor)} was to ${obligationWords(view, o)} by ${formatLongDate(o.deadline)}`;
      if (check.met) {
        o.status = 'met';
        sink.emit('agreement.changed', [o.actor, ...a.parties], '', () => `${what}: met (${check.why}).`, {
          agreement: id,
          obligation: o.id,
          obligationStatus: 'met',
          from: a.status,
          to: a.status,
        });
        continue;
      }
      o.status = 'broken';
      if (o.kind === 'no_assault' || o.kind === 'no_strike') {
        sink.emit(
          'agreement.changed',
          [o.actor, ...a.parties],
          '',
          () => `${what}: broken (${check.why}; they were counted as they happened).`,
          { agreement: id, obligation: o.id, obligationStatus: 'broken', from: a.status, to: a.status },
        );
        continue;
      }
      recordViolation(
        state,
        sink,
        id,
        o.actor,
        `it did not ${obligationWords(view, o)} by ${formatLongDate(o.deadline)} (${check.why})`,
      );
    }
  }
}

/** The turn-start step: agreements and deadlines, then lapsed proposals. */
export function startOfTurn(state: GameState, view: GameState, sink: EventSink): void {
  updateAgreements(state, view, sink);
  expireProposals(state, sink);
}
