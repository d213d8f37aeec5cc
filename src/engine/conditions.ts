// Conditions and numeric expressions over the state: the data-only language that objectives,
// victory and sudden-death rules (and, later, scenario triggers) are written in. Nothing is
// ever evaluated as code.
import { highwayOpenFor } from './rules/highways.ts';
import type { Condition, GameState, NumberExpr } from './types.ts';
import { sortedIds } from './world.ts';

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
    const r = state.relations.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
    return r?.tension ?? 0;
  }
  if ('score' in expr) return state.victory.scores[expr.score] ?? 0;
  if ('turn' in expr) return state.turn;
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

export function evalCondition(state: GameState, c: Condition): boolean {
  if ('all' in c) return c.all.every((x) => evalCondition(state, x));
  if ('any' in c) return c.any.some((x) => evalCondition(state, x));
  if ('not' in c) return !evalCondition(state, c.not);
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
  const { from, to } = c.turn_range;
  return (from === undefined || state.turn >= from) && (to === undefined || state.turn <= to);
}
