// What the after-action review shows, worked out from a finished game (pure: no DOM, tested in
// Node). `reviewModel` reads the scenario and every state of the game (states[0] the start,
// states[i] the state after turn i; full states, not views: the review shows everything) and
// returns plain data: the outcome per actor and why, the meters over the turns as chart specs,
// the notable events turn by turn (beside history when it is given), and each reporting source's
// claims set against the facts. `review.ts` only turns this into DOM.
//
// Scoring is the engine's: the bands come from `state.outcome`, an objective counts as met when
// `checkVictory` (src/engine/rules/victory.ts) recorded it in `victory.achieved`, and an `end`
// objective of an unfinished game is judged with the engine's `evalCondition`.
import {
  actorName,
  dayOfTurn,
  evalCondition,
  formatLongDate,
  parseIsoDate,
  placeName,
  textIn,
  turnOfDay,
  type Band,
  type Calendar,
  type EventKind,
  type GameEvent,
  type GameState,
  type Outcome,
  type PostStatus,
} from '../engine/index.ts';
import { CLASH_KINDS } from '../engine/rules/diplomacy.ts';
import { bandFor, objectiveOpen } from '../engine/rules/victory.ts';
import { OKABE_ITO, actorColours, colourOf } from '../game/palette.ts';
import { matchHistory, type HistoryReport, type Scenario } from '../scenario/index.ts';
import type { ChartSeries, LineChartSpec } from './charts.ts';

export interface HistoricalEvent {
  /** YYYY-MM-DD. */
  date: string;
  what: string;
  source?: string;
  /** The source's address. */
  url?: string;
  /** Whether and when this game produced it ("In this game: Turn 12 · 3 Feb 2020"). */
  inGame?: string;
}

export interface ObjectiveRow {
  id: string;
  text: string;
  points: number;
  when: 'end' | 'once';
  /** met: scored; failed: a trigger declared it failed; missed: the game ended without it; open: the game goes on. */
  status: 'met' | 'failed' | 'missed' | 'open';
  /** The turn it was scored or declared failed (null otherwise). */
  turn: number | null;
  /** For an open `end` objective: whether its condition holds in the last state. */
  holdsNow: boolean | null;
  /** The status in words ("Met on turn 30 (29 Jan 2020)", "Did not hold at the end" …). */
  statusText: string;
}

export interface ActorOutcome {
  id: string;
  name: string;
  colour: string;
  /** The actor the student played. */
  student: boolean;
  /** Null while the game is not over. */
  band: Band | null;
  /** "Decisive victory", "Marginal victory", "Draw", "Defeat", or "Not finished". */
  bandText: string;
  score: number;
  /** Why it got this band, in a sentence. */
  why: string;
  objectives: ObjectiveRow[];
}

export interface TimelineItem {
  kind: EventKind;
  /** A short heading for the kind ("Control", "Post", "Convoy" …). */
  category: string;
  text: string;
}

export interface TimelineRow {
  /** The turn (0: history before turn 1; calendar.turns + 1: history after the last turn). */
  turn: number;
  /** "Turn 4 · 7 Dec 2019", "Before the game", "After the last turn". */
  label: string;
  game: TimelineItem[];
  history: { dateText: string; what: string; source: string; url: string; inGame: string }[];
}

export interface ClaimRow {
  /** The turn the report was published. */
  turn: number;
  /** "Turn 11 · 21 Dec 2019". */
  publishedText: string;
  /** The turn of the clash it is about. */
  aboutTurn: number;
  /** "Air strike on Ma'arrat al-Nu'man (turn 10)". */
  about: string;
  /** Turns between the clash and the report. */
  delay: number;
  /** Per actor the report speaks of: killed as claimed and as it happened. */
  actors: { id: string; name: string; claimed: number; truth: number }[];
  /** The report in the source's words with the truth beside it (the event's explanation). */
  text: string;
}

