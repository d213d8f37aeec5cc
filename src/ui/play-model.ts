// What the play screen shows, worked out from the game data without touching the DOM: the meters
// bar (date, escalation, tension, civilians, markets, the student's objectives), the subjects a
// student gives orders to (units, posts, crossings, air and drones, diplomacy, patrols) with the
// legal orders of each, the pending orders, the orders the last turn rejected, and the news feed
// (the last turn's events by phase, reports with their claims beside the facts, each event's
// inputs in words, and the computer actors' decision records). Every function here is pure: it
// reads a state (usually the student's view), events and orders and returns plain data, so the
// unit tests check it in Node; the DOM components (meters.ts, orders.ts, news.ts, panel.ts) only
// draw it. Numbers stay integers; they are worded here ("1,234,567").
import { LADDER } from '../engine/rules/escalation.ts';
import {
  PHASE_ORDER,
  actorName,
  canonicalJson,
  dayOfTurn,
  evalCondition,
  formatLongDate,
  placeName,
  sortedIds,
  textIn,
  type DecisionRecord,
  type EventKind,
  type GameEvent,
  type GameState,
  type Objective,
  type Order,
  type Phase,
  type Stance,
} from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { actorColours, NOBODY_COLOUR } from '../game/palette.ts';
import type { MapSelection } from '../game/map-scene.ts';

/** What is selected on the map: { kind: 'unit' | 'post' | 'place'; id } (the map scene's type). */
export type { MapSelection };

// ---------------------------------------------------------------- numbers and words

/** An integer for people: "1,234,567", "-12,000". */
export function formatNumber(n: number): string {
  const whole = Math.trunc(n);
  const digits = String(Math.abs(whole));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return whole < 0 ? `-${out}` : out;
}

/** "+700", "-40", "0". */
export function signed(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}

/** An id or a data key in words: "hold_idlib" → "hold idlib", "attackHundredths" → "attack hundredths". */
export function idWords(id: string): string {
  return id
    .replaceAll('_', ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}

function capitalise(s: string): string {
  return s === '' ? s : s[0]!.toUpperCase() + s.slice(1);
}

function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/**
 * A name short enough for the bar: the abbreviation in brackets when there is one ("Hayat
 * Tahrir al-Sham (HTS)" → "HTS"), else the name without its brackets, and the initials of a
 * name of more than three words ("National Front for Liberation" → "NFL").
 */
export function shortActorName(name: string): string {
  let base = name.trim();
  const m = /^(.*?)\s*\(([^)]*)\)$/.exec(base);
  if (m) {
    if (/^[A-Z][A-Za-z]{1,5}$/.test(m[2]!) && m[2] === m[2]!.toUpperCase()) return m[2]!;
    base = m[1]!;
  }
  const words = base.split(/\s+/);
  if (words.length > 3) {
    const initials = words
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join('');
    if (initials.length >= 2) return initials;
  }
  return base;
}

// ---------------------------------------------------------------- meters

export interface TensionPair {
  a: string;
  b: string;
  /** "Russia–Turkey". */
  label: string;
  /** For the bar: the other side's short name when one side is the student's ("HTS"), else both ("HTS–Russia"). */
  shortLabel: string;
  tension: number;
  stance: Stance;
  /** "Russia–Turkey 42". */
  text: string;
  /** One side is the student's actor. */
  mine: boolean;
  colourA: string;
  colourB: string;
}

export interface Figure {
  id: 'displaced' | 'civilianDead' | 'domesticPressure' | 'marketIndex';
  label: string;
  value: number;
  /** "1,234", "12/100". */
  valueText: string;
  /** What it measures, for a tooltip or a screen reader. */
  note: string;
}

export type ObjectiveState = 'scored' | 'failed' | 'holds' | 'not_yet';

export interface ObjectiveLine {
  id: string;
  text: string;
  points: number;
  state: ObjectiveState;
  /** "scored on turn 4", "holds now", "does not hold now", "failed on turn 9". */
  stateText: string;
  /** "scored the first turn it holds" or "scored if it holds at the end". */
  whenText: string;
}

