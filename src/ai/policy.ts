// The computer actors' policy. Given only the actor's view of the game (`viewFor`), it lists the
// legal orders (`legalOrders`; convoys both notified and not), scores each by the doctrine's
// priorities (the sum of weight × factor judgement), sorts them best first — equal scores in an
// order fixed by one draw — and gives the best orders with a positive score, up to the doctrine's
// orders a turn, skipping an order that would use a unit, a post, an air sortie or an addressee
// already used this turn, and a strike or assault on a place one of its own moves walks into
// unopposed (movement comes first: there would be nothing left to hit). It returns the orders and a decision record (the top three candidates
// with each factor's part, in words) that the turn logs as `ai.decided`. It never touches state.
import seedrandom from 'seedrandom';
import {
  legalOrders,
  placeName,
  sortieBudget,
  type DecisionRecord,
  type Doctrine,
  type GameState,
  type Order,
  type OrderKind,
  type WeighedOrder,
} from '../engine/index.ts';
import { buildContext, heldByEnemy, type Context } from './context.ts';
import { FACTOR_JUDGES, FACTOR_KINDS } from './factors.ts';

export interface Decision {
  orders: Order[];
  record: DecisionRecord;
}

/** How many candidates a decision record keeps. */
export const TOP_KEPT = 3;

/**
 * The tie-breaking draw of one actor's decision: from a generator seeded by the game's RNG as it
 * stands (its seed and draws so far), the turn and the actor. It reads the state and changes
 * nothing, so deciding never moves the game's RNG; the draw is logged in the decision record.
 */
export function decisionDraw(state: GameState, actor: string): number {
  const rng = seedrandom.alea(`${state.rng.seed}|${state.rng.draws}|${state.turn}|${actor}`);
  return Math.floor(rng() * 1_000_000);
}

/**
 * The candidates: the legal orders (convoys among them both notified and not). An assault
 * leaves out the units still marching to a destination (they march on in the movement phase,
 * before assaults); one left with none is dropped.
 */
export function candidateOrders(view: GameState, actor: string): Order[] {
  const out: Order[] = [];
  for (const o of legalOrders(view, actor)) {
    if (o.kind === 'assault') {
      const units = o.units.filter((id) => (view.units[id]?.destination ?? '') === '');
      if (units.length > 0) out.push(units.length === o.units.length ? o : { ...o, units });
      continue;
    }
    out.push(o);
  }
  return out;
}

/** A unit's name as the view has it (its id when the view has no such unit). */
function unitCalled(view: GameState, id: string): string {
  return view.units[id]?.name ?? id;
}

/** An actor's name as the view has it (its id when the view has no such actor). */
function actorCalled(view: GameState, id: string): string {
  return view.actors[id]?.name ?? id;
}

/** A short name of an order for decision records ("air strike on Saraqib"). */
export function orderLabel(view: GameState, order: Order): string {
  switch (order.kind) {
    case 'move':
      return `move ${unitCalled(view, order.unit)} to ${placeName(view, order.to)}`;
    case 'hold':
      return `halt ${unitCalled(view, order.unit)}`;
    case 'assault':
      return `assault ${placeName(view, order.target)} with ${order.units.length} unit${order.units.length === 1 ? '' : 's'}`;
    case 'strike':
      return order.means === 'artillery'
        ? `shell ${placeName(view, order.target)} with ${unitCalled(view, order.unit)}`
        : `${order.means} strike on ${placeName(view, order.target)}`;
    case 'dispatch_convoy':
      return `convoy from ${placeName(view, order.from)} to ${view.posts[order.post]?.name ?? order.post}${order.escort !== '' ? `, escorted by ${actorCalled(view, order.escort)}` : ''}${order.notified ? '' : ', Russia not notified'}`;
    case 'evacuate_post':
      return `evacuate ${view.posts[order.post]?.name ?? order.post}`;
    case 'establish_post':
      return `set up a post with ${unitCalled(view, order.unit)}`;
    case 'set_checkpoint':
      return `checkpoint with ${unitCalled(view, order.unit)}`;
    case 'run_patrol':
      return `run ${view.patrols[order.patrol]?.name ?? order.patrol}`;
    case 'suspend_patrol':
      return `suspend ${view.patrols[order.patrol]?.name ?? order.patrol}`;
    case 'request_us_support':
      return 'ask the United States for support';
    default:
      return `${order.kind.replaceAll('_', ' ')} (${actorCalled(view, order.to)})`;
  }
}

interface Scored {
  order: Order;
  score: number;
  /** Place in the order of equal scores: the position in the candidate list rotated by the draw. */
  rank: number;
}

/** Best first: the higher score, and between equal scores the lower rank. */
function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || a.rank - b.rank;
}