export interface SourceSummary {
  reports: number;
  /** Clashes of the game this source never reported (denied). */
  denied: number;
  /** Reports still waiting for the source's delay when the game ended. */
  pending: number;
  /** All clashes of the game (so denied + reported + pending ≤ clashes). */
  clashes: number;
  /** Killed summed over the reports, per actor: claimed against true. */
  perActor: { id: string; name: string; claimed: number; truth: number }[];
  claimedTotal: number;
  trueTotal: number;
  /** (claimed − true) / true in per cent, rounded; null when nothing true was reported. */
  inflationPct: number | null;
  /** Mean delay of its reports in turns, to one decimal. */
  averageDelay: number;
  /** The summary in a sentence. */
  text: string;
}

export interface SourceClaims {
  id: string;
  name: string;
  rows: ClaimRow[];
  summary: SourceSummary;
}

export interface ChartModel {
  id: string;
  spec: LineChartSpec;
  /** What the chart shows, one sentence under its title. */
  caption: string;
}

export interface ReviewModel {
  title: string;
  /** "Seed 1 · 1 December 2019 - 21 March 2020 · finished after turn 56 of 56". */
  subtitle: string;
  over: boolean;
  /** The actor the student played ('' when not given). */
  student: string;
  outcome: {
    reason: Outcome['reason'] | null;
    /** Why the game ended, in a sentence. */
    reasonText: string;
    /** The engine's summary (state.outcome.summary). */
    summary: string;
    /** "Bands: decisive at 70 points or more, …". */
    bandsText: string;
    turn: number;
  };
  /** Scenario order, the student's actor first. */
  actors: ActorOutcome[];
  charts: ChartModel[];
  /** Rows in turn order: every turn with a notable event or a historical event. */
  timeline: TimelineRow[];
  /** True when historical events were given (the timeline then has two columns). */
  hasHistory: boolean;
  /** Historical events whose date could not be read. */
  undatedHistory: HistoricalEvent[];
  /** How many of the scenario's historical events this game reproduced (empty when it lists none). */
  historySummary: string;
  /** One per reporting source, in id order. */
  sources: SourceClaims[];
}

// ---------------------------------------------------------------- words

export const BAND_WORDS: Record<Band, string> = {
  decisive: 'Decisive victory',
  marginal: 'Marginal victory',
  draw: 'Draw',
  defeat: 'Defeat',
};

const POST_STATUSES: readonly [PostStatus, string, string][] = [
  ['supplied', 'Supplied', OKABE_ITO.bluishGreen],
  ['cut_off', 'Cut off', OKABE_ITO.orange],
  ['encircled', 'Encircled', OKABE_ITO.vermillion],
  ['evacuated', 'Evacuated', OKABE_ITO.skyBlue],
  ['overrun', 'Overrun', OKABE_ITO.black],
];

/** Colours for series that are not actors (yellow left out: it is too pale for a line on white). */
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.orange,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
];

/** The kinds of event the timeline shows, with their heading. */
export const TIMELINE_KINDS: Partial<Record<EventKind, string>> = {
  'control.changed': 'Control',
  'post.status_changed': 'Post',
  'post.evacuated': 'Post',
  'post.established': 'Post',
  'convoy.arrived': 'Convoy',
  'convoy.interdicted': 'Convoy',
  'highway.opened': 'Highway',
  'highway.closed': 'Highway',
  'agreement.changed': 'Agreement',
  'escalation.changed': 'Escalation',
  'escalation.consequence': 'Escalation',
  'trigger.message': 'Message',
  'objective.achieved': 'Objective',
  'objective.failed': 'Objective',
  'scenario.ended': 'End',
};

const REASON_WORDS: Record<Outcome['reason'], string> = {
  'turn-limit': 'Time ran out: the scenario ended after its last turn.',
  'sudden-death': 'Sudden death: one of the scenario’s sudden-death conditions ended the game at once.',
  trigger: 'A scenario event ended the game.',
};