export interface MetersModel {
  /** "Turn 3 of 56" ("Finished after turn 56 of 56" once over). */
  turnText: string;
  /** "5 Dec 2019": the first day of the turn. */
  dateText: string;
  /** Both: "Turn 3 of 56 · 5 Dec 2019". */
  whenText: string;
  turn: number;
  turns: number;
  escalation: { level: number; max: number; name: string; text: string };
  /** Every pair, the student's pairs first, then by tension (highest first). */
  tensions: TensionPair[];
  /** The pairs shown on the bar itself: the student's, or the three tensest when watching. */
  tensionsInline: TensionPair[];
  /** The bar's word before them: "Tension with" (the student's pairs) or "Tension". */
  tensionsLabel: string;
  figures: Figure[];
  /** The student actor ('' when watching). */
  actor: string;
  actorName: string;
  colour: string;
  score: number;
  /** "Turkey: 20 points · 3 of 4 objectives hold", or every actor's score when watching. */
  scoreText: string;
  objectives: ObjectiveLine[];
  /** The game's outcome in words once it is over ('' before). */
  outcomeText: string;
}

/** The escalation ladder's rung names, 0-5. */
export const LADDER_NAMES: readonly string[] = LADDER;

function objectiveLine(view: GameState, o: Objective): ObjectiveLine {
  const scored = view.victory.achieved[o.id];
  const failed = view.victory.failed[o.id];
  let state: ObjectiveState;
  let stateText: string;
  if (scored !== undefined) {
    state = 'scored';
    stateText = `scored on turn ${scored}`;
  } else if (failed !== undefined) {
    state = 'failed';
    stateText = `failed on turn ${failed}`;
  } else {
    let holds: boolean;
    try {
      holds = evalCondition(view, o.condition);
    } catch {
      // An objective reading what the view hides (or a chance, which objectives may not use)
      // is shown as not holding rather than breaking the bar.
      holds = false;
    }
    state = holds ? 'holds' : 'not_yet';
    stateText = holds ? 'holds now' : 'does not hold now';
  }
  return {
    id: o.id,
    text: textIn(o.text),
    points: o.points,
    state,
    stateText,
    whenText: o.when === 'once' ? 'scored the first turn it holds' : 'scored if it holds at the end',
  };
}

/** The meters bar for `actor` ('' when watching) from what it sees. */
export function metersModel(view: GameState, scenario: Scenario, actor: string): MetersModel {
  const cal = view.calendar;
  const colours = actorColours(scenario);
  const shownTurn = Math.max(1, Math.min(view.turn, cal.turns));
  const dateText = formatLongDate(dayOfTurn(cal, shownTurn));
  const turnText = view.over
    ? `Finished after turn ${Math.min(view.turn - 1, cal.turns)} of ${cal.turns}`
    : `Turn ${shownTurn} of ${cal.turns}`;

  const level = Math.max(0, Math.min(LADDER.length - 1, view.meters.escalation));
  const name = LADDER[level] ?? '';
  const escalation = {
    level,
    max: LADDER.length - 1,
    name,
    text: `Escalation ${level} of ${LADDER.length - 1}: ${name}`,
  };

  const tensions: TensionPair[] = view.relations
    .filter((r) => view.actors[r.a] && view.actors[r.b])
    .map((r) => {
      const label = `${actorName(view, r.a)}–${actorName(view, r.b)}`;
      const mine = actor !== '' && (r.a === actor || r.b === actor);
      const short = (id: string) => shortActorName(actorName(view, id));
      return {
        a: r.a,
        b: r.b,
        label,
        shortLabel: mine ? short(r.a === actor ? r.b : r.a) : `${short(r.a)}–${short(r.b)}`,
        tension: r.tension,
        stance: r.stance,
        text: `${label} ${r.tension}`,
        mine,
        colourA: colours[r.a] ?? NOBODY_COLOUR,
        colourB: colours[r.b] ?? NOBODY_COLOUR,
      };
    })
    .sort((x, y) => {
      if (x.mine !== y.mine) return x.mine ? -1 : 1;
      if (x.tension !== y.tension) return y.tension - x.tension;
      return x.label < y.label ? -1 : x.label > y.label ? 1 : 0;
    });
  const tensionsInline = actor !== '' ? tensions.filter((t) => t.mine) : tensions.slice(0, 3);
  const tensionsLabel = actor !== '' ? 'Tension with' : 'Tension';

  const m = view.meters;
  const figures: Figure[] = [
    {
      id: 'displaced',
      label: 'Displaced',
      value: m.displaced,
      valueText: formatNumber(m.displaced),
      note: 'People who fled towards the camps on the Turkish border.',
    },
    {
      id: 'civilianDead',
      label: 'Civilian dead',
      value: m.civilianDead,
      valueText: formatNumber(m.civilianDead),
      note: 'Civilians killed by strikes and fighting in this scenario.',
    },
    {
      id: 'domesticPressure',
      label: 'Turkish domestic pressure',
      value: m.turkishDomesticPressure,
      valueText: `${formatNumber(m.turkishDomesticPressure)}/100`,
      note: 'How hard Turkish public opinion pushes Ankara (0-100).',
    },
    {
      id: 'marketIndex',
      label: 'Market index',
      value: m.marketIndex,
      valueText: formatNumber(m.marketIndex),
      note: 'Turkish lira and bonds, 100 at the start.',
    },
  ];

  const objectives =
    actor === ''
      ? []
      : view.victory.objectives.filter((o) => o.actor === actor).map((o) => objectiveLine(view, o));
  const score = actor === '' ? 0 : (view.victory.scores[actor] ?? 0);
  let scoreText: string;
  if (actor === '') {
    scoreText = sortedIds(view.actors)
      .map((a) => `${actorName(view, a)} ${formatNumber(view.victory.scores[a] ?? 0)}`)
      .join(' · ');
  } else {
    const holding = objectives.filter((o) => o.state === 'holds' || o.state === 'scored').length;
    scoreText =
      `${actorName(view, actor)}: ${plural(score, 'point', 'points')} · ` +
      `${holding} of ${objectives.length} objective${objectives.length === 1 ? '' : 's'} met or holding`;
  }

  let outcomeText = '';
  if (view.outcome) {
    const band = actor !== '' ? view.outcome.bands[actor] : undefined;
    outcomeText = band
      ? `Game over: ${band.band} for ${actorName(view, actor)} with ${plural(band.score, 'point', 'points')}.`
      : `Game over: ${view.outcome.summary}`;
  }

  return {
    turnText,
    dateText,
    whenText: `${turnText} · ${dateText}`,
    turn: shownTurn,
    turns: cal.turns,
    escalation,
    tensions,
    tensionsInline,
    tensionsLabel,
    figures,
    actor,
    actorName: actor === '' ? '' : actorName(view, actor),
    colour: colours[actor] ?? NOBODY_COLOUR,
    score,
    scoreText,
    objectives,
    outcomeText,
  };
}

