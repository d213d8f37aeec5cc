// Claims and reports (phase 'reports'). Every clash of this turn (`strike.resolved`,
// `assault.resolved`, `convoy.interdicted`, `patrol.attacked`) is reported by each source in
// `state.reporting`, through its bias profile for each actor the clash concerns (the attacker and
// every actor with a `killed:<actor>` count; `bias[actor]`, else `bias['*']`, else a straight report):
// - deny: for each concerned actor in id order, a per-mille chance that the source leaves the clash
//   out altogether (no draw at 0 or 1000); the first denial ends it: no report, no event.
// - inflate: the losses it claims for an actor are the true count × (100 + inflate) / 100, rounded down.
// - delay: the report is published that many turns later (the largest delay among the concerned
//   actors); it waits in `state.pendingReports` and is published in this phase of its turn.
// A published report is a `report.published` event whose explanation gives the claim in the
// source's name and the truth beside it; its data holds `claimed:<actor>` and `true:<actor>`,
// `source`, `aboutTurn`, `aboutIndex` and `aboutKind`, so the review can set claims against facts.
import type { EventSink } from '../events.ts';
import { chancePerMille } from '../rng.ts';
import type { BiasProfile, GameEvent, GameState, PendingReport, ReportSource } from '../types.ts';
import { actorName, placeName, sortedIds, sortShort } from '../world.ts';
import { CLASH_KINDS } from './diplomacy.ts';
import { attackerOf } from './escalation.ts';

const STRAIGHT: BiasProfile = { inflate: 0, deny: 0, delay: 0 };

export function biasFor(source: ReportSource, actor: string): BiasProfile {
  return source.bias[actor] ?? source.bias['*'] ?? STRAIGHT;
}

/** Actors with a `killed:<actor>` count in the event, sorted. */
function lossActors(e: GameEvent): string[] {
  const out: string[] = [];
  for (const key of Object.keys(e.data)) if (key.startsWith('killed:')) out.push(key.slice(7));
  return sortShort(out);
}

/**
 * The actors a clash concerns, sorted: its attacker, its defender or convoy's actor, and everyone
 * with losses (`losers`: `lossActors`).
 */
function concernedActors(e: GameEvent, losers: readonly string[]): string[] {
  const out = losers.slice();
  for (const a of [attackerOf(e), e.data.defender, e.kind === 'convoy.interdicted' ? e.data.actor : '']) {
    if (typeof a === 'string' && a !== '' && !out.includes(a)) out.push(a);
  }
  return sortShort(out);
}

function killed(e: GameEvent, actor: string): number {
  const v = e.data[`killed:${actor}`];
  return typeof v === 'number' ? v : 0;
}

function whatWords(view: GameState, e: GameEvent): string {
  const place = placeName(view, e.location !== '' ? e.location : String(e.data.target ?? ''));
  switch (e.kind) {
    case 'strike.resolved': {
      const means = e.data.means;
      const kind = means === 'air' ? 'air strike' : means === 'drone' ? 'drone strike' : 'artillery fire';
      return `${kind} on ${place}`;
    }
    case 'assault.resolved':
      return `fighting at ${place}`;
    case 'convoy.interdicted':
      return `attack on a convoy near ${place}`;
    default:
      return `attack on a joint patrol near ${place}`;
  }
}

function lossWords(view: GameState, counts: [string, number][]): string {
  return counts.length === 0
    ? 'no losses'
    : counts.map(([a, n]) => `${actorName(view, a)} lost ${n} killed`).join('; ');
}

/** Turns this turn's clashes into pending reports, one per clash and source that does not deny it. */
export function fileReports(state: GameState, view: GameState, sink: EventSink): void {
  const events = sink.events;
  const count = events.length;
  for (let index = 0; index < count; index++) {
    const e = events[index]!;
    if (!CLASH_KINDS.includes(e.kind)) continue;
    const losers = lossActors(e);
    const concerned = concernedActors(e, losers);
    for (const sid of sortedIds(view.reporting)) {
      const source = view.reporting[sid]!;
      let denied = false;
      let delay = 0;
      for (const a of concerned) {
        const b = biasFor(source, a);
        if (b.deny >= 1000 || (b.deny > 0 && chancePerMille(state.rng, b.deny))) {
          denied = true;
          break;
        }
        delay = Math.max(delay, b.delay);
      }
      if (denied) continue;
      const claimed: Record<string, number> = {};
      for (const a of concerned)
        claimed[a] = Math.max(0, Math.floor((killed(e, a) * (100 + biasFor(source, a).inflate)) / 100));
      const listed: [string, number][] = concerned
        .filter((a) => losers.includes(a) || claimed[a]! > 0)
        .map((a) => [a, claimed[a]!]);
      const text = `${source.name} says of the ${whatWords(view, e)} on turn ${e.turn}: "${lossWords(view, listed)}."`;
      state.pendingReports.push({
        source: sid,
        publishTurn: e.turn + delay,
        about: { turn: e.turn, index },
        text,
        claimed,
      });
    }
  }
}

/** The event a report is about: this turn's (from the sink) or an earlier turn's (from the log). */
function aboutEvent(view: GameState, sink: EventSink, r: PendingReport): GameEvent | null {
  if (r.about.turn === sink.turn) return sink.events[r.about.index] ?? null;
  for (let i = view.log.length - 1; i >= 0; i--) {
    const entry = view.log[i]!;
    if (entry.turn === r.about.turn) return entry.events[r.about.index] ?? null;
    if (entry.turn < r.about.turn) break;
  }
  return null;
}

/** Publishes the reports due this turn, in the order they were filed. */
export function publishReports(state: GameState, view: GameState, sink: EventSink): void {
  const due: PendingReport[] = [];
  const waiting: PendingReport[] = [];
  for (const r of state.pendingReports) (r.publishTurn <= sink.turn ? due : waiting).push(r);
  if (due.length === 0) return;
  state.pendingReports = waiting;
  for (const r of due) {
    const about = aboutEvent(view, sink, r);
    const actors = [...sortedIds(r.claimed)];
    const data: GameEvent['data'] = {
      source: r.source,
      aboutTurn: r.about.turn,
      aboutIndex: r.about.index,
      aboutKind: about?.kind ?? '',
      delay: r.publishTurn - r.about.turn,
    };
    for (const a of actors) data[`claimed:${a}`] = r.claimed[a]!;
    let truth = '';
    if (about) {
      const listed: [string, number][] = [];
      for (const a of actors) {
        data[`true:${a}`] = killed(about, a);
        if (`killed:${a}` in about.data) listed.push([a, killed(about, a)]);
      }
      truth = ` What happened: ${lossWords(view, listed)}.`;
    }
    const d = r.publishTurn - r.about.turn;
    const late = d > 0 ? ` (published ${d} turn${d === 1 ? '' : 's'} later)` : '';
    sink.emit('report.published', actors, about?.location ?? '', () => `${r.text}${late}${truth}`, data);
  }
}

/** The reports step: file this turn's clashes, then publish what is due. */
export function updateReports(state: GameState, view: GameState, sink: EventSink): void {
  fileReports(state, view, sink);
  publishReports(state, view, sink);
}
