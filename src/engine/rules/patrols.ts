// Joint patrols (e.g. the Russian-Turkish patrols along the M4 under the Moscow protocol).
//
// Orders: `run_patrol` and `suspend_patrol`, by one of the patrol's actors (`patrol.changed`).
// Every turn an active patrol drives its whole route once (the routes are short: one run a turn).
// At each place of the route where a hard-line actor (`actor.hardLine`, not one of the patrolling
// actors nor allied to any of them) holds the place, or has units standing in it or in a
// neighbouring place, there is a `patrolAttackPerMille` chance of an attack (one roll per such
// place, in route order). The first attack ends the run: a d10 gives its severity: up to
// `patrolLightMaxRoll` nobody is killed, up to `patrolSeriousMaxRoll` `patrolSeriousKilled`
// soldiers of each patrolling actor are killed, above it `patrolSevereKilled` (`patrol.attacked`).
// Each time the patrol's count of attacks reaches a multiple of `patrolAttacksToSuspend` it is
// suspended (`patrol.changed`). A run with no attack is `patrol.completed` (completed + 1): an
// active patrol is how an actor meets a `joint_patrols` obligation, and agreements read it.
import type { EventSink } from '../events.ts';
import { drawInt, rollD10 } from '../rng.ts';
import type { GameState, Order, Patrol, PatrolOrder, RejectCode, Result, RuleParams } from '../types.ts';
import { actorName, isFriendly, neighbours, placeName, sortedIds } from '../world.ts';
import { observeAttack } from './observation.ts';

function reject(code: RejectCode, message: string): Result<never> {
  return { ok: false, code, message };
}

function patrolActors(state: GameState, patrol: Patrol): string {
  return patrol.actors.map((a) => actorName(state, a)).join(' and ');
}

export function validatePatrolOrder(state: GameState, actor: string, order: PatrolOrder): Result {
  const patrol = state.patrols[order.patrol];
  if (!patrol) return reject('unknown_patrol', `There is no joint patrol "${order.patrol}".`);
  if (!patrol.actors.includes(actor))
    return reject(
      'not_a_party',
      `${actorName(state, actor)} takes no part in ${patrol.name} (${patrolActors(state, patrol)}).`,
    );
  const want = order.kind === 'run_patrol' ? 'active' : 'suspended';
  if (patrol.status === want)
    return reject(
      'already_there',
      `${patrol.name} is already ${want === 'active' ? 'running' : 'suspended'}.`,
    );
  return { ok: true, value: true };
}

/** The hard-line actors threatening `location` for a patrol of `actors`; the holder first, then by id. */
export function patrolThreats(state: GameState, actors: readonly string[], location: string): string[] {
  const hostile = sortedIds(state.actors).filter(
    (h) => state.actors[h]!.hardLine && !actors.includes(h) && !actors.some((a) => isFriendly(state, h, a)),
  );
  if (hostile.length === 0) return [];
  // Added one by one: a spread of `map`'s result (an array of another kind when empty) threw away
  // the optimized code once a worker met it (see `strike`).
  const near = new Set<string>([location]);
  for (const n of neighbours(state, location)) near.add(n.location);
  const out: string[] = [];
  for (const h of hostile) {
    let threat = state.locations[location]?.controller === h;
    if (!threat) {
      for (const id of sortedIds(state.units)) {
        const u = state.units[id]!;
        if (u.actor === h && u.transit === null && u.strength > 0 && near.has(u.location)) {
          threat = true;
          break;
        }
      }
    }
    if (threat) out.push(h);
  }
  const holder = state.locations[location]?.controller ?? '';
  return out.includes(holder) ? [holder, ...out.filter((h) => h !== holder)] : out;
}

export type PatrolSeverity = 'light' | 'serious' | 'severe';

/** Severity of an attack by the d10, and the soldiers each patrolling actor loses. */
export function patrolAttackSeverity(
  params: RuleParams,
  d10: number,
): { severity: PatrolSeverity; killed: number } {
  if (d10 <= params.patrolLightMaxRoll) return { severity: 'light', killed: 0 };
  if (d10 <= params.patrolSeriousMaxRoll) return { severity: 'serious', killed: params.patrolSeriousKilled };
  return { severity: 'severe', killed: params.patrolSevereKilled };
}

/**
 * Applies this turn's run / suspend orders, then drives every active patrol. Reads `view` (the
 * state after movement and control), writes `state`.
 */