// ---------------------------------------------------------------- subjects and their orders

export type SubjectKind = 'unit' | 'post' | 'source' | 'air' | 'diplomacy' | 'patrol';

export interface Subject {
  /** Unique among the subjects: "unit:tr_mech", "post:op_morek", "source:bab_al_hawa", "air", "diplomacy", "patrol:m4_joint". */
  key: string;
  kind: SubjectKind;
  /** The unit, post, place or patrol id ('' for air and diplomacy). */
  id: string;
  /** The group heading it is listed under. */
  group: string;
  /** Its name: "Commando brigade", "Convoys from Bab al-Hawa crossing". */
  label: string;
  /** A line about it: "special forces · strength 20 · at Kafr Lusin". */
  detail: string;
  /** Its legal orders now, in the engine's order. */
  orders: Order[];
  /** What the map selects for it (null for air, diplomacy and patrols). */
  selection: MapSelection | null;
}

/** The subject groups in the order they are listed. */
export const SUBJECT_GROUPS: readonly string[] = [
  'Units',
  'Observation posts',
  'Convoys',
  'Air and drones',
  'Joint patrols',
  'Diplomacy',
];

const DIPLOMACY_KINDS: ReadonlySet<Order['kind']> = new Set<Order['kind']>([
  'propose_ceasefire',
  'accept_ceasefire',
  'reject_ceasefire',
  'leaders_call',
  'protest',
  'request_us_support',
]);

/** The subject keys an order is listed under (an assault under each unit it sends). */
export function subjectKeysOf(order: Order): string[] {
  switch (order.kind) {
    case 'move':
    case 'hold':
    case 'establish_post':
    case 'set_checkpoint':
      return [`unit:${order.unit}`];
    case 'assault':
      return order.units.map((u) => `unit:${u}`);
    case 'strike':
      return order.means === 'artillery' ? [`unit:${order.unit}`] : ['air'];
    case 'dispatch_convoy':
      // Under the crossing it leaves from, and under the post it goes to.
      return [`source:${order.from}`, `post:${order.post}`];
    case 'evacuate_post':
      return [`post:${order.post}`];
    case 'run_patrol':
    case 'suspend_patrol':
      return [`patrol:${order.patrol}`];
    default:
      return DIPLOMACY_KINDS.has(order.kind) ? ['diplomacy'] : [];
  }
}

function postStatusWords(status: string): string {
  return idWords(status);
}

/**
 * The subjects `actor` gives orders to, grouped (SUBJECT_GROUPS order): each of its living
 * units, its standing posts, each of its supply sources (where convoys leave from), air and
 * drones (when it has sorties or air orders), its joint patrols, and diplomacy; each with its
 * orders from `legal`. A subject with no legal order now is listed with none. Empty when watching.
 */
