// Victory: objectives per actor with points, outcome bands, and sudden-death conditions, all
// written as data (`state.victory`, conditions in the language of conditions.ts).
//
// Every turn, as the last step of resolution:
//   1. `once` objectives whose condition holds for the first time are scored: the turn goes into
//      `achieved[id]`, the points into the actor's score, and an `objective.achieved` event says so.
//   2. Sudden death: if a sudden-death condition holds, the game ends now. Conditions whose result
//      is `all_lose` are checked first (the top of the ladder beats any win), then the others, each
//      group by id; the first that holds decides. `all_lose`: every actor's band is `defeat`.
//      Otherwise the named actor's band is `decisive` and every other actor's comes from its score.
//   3. A trigger's end_scenario (`victory.ending`, set earlier this turn) ends the game now:
//      result `all_lose` → every actor's band is `defeat`; an actor id → that actor's band is
//      `decisive` and every other actor's comes from its score; `score` → every band from the
//      scores. (Sudden death is checked first: when both happen on one turn, sudden death decides.)
//   4. After the last turn (turn = calendar.turns) the game ends on the turn limit.
// An objective a trigger declared failed (`failed[id]`) is never scored, and one a trigger
// declared achieved is scored by the trigger (rules/triggers.ts) through `scoreObjective` below.
// Whenever the game ends (turn limit, sudden death or trigger), the `end` objectives that hold are
// scored first, then each actor's band comes from its score: at or above `bands.decisive` → decisive,
// at or above `bands.marginal` → marginal, at or above `bands.draw` → draw, below → defeat. Actors
// with no objectives score 0 and are banded like any other. The `scenario.ended` event lists each
// actor's band and score and the objectives that counted.
import { dateOfTurn } from '../calendar.ts';
import { evalCondition } from '../conditions.ts';
import type { EventSink } from '../events.ts';
import { textIn } from '../text.ts';
import type { Band, GameState, Objective, Outcome, PostStatus, SuddenDeath, Victory } from '../types.ts';
import { actorName, sortedIds } from '../world.ts';

const POST_WORDS: [PostStatus, string][] = [
  ['supplied', 'supplied'],
  ['cut_off', 'cut off'],
  ['encircled', 'encircled'],
  ['evacuated', 'evacuated'],
  ['overrun', 'overrun'],
];

/** Where things stand, in words: observation posts by status, and places held per actor. */
export function standing(state: GameState): string {
  const posts: Record<PostStatus, number> = {
    supplied: 0,
    cut_off: 0,
    encircled: 0,
    evacuated: 0,
    overrun: 0,
  };
  for (const id of sortedIds(state.posts)) posts[state.posts[id]!.status] += 1;
  const held: Record<string, number> = {};
  for (const id of sortedIds(state.locations)) {
    const loc = state.locations[id]!;
    if (loc.kind !== 'post' && loc.controller !== '') held[loc.controller] = (held[loc.controller] ?? 0) + 1;
  }
  const holders = sortedIds(held)
    .map((a) => `${actorName(state, a)} ${held[a]}`)
    .join(', ');
  const postWords = POST_WORDS.map(([status, words]) => `${posts[status]} ${words}`).join(', ');
  return `posts: ${postWords}; places held: ${holders === '' ? 'none' : holders}`;
}

/** The band a score reaches under the scenario's thresholds. */
export function bandFor(bands: Victory['bands'], score: number): Band {
  if (score >= bands.decisive) return 'decisive';
  if (score >= bands.marginal) return 'marginal';
  if (score >= bands.draw) return 'draw';
  return 'defeat';
}

function byId<T extends { id: string }>(list: readonly T[]): T[] {
  return [...list].sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
}

/** Sudden-death rules in the order they are checked: `all_lose` first, then the rest, each by id. */
function suddenDeathOrder(list: readonly SuddenDeath[]): SuddenDeath[] {
  const sorted = byId(list);
  return [...sorted.filter((d) => d.result === 'all_lose'), ...sorted.filter((d) => d.result !== 'all_lose')];
}

/** A shallow view of `base` with this step's scores: conditions on `{ score }` see the points just won. */
function withVictory(base: GameState, victory: GameState['victory']): GameState {
  return { ...base, victory };
}

/** Whether an objective can still score: not scored yet and not declared failed by a trigger. */
export function objectiveOpen(victory: Pick<Victory, 'achieved' | 'failed'>, id: string): boolean {
  return victory.achieved[id] === undefined && victory.failed[id] === undefined;
}

/**
 * Scores `objective` in `state` (a draft: the points into the actor's score, the turn into
 * `achieved`) and reports it with an `objective.achieved` event. `why` says how it came to be
 * scored; `extra` is added to the event's data. Returns the actor's new score.
 */
export function scoreObjective(
  state: GameState,
  objective: Objective,
  turn: number,
  sink: EventSink,
  why: string,
  extra: Record<string, string | number | boolean> = {},
): number {
  const total = (state.victory.scores[objective.actor] ?? 0) + objective.points;
  state.victory.scores[objective.actor] = total;
  state.victory.achieved[objective.id] = turn;
  const sign = objective.points >= 0 ? '+' : '';
  sink.emit(
    'objective.achieved',
    objective.actor,
    '',
    () =>
      `${actorName(state, objective.actor)} achieves the objective "${textIn(objective.text)}" (${why}): ` +
      `${sign}${objective.points} points, score now ${total}.`,
    {
      objective: objective.id,
      actor: objective.actor,
      points: objective.points,
      score: total,
      when: objective.when,
      ...extra,
    },
  );
  return total;
}

