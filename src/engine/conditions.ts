// Conditions and numeric expressions over the state: the data-only language that objectives,
// victory and sudden-death rules and scenario triggers are written in. Nothing is ever evaluated
// as code.
//
// `all` and `any` are evaluated left to right and stop at the first answer, so the draws of
// `chance` conditions (trigger conditions only: they need the game's RNG) happen in a defined
// order: a `chance` after a false member of an `all` draws nothing.
import { dayOfTurn } from './calendar.ts';
import { chancePerMille } from './rng.ts';
import { highwayOpenFor } from './rules/highways.ts';
import type { Condition, GameState, NumberExpr, RngState } from './types.ts';
import { findRelation, sortedIds, stanceOf } from './world.ts';

function inZone(state: GameState, zone: string | undefined, location: string): boolean {
  return zone === undefined || (state.zones[zone]?.locations.includes(location) ?? false);
}

export function evalNumber(state: GameState, expr: NumberExpr): number {
  if (typeof expr === 'number') return expr;
  if ('meter' in expr) return state.meters[expr.meter] as number;
  if ('pressure' in expr) return state.meters.internationalPressure[expr.pressure] ?? 0;
  if ('losses' in expr) return state.meters.losses[expr.losses] ?? 0;
  if ('tension' in expr) {
    const [a, b] = expr.tension;
    const r = findRelation(state.relations, a, b);
    return r?.tension ?? 0;
  }
  if ('score' in expr) return state.victory.scores[expr.score] ?? 0;
  if ('turn' in expr) return state.turn;
  if ('variable' in expr) {
    const v = state.variables[expr.variable];
    if (v === undefined) return 0;
    if (typeof v.value === 'boolean') return v.value ? 1 : 0;
    return v.value;
  }
  if ('resource' in expr) return state.actors[expr.resource]?.resources ?? 0;
  if ('count_locations' in expr) {
    const { actor, zone } = expr.count_locations;
    let n = 0;
    for (const id of sortedIds(state.locations)) {
      const loc = state.locations[id]!;
      if (loc.kind !== 'post' && loc.controller === actor && inZone(state, zone, id)) n += 1;
    }
    return n;
  }
  if ('count_posts' in expr) {
    const { actor, status } = expr.count_posts;
    let n = 0;
    for (const id of sortedIds(state.posts)) {
      const p = state.posts[id]!;
      if ((actor === undefined || p.actor === actor) && (status === undefined || status.includes(p.status)))
        n += 1;
    }
    return n;
  }
  const { actor, zone } = expr.count_units;
  let n = 0;
  for (const id of sortedIds(state.units)) {
    const u = state.units[id]!;
    if (u.actor === actor && u.strength > 0 && inZone(state, zone, u.location)) n += 1;
  }
  return n;
}

/**
 * Whether `c` holds in `state`. `rng` (a draft's or a plain copy's RNG, advanced in place) is needed
 * by `chance`, which only trigger conditions may use; without it a `chance` is a programming error.
 */
export function evalCondition(state: GameState, c: Condition, rng?: RngState): boolean {
  if ('all' in c) {
    for (const x of c.all) if (!evalCondition(state, x, rng)) return false;
    return true;
  }
  if ('any' in c) {
    for (const x of c.any) if (evalCondition(state, x, rng)) return true;
    return false;
  }
  if ('not' in c) return !evalCondition(state, c.not, rng);
  if ('controls' in c) return state.locations[c.controls.location]?.controller === c.controls.actor;
  if ('highway_open' in c) {
    const h = c.highway_open;
    return highwayOpenFor(state, h.highway, h.actor, h.from, h.to);
  }
  if ('post_status' in c) {
    const p = state.posts[c.post_status.post];
    return p !== undefined && c.post_status.status.includes(p.status);
  }
  if ('agreement_status' in c) {
    const a = state.agreements[c.agreement_status.agreement];
    return a !== undefined && c.agreement_status.status.includes(a.status);
  }
  if ('compare' in c) {
    const l = evalNumber(state, c.compare.left);
    const r = evalNumber(state, c.compare.right);
    switch (c.compare.op) {
      case '<':
        return l < r;
      case '<=':
        return l <= r;
      case '==':
        return l === r;
      case '!=':
        return l !== r;
      case '>=':
        return l >= r;
      case '>':
        return l > r;
    }
  }
  if ('date_range' in c) {
    const { from, to } = c.date_range;
    const first = dayOfTurn(state.calendar, state.turn);
    const last = first + state.calendar.daysPerTurn - 1;
    return (from === undefined || last >= from) && (to === undefined || first <= to);
  }
  if ('flag' in c) return state.variables[c.flag]?.value === true;
  if ('relation' in c) {
    const { a, b, stance } = c.relation;
    const s = stanceOf(state, a, b);
    return s !== 'self' && stance.includes(s);
  }
  if ('chance' in c) {
    if (rng === undefined)
      throw new Error(
        'evalCondition: a `chance` condition is only allowed in trigger conditions (it needs the RNG)',
      );
    return chancePerMille(rng, c.chance);
  }
  const { from, to } = c.turn_range;
  return (from === undefined || state.turn >= from) && (to === undefined || state.turn <= to);
}