export function subjectsOf(view: GameState, actor: string, legal: readonly Order[]): Subject[] {
  const me = view.actors[actor];
  if (actor === '' || !me) return [];
  const byKey = new Map<string, Order[]>();
  for (const order of legal) {
    for (const key of subjectKeysOf(order)) {
      const list = byKey.get(key);
      if (list) list.push(order);
      else byKey.set(key, [order]);
    }
  }
  const orders = (key: string): Order[] => byKey.get(key) ?? [];
  const out: Subject[] = [];

  for (const id of sortedIds(view.units)) {
    const u = view.units[id]!;
    if (u.actor !== actor || u.strength <= 0) continue;
    let where: string;
    if (u.transit) where = `on the road to ${placeName(view, u.transit.toward)}`;
    else where = `at ${placeName(view, u.location)}`;
    const going =
      u.destination !== '' && u.destination !== u.location
        ? `, bound for ${placeName(view, u.destination)}`
        : '';
    out.push({
      key: `unit:${id}`,
      kind: 'unit',
      id,
      group: 'Units',
      label: u.name,
      detail: `${idWords(u.type)} · strength ${u.strength} · readiness ${u.readiness} · ${where}${going}`,
      orders: orders(`unit:${id}`),
      selection: { kind: 'unit', id },
    });
  }
  for (const id of sortedIds(view.posts)) {
    const p = view.posts[id]!;
    if (p.actor !== actor || p.status === 'evacuated' || p.status === 'overrun') continue;
    out.push({
      key: `post:${id}`,
      kind: 'post',
      id,
      group: 'Observation posts',
      label: p.name,
      detail: `${postStatusWords(p.status)} · ${p.supplyDays} of ${p.maxSupplyDays} supply days · garrison ${formatNumber(p.garrison)}`,
      orders: orders(`post:${id}`),
      selection: { kind: 'post', id },
    });
  }
  for (const id of [...new Set(me.supplySources)].sort()) {
    const holder = view.locations[id]?.controller ?? '';
    out.push({
      key: `source:${id}`,
      kind: 'source',
      id,
      group: 'Convoys',
      label: `Convoys from ${placeName(view, id)}`,
      detail: holder === '' ? 'held by nobody' : `held by ${actorName(view, holder)}`,
      orders: orders(`source:${id}`),
      selection: { kind: 'place', id },
    });
  }
  const air = orders('air');
  if (me.airSorties > 0 || me.droneSorties > 0 || air.length > 0) {
    const sorties: string[] = [];
    if (me.airSorties > 0) sorties.push(plural(me.airSorties, 'air sortie', 'air sorties'));
    if (me.droneSorties > 0) sorties.push(plural(me.droneSorties, 'drone sortie', 'drone sorties'));
    const closed = view.meters.airspaceClosed && actor === view.params.actorRoles.turkey;
    out.push({
      key: 'air',
      kind: 'air',
      id: '',
      group: 'Air and drones',
      label: 'Air and drones',
      detail: `${sorties.join(' and ') || 'no sorties'} a turn${closed ? ` · airspace closed by ${actorName(view, view.params.actorRoles.russia)}` : ''}`,
      orders: air,
      selection: null,
    });
  }
  for (const id of sortedIds(view.patrols)) {
    const p = view.patrols[id]!;
    if (!p.actors.includes(actor)) continue;
    out.push({
      key: `patrol:${id}`,
      kind: 'patrol',
      id,
      group: 'Joint patrols',
      label: p.name,
      detail: `${p.status} · ${plural(p.completed, 'run', 'runs')} · ${plural(p.attacks, 'attack', 'attacks')}`,
      orders: orders(`patrol:${id}`),
      selection: null,
    });
  }
  out.push({
    key: 'diplomacy',
    kind: 'diplomacy',
    id: '',
    group: 'Diplomacy',
    label: 'Diplomacy',
    detail: 'ceasefires, leaders’ calls, protests, US support',
    orders: orders('diplomacy'),
    selection: null,
  });
  return out;
}

/** The subjects in their groups, in SUBJECT_GROUPS order (empty groups left out). */
export function groupSubjects(subjects: readonly Subject[]): { title: string; subjects: Subject[] }[] {
  return SUBJECT_GROUPS.map((title) => ({
    title,
    subjects: subjects.filter((s) => s.group === title),
  })).filter((g) => g.subjects.length > 0);
}