function dateText(calendar: Calendar, turn: number): string {
  return formatLongDate(dayOfTurn(calendar, Math.max(1, turn)));
}

/** "Turn 4 · 7 Dec 2019"; turn 0 is "Start · 1 Dec 2019". */
export function turnLabel(calendar: Calendar, turn: number): string {
  return `${turn <= 0 ? 'Start' : `Turn ${turn}`} · ${dateText(calendar, turn)}`;
}

/** The date the replay viewer shows for a turn (turn 0, the start, shows the first day). */
export function replayDate(calendar: Calendar, turn: number): string {
  return dateText(calendar, turn);
}

/** The replay controls' line: "Turn 4 of 56 · 7 Dec 2019"; turn 0 is "Start · …"; no date when ''. */
export function replayTurnText(turn: number, turns: number, date: string): string {
  const head = turn <= 0 ? 'Start' : `Turn ${turn} of ${turns}`;
  return date === '' ? head : `${head} · ${date}`;
}

/** "+25" / "-10". */
function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}

/** A mean to one decimal (display only). */
function mean1(total: number, count: number): number {
  return count === 0 ? 0 : Math.round((total * 10) / count) / 10;
}

// ---------------------------------------------------------------- outcome

function objectiveRows(final: GameState, actor: string): ObjectiveRow[] {
  const v = final.victory;
  const cal = final.calendar;
  return v.objectives
    .filter((o) => o.actor === actor)
    .map((o): ObjectiveRow => {
      const base = { id: o.id, text: textIn(o.text), points: o.points, when: o.when };
      const achieved = v.achieved[o.id];
      if (achieved !== undefined) {
        const statusText =
          o.when === 'end' && final.outcome && achieved === final.outcome.turn
            ? 'Held at the end'
            : `Met on turn ${achieved} (${dateText(cal, achieved)})`;
        return { ...base, status: 'met', turn: achieved, holdsNow: null, statusText };
      }
      const failed = v.failed[o.id];
      if (failed !== undefined)
        return {
          ...base,
          status: 'failed',
          turn: failed,
          holdsNow: null,
          statusText: `Failed on turn ${failed} (${dateText(cal, failed)}): a scenario event ruled it out`,
        };
      if (final.over || !objectiveOpen(v, o.id))
        return {
          ...base,
          status: 'missed',
          turn: null,
          holdsNow: null,
          statusText: o.when === 'end' ? 'Did not hold at the end' : 'Never achieved',
        };
      const holdsNow = o.when === 'end' ? evalCondition(final, o.condition) : null;
      return {
        ...base,
        status: 'open',
        turn: null,
        holdsNow,
        statusText:
          o.when === 'end'
            ? holdsNow
              ? 'Holds now (scored if it still holds at the end)'
              : 'Does not hold now (scored if it holds at the end)'
            : 'Not achieved yet',
      };
    });
}

/** Why an actor got its band: the ending's ruling, or its score against the thresholds. */
function whyBand(final: GameState, actor: string, band: Band, score: number): string {
  const b = final.victory.bands;
  const fromScore = bandFor(b, score);
  const pts = `${score} point${score === 1 ? '' : 's'}`;
  if (band !== fromScore) {
    if (band === 'defeat') return `${pts}, but the ending made every side lose.`;
    return `${pts}, but the ending gave ${actorName(final, actor)} the win outright.`;
  }
  switch (band) {
    case 'decisive':
      return `${pts}: at least ${b.decisive} for a decisive victory.`;
    case 'marginal':
      return `${pts}: at least ${b.marginal} for a marginal victory (${b.decisive} for decisive).`;
    case 'draw':
      return `${pts}: at least ${b.draw} for a draw (${b.marginal} for a marginal victory).`;
    default:
      return `${pts}: below the ${b.draw} needed for a draw.`;
  }
}

