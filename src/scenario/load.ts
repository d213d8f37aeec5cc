// Loads a scenario and its map, validates both against the schema, checks that every id they
// mention exists, and returns one Scenario value. Works the same in Node and in the browser:
// the caller supplies how to read a file.
import { parseIsoDate, turnOfDay, hashValue } from '../engine/index.ts';
import { MapSchema, ScenarioSchema, type MapData, type ScenarioData } from './schema.ts';
import { parseText, ScenarioError, validate, type Problem, type SourceFile } from './parse.ts';

export interface Scenario {
  /** The scenario file as it was named to the loader. */
  file: string;
  data: ScenarioData;
  map: MapData;
  /** Hash of the validated scenario and map data: it changes when any fact in them changes. */
  contentHash: string;
}

export type ReadText = (path: string) => string;

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i);
}

/** Joins a relative path onto a directory, resolving "." and ".." (forward slashes). */
export function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const parts = dir === '.' ? [] : dir.split('/');
  for (const part of rel.split('/')) {
    if (part === '.' || part === '') continue;
    if (
      part === '..' &&
      parts.length > 0 &&
      parts[parts.length - 1] !== '..' &&
      parts[parts.length - 1] !== ''
    )
      parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}

function readOrProblem(
  file: string,
  read: ReadText,
  from?: { source: SourceFile; path: string[] },
): string | Problem {
  try {
    return read(file);
  } catch {
    const message = `cannot read ${file}`;
    return from ? from.source.problem(from.path, message) : { file, line: 1, col: 1, message };
  }
}

export function parseMap(file: string, text: string): { map: MapData | null; problems: Problem[] } {
  const parsed = parseText(file, text);
  if (parsed.problems.length > 0) return { map: null, problems: parsed.problems };
  const { data, problems } = validate(parsed.source, parsed.value, MapSchema);
  if (!data) return { map: null, problems };
  return { map: data, problems: checkMap(parsed.source, data) };
}

function duplicates(
  source: SourceFile,
  list: { id: string }[],
  /** Where the list is in the file: a top-level key, or a path. */
  key: string | (string | number)[],
  what: string,
  problems: Problem[],
  taken = new Set<string>(),
): Set<string> {
  const at = typeof key === 'string' ? [key] : key;
  list.forEach((item, i) => {
    if (taken.has(item.id))
      problems.push(source.problem([...at, i, 'id'], `${what} id "${item.id}" is used twice`));
    taken.add(item.id);
  });
  return taken;
}

function checkMap(source: SourceFile, map: MapData): Problem[] {
  const problems: Problem[] = [];
  const places = duplicates(source, map.locations, 'locations', 'location', problems);
  const kinds = new Map(map.locations.map((l) => [l.id, l.kind]));
  duplicates(source, map.roads, 'roads', 'road', problems);
  duplicates(source, map.posts, 'posts', 'post', problems);
  duplicates(source, map.zones, 'zones', 'zone', problems);
  const joined = new Map<string, Set<string>>();
  map.roads.forEach((road, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!places.has(road[end]))
        problems.push(source.problem(['roads', i, end], `unknown location "${road[end]}"`));
    }
    if (road.from === road.to)
      problems.push(source.problem(['roads', i], `road "${road.id}" joins a place to itself`));
    for (const [a, b] of [
      [road.from, road.to],
      [road.to, road.from],
    ] as const) {
      const key = `${a}|${road.class}`;
      if (!joined.has(key)) joined.set(key, new Set());
      joined.get(key)!.add(b);
    }
  });
  map.highways.forEach((hw, i) => {
    hw.waypoints.forEach((wp, j) => {
      if (!places.has(wp))
        problems.push(source.problem(['highways', i, 'waypoints', j], `unknown location "${wp}"`));
      const prev = hw.waypoints[j - 1];
      if (j > 0 && prev !== undefined && !joined.get(`${prev}|${hw.id}`)?.has(wp))
        problems.push(
          source.problem(['highways', i, 'waypoints', j], `no ${hw.id} road joins "${prev}" and "${wp}"`),
        );
    });
  });
  map.posts.forEach((post, i) => {
    if (!places.has(post.location))
      problems.push(source.problem(['posts', i, 'location'], `unknown location "${post.location}"`));
    else if (kinds.get(post.location) !== 'post')
      problems.push(
        source.problem(['posts', i, 'location'], `"${post.location}" must be a location of kind post`),
      );
  });
  map.zones.forEach((zone, i) =>
    zone.locations.forEach((loc, j) => {
      if (!places.has(loc))
        problems.push(source.problem(['zones', i, 'locations', j], `unknown location "${loc}"`));
    }),
  );
  return problems;
}

/** Loads `file` (a scenario) and the map it names; throws ScenarioError listing every problem found. */
export function loadScenario(file: string, read: ReadText): Scenario {
  const text = readOrProblem(file, read);
  if (typeof text !== 'string') throw new ScenarioError([text]);
  return loadScenarioText(file, text, read);
}

