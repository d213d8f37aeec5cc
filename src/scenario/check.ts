// `idlib-sim check`: every problem of a scenario (and its map) at once, each with its position,
// a stable code (src/scenario/codes.ts, docs/error-codes.md) and its JSON path. Layers:
//   file    size, binary or non-UTF-8 content, nesting depth, list lengths (before parsing)
//   parse   YAML syntax, duplicate keys, alias bombs
//   schema  the zod schema of src/scenario/schema.ts: types, allowed values, required and unknown keys
//   refs    src/scenario/references.ts (the loader's own checks): ids, dates, roads
//   logic   warnings about things that are legal but cannot be meant
//   smoke   three seeded headless runs of every turn with the script's orders
// Each layer runs when the data it needs is sound; the smoke run only on a file with no errors.
// Pure: the caller supplies how to read a file, so it runs in the browser as well as in Node.
import {
  parseIsoDate,
  resolveTurn,
  turnOfDay,
  validateOrder,
  type GameState,
  type Order,
  type OrdersByActor,
} from '../engine/index.ts';
import { newGame, scriptTurn } from './build.ts';
import { compareDiagnostics, type Diagnostic, type Reporter } from './diagnostics.ts';
import {
  analyseDoctrine,
  analyseMap,
  analyseScenario,
  checkSalvagedReferences,
  doctrinePathOf,
  isDoctrineFile,
  isMapFile,
  mapPathOf,
  toDoctrine,
  readContent,
  type Analysed,
  type ReadContent,
  type Scenario,
} from './load.ts';
import type { Path } from './parse.ts';
import { checkScenarioReferences } from './references.ts';
import type { Salvaged } from './salvage.ts';
import { checkTranslations } from './texts.ts';
import { checkTriggerLogic } from './trigger-logic.ts';
import type { DoctrineData, MapData, ScenarioData } from './schema.ts';
import type { Doctrine } from '../engine/doctrine.ts';

export interface CheckOptions {
  /** Seeds of the smoke run (default 1, 2, 3). */
  seeds?: readonly string[];
  /** Set false to skip the smoke run. */
  smoke?: boolean;
  /**
   * Milliseconds the smoke runs of one file may take before they stop with SMOKE_INCOMPLETE
   * (default 5000). Only a backstop: the work cap (SMOKE_WORK_LIMIT) stops big scenarios first,
   * the same way on every machine.
   */
  budgetMs?: number;
  /** The clock for that budget (default performance.now). */
  now?: () => number;
}

export interface CheckResult {
  /** Every file checked: those given, and the maps their scenarios name. */
  files: string[];
  /** Sorted by file, line, column. */
  problems: Diagnostic[];
  errors: number;
  warnings: number;
}

export const SMOKE_SEEDS = ['1', '2', '3'] as const;

/**
 * The most work the smoke runs of one file do: the sum over the turns played of the units,
 * posts, places and roads in play (the default scenario needs about two thirds of it).
 */
export const SMOKE_WORK_LIMIT = 50_000;

export { isMapFile };