function actorOutcomes(scenario: Scenario, final: GameState, student: string): ActorOutcome[] {
  const colours = actorColours(scenario);
  const out = scenario.data.actors
    .filter((a) => final.actors[a.id] !== undefined)
    .map((a): ActorOutcome => {
      const banded = final.outcome?.bands[a.id];
      const score = banded?.score ?? final.victory.scores[a.id] ?? 0;
      return {
        id: a.id,
        name: actorName(final, a.id),
        colour: colourOf(colours, a.id),
        student: a.id === student,
        band: banded?.band ?? null,
        bandText: banded ? BAND_WORDS[banded.band] : 'Not finished',
        score,
        why: banded
          ? whyBand(final, a.id, banded.band, score)
          : `${score} point${score === 1 ? '' : 's'} so far; the game is not over.`,
        objectives: objectiveRows(final, a.id),
      };
    });
  // The student's actor first; the rest keep the scenario's order.
  return [...out.filter((a) => a.student), ...out.filter((a) => !a.student)];
}

// ---------------------------------------------------------------- charts

function series(name: string, colour: string, values: number[]): ChartSeries {
  return { name, colour, values };
}

function charts(scenario: Scenario, states: readonly GameState[]): ChartModel[] {
  const first = states[0]!;
  const final = states[states.length - 1]!;
  const cal = final.calendar;
  const colours = actorColours(scenario);
  const xTicks = states.map((_, i) =>
    i === 0 ? 'Start' : formatLongDate(dayOfTurn(cal, i)).replace(/ \d{4}$/, ''),
  );
  const rowLabels = states.map((_, i) => turnLabel(cal, i));
  const meter = (pick: (s: GameState) => number): number[] => states.map(pick);
  const base = { xLabel: 'Date (one point per turn)', xTicks, rowLabels };
  const single = (
    id: string,
    title: string,
    yLabel: string,
    values: number[],
    caption: string,
    yDomain: number[] = [],
  ): ChartModel => ({
    id,
    caption,
    spec: { ...base, title, yLabel, yDomain, series: [series(title, OKABE_ITO.blue, values)] },
  });

  const actorIds = scenario.data.actors.map((a) => a.id).filter((id) => final.actors[id] !== undefined);

  // Tension: one line per pair, in the order of `state.relations` (pairs sorted by id).
  const pairs = final.relations.map((r) => [r.a, r.b] as const);
  const tension = pairs.map(([a, b], i) =>
    series(
      `${actorName(final, a)} – ${actorName(final, b)}`,
      SERIES_COLOURS[i % SERIES_COLOURS.length]!,
      states.map((s) => s.relations.find((r) => r.a === a && r.b === b)?.tension ?? 0),
    ),
  );

  return [
    single(
      'escalation',
      'Escalation',
      'Rung (0–5)',
      meter((s) => s.meters.escalation),
      'The escalation ladder: 0 calm, 1 skirmishes, 2 shelling, 3 offensive, 4 direct Turkish–Syrian clashes, 5 Turkey–Russia crisis.',
      [0, 5],
    ),
    single(
      'displaced',
      'Displaced people',
      'People',
      meter((s) => s.meters.displaced),
      'People who fled towards the camps on the border.',
    ),
    single(
      'civilian-dead',
      'Civilians killed',
      'People',
      meter((s) => s.meters.civilianDead),
      'Civilians killed since the start.',
    ),
    single(
      'domestic-pressure',
      'Turkish domestic pressure',
      'Pressure (0–100)',
      meter((s) => s.meters.turkishDomesticPressure),
      'How hard opinion at home presses the Turkish government.',
      [0, 100],
    ),
    single(
      'market',
      'Market index',
      'Index (100 at the start)',
      meter((s) => s.meters.marketIndex),
      'The lira and Turkish bonds, 100 at the start.',
      [0, 100],
    ),
    {
      id: 'tension',
      caption: 'Tension between each pair of actors, 0 (none) to 100.',
      spec: {
        ...base,
        title: 'Tension between the actors',
        yLabel: 'Tension (0–100)',
        yDomain: [0, 100],
        series: tension,
      },
    },
    {
      id: 'losses',
      caption: 'Soldiers each actor lost since the start.',
      spec: {
        ...base,
        title: 'Soldiers lost',
        yLabel: 'Soldiers killed',
        series: actorIds.map((a) =>
          series(
            actorName(final, a),
            colourOf(colours, a),
            states.map((s) => s.meters.losses[a] ?? 0),
          ),
        ),
      },
    },
    {
      id: 'posts',
      caption: 'Observation posts by status at the end of each turn.',
      spec: {
        ...base,
        title: 'Observation posts by status',
        yLabel: 'Posts',
        yDomain: [0, Object.keys(first.posts).length],
        series: POST_STATUSES.map(([status, words, colour]) =>
          series(
            words,
            colour,
            states.map((s) => Object.values(s.posts).filter((p) => p.status === status).length),
          ),
        ),
      },
    },
    {
      id: 'scores',
      caption: 'Points each actor had scored from its objectives.',
      spec: {
        ...base,
        title: 'Points scored',
        yLabel: 'Points',
        series: actorIds.map((a) =>
          series(
            actorName(final, a),
            colourOf(colours, a),
            states.map((s) => s.victory.scores[a] ?? 0),
          ),
        ),
      },
    },
  ];
}