/** The doctrine's priorities that count (weight not 0), each with its factor's name and judge. */
interface Weighed {
  factor: string;
  weight: number;
  judge: (order: Order, ctx: Context) => number;
}

/** `weighedPriorities` by doctrine: a doctrine does not change during a game. */
const weighedByDoctrine = new WeakMap<Doctrine, ReadonlyMap<OrderKind, readonly Weighed[]>>();

/**
 * The doctrine's priorities that count, by the kind of order their factors judge (FACTOR_KINDS;
 * each list in the doctrine's order): for another kind a factor's judgement is 0 and adds nothing.
 * Worked out once per doctrine object (`weighedByDoctrine`).
 */
function weighedPriorities(doctrine: Doctrine): ReadonlyMap<OrderKind, readonly Weighed[]> {
  const known = weighedByDoctrine.get(doctrine);
  if (known !== undefined) return known;
  const byKind = new Map<OrderKind, Weighed[]>();
  for (const p of doctrine.priorities) {
    if (p.weight === 0) continue;
    const weighed = { factor: p.factor, weight: p.weight, judge: FACTOR_JUDGES[p.factor] };
    for (const kind of FACTOR_KINDS[p.factor]) {
      const list = byKind.get(kind);
      if (list === undefined) byKind.set(kind, [weighed]);
      else list.push(weighed);
    }
  }
  weighedByDoctrine.set(doctrine, byKind);
  return byKind;
}

const NO_PRIORITIES: readonly Weighed[] = [];

/** The priorities (by kind: `weighedPriorities`) that judge `order`. */
function judgesOf(byKind: ReadonlyMap<OrderKind, readonly Weighed[]>, order: Order): readonly Weighed[] {
  return byKind.get(order.kind) ?? NO_PRIORITIES;
}

/** A candidate's score: the sum over the priorities that judge it of weight × the factor's judgement. */
function score(order: Order, rank: number, ctx: Context, priorities: readonly Weighed[]): Scored {
  let total = 0;
  for (let i = 0; i < priorities.length; i++) {
    const p = priorities[i]!;
    total += p.weight * p.judge(order, ctx);
  }
  return { order, score: total, rank };
}

/** Each factor's part of a candidate's score (those that count), largest first: for the record. */
function partsOf(
  order: Order,
  ctx: Context,
  priorities: readonly Weighed[],
): { factor: string; points: number }[] {
  const parts: { factor: string; points: number }[] = [];
  for (const p of priorities) {
    const judged = p.judge(order, ctx);
    if (judged !== 0) parts.push({ factor: p.factor, points: p.weight * judged });
  }
  parts.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.factor < b.factor ? -1 : 1));
  return parts;
}

/** What an order takes up: a unit, a post, a patrol, an addressee… Two orders sharing one clash. */
function resourcesOf(order: Order): string[] {
  switch (order.kind) {
    case 'move':
    case 'hold':
    case 'establish_post':
    case 'set_checkpoint':
      return [`unit:${order.unit}`];
    case 'assault':
      return [...order.units.map((u) => `unit:${u}`), `target:${order.target}`];
    case 'strike':
      return order.means === 'artillery' ? [`unit:${order.unit}`] : [`${order.means}:${order.target}`];
    case 'dispatch_convoy':
    case 'evacuate_post':
      return [`post:${order.post}`];
    case 'run_patrol':
    case 'suspend_patrol':
      return [`patrol:${order.patrol}`];
    case 'request_us_support':
      return ['us'];
    default:
      return [`to:${order.to}`];
  }
}

/** A place held by an enemy where the actor sees no hostile unit and no hostile post. */
function undefended(ctx: Context, place: string): boolean {
  return (
    heldByEnemy(ctx, place) &&
    (ctx.hostileStrength.get(place) ?? 0) === 0 &&
    (ctx.postDefence.get(place) ?? 0) === 0
  );
}