export function loadScenarioText(file: string, text: string, read: ReadText): Scenario {
  const parsed = parseText(file, text);
  if (parsed.problems.length > 0) throw new ScenarioError(parsed.problems);
  const { data, problems } = validate(parsed.source, parsed.value, ScenarioSchema);
  if (!data) throw new ScenarioError(problems);
  const mapFile = joinPath(dirname(file), data.map);
  const mapText = readOrProblem(mapFile, read, { source: parsed.source, path: ['map'] });
  if (typeof mapText !== 'string') throw new ScenarioError([mapText]);
  const { map, problems: mapProblems } = parseMap(mapFile, mapText);
  if (!map || mapProblems.length > 0) throw new ScenarioError(mapProblems);
  const refProblems = checkScenario(parsed.source, data, map);
  if (refProblems.length > 0) throw new ScenarioError(refProblems);
  return { file, data, map, contentHash: hashValue({ scenario: data, map }) };
}

function checkScenario(source: SourceFile, s: ScenarioData, map: MapData): Problem[] {
  const problems: Problem[] = [];
  const places = new Set(map.locations.map((l) => l.id));
  const mapPosts = new Set(map.posts.map((p) => p.id));
  const actors = duplicates(source, s.actors, 'actors', 'actor', problems);
  duplicates(source, s.units, 'units', 'unit', problems);
  const unitActor = new Map(s.units.map((u) => [u.id, u.actor]));
  const place = (path: (string | number)[], id: string) => {
    if (!places.has(id))
      problems.push(source.problem(path, `unknown location "${id}" (not on map ${map.id})`));
  };
  const actor = (path: (string | number)[], id: string) => {
    if (!actors.has(id)) problems.push(source.problem(path, `unknown actor "${id}"`));
  };
  const start = parseIsoDate(s.calendar.start);
  if (start === null)
    problems.push(source.problem(['calendar', 'start'], `"${s.calendar.start}" is not a real date`));
  s.actors.forEach((a, i) => a.supplySources.forEach((l, j) => place(['actors', i, 'supplySources', j], l)));
  s.relations.forEach((r, i) => {
    actor(['relations', i, 'a'], r.a);
    actor(['relations', i, 'b'], r.b);
    if (r.a === r.b) problems.push(source.problem(['relations', i], 'a relation joins two different actors'));
  });
  if (s.control.default !== '') actor(['control', 'default'], s.control.default);
  const held = new Map<string, string>();
  for (const [who, list] of Object.entries(s.control.holds)) {
    actor(['control', 'holds', who], who);
    list.forEach((l, j) => {
      place(['control', 'holds', who, j], l);
      if (held.has(l))
        problems.push(source.problem(['control', 'holds', who, j], `"${l}" is also held by ${held.get(l)}`));
      held.set(l, who);
    });
  }
  const seenPosts = new Set<string>();
  s.posts.forEach((p, i) => {
    if (!mapPosts.has(p.id))
      problems.push(source.problem(['posts', i, 'id'], `the map has no observation post "${p.id}"`));
    if (seenPosts.has(p.id))
      problems.push(source.problem(['posts', i, 'id'], `post "${p.id}" is listed twice`));
    seenPosts.add(p.id);
    actor(['posts', i, 'actor'], p.actor);
    if (p.supplyDays > p.maxSupplyDays)
      problems.push(
        source.problem(
          ['posts', i, 'supplyDays'],
          `supplyDays ${p.supplyDays} exceeds maxSupplyDays ${p.maxSupplyDays}`,
        ),
      );
  });
  s.units.forEach((u, i) => {
    actor(['units', i, 'actor'], u.actor);
    place(['units', i, 'location'], u.location);
  });
  const zones = new Set(map.zones.map((z) => z.id));
  const highways = new Set(map.highways.map((h) => h.id));
  const zone = (path: (string | number)[], id: string) => {
    if (id !== '' && !zones.has(id)) problems.push(source.problem(path, `unknown zone "${id}"`));
  };
  const highway = (path: (string | number)[], id: string) => {
    if (id !== '' && !highways.has(id)) problems.push(source.problem(path, `unknown highway "${id}"`));
  };
  const agreementIds = duplicates(source, s.agreements, 'agreements', 'agreement', problems);
  s.agreements.forEach((a, i) => {
    a.parties.forEach((p, j) => actor(['agreements', i, 'parties', j], p));
    a.obligations.forEach((o, j) => {
      actor(['agreements', i, 'obligations', j, 'actor'], o.actor);
      zone(['agreements', i, 'obligations', j, 'zone'], o.zone);
      highway(['agreements', i, 'obligations', j, 'highway'], o.highway);
      if (o.kind === 'open_highway' && o.highway === '')
        problems.push(
          source.problem(['agreements', i, 'obligations', j], 'an open_highway obligation names its highway'),
        );
    });
  });
  duplicates(source, s.patrols, 'patrols', 'patrol', problems);
  s.patrols.forEach((p, i) => {
    p.actors.forEach((a, j) => actor(['patrols', i, 'actors', j], a));
    p.route.forEach((l, j) => place(['patrols', i, 'route', j], l));
  });
  duplicates(source, s.reporting, 'reporting', 'source', problems);
  s.reporting.forEach((r, i) => {
    for (const key of Object.keys(r.bias)) if (key !== '*') actor(['reporting', i, 'bias', key], key);
  });
  const postIds = new Set(s.posts.map((p) => p.id));
  const checkCondition = (path: (string | number)[], c: unknown): void => {
    const node = c as Record<string, unknown>;
    if (Array.isArray(node.all)) node.all.forEach((x, k) => checkCondition([...path, 'all', k], x));
    else if (Array.isArray(node.any)) node.any.forEach((x, k) => checkCondition([...path, 'any', k], x));
    else if (node.not !== undefined) checkCondition([...path, 'not'], node.not);
    else if (node.controls) {
      const v = node.controls as { actor: string; location: string };
      actor([...path, 'controls', 'actor'], v.actor);
      place([...path, 'controls', 'location'], v.location);
    } else if (node.highway_open) {
      const v = node.highway_open as { highway: string; actor: string; from?: string; to?: string };
      highway([...path, 'highway_open', 'highway'], v.highway);
      actor([...path, 'highway_open', 'actor'], v.actor);
      if (v.from !== undefined) place([...path, 'highway_open', 'from'], v.from);
      if (v.to !== undefined) place([...path, 'highway_open', 'to'], v.to);
    } else if (node.post_status) {
      const v = node.post_status as { post: string };
      if (!postIds.has(v.post))
        problems.push(source.problem([...path, 'post_status', 'post'], `post "${v.post}" is not in play`));
    } else if (node.agreement_status) {
      const v = node.agreement_status as { agreement: string };
      if (!agreementIds.has(v.agreement))
        problems.push(
          source.problem([...path, 'agreement_status', 'agreement'], `unknown agreement "${v.agreement}"`),
        );
    } else if (node.compare) {
      const v = node.compare as { left: unknown; right: unknown };
      checkExpr([...path, 'compare', 'left'], v.left);
      checkExpr([...path, 'compare', 'right'], v.right);
    }
  };
  const checkExpr = (path: (string | number)[], e: unknown): void => {
    if (typeof e !== 'object' || e === null) return;
    const node = e as Record<string, unknown>;
    for (const key of ['pressure', 'losses', 'score'])
      if (typeof node[key] === 'string') actor([...path, key], node[key] as string);
    if (Array.isArray(node.tension))
      (node.tension as string[]).forEach((a, k) => actor([...path, 'tension', k], a));
    for (const key of ['count_locations', 'count_units', 'count_posts']) {
      const v = node[key] as { actor?: string; zone?: string } | undefined;
      if (!v) continue;
      if (v.actor !== undefined) actor([...path, key, 'actor'], v.actor);
      if (v.zone !== undefined) zone([...path, key, 'zone'], v.zone);
    }
  };
  duplicates(source, s.victory.objectives, ['victory', 'objectives'], 'objective', problems);
  s.victory.objectives.forEach((o, i) => {
    actor(['victory', 'objectives', i, 'actor'], o.actor);
    checkCondition(['victory', 'objectives', i, 'condition'], o.condition);
  });
  s.victory.suddenDeath.forEach((d, i) => {
    if (d.result !== 'all_lose') actor(['victory', 'suddenDeath', i, 'result'], d.result);
    checkCondition(['victory', 'suddenDeath', i, 'condition'], d.condition);
  });
  s.script.forEach((entry, i) => {
    actor(['script', i, 'actor'], entry.actor);
    if (entry.date !== undefined && start !== null) {
      const day = parseIsoDate(entry.date);
      if (day === null)
        problems.push(source.problem(['script', i, 'date'], `"${entry.date}" is not a real date`));
      else {
        const turn = turnOfDay({ ...s.calendar, startDay: start }, day);
        if (turn < 1 || turn > s.calendar.turns)
          problems.push(
            source.problem(
              ['script', i, 'date'],
              `${entry.date} falls outside the scenario's ${s.calendar.turns} turns`,
            ),
          );
      }
    }
    if (entry.turn !== undefined && entry.turn > s.calendar.turns)
      problems.push(
        source.problem(
          ['script', i, 'turn'],
          `turn ${entry.turn} is after the last turn (${s.calendar.turns})`,
        ),
      );
    entry.orders.forEach((order, j) => {
      const at = ['script', i, 'orders', j];
      if (order.kind === 'move' || order.kind === 'hold') {
        const owner = unitActor.get(order.unit);
        if (owner === undefined)
          problems.push(source.problem([...at, 'unit'], `unknown unit "${order.unit}"`));
        else if (owner !== entry.actor)
          problems.push(
            source.problem([...at, 'unit'], `unit "${order.unit}" belongs to ${owner}, not ${entry.actor}`),
          );
      }
      if (order.kind === 'move') place([...at, 'to'], order.to);
      if (order.kind === 'dispatch_convoy') {
        place([...at, 'from'], order.from);
        if (!mapPosts.has(order.post))
          problems.push(source.problem([...at, 'post'], `unknown observation post "${order.post}"`));
        order.route?.forEach((l, k) => place([...at, 'route', k], l));
      }
    });
  });
  return problems;
}
