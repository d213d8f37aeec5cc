// Agreements bind their parties; an act that breaks one (an assault during a ceasefire, a strike
// where an obligation forbids it) stays legal — a player may choose it — but is recorded as a
// violation. Enough violations collapse the agreement.
import type { EventSink } from '../events.ts';
import type { Agreement, GameState, ObligationKind } from '../types.ts';
import { actorName, sortedIds } from '../world.ts';

/** Whether agreement `a`, in force, forbids `actor` an act of kind `forbidding` at `location`. */
function forbids(
  view: GameState,
  a: Agreement,
  actor: string,
  forbidding: ObligationKind,
  location: string,
): boolean {
  if (a.status !== 'holds' && a.status !== 'violated') return false;
  if (a.ceasefire && a.parties.includes(actor)) return true;
  for (const o of a.obligations)
    if (
      o.actor === actor &&
      o.kind === forbidding &&
      o.status !== 'broken' &&
      (o.zone === '' || (view.zones[o.zone]?.locations.includes(location) ?? false))
    )
      return true;
  return false;
}

/** Agreements in force that `actor`'s act of `kind` at `location` would break. */
export function breachedBy(
  view: GameState,
  actor: string,
  kind: 'assault' | 'strike',
  location: string,
): Agreement[] {
  const forbidding: ObligationKind = kind === 'assault' ? 'no_assault' : 'no_strike';
  const out: Agreement[] = [];
  for (const id of sortedIds(view.agreements)) {
    const a = view.agreements[id]!;
    if (forbids(view, a, actor, forbidding, location)) out.push(a);
  }
  return out;
}

/** Whether `actor`'s act of `kind` at `location` would break an agreement in force (`breachedBy` not empty). */
export function breaches(
  view: GameState,
  actor: string,
  kind: 'assault' | 'strike',
  location: string,
): boolean {
  const forbidding: ObligationKind = kind === 'assault' ? 'no_assault' : 'no_strike';
  for (const id of sortedIds(view.agreements))
    if (forbids(view, view.agreements[id]!, actor, forbidding, location)) return true;
  return false;
}

/** Records a violation of agreement `id` by `actor`; moves it to violated, or collapsed at its limit. */
export function recordViolation(
  state: GameState,
  sink: EventSink,
  id: string,
  actor: string,
  what: string,
): void {
  const a = state.agreements[id];
  if (!a || a.status === 'collapsed' || a.status === 'ended') return;
  a.violations[actor] = (a.violations[actor] ?? 0) + 1;
  let total = 0;
  for (const k of Object.keys(a.violations)) total += a.violations[k]!;
  sink.emit(
    'agreement.violated',
    actor,
    '',
    () =>
      `${actorName(state, actor)} violates the ${a.name}: ${what} (${total} violation${total === 1 ? '' : 's'} of ${a.collapseAt} before it collapses).`,
    { agreement: id, actor, total, collapseAt: a.collapseAt },
  );
  const before = a.status;
  a.status = total >= a.collapseAt ? 'collapsed' : 'violated';
  if (a.status !== before) {
    sink.emit(
      'agreement.changed',
      a.parties,
      '',
      () =>
        a.status === 'collapsed'
          ? `The ${a.name} collapses after ${total} violations.`
          : `The ${a.name} is violated but still stands.`,
      { agreement: id, from: before, to: a.status },
    );
  }
}
