// The play screen's model (src/ui/play-model.ts) on the shipped scenario: the meters bar (turn and
// date, escalation by name, tension pairs, worded numbers, objectives holding or not), the
// subjects a student gives orders to and which legal orders fall under each, the map selection's
// subject, the pending and rejected orders, and the news feed (phases in order, reports with
// their source and claims, inputs in words, computer actors' decision records).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeOrder,
  legalOrders,
  resolveTurn,
  sortedIds,
  viewFor,
  type DecisionRecord,
  type GameEvent,
  type GameState,
  type Order,
} from '../../src/engine/index.ts';
import { eventVisibleTo } from '../../src/engine/view.ts';
import { LADDER } from '../../src/engine/rules/escalation.ts';
import { computerOrders } from '../../src/ai/index.ts';
import { newGame, scriptedOrders, type Scenario } from '../../src/scenario/index.ts';
import { loadScenarioArg } from '../../src/cli/files.ts';
import {
  PHASE_ORDER,
  SUBJECT_GROUPS,
  dataRows,
  formatNumber,
  groupSubjects,
  idWords,
  metersModel,
  newsModel,
  noOrdersText,
  orderChoices,
  pendingLines,
  rejectedOrders,
  selectionNote,
  shortActorName,
  subjectForSelection,
  subjectKeysOf,
  subjectsOf,
  type NewsItem,
} from '../../src/ui/play-model.ts';

const ACTOR = 'turkey';
const COMPUTERS = ['russia', 'syria'];

let scenario: Scenario;
let start: GameState;

beforeAll(() => {
  scenario = loadScenarioArg('winter-2019-2020');
  start = newGame(scenario, '1');
});

/**
 * Plays `turns` turns from the start: the scenario's script for the scripted actors, the
 * computer for Russia and the Syrian government (with their decision records), and Turkey's
 * `extra` orders. Returns the state after and the last turn's events and records.
 */
function play(
  turns: number,
  extra: (state: GameState) => Order[] = () => [],
): { state: GameState; events: GameEvent[]; decisions: DecisionRecord[] } {
  let state = start;
  let events: GameEvent[] = [];
  let decisions: DecisionRecord[] = [];
  for (let t = 0; t < turns; t++) {
    const orders = scriptedOrders(
      scenario,
      state,
      sortedIds(state.actors).filter((a) => !COMPUTERS.includes(a)),
    );
    decisions = [];
    for (const actor of COMPUTERS) {
      const d = computerOrders(state, actor, scenario.doctrines[actor]);
      orders[actor] = d.orders;
      decisions.push(d.record);
    }
    orders[ACTOR] = [...(orders[ACTOR] ?? []), ...extra(state)];
    const result = resolveTurn(state, orders, decisions);
    state = result.state;
    events = result.events;
  }
  return { state, events, decisions };
}

describe('words and numbers', () => {
  it('groups digits for people and words ids', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-12000)).toBe('-12,000');
    expect(idWords('support_offensive_from_air')).toBe('support offensive from air');
    expect(idWords('attackHundredths')).toBe('attack hundredths');
    expect(shortActorName('Hayat Tahrir al-Sham (HTS)')).toBe('HTS');
    expect(shortActorName('National Front for Liberation (Turkish-backed)')).toBe('NFL');
    expect(shortActorName('Syrian government')).toBe('Syrian government');
    expect(shortActorName('Russia')).toBe('Russia');
  });
});