// ---------------------------------------------------------------- timeline

/** The game's events, every turn played, from the last state's log (it holds every turn's entry). */
function loggedTurns(states: readonly GameState[]): { turn: number; events: readonly GameEvent[] }[] {
  const final = states[states.length - 1]!;
  const played = states.length - 1;
  return final.log.filter((entry) => entry.turn >= 1 && entry.turn <= played);
}

function timelineText(e: GameEvent): string {
  if (e.kind === 'scenario.ended') {
    const reason = e.data.reason;
    return reason === 'turn-limit'
      ? 'The scenario ends: time is up.'
      : reason === 'sudden-death'
        ? 'The scenario ends in sudden death.'
        : 'The scenario ends on a scenario event.';
  }
  return e.explain;
}

function timeline(
  states: readonly GameState[],
  history: readonly HistoricalEvent[],
): { rows: TimelineRow[]; undated: HistoricalEvent[] } {
  const final = states[states.length - 1]!;
  const cal = final.calendar;
  const rows = new Map<number, TimelineRow>();
  const row = (turn: number): TimelineRow => {
    let r = rows.get(turn);
    if (!r) {
      const label =
        turn <= 0 ? 'Before the game' : turn > cal.turns ? 'After the last turn' : turnLabel(cal, turn);
      r = { turn, label, game: [], history: [] };
      rows.set(turn, r);
    }
    return r;
  };
  for (const entry of loggedTurns(states)) {
    for (const e of entry.events) {
      const category = TIMELINE_KINDS[e.kind];
      if (category === undefined) continue;
      row(entry.turn).game.push({ kind: e.kind, category, text: timelineText(e) });
    }
  }
  const undated: HistoricalEvent[] = [];
  const dated: { h: HistoricalEvent; day: number }[] = [];
  for (const h of history) {
    const day = parseIsoDate(h.date);
    if (day === null) undated.push(h);
    else dated.push({ h, day });
  }
  // Stable sort: events of one day keep the order they were given in.
  dated.sort((p, q) => p.day - q.day);
  for (const { h, day } of dated) {
    const turn = Math.min(cal.turns + 1, Math.max(0, turnOfDay(cal, day)));
    row(turn).history.push({
      dateText: formatLongDate(day),
      what: h.what,
      source: h.source ?? '',
      url: h.url ?? '',
      inGame: h.inGame ?? '',
    });
  }
  return { rows: [...rows.values()].sort((p, q) => p.turn - q.turn), undated };
}