export function runPatrols(
  state: GameState,
  view: GameState,
  sink: EventSink,
  orders: readonly { actor: string; order: Order }[],
): void {
  for (const { actor, order } of orders) {
    if (order.kind !== 'run_patrol' && order.kind !== 'suspend_patrol') continue;
    const patrol = state.patrols[order.patrol];
    if (!patrol) continue;
    const to = order.kind === 'run_patrol' ? 'active' : 'suspended';
    if (patrol.status === to) continue;
    const from = patrol.status;
    patrol.status = to;
    sink.emit(
      'patrol.changed',
      [actor, ...patrol.actors.filter((a) => a !== actor)],
      patrol.route[0] ?? '',
      () =>
        to === 'active'
          ? `${actorName(view, actor)} starts ${patrol.name} (${patrolActors(view, patrol)}) along ${routeWords(view, patrol)}.`
          : `${actorName(view, actor)} suspends ${patrol.name} (${patrolActors(view, patrol)}).`,
      { patrol: patrol.id, from, to, by: actor, attacks: patrol.attacks },
    );
  }
  const p = view.params;
  for (const id of sortedIds(state.patrols)) {
    const patrol = state.patrols[id]!;
    if (patrol.status !== 'active') continue;
    const checked: string[] = [];
    let attacked = false;
    for (const place of patrol.route) {
      const threats = patrolThreats(view, patrol.actors, place);
      if (threats.length === 0) continue;
      const by = threats[0]!;
      const pm = p.patrolAttackPerMille;
      if (pm <= 0) continue;
      const roll = drawInt(state.rng, 1000);
      if (roll >= pm) {
        checked.push(`${placeName(view, place)} ${roll} ≥ ${pm}`);
        continue;
      }
      attacked = true;
      const d10 = rollD10(state.rng);
      const { severity, killed } = patrolAttackSeverity(p, d10);
      const data: Record<string, string | number | boolean> = {
        patrol: id,
        by,
        at: place,
        perMille: pm,
        roll,
        d10,
        severity,
      };
      for (const a of patrol.actors) {
        data[`killed:${a}`] = killed;
        if (killed > 0) state.meters.losses[a] = (state.meters.losses[a] ?? 0) + killed;
      }
      patrol.attacks += 1;
      data.attacks = patrol.attacks;
      const losses =
        killed === 0
          ? 'nobody is killed'
          : `${killed} soldier${killed === 1 ? '' : 's'}${patrol.actors.length > 1 ? ' each' : ''} of ${patrolActors(view, patrol)} killed`;
      sink.emit(
        'patrol.attacked',
        [by, ...patrol.actors],
        place,
        () =>
          `${actorName(view, by)} attacks ${patrol.name} at ${placeName(view, place)}: chance ${pm}‰ (a hard-line group holds or stands near the place), ` +
          `roll ${roll} < ${pm} → attack; d10 ${d10} → ${severity}: ${losses}. The patrol turns back (${patrol.attacks} attack${patrol.attacks === 1 ? '' : 's'} so far).`,
        data,
      );
      observeAttack(state, view, sink, by, place, `an attack on ${patrol.name} at ${placeName(view, place)}`);
      if (patrol.attacks % p.patrolAttacksToSuspend === 0) {
        patrol.status = 'suspended';
        sink.emit(
          'patrol.changed',
          patrol.actors,
          place,
          () =>
            `${patrol.name} is suspended after ${patrol.attacks} attacks (it is suspended every ${p.patrolAttacksToSuspend}).`,
          { patrol: id, from: 'active', to: 'suspended', by, attacks: patrol.attacks },
        );
      }
      break;
    }
    if (attacked) continue;
    patrol.completed += 1;
    sink.emit(
      'patrol.completed',
      patrol.actors,
      patrol.route[0] ?? '',
      () =>
        `${patrol.name} (${patrolActors(view, patrol)}) drives ${routeWords(view, patrol)} without incident (run ${patrol.completed})` +
        (checked.length > 0
          ? `; places near hard-line groups, chance ${p.patrolAttackPerMille}‰ each: ${checked.join(', ')}.`
          : '.'),
      { patrol: id, completed: patrol.completed, threatened: checked.length },
    );
  }
}

function routeWords(state: GameState, patrol: Patrol): string {
  const r = patrol.route;
  if (r.length === 0) return 'its route';
  return `${placeName(state, r[0]!)} – ${placeName(state, r[r.length - 1]!)} (${r.length} places)`;
}