describe('the meters bar', () => {
  it('shows the turn, the date, the ladder, the tension pairs and the student’s objectives at the start', () => {
    const view = viewFor(start, ACTOR);
    const m = metersModel(view, scenario, ACTOR);
    expect(m.turnText).toBe('Turn 1 of 56');
    expect(m.dateText).toBe('1 Dec 2019');
    expect(m.whenText).toBe('Turn 1 of 56 · 1 Dec 2019');
    expect(m.escalation).toMatchObject({ level: 0, max: 5, name: 'calm', text: 'Escalation 0 of 5: calm' });
    // Turkey's four pairs on the bar, the tensest first; every pair of the scenario in the list.
    expect(m.tensionsInline.map((t) => t.text)).toEqual([
      'Syrian government–Turkey 60',
      'Hayat Tahrir al-Sham (HTS)–Turkey 40',
      'Russia–Turkey 35',
      'National Front for Liberation (Turkish-backed)–Turkey 10',
    ]);
    expect(m.tensionsLabel).toBe('Tension with');
    expect(m.tensionsInline.map((t) => `${t.shortLabel} ${t.tension}`)).toEqual([
      'Syrian government 60',
      'HTS 40',
      'Russia 35',
      'NFL 10',
    ]);
    expect(m.tensions).toHaveLength(start.relations.length);
    expect(m.tensions.find((t) => t.a === 'russia' && t.b === 'turkey')).toMatchObject({
      label: 'Russia–Turkey',
      tension: 35,
      stance: 'neutral',
      mine: true,
      colourA: '#CC79A7',
      colourB: '#0072B2',
    });
    expect(m.figures.map((f) => f.label)).toEqual([
      'Displaced',
      'Civilian dead',
      'Turkish domestic pressure',
      'Market index',
    ]);
    expect(m.figures.find((f) => f.id === 'marketIndex')!.valueText).toBe('100');
    // Turkey's objectives in the scenario's order, with their points; the first four hold at the start.
    const mine = scenario.data.objectives.filter((o) => o.actor === ACTOR);
    expect(m.objectives.map((o) => [o.id, o.points])).toEqual(mine.map((o) => [o.id, o.points]));
    expect(m.objectives.slice(0, 4).map((o) => [o.id, o.state])).toEqual([
      ['turkey_posts', 'holds'],
      ['turkey_idlib', 'holds'],
      ['turkey_refugees', 'holds'],
      ['turkey_losses', 'holds'],
    ]);
    expect(m.objectives[1]!.text).toBe('Keep the government out of Idlib city');
    const holding = m.objectives.filter((o) => o.state === 'holds').length;
    expect(m.scoreText).toBe(`Turkey: 0 points · ${holding} of ${mine.length} objectives met or holding`);
    expect(m.outcomeText).toBe('');
  });

  it('follows the game: escalation by name, worded numbers, an objective that no longer holds', () => {
    const { state } = play(4);
    const view = viewFor(state, ACTOR);
    const m = metersModel(view, scenario, ACTOR);
    const level = state.meters.escalation;
    expect(level, 'four turns of the winter offensive climb the ladder').toBeGreaterThan(0);
    expect(m.escalation.text).toBe(`Escalation ${level} of 5: ${LADDER[level]}`);
    expect(m.whenText).toBe('Turn 5 of 56 · 9 Dec 2019');
    const displaced = m.figures.find((f) => f.id === 'displaced')!;
    expect(displaced.value).toBe(state.meters.displaced);
    expect(displaced.value).toBeGreaterThan(1000);
    expect(displaced.valueText).toBe(formatNumber(state.meters.displaced));
    expect(displaced.valueText).toMatch(/^\d{1,3}(,\d{3})+$/);

    // "Lose no observation post to an assault" follows the posts.
    const overrun = Object.values(state.posts).some((p) => p.actor === ACTOR && p.status === 'overrun');
    const posts = m.objectives.find((o) => o.id === 'turkey_posts')!;
    expect(posts.state).toBe(overrun ? 'not_yet' : 'holds');
    expect(posts.stateText).toBe(overrun ? 'does not hold now' : 'holds now');

    // The same view with Idlib in government hands, one objective scored and one failed.
    const idlib = view.locations.idlib!;
    const changed: GameState = {
      ...view,
      locations: { ...view.locations, idlib: { ...idlib, controller: 'syria' } },
      victory: {
        ...view.victory,
        achieved: { ...view.victory.achieved, turkey_refugees: 3 },
        failed: { ...view.victory.failed, turkey_losses: 4 },
        scores: { ...view.victory.scores, turkey: 20 },
      },
    };
    const after = metersModel(changed, scenario, ACTOR);
    const byId = Object.fromEntries(after.objectives.map((o) => [o.id, o]));
    expect(byId.turkey_idlib).toMatchObject({ state: 'not_yet', stateText: 'does not hold now' });
    expect(byId.turkey_refugees).toMatchObject({ state: 'scored', stateText: 'scored on turn 3' });
    expect(byId.turkey_losses).toMatchObject({ state: 'failed', stateText: 'failed on turn 4' });
    // Idlib lost and the losses failed: two fewer than before, the refugees now met rather than holding.
    const metOrHolding = after.objectives.filter((o) => o.state === 'holds' || o.state === 'scored').length;
    expect(metOrHolding).toBe(m.objectives.filter((o) => o.state === 'holds').length - 2);
    expect(after.scoreText).toBe(
      `Turkey: 20 points · ${metOrHolding} of ${after.objectives.length} objectives met or holding`,
    );
  });

  it('shows every actor’s score and no objectives when watching', () => {
    const m = metersModel(start, scenario, '');
    expect(m.objectives).toEqual([]);
    expect(m.scoreText).toContain('Russia 0');
    expect(m.scoreText.split(' · ')).toHaveLength(Object.keys(start.actors).length);
    expect(m.tensionsInline).toHaveLength(3);
    expect(m.tensionsLabel).toBe('Tension');
    expect(m.tensionsInline[0]!.shortLabel).toMatch(/^\S+–\S+$/);
    expect(m.tensionsInline[0]!.tension).toBe(Math.max(...start.relations.map((r) => r.tension)));
  });
});