/** The scenario's history, each event with whether and when this game produced it. */
function scenarioHistory(
  report: HistoryReport,
  cal: GameState['calendar'],
  over: boolean,
): HistoricalEvent[] {
  return report.events.map((e) => {
    let inGame: string;
    if (e.turn === null) inGame = over ? 'Not in this game.' : 'Not in this game so far.';
    else
      inGame = `In this game: ${turnLabel(cal, e.turn)}${e.matched ? '' : ', more than a turn from its date'}.`;
    return { date: e.date, what: e.what, source: e.source, ...(e.url ? { url: e.url } : {}), inGame };
  });
}

// ---------------------------------------------------------------- claims and facts

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** "Air strike on Idlib", from the event the report is about (or the report's own data). */
function aboutWords(final: GameState, report: GameEvent, about: GameEvent | undefined): string {
  const kind = about?.kind ?? String(report.data.aboutKind ?? '');
  const where = report.location !== '' ? placeName(final, report.location) : '';
  const at =
    where === ''
      ? ''
      : ` ${kind === 'assault.resolved' ? 'at' : kind === 'strike.resolved' ? 'on' : 'near'} ${where}`;
  switch (kind) {
    case 'strike.resolved': {
      const means = about?.data.means;
      return (means === 'air' ? 'Air strike' : means === 'drone' ? 'Drone strike' : 'Artillery fire') + at;
    }
    case 'assault.resolved':
      return `Fighting${at}`;
    case 'convoy.interdicted':
      return `Attack on a convoy${at}`;
    case 'patrol.attacked':
      return `Attack on a joint patrol${at}`;
    default:
      return `A clash${at}`;
  }
}

function claims(states: readonly GameState[]): SourceClaims[] {
  const final = states[states.length - 1]!;
  const cal = final.calendar;
  const turns = loggedTurns(states);
  const byTurn = new Map(turns.map((t) => [t.turn, t.events]));
  let clashes = 0;
  for (const t of turns) for (const e of t.events) if (CLASH_KINDS.includes(e.kind)) clashes += 1;

  const ids = Object.keys(final.reporting).sort();
  return ids.map((sid): SourceClaims => {
    const name = final.reporting[sid]!.name;
    const rows: ClaimRow[] = [];
    const covered = new Set<string>();
    for (const t of turns) {
      for (const e of t.events) {
        if (e.kind !== 'report.published' || e.data.source !== sid) continue;
        const aboutTurn = num(e.data.aboutTurn);
        const aboutIndex = num(e.data.aboutIndex);
        covered.add(`${aboutTurn}:${aboutIndex}`);
        const about = byTurn.get(aboutTurn)?.[aboutIndex];
        const actors = Object.keys(e.data)
          .filter((k) => k.startsWith('claimed:'))
          .map((k) => k.slice('claimed:'.length))
          .sort()
          .map((a) => ({
            id: a,
            name: actorName(final, a),
            claimed: num(e.data[`claimed:${a}`]),
            truth: num(e.data[`true:${a}`]),
          }));
        rows.push({
          turn: t.turn,
          publishedText: turnLabel(cal, t.turn),
          aboutTurn,
          about: `${aboutWords(final, e, about)} (turn ${aboutTurn})`,
          delay: num(e.data.delay),
          actors,
          text: e.explain,
        });
      }
    }
    const pending = final.pendingReports.filter((r) => r.source === sid).length;
    const totals = new Map<string, { claimed: number; truth: number }>();
    for (const r of rows)
      for (const a of r.actors) {
        const t = totals.get(a.id) ?? { claimed: 0, truth: 0 };
        t.claimed += a.claimed;
        t.truth += a.truth;
        totals.set(a.id, t);
      }
    const perActor = [...totals.keys()]
      .sort()
      .map((a) => ({ id: a, name: actorName(final, a), ...totals.get(a)! }))
      .filter((a) => a.claimed > 0 || a.truth > 0);
    const claimedTotal = perActor.reduce((n, a) => n + a.claimed, 0);
    const trueTotal = perActor.reduce((n, a) => n + a.truth, 0);
    const inflationPct = trueTotal === 0 ? null : Math.round(((claimedTotal - trueTotal) * 100) / trueTotal);
    const averageDelay = mean1(
      rows.reduce((n, r) => n + r.delay, 0),
      rows.length,
    );
    const denied = Math.max(0, clashes - covered.size - pending);
    const summary: SourceSummary = {
      reports: rows.length,
      denied,
      pending,
      clashes,
      perActor,
      claimedTotal,
      trueTotal,
      inflationPct,
      averageDelay,
      text: sourceSentence(
        rows.length,
        clashes,
        denied,
        pending,
        claimedTotal,
        trueTotal,
        inflationPct,
        averageDelay,
      ),
    };
    return { id: sid, name, rows, summary };
  });
}

function sourceSentence(
  reports: number,
  clashes: number,
  denied: number,
  pending: number,
  claimed: number,
  truth: number,
  inflationPct: number | null,
  averageDelay: number,
): string {
  const parts = [
    `Reported ${reports} of ${clashes} clash${clashes === 1 ? '' : 'es'}`,
    `kept silent on ${denied}`,
  ];
  if (pending > 0) parts.push(`${pending} still to come when the game ended`);
  const head = parts.join(', ') + '.';
  const killed =
    inflationPct === null
      ? claimed > 0
        ? ` Claimed ${claimed} killed where none were.`
        : ''
      : ` Claimed ${claimed} killed where ${truth} were: ${inflationPct === 0 ? 'exact' : `${signed(inflationPct)} %`}.`;
  const late = reports === 0 ? '' : ` Average delay ${averageDelay} turn${averageDelay === 1 ? '' : 's'}.`;
  return head + killed + late;
}

// ---------------------------------------------------------------- the model

/** states[0] is the start, states[i] the state after turn i (full states, not views: the review shows all). */
export function reviewModel(
  scenario: Scenario,
  states: readonly GameState[],
  options: { student?: string; history?: readonly HistoricalEvent[] } = {},
): ReviewModel {
  if (states.length === 0) throw new Error('reviewModel: no states');
  const final = states[states.length - 1]!;
  const cal = final.calendar;
  const student = options.student ?? '';
  const played = states.length - 1;
  const period = scenario.data.period === undefined ? '' : textIn(scenario.data.period);
  const progress = final.over
    ? `finished after turn ${final.outcome?.turn ?? played} of ${cal.turns}`
    : `stopped after turn ${played} of ${cal.turns}`;
  const b = final.victory.bands;
  const matched = options.history ? null : matchHistory(scenario.data.history, states);
  const history = options.history ?? (matched ? scenarioHistory(matched, cal, final.over) : []);
  const tl = timeline(states, history);
  return {
    title: textIn(scenario.data.title),
    subtitle: [`Seed ${states[0]!.rng.seed}`, period, progress].filter((p) => p !== '').join(' · '),
    over: final.over,
    student,
    outcome: {
      reason: final.outcome?.reason ?? null,
      reasonText: final.outcome
        ? `${REASON_WORDS[final.outcome.reason]} Last turn played: ${turnLabel(cal, final.outcome.turn)}.`
        : `The game is not over: ${played} of ${cal.turns} turns played.`,
      summary: final.outcome?.summary ?? '',
      bandsText: `Bands: decisive victory at ${b.decisive} points or more, marginal victory at ${b.marginal}, draw at ${b.draw}, defeat below.`,
      turn: final.outcome?.turn ?? played,
    },
    actors: actorOutcomes(scenario, final, student),
    charts: charts(scenario, states),
    timeline: tl.rows,
    hasHistory: history.length > 0,
    undatedHistory: tl.undated,
    historySummary:
      matched && matched.total > 0
        ? `This game produced ${matched.matched} of the ${matched.total} historical events within a turn of their date${final.over ? '' : ' so far'}.`
        : '',
    sources: claims(states),
  };
}