/**
 * Scores `objective` (reading nothing, writing `state`) and reports it. `victory` is the plain
 * copy this step keeps in step with the draft.
 */
function score(
  state: GameState,
  victory: Victory,
  objective: Objective,
  turn: number,
  sink: EventSink,
): void {
  const total = scoreObjective(
    state,
    objective,
    turn,
    sink,
    objective.when === 'once' ? 'scored the turn it first holds' : 'scored because it holds at the end',
  );
  victory.scores[objective.actor] = total;
  victory.achieved[objective.id] = turn;
}

/**
 * The victory check. Reads `before` (the plain state as the step began), writes `state` (the
 * draft). Conditions are evaluated on `before` with the scores as this step has updated them.
 */
export function checkVictory(state: GameState, before: GameState, sink: EventSink): void {
  if (before.over) return;
  const turn = before.turn;
  const victory: Victory = {
    ...before.victory,
    scores: { ...before.victory.scores },
    achieved: { ...before.victory.achieved },
  };

  // 1. Objectives scored the first turn they hold.
  for (const objective of byId(before.victory.objectives)) {
    if (objective.when !== 'once' || !objectiveOpen(victory, objective.id)) continue;
    if (evalCondition(before, objective.condition)) score(state, victory, objective, turn, sink);
  }

  // 2. Sudden death.
  let sudden: SuddenDeath | null = null;
  const now = withVictory(before, victory);
  for (const rule of suddenDeathOrder(before.victory.suddenDeath)) {
    if (evalCondition(now, rule.condition)) {
      sudden = rule;
      break;
    }
  }

  // 3. A trigger's end_scenario; 4. the turn limit.
  const ending = sudden === null ? before.victory.ending : null;
  if (sudden === null && ending === null && turn < before.calendar.turns) return;
  // How the game ends: the rule that decides, as the sudden-death and trigger endings share it.
  const decider: { result: string; text: string } | null =
    sudden !== null
      ? { result: sudden.result, text: textIn(sudden.text) }
      : ending !== null
        ? { result: ending.result, text: textIn(ending.text) }
        : null;
  const reason: Outcome['reason'] =
    sudden !== null ? 'sudden-death' : ending !== null ? 'trigger' : 'turn-limit';

  // The game ends: `end` objectives that hold count now.
  for (const objective of byId(before.victory.objectives)) {
    if (objective.when !== 'end' || !objectiveOpen(victory, objective.id)) continue;
    if (evalCondition(withVictory(before, victory), objective.condition))
      score(state, victory, objective, turn, sink);
  }

  const bands: Outcome['bands'] = {};
  for (const actor of sortedIds(before.actors)) {
    const points = victory.scores[actor] ?? 0;
    let band = bandFor(before.victory.bands, points);
    if (decider !== null)
      band = decider.result === 'all_lose' ? 'defeat' : decider.result === actor ? 'decisive' : band;
    bands[actor] = { band, score: points };
  }

  const date = dateOfTurn(before.calendar, turn);
  const what =
    reason === 'sudden-death' ? 'sudden death' : `the scenario's trigger "${ending?.trigger ?? ''}"`;
  const how =
    decider === null
      ? `time is up after turn ${turn} (${date})`
      : decider.result === 'all_lose'
        ? `${what} on turn ${turn} (${date}): ${decider.text}; every side loses`
        : decider.result === 'score'
          ? `${what} on turn ${turn} (${date}): ${decider.text}; results from the points scored`
          : `${what} on turn ${turn} (${date}): ${decider.text}; ${actorName(before, decider.result)} wins outright`;
  const perActor = sortedIds(bands).map((actor) => {
    // The objectives that counted, in the order they were scored (then by id).
    const counted = byId(before.victory.objectives)
      .filter((o) => o.actor === actor && victory.achieved[o.id] !== undefined)
      .sort((p, q) => victory.achieved[p.id]! - victory.achieved[q.id]!);
    const why =
      counted.length === 0
        ? 'no objective met'
        : counted.map((o) => `"${textIn(o.text)}" ${o.points >= 0 ? '+' : ''}${o.points}`).join(', ');
    return `${actorName(before, actor)}: ${bands[actor]!.band}, ${bands[actor]!.score} points (${why})`;
  });
  const where = standing(before);
  const b = before.victory.bands;
  // No closing full stop: callers put the summary into a sentence of their own.
  const summary = `The scenario ends: ${how}. ${perActor.join('; ')}. Standing: ${where}`;
  state.over = true;
  state.outcome = {
    reason,
    turn,
    summary,
    bands,
  };
  const data: Record<string, string | number | boolean> = {
    turn,
    reason,
    suddenDeath: sudden?.id ?? '',
    trigger: ending?.trigger ?? '',
    result: decider?.result ?? '',
    decisiveAt: b.decisive,
    marginalAt: b.marginal,
    drawAt: b.draw,
  };
  for (const actor of sortedIds(bands)) {
    data[`band:${actor}`] = bands[actor]!.band;
    data[`score:${actor}`] = bands[actor]!.score;
  }
  data.objectives = sortedIds(victory.achieved).join(' ');
  sink.emit(
    'scenario.ended',
    [...sortedIds(bands)],
    '',
    () =>
      `${summary}. Bands: decisive at ${b.decisive} points or more, marginal at ${b.marginal}, draw at ${b.draw}, defeat below.`,
    data,
  );
}