describe('subjects and their orders', () => {
  it('lists a subject per unit, post and crossing of Turkey, air and drones, the patrol and diplomacy', () => {
    const view = viewFor(start, ACTOR);
    const legal = legalOrders(view, ACTOR);
    const subjects = subjectsOf(view, ACTOR, legal);

    const units = sortedIds(start.units).filter((id) => start.units[id]!.actor === ACTOR);
    expect(units.length).toBe(3);
    expect(subjects.filter((s) => s.kind === 'unit').map((s) => s.id)).toEqual(units);
    const posts = sortedIds(start.posts).filter((id) => start.posts[id]!.actor === ACTOR);
    expect(subjects.filter((s) => s.kind === 'post').map((s) => s.id)).toEqual(posts);
    expect(subjects.filter((s) => s.kind === 'source').map((s) => s.label)).toEqual([
      'Convoys from Bab al-Hawa crossing',
      'Convoys from Kafr Lusin crossing',
    ]);
    expect(subjects.find((s) => s.key === 'air')!.detail).toBe('6 drone sorties a turn');
    expect(subjects.some((s) => s.key === 'patrol:m4_joint')).toBe(true);
    expect(subjects[subjects.length - 1]!.key).toBe('diplomacy');

    const mech = subjects.find((s) => s.key === 'unit:tr_mech')!;
    expect(mech.label).toBe('2nd Army mechanised task force');
    expect(mech.detail).toBe('mechanised · strength 30 · readiness 100 · at Kafr Lusin crossing');
    expect(mech.orders.length).toBeGreaterThan(0);
    expect(mech.orders.every((o) => 'unit' in o && o.unit === 'tr_mech')).toBe(true);

    // Every convoy from Kafr Lusin, and nothing else, under that crossing.
    const kafr = subjects.find((s) => s.key === 'source:kafr_lusin')!;
    const convoys = legal.filter((o) => o.kind === 'dispatch_convoy' && o.from === 'kafr_lusin');
    expect(convoys.length).toBeGreaterThan(0);
    expect(kafr.orders).toEqual(convoys);
    // A post's subject has its evacuation and the convoys to it.
    const morek = subjects.find((s) => s.key === 'post:op_morek')!;
    expect(morek.orders.map((o) => o.kind)).toContain('evacuate_post');
    expect(morek.orders.filter((o) => o.kind === 'dispatch_convoy').every((o) => o.post === 'op_morek')).toBe(
      true,
    );
    // Drone strikes under air and drones; diplomacy holds the diplomatic kinds.
    const air = subjects.find((s) => s.key === 'air')!;
    expect(air.orders.length).toBeGreaterThan(0);
    expect(air.orders.every((o) => o.kind === 'strike' && o.means === 'drone')).toBe(true);
    const diplomacy = subjects.find((s) => s.key === 'diplomacy')!;
    expect(diplomacy.orders.map((o) => o.kind)).toContain('leaders_call');
    expect(diplomacy.orders.map((o) => o.kind)).toContain('request_us_support');

    // Every legal order is offered under some subject.
    const keys = new Set(subjects.map((s) => s.key));
    for (const order of legal) expect(subjectKeysOf(order).some((k) => keys.has(k))).toBe(true);

    // The groups keep their order.
    expect(groupSubjects(subjects).map((g) => g.title)).toEqual(SUBJECT_GROUPS);
  });

  it('offers nothing when watching, and says so when a subject has no order', () => {
    expect(subjectsOf(start, '', legalOrders(start, 'turkey'))).toEqual([]);
    const view = viewFor(start, ACTOR);
    const bare = subjectsOf(view, ACTOR, []);
    expect(bare.length).toBe(subjectsOf(view, ACTOR, legalOrders(view, ACTOR)).length);
    const kafr = bare.find((s) => s.key === 'source:kafr_lusin')!;
    expect(kafr.orders).toEqual([]);
    expect(noOrdersText(kafr)).toBe(
      'No convoy can leave Kafr Lusin crossing now: no post of yours can be reached from it.',
    );
  });

  it('maps a map selection to its subject', () => {
    const view = viewFor(start, ACTOR);
    const subjects = subjectsOf(view, ACTOR, legalOrders(view, ACTOR));
    expect(subjectForSelection(view, subjects, { kind: 'unit', id: 'tr_mech' })?.key).toBe('unit:tr_mech');
    expect(subjectForSelection(view, subjects, { kind: 'post', id: 'op_morek' })?.key).toBe('post:op_morek');
    expect(subjectForSelection(view, subjects, { kind: 'place', id: 'bab_al_hawa' })?.key).toBe(
      'source:bab_al_hawa',
    );
    const morekSite = start.posts.op_morek!.location;
    expect(subjectForSelection(view, subjects, { kind: 'place', id: morekSite })?.key).toBe('post:op_morek');
    // Not Turkey's: no subject, and a word why.
    expect(subjectForSelection(view, subjects, { kind: 'unit', id: 'saa_25th' })).toBeNull();
    expect(subjectForSelection(view, subjects, { kind: 'place', id: 'saraqib' })).toBeNull();
    expect(subjectForSelection(view, subjects, null)).toBeNull();
    expect(selectionNote(view, ACTOR, { kind: 'unit', id: 'saa_25th' })).toBe(
      '25th Special Mission Forces Division belongs to Syrian government: not yours to command.',
    );
  });

  it('numbers the choices, marks the pending ones and names each Remove button', () => {
    const view = viewFor(start, ACTOR);
    const subjects = subjectsOf(view, ACTOR, legalOrders(view, ACTOR));
    const kafr = subjects.find((s) => s.key === 'source:kafr_lusin')!;
    const describe = (o: Order) => describeOrder(view, ACTOR, o);
    const pending = [kafr.orders[1]!, { kind: 'request_us_support' } as Order];
    const choices = orderChoices(kafr, describe, pending);
    expect(choices.map((c) => c.number)).toEqual(kafr.orders.map((_, i) => i + 1));
    expect(choices[0]!.shortcut).toBe('1');
    if (choices.length > 9) expect(choices[9]!.shortcut).toBe('');
    expect(choices.map((c) => c.pending)).toEqual(kafr.orders.map((_, i) => i === 1));
    expect(choices[0]!.text).toMatch(/^Send a convoy from Kafr Lusin crossing to /);

    const lines = pendingLines(pending, describe);
    expect(lines[1]).toEqual({
      index: 1,
      number: 2,
      text: 'Ask the United States for support.',
      removeLabel: 'Remove order 2: Ask the United States for support.',
    });
  });
});