/**
 * The subject a map selection points at: a unit's, a post's, the crossing of a supply source
 * clicked as a place, or the post standing at a place; null when it is none of the actor's.
 */
export function subjectForSelection(
  view: GameState,
  subjects: readonly Subject[],
  selection: MapSelection | null,
): Subject | null {
  if (!selection) return null;
  const find = (key: string): Subject | null => subjects.find((s) => s.key === key) ?? null;
  switch (selection.kind) {
    case 'unit':
      return find(`unit:${selection.id}`);
    case 'post':
      return find(`post:${selection.id}`);
    case 'place': {
      const source = find(`source:${selection.id}`);
      if (source) return source;
      const post = subjects.find((s) => s.kind === 'post' && view.posts[s.id]?.location === selection.id);
      return post ?? null;
    }
  }
}

/** "unit:tr_mech" for a selection ('' for none): to notice when the map's selection changes. */
export function selectionKey(selection: MapSelection | null): string {
  return selection ? `${selection.kind}:${selection.id}` : '';
}

/** Words for a map selection that is not one of the student's subjects ('' for none). */
export function selectionNote(view: GameState, actor: string, selection: MapSelection | null): string {
  if (!selection) return '';
  if (selection.kind === 'unit') {
    const u = view.units[selection.id];
    if (!u) return '';
    if (u.actor === actor) return `${u.name} can take no orders now.`;
    return `${u.name} belongs to ${actorName(view, u.actor)}: not yours to command.`;
  }
  if (selection.kind === 'post') {
    const p = view.posts[selection.id];
    if (!p) return '';
    if (p.actor === actor) return `${p.name} is ${postStatusWords(p.status)}: it takes no orders.`;
    return `${p.name} belongs to ${actorName(view, p.actor)}: not yours to command.`;
  }
  const loc = view.locations[selection.id];
  if (!loc) return '';
  const holder = loc.controller === '' ? 'held by nobody' : `held by ${actorName(view, loc.controller)}`;
  return `${loc.name} (${holder}): select one of your units, posts or supply crossings to give orders.`;
}

/** Why a subject has no orders, in words. */
export function noOrdersText(subject: Subject): string {
  switch (subject.kind) {
    case 'unit':
      return `${subject.label} can take no orders now (it may be on the road, or have nowhere to go).`;
    case 'post':
      return `${subject.label} takes no orders now.`;
    case 'source':
      return `No convoy can leave ${subject.label.replace(/^Convoys from /, '')} now: no post of yours can be reached from it.`;
    case 'air':
      return 'No air or drone strike is possible now (no sorties, the airspace is closed, or no hostile target).';
    case 'patrol':
      return `${subject.label} takes no orders now.`;
    case 'diplomacy':
      return 'No diplomatic move is possible now.';
  }
}

/** Whether two orders are the same (field by field). */
export function sameOrder(a: Order, b: Order): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export interface OrderChoice {
  /** 1-based; 1-9 have a key. */
  number: number;
  order: Order;
  text: string;
  /** The order is already among the pending ones. */
  pending: boolean;
  /** "1", … "9", or '' beyond nine. */
  shortcut: string;
}

/** A subject's orders as numbered choices. */
export function orderChoices(
  subject: Subject,
  describe: (order: Order) => string,
  pending: readonly Order[],
): OrderChoice[] {
  return subject.orders.map((order, i) => ({
    number: i + 1,
    order,
    text: describe(order),
    pending: pending.some((p) => sameOrder(p, order)),
    shortcut: i < 9 ? String(i + 1) : '',
  }));
}

export interface PendingLine {
  index: number;
  number: number;
  text: string;
  /** The Remove button's accessible name: "Remove order 2: Move …". */
  removeLabel: string;
}

export function pendingLines(pending: readonly Order[], describe: (order: Order) => string): PendingLine[] {
  return pending.map((order, index) => {
    const text = describe(order);
    return { index, number: index + 1, text, removeLabel: `Remove order ${index + 1}: ${text}` };
  });
}

// ---------------------------------------------------------------- rejected orders

export interface RejectedLine {
  actor: string;
  /** "Strike" (the order's kind in words). */
  order: string;
  /** The engine's reason code ("not_hostile"). */
  code: string;
  /** The sentence after the code: "by the time of the strike nothing hostile …". */
  reason: string;
  /** "Strike order rejected: by the time …" ("Turkey's strike order …" when watching). */
  text: string;
}

const REJECTION = /^Order (rejected|lapsed) \(([^)]*)\): ([\s\S]*)$/;