/** The policy's choice for `actor` from its view, with the decision record. */
export function decide(view: GameState, actor: string, doctrine: Doctrine, draw: number): Decision {
  const ctx = buildContext(view, actor, doctrine);
  const candidates = candidateOrders(view, actor);
  const priorities = weighedPriorities(doctrine);
  const n = Math.max(1, candidates.length);
  // Equal scores: a rotation of the candidate list by the draw, so ties fall differently from
  // game to game but the same way in a replay.
  const shift = draw % n;
  const scored: Scored[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const o = candidates[i]!;
    scored.push(score(o, (i - shift + n) % n, ctx, judgesOf(priorities, o)));
  }
  const ranked = rankedBest(scored);
  // What may fly this turn: the capacity, or less while Russia keeps the airspace closed.
  const cap: Record<string, number> = view.actors[actor]
    ? { air: sortieBudget(view, actor, 'air').budget, drone: sortieBudget(view, actor, 'drone').budget }
    : { air: 0, drone: 0 };
  // A move into an enemy place where no defender is seen takes it in the movement phase, before
  // strikes and assaults resolve: fire or an assault on it would find nothing there. Such attacks
  // are struck off and the choice made again without them, until none is left (each round strikes
  // off at least one more candidate, so it ends).
  const struckOff = new Set<Scored>();
  let orders = choose(ranked, doctrine.ordersPerTurn, cap, struckOff);
  for (;;) {
    const walkedInto = new Set<string>();
    for (const s of orders)
      if (s.order.kind === 'move' && undefended(ctx, s.order.to)) walkedInto.add(s.order.to);
    let wasted = false;
    for (const s of orders)
      if ((s.order.kind === 'strike' || s.order.kind === 'assault') && walkedInto.has(s.order.target)) {
        struckOff.add(s);
        wasted = true;
      }
    if (!wasted) break;
    orders = choose(ranked, doctrine.ordersPerTurn, cap, struckOff);
  }
  const top: WeighedOrder[] = ranked.slice(0, TOP_KEPT).map((s) => ({
    order: orderLabel(view, s.order),
    score: s.score,
    factors: partsOf(s.order, ctx, judgesOf(priorities, s.order)),
  }));
  return {
    orders: orders.map((s) => s.order),
    record: { actor, doctrine: doctrine.id, weighed: candidates.length, chosen: orders.length, draw, top },
  };
}

/**
 * The candidates best first (`byScore`), as far as a decision reads them: all those with a
 * positive score (the only ones it may choose), then the next best up to `TOP_KEPT` (for the
 * record). This is the order a sort of all the candidates gives, though only the positive ones
 * (about a third in the default scenario) are sorted: scores are integers (integer weights times
 * integer judgements) and no two ranks are equal, so `byScore` orders the candidates fully.
 */
function rankedBest(scored: Scored[]): Scored[] {
  const positive: Scored[] = [];
  const rest: Scored[] = [];
  for (const s of scored) (s.score > 0 ? positive : rest).push(s);
  positive.sort(byScore);
  // The best of the rest, one at a time.
  while (positive.length < TOP_KEPT && rest.length > 0) {
    let best = 0;
    for (let i = 1; i < rest.length; i++) if (byScore(rest[i]!, rest[best]!) < 0) best = i;
    positive.push(rest[best]!);
    rest.splice(best, 1);
  }
  return positive;
}

/**
 * The best orders with a positive score, best first, up to `budget`, skipping those struck off,
 * those that would use a unit, post, patrol or addressee already used, and sorties beyond `cap`.
 */
function choose(
  scored: readonly Scored[],
  budget: number,
  cap: Record<string, number>,
  struckOff: ReadonlySet<Scored>,
): Scored[] {
  const used = new Set<string>();
  const sorties: Record<string, number> = { air: 0, drone: 0 };
  const out: Scored[] = [];
  for (const s of scored) {
    if (out.length >= budget || s.score <= 0) break;
    if (struckOff.has(s)) continue;
    const o = s.order;
    const needs = resourcesOf(o);
    if (needs.some((r) => used.has(r))) continue;
    if (o.kind === 'strike' && o.means !== 'artillery') {
      if (sorties[o.means]! + o.sorties > cap[o.means]!) continue;
      sorties[o.means]! += o.sorties;
    }
    for (const r of needs) used.add(r);
    out.push(s);
  }
  return out;
}

/**
 * Random play, the yardstick doctrine play is measured against: as many legal orders as the
 * doctrine allows, each picked uniformly (by a generator seeded from `draw`), skipping clashes.
 */
export function decideRandomly(view: GameState, actor: string, budget: number, draw: number): Decision {
  const candidates = legalOrders(view, actor);
  const rng = seedrandom.alea(`random|${draw}`);
  const used = new Set<string>();
  const orders: Order[] = [];
  for (let tries = 0; tries < budget * 4 && orders.length < budget && candidates.length > 0; tries++) {
    const pick = candidates[Math.floor(rng() * candidates.length)]!;
    const needs = resourcesOf(pick);
    if (needs.some((r) => used.has(r))) continue;
    for (const r of needs) used.add(r);
    orders.push(pick);
  }
  return {
    orders,
    record: {
      actor,
      doctrine: 'random',
      weighed: candidates.length,
      chosen: orders.length,
      draw,
      top: orders.slice(0, TOP_KEPT).map((o) => ({ order: orderLabel(view, o), score: 0, factors: [] })),
    },
  };
}