describe('rejected orders and the news feed', () => {
  let state: GameState;
  let events: GameEvent[];
  let decisions: DecisionRecord[];
  let seen: GameEvent[];
  let view: GameState;

  beforeAll(() => {
    // Turkey adds, on every turn, a drone sortie on Aleppo and a move to a place that does not exist.
    ({ state, events, decisions } = play(4, () => [
      { kind: 'move', unit: 'tr_mech', to: 'nowhere' },
      { kind: 'strike', means: 'drone', unit: '', target: 'aleppo', sorties: 1 },
    ]));
    view = viewFor(state, ACTOR);
    seen = events.filter((e) => eventVisibleTo(e, ACTOR));
  });

  it('lists the student’s rejected orders with the reason, and no one else’s', () => {
    const rejected = rejectedOrders(view, seen, ACTOR);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ actor: 'turkey', order: 'Move', code: 'unknown_location' });
    expect(rejected[0]!.text).toMatch(/^Move order rejected: /);
    expect(rejected[0]!.reason).not.toContain('unknown_location');
    // Watching sees every actor's, named.
    const all = rejectedOrders(state, events, '');
    expect(all.length).toBe(events.filter((e) => e.kind === 'order.rejected').length);
    expect(all[0]!.text).toContain(': ');
  });

  it('groups the turn’s events by phase in phase order, with the decisions of the computer actors', () => {
    const news = newsModel(view, seen, decisions, COMPUTERS);
    expect(news.turn).toBe(4);
    expect(news.heading).toBe('Turn 4 · 7 Dec 2019: what happened');
    expect(news.emptyText).toBe('');
    const order = news.phases.map((p) => PHASE_ORDER.indexOf(p.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    for (const phase of news.phases) expect(phase.items.every((i) => i.phase === phase.phase)).toBe(true);

    // Every event but the rejections and the decisions (shown from their records) is in the feed, once.
    const items = news.phases.flatMap((p) => p.items);
    const expected = seen.filter(
      (e) => e.kind !== 'order.rejected' && !(e.kind === 'ai.decided' && COMPUTERS.includes(e.actors[0]!)),
    );
    expect(items.map((i) => i.explain)).toEqual(
      PHASE_ORDER.flatMap((phase) => expected.filter((e) => e.phase === phase).map((e) => e.explain)),
    );
    // Turkey's own drone strike on Aleppo, with its inputs in words.
    const strike = items.find((i) => i.kind === 'strike.resolved' && i.actor === 'turkey')!;
    expect(strike).toBeDefined();
    expect(strike.place).toBe('Aleppo');
    expect(strike.decision).toBeNull();
    const rows = Object.fromEntries(strike.rows.map((r) => [r.label, r.value]));
    expect(rows.attacker).toBe('Turkey');
    expect(rows.means).toBe('drone');
    expect(rows.target).toBe('Aleppo');
    expect(rows.roll).toMatch(/^\d+$/);
    // Codes in words; sentences as they are.
    const killed = items.find((i) => i.kind === 'civilians.killed')!;
    const killedEvent = seen.find((e) => e.explain === killed.explain)!;
    expect(killed.rows.find((r) => r.label === 'cause')!.value).toBe(killedEvent.data.cause);
    for (const item of items)
      for (const row of item.rows) expect(row.value).not.toMatch(/^[a-z]+(_[a-z0-9]+)+$/);

    // One decision per computer actor, in words.
    expect(news.decisions.map((d) => d.actor)).toEqual(['russia', 'syria']);
    const russia = news.decisions[0]!;
    const record = decisions.find((d) => d.actor === 'russia')!;
    expect(russia.question).toBe('Why did Russia do that?');
    expect(russia.summary).toBe(
      `Russia (doctrine: ${record.doctrine}) weighed ${formatNumber(record.weighed)} possible orders and gave ${record.chosen} order${record.chosen === 1 ? '' : 's'}.`,
    );
    expect(russia.top.length).toBe(Math.min(3, record.top.length));
    expect(russia.top[0]!.order).toBe(record.top[0]!.order);
    expect(russia.top[0]!.factors.map((f) => f.name)).toEqual(
      record.top[0]!.factors.map((f) => f.factor.replaceAll('_', ' ')),
    );
    // An event a computer actor did carries its record.
    const byComputer = items.filter((i) => COMPUTERS.includes(i.actor) && i.decision !== null);
    for (const item of byComputer) expect(item.decision!.actor).toBe(item.actor);
  });

  it('shows each report’s source and each side’s claim beside the truth', () => {
    const news = newsModel(view, seen, decisions, COMPUTERS);
    const reports = news.phases.flatMap((p) => p.items).filter((i) => i.kind === 'report.published');
    expect(reports.length).toBeGreaterThan(0);
    const names = new Set(Object.values(state.reporting).map((r) => r.name));
    for (const r of reports) expect(names.has(r.source)).toBe(true);
    const withClaims = reports.filter((r) => r.claims.length > 0);
    expect(withClaims.length).toBeGreaterThan(0);
    const event = seen.find((e) => e.kind === 'report.published' && e.explain === withClaims[0]!.explain)!;
    for (const claim of withClaims[0]!.claims) {
      expect(claim.claimed).toBe(event.data[`claimed:${claim.actor}`]);
      expect(claim.truth).toBe(event.data[`true:${claim.actor}`]);
      expect(claim.text).toBe(
        `${claim.name}: claimed ${formatNumber(claim.claimed)} killed, in truth ${formatNumber(claim.truth)}`,
      );
    }
  });

  it('lists the scenario’s messages of the turn on their own, in order', () => {
    const message = (text: string, index: number): GameEvent => ({
      ...seen[0]!,
      kind: 'trigger.message',
      phase: 'triggers',
      actors: ['turkey'],
      location: '',
      explain: text,
      data: { trigger: `t${index}`, to: 'turkey', 'text:en': text },
    });
    const news = newsModel(
      view,
      [...seen, message('Send a convoy.', 1), message('Now end the turn.', 2)],
      decisions,
      COMPUTERS,
    );
    const already = seen.filter((e) => e.kind === 'trigger.message').map((e) => e.explain);
    expect(news.messages).toEqual([...already, 'Send a convoy.', 'Now end the turn.']);
    expect(newsModel(view, seen, decisions, COMPUTERS).messages).toEqual(already);
  });

  it('folds routine movements when there are many, and words per-actor data keys', () => {
    // The full view of the whole turn: every unit's move is there.
    const news = newsModel(state, events, decisions, COMPUTERS);
    const movement = news.phases.find((p) => p.phase === 'movement')!;
    const moved = events.filter(
      (e) => e.phase === 'movement' && (e.kind === 'unit.moved' || e.kind === 'convoy.moved'),
    ).length;
    expect(movement.routine).toBe(moved);
    expect(movement.folded).toBe(moved > 3);
    expect(movement.routineText).toMatch(new RegExp(`^${moved} routine events? \\(`));

    const clash = events.find((e) => Object.keys(e.data).some((k) => k.startsWith('killed:')))!;
    expect(clash).toBeDefined();
    const key = Object.keys(clash.data).find((k) => k.startsWith('killed:'))!;
    const actor = key.slice('killed:'.length);
    const row = dataRows(state, clash).find((r) => r.label === `killed (${state.actors[actor]!.name})`);
    expect(row?.value).toBe(formatNumber(clash.data[key] as number));
  });

  it('says when there is no news yet', () => {
    const news = newsModel(viewFor(start, ACTOR), [], [], COMPUTERS);
    expect(news).toMatchObject({ turn: 0, heading: 'News', phases: [], decisions: [] });
    expect(news.emptyText).toBe('Nothing has happened yet: give your orders and end the turn.');
  });

  it('leaves out the records of actors the student plays', () => {
    const news = newsModel(view, seen, decisions, ['syria']);
    expect(news.decisions.map((d) => d.actor)).toEqual(['syria']);
    const items: NewsItem[] = news.phases.flatMap((p) => p.items);
    expect(items.some((i) => i.decision?.actor === 'russia')).toBe(false);
  });
});