/** Checks the files; never throws for anything a file holds. */
export function checkFiles(
  files: readonly string[],
  read: ReadContent,
  options: CheckOptions = {},
): CheckResult {
  const checked: string[] = [];
  const problems: Diagnostic[] = [];
  const cache = new Map<string, Analysed<unknown> | null>();

  /** Analyses a map or doctrine once; null when it cannot be read (the caller says so). */
  function lookup<T>(
    analyseFile: (file: string, content: Uint8Array | string, size?: number) => Analysed<T>,
  ) {
    return (file: string, from?: { rep: Reporter; path: Path }): Analysed<T> | null => {
      if (cache.has(file)) {
        const known = cache.get(file) as Analysed<T> | null;
        if (known === null && from) readContent(file, read, from);
        return known;
      }
      const got = readContent(file, read, from);
      if ('code' in got) {
        if (!from) problems.push(got);
        cache.set(file, null);
        return null;
      }
      checked.push(file);
      const analysed = analyseFile(file, got.content, got.size);
      problems.push(...analysed.diagnostics);
      cache.set(file, analysed);
      return analysed;
    };
  }
  const lookups: Lookups = { map: lookup(analyseMap), doctrine: lookup(analyseDoctrine) };

  for (const file of files) {
    if (checked.includes(file) || cache.has(file)) continue;
    if (isMapFile(file)) {
      lookups.map(file);
      continue;
    }
    if (isDoctrineFile(file)) {
      lookups.doctrine(file);
      continue;
    }
    checked.push(file);
    const got = readContent(file, read);
    if ('code' in got) {
      problems.push(got);
      continue;
    }
    const a = analyseScenario(file, got.content, got.size, read);
    if (a.data && a.rep) checkScenarioLayers(a.rep, file, a.data, lookups, options);
    else if (a.salvaged && a.rep) checkSalvaged(a.rep, file, a.salvaged, lookups);
    problems.push(...a.diagnostics);
  }

  const seen = new Set<string>();
  const unique = problems.filter((d) => {
    const key = `${d.file}|${d.line}|${d.col}|${d.code}|${d.path}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort(compareDiagnostics);
  return {
    files: checked,
    problems: unique,
    errors: unique.filter((d) => d.severity === 'error').length,
    warnings: unique.filter((d) => d.severity === 'warning').length,
  };
}

const defaultClock = () => performance.now();

type Lookup<T> = (file: string, from?: { rep: Reporter; path: Path }) => Analysed<T> | null;

/** How the layers of a scenario reach the maps and doctrines it names (each analysed once). */
interface Lookups {
  map: Lookup<MapData>;
  doctrine: Lookup<DoctrineData>;
}

/** The map a scenario names, for its reference layer; null (with MAP_INVALID) when it has errors. */
function mapFor(rep: Reporter, mapFile: string, files: Lookups): MapData | null {
  const m = files.map(mapFile, { rep, path: ['map'] });
  if (!m) return null; // CANNOT_READ is already on the `map` key
  if (!m.data)
    rep.add(
      'MAP_INVALID',
      ['map'],
      `The map ${mapFile} has errors (listed under its file), so this scenario's references to it were not checked.`,
    );
  return m.data;
}

/**
 * A scenario the schema refused: the reference layer still checks the parts that passed, so that
 * every problem shows at once. The logic warnings and the smoke run wait for a file that passes.
 */
/**
 * The doctrines the actors name, each checked in its own file: DOCTRINE_INVALID on the actor when
 * its doctrine has errors; NO_DOCTRINE for a computer actor without one.
 */
function doctrinesFor(
  rep: Reporter,
  file: string,
  data: ScenarioData,
  files: Lookups,
): Record<string, Doctrine> {
  const doctrines: Record<string, Doctrine> = {};
  data.actors.forEach((actor, i) => {
    if (actor.doctrine === undefined) {
      if (actor.controller === 'computer')
        rep.add(
          'NO_DOCTRINE',
          ['actors', i],
          `The computer actor ${actor.id} has no doctrine, so it plays the generic one (take valuable places, assault at favourable odds). Give it one: doctrine: doctrines/<file>.doctrine.yaml.`,
        );
      return;
    }
    const path = doctrinePathOf(file, actor.doctrine);
    const d = files.doctrine(path, { rep, path: ['actors', i, 'doctrine'] });
    if (!d) return; // CANNOT_READ is already on the key
    if (!d.data || !d.rep || d.rep.errors > 0) {
      rep.add(
        'DOCTRINE_INVALID',
        ['actors', i, 'doctrine'],
        `The doctrine ${path} has errors (listed under its file); fix them and ${actor.id} plays by it.`,
      );
      return;
    }
    doctrines[actor.id] = toDoctrine(d.data);
  });
  return doctrines;
}

function checkSalvaged(rep: Reporter, file: string, salvaged: Salvaged, files: Lookups): void {
  const map = mapFor(rep, mapPathOf(file, salvaged.data), files);
  if (map) checkSalvagedReferences(rep, salvaged, map);
}

function checkScenarioLayers(
  rep: Reporter,
  file: string,
  data: ScenarioData,
  files: Lookups,
  options: CheckOptions,
): void {
  const map = mapFor(rep, mapPathOf(file, data), files);
  if (!map) return;
  checkScenarioReferences(rep, data, map);
  const doctrines = doctrinesFor(rep, file, data, files);
  checkLogic(rep, data);
  checkTriggerLogic(rep, data);
  checkTranslations(rep, data);
  let smokeDone = false;
  if (rep.errors === 0 && options.smoke !== false)
    smokeDone = smokeRun(rep, { file, data, map, doctrines, contentHash: '' }, options);
  applySilences(rep, data, rep.errors === 0, smokeDone);
}

// ---------------------------------------------------------------- logic warnings

/** The first day of a turn. */
function dayOfTurn(s: ScenarioData, start: number, turn: number): number {
  return start + (turn - 1) * s.calendar.daysPerTurn;
}

function checkLogic(rep: Reporter, s: ScenarioData): void {
  const start = parseIsoDate(s.calendar.start);
  const controllers = new Map(s.actors.map((a) => [a.id, a.controller]));

  s.script.forEach((entry, i) => {
    const controller = controllers.get(entry.actor);
    if (controller !== undefined && controller !== 'scripted')
      rep.add(
        'NOT_SCRIPTED',
        ['script', i, 'actor'],
        `${entry.actor} is controlled by "${controller}", not "scripted": the script plays only for scripted actors, so this entry is ignored.`,
      );
  });

  const pairs = new Map<string, number>();
  s.relations.forEach((r, i) => {
    const key = r.a < r.b ? `${r.a}|${r.b}` : `${r.b}|${r.a}`;
    const first = pairs.get(key);
    if (first !== undefined)
      rep.add(
        'DUPLICATE_RELATION',
        ['relations', i],
        `The relation between ${r.a} and ${r.b} is already given at relations[${first}]; only the first counts. Keep one.`,
      );
    else pairs.set(key, i);
  });

  const { bands, suddenDeath } = s.victory;
  const objectives = s.objectives;
  objectives.forEach((o, i) => {
    if (o.points === 0)
      rep.add(
        'OBJECTIVE_NO_POINTS',
        ['objectives', i, 'points'],
        `The objective "${o.id}" is worth 0 points: meeting it changes nothing.`,
      );
  });
  if (!(bands.decisive >= bands.marginal && bands.marginal >= bands.draw))
    rep.add(
      'BAND_ORDER',
      ['victory', 'bands'],
      `The bands must fall from decisive to marginal to draw (here ${bands.decisive}, ${bands.marginal}, ${bands.draw}): a band above a higher one can never be reached.`,
    );
  s.actors.forEach((a, i) => {
    if (suddenDeath.some((d) => d.result === a.id)) return;
    const own = objectives.filter((o) => o.actor === a.id);
    const best = own.reduce((sum, o) => sum + Math.max(0, o.points), 0);
    if (best < bands.draw)
      rep.add(
        'CANNOT_SCORE',
        ['actors', i],
        own.length === 0
          ? `${a.id} has no objectives, so it scores 0, below the draw band (${bands.draw}): its result is always defeat.`
          : `${a.id}'s objectives are worth ${best} points at most, below the draw band (${bands.draw}): its result is always defeat.`,
      );
  });

  if (start !== null) {
    s.agreements.forEach((a, i) => {
      const startDay = typeof a.start === 'number' ? dayOfTurn(s, start, a.start) : parseIsoDate(a.start);
      if (startDay === null) return;
      const startTurn =
        typeof a.start === 'number' ? a.start : turnOfDay({ ...s.calendar, startDay: start }, startDay);
      if (startTurn > s.calendar.turns)
        rep.add(
          'NEVER_STARTS',
          ['agreements', i, 'start'],
          `The agreement "${a.id}" starts on turn ${startTurn}, after the last turn (${s.calendar.turns}): it never takes effect.`,
        );
      a.obligations.forEach((o, j) => {
        if (o.deadline === undefined) return;
        const due = parseIsoDate(o.deadline);
        if (due !== null && due < startDay)
          rep.add(
            'DEADLINE_BEFORE_START',
            ['agreements', i, 'obligations', j, 'deadline'],
            `The deadline ${o.deadline} falls before the agreement "${a.id}" starts (${typeof a.start === 'number' ? `turn ${a.start}` : a.start}): the obligation is due before it exists.`,
          );
      });
    });
  }

  const ranges = (path: (string | number)[], c: unknown): void => {
    if (typeof c !== 'object' || c === null) return;
    const node = c as Record<string, unknown>;
    if (Array.isArray(node.all)) node.all.forEach((x, k) => ranges([...path, 'all', k], x));
    if (Array.isArray(node.any)) node.any.forEach((x, k) => ranges([...path, 'any', k], x));
    if (node.not !== undefined) ranges([...path, 'not'], node.not);
    const r = node.turn_range as { from?: number; to?: number } | undefined;
    if (!r) return;
    const from = r.from ?? 1;
    const to = Math.min(r.to ?? s.calendar.turns, s.calendar.turns);
    if (from > to)
      rep.add(
        'NEVER_HOLDS',
        [...path, 'turn_range'],
        `No turn is in this range (from ${from} to ${r.to ?? 'the end'}; the scenario has ${s.calendar.turns} turns).`,
      );
  };
  objectives.forEach((o, i) => ranges(['objectives', i, 'condition'], o.condition));
  s.triggers.forEach((t, i) => {
    if (t.if !== undefined) ranges(['triggers', i, 'if'], t.if);
  });
  suddenDeath.forEach((d, i) => ranges(['victory', 'suddenDeath', i, 'condition'], d.condition));
}

// ---------------------------------------------------------------- smoke run

interface Given {
  actor: string;
  order: Order;
  path: (string | number)[];
}

/** The names an order's refusal may mention: its target place, unit or post. */
function namesOf(state: GameState, order: Order): string[] {
  const o = order as unknown as Record<string, unknown>;
  const names: string[] = [];
  for (const key of ['target', 'to', 'from']) {
    const place = typeof o[key] === 'string' ? state.locations[o[key] as string] : undefined;
    if (place) names.push(place.name);
  }
  const unit = typeof o.unit === 'string' ? state.units[o.unit] : undefined;
  if (unit) names.push(unit.name);
  const post = typeof o.post === 'string' ? state.posts[o.post] : undefined;
  if (post) names.push(post.name);
  return names;
}

/**
 * The order a refusal during the turn (a strike or assault that can no longer go ahead, a post
 * order that lapsed) belongs to: one of the actor's orders of that kind, preferring the one whose
 * target the refusal names.
 */
function laterRefusal(
  state: GameState,
  later: Given[],
  used: Set<Given>,
  e: { actors: string[]; data: Record<string, unknown>; explain: string },
): Given | undefined {
  const candidates = later.filter(
    (x) => !used.has(x) && x.actor === e.actors[0] && x.order.kind === e.data.order,
  );
  return candidates.find((x) => namesOf(state, x.order).some((n) => e.explain.includes(n))) ?? candidates[0];
}

/**
 * Plays every turn for each seed with the scripted orders. An exception is SMOKE_FAILED; an order
 * the engine refuses is SCRIPT_ORDER_REJECTED at the order. Returns false when it stopped early.
 */
function smokeRun(rep: Reporter, scenario: Scenario, options: CheckOptions): boolean {
  const s = scenario.data;
  const seeds = options.seeds ?? SMOKE_SEEDS;
  const now = options.now ?? defaultClock;
  const budget = options.budgetMs ?? 5000;
  const began = now();
  // What a turn costs grows with the things on the map; the cap keeps the answer quick, and the
  // same for the same file on any machine.
  const perTurn =
    s.forces.length + s.posts.length + scenario.map.locations.length + scenario.map.roads.length + 1;
  let work = 0;
  const scripted = new Set(s.actors.filter((a) => a.controller === 'scripted').map((a) => a.id));
  const byTurn = new Map<number, Given[]>();
  s.script.forEach((entry, i) => {
    if (!scripted.has(entry.actor)) return;
    const turn = scriptTurn(scenario, entry);
    const list = byTurn.get(turn) ?? [];
    entry.orders.forEach((order, j) =>
      list.push({ actor: entry.actor, order: order as Order, path: ['script', i, 'orders', j] }),
    );
    byTurn.set(turn, list);
  });
  const rejected = new Map<
    string,
    { path: (string | number)[]; turn: number; seeds: string[]; explain: string }
  >();
  const triggerTrouble = new Map<
    string,
    { kind: string; index: number; turn: number; seeds: string[]; explain: string }
  >();

  for (const seed of seeds) {
    let turn = 0;
    try {
      let state: GameState = newGame(scenario, seed);
      for (let guard = 0; !state.over && guard <= s.calendar.turns; guard++) {
        work += perTurn;
        if (work > SMOKE_WORK_LIMIT) {
          rep.add(
            'SMOKE_INCOMPLETE',
            [],
            `The scenario is too big for a full smoke run: it stopped before turn ${state.turn} of seed ${seed} (the limit is ${SMOKE_WORK_LIMIT.toLocaleString('en')} units, posts, places and roads played per turn, over all seeds).`,
          );
          return false;
        }
        if (now() - began > budget) {
          rep.add(
            'SMOKE_INCOMPLETE',
            [],
            `The smoke run stopped before turn ${state.turn} of seed ${seed} to answer in time; the rest was not played (a scenario this big is slow to play).`,
          );
          return false;
        }
        turn = state.turn;
        const given = [...(byTurn.get(turn) ?? [])].sort((a, b) =>
          a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0,
        );
        const orders: OrdersByActor = {};
        for (const g of given) (orders[g.actor] ??= []).push(g.order);
        // resolveTurn first checks each order against the state as the turn starts, in actor-id
        // order then as given; the same check here tells which order each early refusal is.
        const early = given.filter((g) => !validateOrder(state, g.actor, g.order).ok);
        const later = given.filter((g) => !early.includes(g));
        const used = new Set<Given>();
        const result = resolveTurn(state, orders);
        let k = 0;
        for (const e of result.events) {
          if (e.kind === 'trigger.halted' || e.kind === 'trigger.action_failed') {
            const index = s.triggers.findIndex((t) => t.id === e.data.trigger);
            const key = `${e.kind}|${index}|${e.explain}`;
            const seen = triggerTrouble.get(key);
            if (seen) seen.seeds.push(seed);
            else triggerTrouble.set(key, { kind: e.kind, index, turn, seeds: [seed], explain: e.explain });
            continue;
          }
          if (e.kind !== 'order.rejected') continue;
          const g = e.phase === 'orders' ? early[k++] : laterRefusal(state, later, used, e);
          if (!g) continue;
          used.add(g);
          const key = g.path.join('.');
          const seen = rejected.get(key);
          if (seen) seen.seeds.push(seed);
          else rejected.set(key, { path: g.path, turn, seeds: [seed], explain: e.explain });
        }
        state = result.state;
      }
    } catch (e) {
      rep.add(
        'SMOKE_FAILED',
        [],
        `The engine failed ${turn === 0 ? 'setting up the game' : `on turn ${turn}`} with seed ${seed}: ${(e as Error).message ?? String(e)}. This is a bug, or a case the checks miss: please report it with this file.`,
      );
    }
  }
  for (const r of rejected.values())
    rep.add(
      'SCRIPT_ORDER_REJECTED',
      r.path,
      `Turn ${r.turn} (seed${r.seeds.length === 1 ? '' : 's'} ${r.seeds.join(', ')}): ${r.explain}`,
    );
  for (const r of triggerTrouble.values())
    rep.add(
      r.kind === 'trigger.halted' ? 'TRIGGER_CAP' : 'TRIGGER_ACTION_FAILED',
      r.index < 0 ? ['triggers'] : ['triggers', r.index],
      `Turn ${r.turn} (seed${r.seeds.length === 1 ? '' : 's'} ${r.seeds.join(', ')}): ${r.explain}`,
    );
  return true;
}

// ---------------------------------------------------------------- silences

function under(path: string, node: string): boolean {
  return path === node || path.startsWith(`${node}.`) || path.startsWith(`${node}[`);
}

/**
 * Drops the warnings a script entry silences (errors stay); a silence that silenced nothing is
 * UNUSED_SILENCE, once the file has no errors (and, for smoke-run codes, the smoke run finished).
 */
function applySilences(rep: Reporter, s: ScenarioData, clean: boolean, smokeDone: boolean): void {
  type Silence = { code: string; reason: string };
  const holders: { node: string; path: (string | number)[]; silence: Silence[] }[] = [
    ...s.script.map((e, i) => ({ node: `script[${i}]`, path: ['script', i], silence: e.silence ?? [] })),
    ...s.triggers.map((t, i) => ({
      node: `triggers[${i}]`,
      path: ['triggers', i],
      silence: t.silence ?? [],
    })),
  ];
  const used = new Set<string>();
  for (const h of holders)
    h.silence.forEach((silence, k) => {
      for (let d = rep.list.length - 1; d >= 0; d--) {
        const diag = rep.list[d]!;
        if (diag.severity === 'warning' && diag.code === silence.code && under(diag.path, h.node)) {
          rep.list.splice(d, 1);
          used.add(`${h.node}|${k}`);
        }
      }
    });
  if (!clean) return;
  const smokeCodes = new Set(['SCRIPT_ORDER_REJECTED', 'TRIGGER_ACTION_FAILED']);
  for (const h of holders)
    h.silence.forEach((silence, k) => {
      if (used.has(`${h.node}|${k}`)) return;
      if (smokeCodes.has(silence.code) && !smokeDone) return;
      rep.add(
        'UNUSED_SILENCE',
        [...h.path, 'silence', k],
        `Nothing to silence: no ${silence.code} warning arises for this entry; remove the silence.`,
      );
    });
}

// ---------------------------------------------------------------- output

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line per problem — `file:line:col  severity  CODE  path  message` — then the totals. */
export function formatCheckText(result: CheckResult): string[] {
  return [
    ...result.problems.map(
      (p) => `${p.file}:${p.line}:${p.col}  ${p.severity}  ${p.code}  ${p.path}  ${p.message}`,
    ),
    `${count(result.errors, 'error')}, ${count(result.warnings, 'warning')}`,
  ];
}

export function formatCheckJson(result: CheckResult): string {
  return JSON.stringify({
    files: result.files,
    problems: result.problems.map(({ file, line, col, severity, code, path, message }) => ({
      file,
      line,
      col,
      severity,
      code,
      path,
      message,
    })),
    errors: result.errors,
    warnings: result.warnings,
  });
}