/** The orders of `actor` (every actor's when '') that the last resolution rejected, with the reason. */
export function rejectedOrders(view: GameState, events: readonly GameEvent[], actor: string): RejectedLine[] {
  const out: RejectedLine[] = [];
  for (const e of events) {
    if (e.kind !== 'order.rejected') continue;
    const who = e.actors[0] ?? '';
    if (actor !== '' && who !== actor) continue;
    const m = REJECTION.exec(e.explain);
    const lapsed = m?.[1] === 'lapsed';
    const code = typeof e.data.code === 'string' ? e.data.code : (m?.[2] ?? '');
    const reason = m?.[3] ?? e.explain;
    const order = capitalise(idWords(typeof e.data.order === 'string' ? e.data.order : 'order'));
    const whose = actor === '' ? `${actorName(view, who)}: ` : '';
    out.push({
      actor: who,
      order,
      code,
      reason,
      text: `${whose}${order} order ${lapsed ? 'lapsed' : 'rejected'}: ${reason}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------- news

export { PHASE_ORDER };

export const PHASE_TITLES: Record<Phase, string> = {
  'turn-start': 'Start of the turn: agreements',
  orders: 'Orders',
  diplomacy: 'Diplomacy',
  movement: 'Movement, convoys and patrols',
  strikes: 'Strikes',
  assaults: 'Ground assaults',
  supply: 'Supply and posts',
  civilians: 'Civilians',
  reports: 'Reports',
  escalation: 'Escalation, tension and markets',
  triggers: 'Scenario events',
  victory: 'Objectives and victory',
};

/** Events folded into a count (with "show all") so the feed stays readable, with their words. */
const ROUTINE_WORDS: Partial<Record<EventKind, string>> = {
  'unit.moved': 'units moving',
  'convoy.moved': 'convoys driving on',
  'civilians.displaced': 'people fleeing',
};
export const ROUTINE_KINDS: ReadonlySet<EventKind> = new Set(Object.keys(ROUTINE_WORDS) as EventKind[]);

/** Up to this many routine events in a phase are shown as they are; more are folded. */
export const ROUTINE_SHOWN = 3;

/** Events that are an actor's own doing (its orders), which a decision record can explain. */
const DECIDED_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'ai.decided',
  'order.rejected',
  'unit.moved',
  'unit.halted',
  'assault.resolved',
  'strike.resolved',
  'convoy.departed',
  'post.evacuated',
  'post.established',
  'checkpoint.set',
  'diplomacy.proposed',
  'diplomacy.answered',
  'diplomacy.call',
  'diplomacy.protest',
  'diplomacy.us_support',
  'patrol.changed',
]);

export interface DataRow {
  label: string;
  value: string;
}

export interface Claim {
  actor: string;
  name: string;
  claimed: number;
  truth: number;
  /** "Russia: claimed 0 killed, in truth 0". */
  text: string;
}

export interface FactorLine {
  factor: string;
  /** The factor id in words: "hold idlib". */
  name: string;
  points: number;
  /** "+700". */
  pointsText: string;
}

export interface CandidateLine {
  rank: number;
  order: string;
  score: number;
  scoreText: string;
  factors: FactorLine[];
}

export interface DecisionModel {
  actor: string;
  actorName: string;
  /** "Why did Russia do that?" */
  question: string;
  /** "Russia (doctrine: russia) weighed 120 possible orders and gave 3." */
  summary: string;
  weighed: number;
  chosen: number;
  /** The best candidates (at most three), best first. */
  top: CandidateLine[];
}

export interface NewsItem {
  /** Unique in the feed: "<turn>:<index in the events>". */
  key: string;
  kind: EventKind;
  phase: Phase;
  /** The acting actor (actors[0], '' when none). */
  actor: string;
  /** The line shown: the explanation (for ai.decided a short line). */
  text: string;
  /** The full explanation. */
  explain: string;
  /** Where it happened ('' when nowhere). */
  place: string;
  /** For a report: its source's name ('' otherwise). */
  source: string;
  /** For a report about a clash: each side's claim beside the truth. */
  claims: Claim[];
  /** The inputs behind it (data) in words. */
  rows: DataRow[];
  routine: boolean;
  /** The acting computer actor's decision record of the turn, when there is one. */
  decision: DecisionModel | null;
}

export interface NewsPhase {
  phase: Phase;
  title: string;
  items: NewsItem[];
  /** Routine items in `items`. */
  routine: number;
  /** "12 routine events (units moving, people fleeing)". */
  routineText: string;
  /** The routine items are folded into their count (with a "show all") when there are many. */
  folded: boolean;
}

export interface NewsModel {
  /** The turn the events belong to (0 before the first). */
  turn: number;
  /** "Turn 2 · 3 Dec 2019: what happened", or "News" before the first turn. */
  heading: string;
  phases: NewsPhase[];
  /** One per computer actor with a record this turn (their ai.decided events are not repeated in the phases). */
  decisions: DecisionModel[];
  /** The scenario's messages of the turn (its triggers' `message`s to the student's side or to all), in order. */
  messages: string[];
  /** "Nothing to report." etc., '' when there are items. */
  emptyText: string;
}

/** A computer actor's decision record in words. */
export function decisionModel(view: GameState, record: DecisionRecord): DecisionModel {
  const name = actorName(view, record.actor);
  return {
    actor: record.actor,
    actorName: name,
    question: `Why did ${name} do that?`,
    summary:
      `${name} (doctrine: ${record.doctrine}) weighed ${plural(record.weighed, 'possible order', 'possible orders')} ` +
      `and gave ${plural(record.chosen, 'order', 'orders')}.`,
    weighed: record.weighed,
    chosen: record.chosen,
    top: record.top.slice(0, 3).map((w, i) => ({
      rank: i + 1,
      order: w.order,
      score: w.score,
      scoreText: `score ${signed(w.score)}`,
      factors: w.factors.map((f) => ({
        factor: f.factor,
        name: idWords(f.factor),
        points: f.points,
        pointsText: signed(f.points),
      })),
    })),
  };
}

/** Data keys in words; the rest are worded by idWords. */
const KEY_WORDS: Record<string, string> = {
  roll: 'roll',
  d10: 'roll (d10)',
  perMille: 'chance (‰)',
  odds: 'odds',
  result: 'result',
  outcome: 'outcome',
  attack: 'attack',
  defence: 'defence',
  attackHundredths: 'attack (hundredths)',
  defenceHundredths: 'defence (hundredths)',
  airSupport: 'air support',
  unsupplied: 'unsupplied (%)',
  fortification: 'fortification (0-3)',
  firepower: 'firepower',
  civiliansKilled: 'civilians killed',
  postHit: 'an observation post was hit',
  postAttacked: 'an observation post was attacked',
  shotDown: 'sorties shot down',
  supplyLost: 'supply days lost',
  damage: 'damage (%)',
  before: 'before',
  after: 'after',
  from: 'from',
  to: 'to',
  aboutTurn: 'about turn',
  aboutKind: 'about',
  delay: 'delay (turns)',
  metres: 'distance (m)',
  via: 'route',
  route: 'route',
  units: 'units',
  notified: 'Russia notified',
};

/** The prefix of a per-actor data key in words ("killed:turkey" → "killed (Turkey)"). */
const PER_ACTOR_KEYS: Record<string, string> = {
  killed: 'killed',
  strengthLost: 'strength lost',
  claimed: 'claimed killed',
  true: 'truly killed',
  tension: 'tension with',
  band: 'band',
  score: 'score',
  text: 'text',
};

function keyWords(view: GameState, key: string): string {
  const colon = key.indexOf(':');
  if (colon > 0) {
    const prefix = key.slice(0, colon);
    const rest = key.slice(colon + 1);
    const who = view.actors[rest] ? actorName(view, rest) : rest;
    return `${PER_ACTOR_KEYS[prefix] ?? idWords(prefix)} (${who})`;
  }
  return KEY_WORDS[key] ?? idWords(key);
}

/** A data value in words: actor and place ids by name, numbers grouped, yes and no. */
function valueWords(view: GameState, key: string, value: string | number | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  if (value === '') return '—';
  if (key === 'units')
    return value
      .split(' ')
      .map((id) => view.units[id]?.name ?? id)
      .join(', ');
  if (key === 'via' || key === 'route')
    return value
      .split(' ')
      .map((id) => placeName(view, id))
      .join(' – ');
  if (view.actors[value]) return actorName(view, value);
  if (view.locations[value]) return placeName(view, value);
  if (view.units[value]) return view.units[value]!.name;
  if (view.posts[value]) return view.posts[value]!.name;
  if (view.reporting[value]) return view.reporting[value]!.name;
  // A code such as "defender_routed" or "us_statement" in words; a sentence stays as it is.
  if (/^[a-z]+(_[a-z0-9]+)+$/.test(value)) return idWords(value);
  return value;
}

/** The event's data as rows in words, in the order the event gives them. */
export function dataRows(view: GameState, event: GameEvent): DataRow[] {
  return Object.entries(event.data).map(([key, value]) => ({
    label: keyWords(view, key),
    value: valueWords(view, key, value),
  }));
}

/** Each side's claim beside the truth in a report (`claimed:<actor>` and `true:<actor>`). */
export function reportClaims(view: GameState, event: GameEvent): Claim[] {
  const out: Claim[] = [];
  for (const key of Object.keys(event.data).sort()) {
    if (!key.startsWith('claimed:')) continue;
    const actor = key.slice('claimed:'.length);
    const claimed = event.data[key];
    const truth = event.data[`true:${actor}`];
    if (typeof claimed !== 'number') continue;
    const t = typeof truth === 'number' ? truth : 0;
    const name = actorName(view, actor);
    out.push({
      actor,
      name,
      claimed,
      truth: t,
      text: `${name}: claimed ${formatNumber(claimed)} killed, in truth ${formatNumber(t)}`,
    });
  }
  return out;
}

function reportSource(view: GameState, event: GameEvent): string {
  const id = event.data.source;
  if (typeof id !== 'string') return '';
  return view.reporting[id]?.name ?? id;
}

/**
 * The news feed of the last resolved turn: its events (`order.rejected` left out: see
 * rejectedOrders) grouped by phase in phase order, each with its explanation, inputs in words,
 * a report's source and claims, and the decision record of the computer actor behind it.
 */
export function newsModel(
  view: GameState,
  events: readonly GameEvent[],
  decisions: readonly DecisionRecord[],
  computerActors: readonly string[],
): NewsModel {
  const records = new Map<string, DecisionModel>();
  for (const record of decisions) {
    if (computerActors.includes(record.actor)) records.set(record.actor, decisionModel(view, record));
  }
  const turn = events[0]?.turn ?? (view.log.length > 0 ? view.log[view.log.length - 1]!.turn : 0);
  const heading =
    turn > 0 ? `Turn ${turn} · ${formatLongDate(dayOfTurn(view.calendar, turn))}: what happened` : 'News';

  const byPhase = new Map<Phase, NewsItem[]>();
  events.forEach((e, index) => {
    if (e.kind === 'order.rejected') return;
    const actor = e.actors[0] ?? '';
    // A computer actor's decision is listed once, from its record (`decisions`), above the phases.
    if (e.kind === 'ai.decided' && records.has(actor)) return;
    const decision = DECIDED_KINDS.has(e.kind) ? (records.get(actor) ?? null) : null;
    const text =
      e.kind === 'ai.decided'
        ? `${actorName(view, actor)} weighed ${plural(Number(e.data.weighed) || 0, 'possible order', 'possible orders')} and gave ${plural(Number(e.data.chosen) || 0, 'order', 'orders')}.`
        : e.explain;
    const item: NewsItem = {
      key: `${e.turn}:${index}`,
      kind: e.kind,
      phase: e.phase,
      actor,
      text,
      explain: e.explain,
      place: e.location === '' ? '' : placeName(view, e.location),
      source: e.kind === 'report.published' ? reportSource(view, e) : '',
      claims: e.kind === 'report.published' ? reportClaims(view, e) : [],
      rows: dataRows(view, e),
      routine: ROUTINE_KINDS.has(e.kind),
      decision,
    };
    const list = byPhase.get(e.phase);
    if (list) list.push(item);
    else byPhase.set(e.phase, [item]);
  });

  const phases: NewsPhase[] = [];
  const known = new Set<Phase>(PHASE_ORDER);
  const order = [...PHASE_ORDER, ...[...byPhase.keys()].filter((p) => !known.has(p))];
  for (const phase of order) {
    const items = byPhase.get(phase);
    if (!items || items.length === 0) continue;
    const routineItems = items.filter((i) => i.routine);
    const routine = routineItems.length;
    const words = [...new Set(routineItems.map((i) => ROUTINE_WORDS[i.kind] ?? idWords(i.kind)))];
    phases.push({
      phase,
      title: PHASE_TITLES[phase] ?? capitalise(idWords(phase)),
      items,
      routine,
      routineText: `${plural(routine, 'routine event', 'routine events')} (${words.join(', ')})`,
      folded: routine > ROUTINE_SHOWN,
    });
  }
  return {
    turn,
    heading,
    phases,
    decisions: [...records.values()].sort((a, b) => (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0)),
    messages: events.filter((e) => e.kind === 'trigger.message').map((e) => e.explain),
    emptyText:
      phases.length > 0 || records.size > 0
        ? ''
        : turn > 0
          ? 'Nothing to report from the last turn.'
          : 'Nothing has happened yet: give your orders and end the turn.',
  };
}
