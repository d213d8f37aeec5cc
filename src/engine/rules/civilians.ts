// Civilians (phase 'civilians'): displacement from this turn's fighting, and aid.
//
// The split with the combat rules, so nobody is counted twice: the strike and assault rules KILL
// civilians at their target (`killCivilians`); this step only DISPLACES them (`displaceCivilians`),
// from what is left after the killing.
// - Every place that was the target of a strike or an assault this turn (once per place, however
//   many times it was hit) loses displacementPerMille of its residents to flight, raised by
//   displacementAirBonusPct per cent if an air strike hit it and by displacementUrbanBonusPct per
//   cent if it is urban terrain (both add: 80 ‰ × (100 + 50 + 50) / 100 = 160 ‰ by default), at
//   most all of them.
// - Every place next to such a place by road (and not hit itself) loses displacementAdjacentPerMille
//   of its residents (people leave ahead of the fighting), once however many fights are next to it.
// - Aid: each turn, if the aid crossing (params.aidCrossing, Bab al-Hawa) is held by anyone, is not
//   within range of artillery hostile to its holder and was not struck or assaulted this turn, aid
//   feeds aidPerTurn people (meters.aidDelivered grows by that). The humanitarian need is the share
//   of the displaced this turn's aid does not reach: 100 × (displaced − aid) / displaced, rounded
//   down, 0 with nobody displaced (and 100 when no aid passes).
// People are conserved: residents + displaced + dead equal the start population (people.ts).
import type { EventSink } from '../events.ts';
import type { GameState } from '../types.ts';
import { actorName, neighbours, placeName } from '../world.ts';
import { underHostileFire } from './highways.ts';
import { displaceCivilians } from './people.ts';

interface Hit {
  air: boolean;
  strikes: number;
  assaults: number;
}

/** Places struck or assaulted this turn. */
export function placesHit(view: GameState, sink: EventSink): Map<string, Hit> {
  const hits = new Map<string, Hit>();
  for (const e of sink.events) {
    if (e.kind !== 'strike.resolved' && e.kind !== 'assault.resolved') continue;
    const target = typeof e.data.target === 'string' && e.data.target !== '' ? e.data.target : e.location;
    if (!view.locations[target]) continue;
    const h = hits.get(target) ?? { air: false, strikes: 0, assaults: 0 };
    if (e.kind === 'strike.resolved') {
      h.strikes += 1;
      if (e.data.means === 'air') h.air = true;
    } else h.assaults += 1;
    hits.set(target, h);
  }
  return hits;
}

/** The per-mille of residents who flee a place that was hit. */
export function flightPerMille(view: GameState, location: string, hit: Hit): number {
  const p = view.params;
  let pct = 100;
  if (hit.air) pct += p.displacementAirBonusPct;
  if (view.locations[location]!.terrain === 'urban') pct += p.displacementUrbanBonusPct;
  return Math.min(1000, Math.floor((p.displacementPerMille * pct) / 100));
}

/** Reads `view` (the state after the fighting), writes `state`. */
export function updateCivilians(state: GameState, view: GameState, sink: EventSink): void {
  const p = view.params;
  const hits = placesHit(view, sink);
  const hitIds = [...hits.keys()].sort();
  for (const id of hitIds) {
    const hit = hits.get(id)!;
    const pm = flightPerMille(view, id, hit);
    const loc = view.locations[id]!;
    const n = Math.floor((loc.residents * pm) / 1000);
    const what = [
      hit.strikes > 0 ? `${hit.air ? 'air strikes' : 'strikes'}` : '',
      hit.assaults > 0 ? 'ground fighting' : '',
    ]
      .filter((s) => s !== '')
      .join(' and ');
    displaceCivilians(
      state,
      sink,
      id,
      n,
      `${what}${loc.terrain === 'urban' ? ' in a town' : ''}: ${pm} ‰ of its ${loc.residents} residents flee`,
    );
  }
  const near = new Map<string, string>();
  for (const id of hitIds)
    for (const nb of neighbours(view, id))
      if (!hits.has(nb.location) && !near.has(nb.location)) near.set(nb.location, id);
  for (const id of [...near.keys()].sort()) {
    const loc = view.locations[id]!;
    const n = Math.floor((loc.residents * p.displacementAdjacentPerMille) / 1000);
    displaceCivilians(
      state,
      sink,
      id,
      n,
      `fighting next door in ${placeName(view, near.get(id)!)}: ${p.displacementAdjacentPerMille} ‰ of its ${loc.residents} residents leave`,
    );
  }

  // Aid through the crossing.
  const crossing = p.aidCrossing;
  const loc = view.locations[crossing];
  let blocked = '';
  if (!loc) blocked = `there is no crossing "${crossing}" on the map`;
  else if (loc.controller === '') blocked = `nobody holds ${loc.name}`;
  else if (hits.has(crossing)) blocked = `${loc.name} was attacked this turn`;
  else if (underHostileFire(view, loc.controller, crossing))
    blocked = `${loc.name} is within range of artillery hostile to ${actorName(view, loc.controller)}`;
  const aid = blocked === '' ? p.aidPerTurn : 0;
  const m = state.meters;
  m.aidDelivered += aid;
  const displaced = m.displaced;
  const needBefore = m.humanitarianNeed;
  m.humanitarianNeed = displaced <= 0 ? 0 : Math.floor((100 * Math.max(0, displaced - aid)) / displaced);
  const name = loc?.name ?? crossing;
  // Reported when it matters, not every turn: when no aid passes, when the need moves into another
  // band of ten points, and on the first turn.
  const worthReporting =
    aid === 0 || sink.turn === 1 || Math.floor(m.humanitarianNeed / 10) !== Math.floor(needBefore / 10);
  if (!worthReporting) return;
  sink.emit(
    'civilians.aid',
    loc?.controller ?? '',
    crossing,
    () =>
      (blocked === ''
        ? `Aid through ${name} feeds ${aid} people this turn (${m.aidDelivered} in all)`
        : `No aid passes ${name}: ${blocked}`) +
      `; ${displaced} people are displaced, so the humanitarian need stands at ${m.humanitarianNeed} (was ${needBefore}).`,
    {
      crossing,
      open: blocked === '',
      aid,
      total: m.aidDelivered,
      displaced,
      need: m.humanitarianNeed,
      needBefore,
    },
  );
}
