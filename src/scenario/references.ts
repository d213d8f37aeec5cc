// The reference layer: every id a map or scenario mentions must name something that exists (with
// "did you mean" for near misses), ids are unique, dates are real and inside the calendar, roads
// join what highways and patrol routes say they join. One implementation for the loader (which
// throws these as errors) and for `idlib-sim check`.
import { parseIsoDate, turnOfDay } from '../engine/index.ts';
import { formatPath, type Reporter } from './diagnostics.ts';
import type { Path } from './parse.ts';
import { HISTORY_SEEN_KINDS, type MapData, type ScenarioData } from './schema.ts';
import { checkTexts } from './texts.ts';

type P = (string | number)[];

/** Records each id of a list; a repeated one is DUPLICATE_ID. Returns the ids. */
function unique(rep: Reporter, list: readonly { id: string }[], at: Path, what: string): Set<string> {
  const first = new Map<string, number>();
  list.forEach((item, i) => {
    const before = first.get(item.id);
    if (before !== undefined)
      rep.add(
        'DUPLICATE_ID',
        [...at, i, 'id'],
        `The ${what} id "${item.id}" is used twice (first at ${formatPath([...at, before])}); ids must be unique.`,
      );
    else first.set(item.id, i);
  });
  return new Set(first.keys());
}

function checkDate(rep: Reporter, path: P, text: string | undefined): number | null {
  if (text === undefined) return null;
  const day = parseIsoDate(text);
  if (day === null) rep.add('BAD_DATE', path, `"${text}" is not a real date (YYYY-MM-DD).`);
  return day;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * A checker of references of one kind: true for a known id; UNKNOWN_REF with a suggestion
 * otherwise, except for an id in `unsure` (written in a part of the file the schema refused), which
 * is neither confirmed nor reported.
 */
function refsOf(rep: Reporter, kind: string, known: ReadonlySet<string>, where = '', unsure = NONE) {
  return (path: P, id: string): boolean => {
    if (known.has(id)) return true;
    if (unsure.has(id)) return false;
    const hint = rep.suggest(id, known);
    rep.add('UNKNOWN_REF', path, `Unknown ${kind} "${id}"${hint === '' ? where : ''}.${hint}`);
    return false;
  };
}

/** Which places a road of each class joins: `from|class` → set of `to`, both ways. */
function roadIndex(map: MapData): Map<string, Set<string>> {
  const joined = new Map<string, Set<string>>();
  for (const road of map.roads) {
    for (const [a, b] of [
      [road.from, road.to],
      [road.to, road.from],
    ] as const) {
      for (const key of [`${a}|${road.class}`, `${a}|*`]) {
        if (!joined.has(key)) joined.set(key, new Set());
        joined.get(key)!.add(b);
      }
    }
  }
  return joined;
}

export function checkMapReferences(rep: Reporter, map: MapData): void {
  const places = unique(rep, map.locations, ['locations'], 'location');
  const kinds = new Map(map.locations.map((l) => [l.id, l.kind]));
  unique(rep, map.roads, ['roads'], 'road');
  unique(rep, map.highways, ['highways'], 'highway');
  unique(rep, map.posts, ['posts'], 'post');
  unique(rep, map.zones, ['zones'], 'zone');
  const place = refsOf(rep, 'location', places);
  map.sources.forEach((s, i) => checkDate(rep, ['sources', i, 'date'], s.date));
  map.roads.forEach((road, i) => {
    place(['roads', i, 'from'], road.from);
    place(['roads', i, 'to'], road.to);
    if (road.from === road.to)
      rep.add('SELF_REFERENCE', ['roads', i, 'to'], `The road "${road.id}" joins "${road.from}" to itself.`);
  });
  const joined = roadIndex(map);
  map.highways.forEach((hw, i) => {
    hw.waypoints.forEach((wp, j) => {
      const known = place(['highways', i, 'waypoints', j], wp);
      const prev = hw.waypoints[j - 1];
      if (
        j > 0 &&
        known &&
        prev !== undefined &&
        places.has(prev) &&
        !joined.get(`${prev}|${hw.id}`)?.has(wp)
      )
        rep.add(
          'HIGHWAY_GAP',
          ['highways', i, 'waypoints', j],
          `No ${hw.id} road joins "${prev}" and "${wp}": add a road of class ${hw.id} between them.`,
        );
    });
  });
  map.posts.forEach((post, i) => {
    if (place(['posts', i, 'location'], post.location) && kinds.get(post.location) !== 'post')
      rep.add(
        'WRONG_KIND',
        ['posts', i, 'location'],
        `"${post.location}" is a ${kinds.get(post.location)}: a post stands on a location of kind post.`,
      );
    checkDate(rep, ['posts', i, 'established'], post.established);
  });
  map.zones.forEach((zone, i) =>
    zone.locations.forEach((loc, j) => place(['zones', i, 'locations', j], loc)),
  );
}

type ConditionNode = Record<string, unknown>;

/** The keys of a convoy, in a script order or a trigger action. */
interface ConvoyKeys {
  from: string;
  post: string;
  route?: string[] | undefined;
  escort: string;
}

/**
 * Checks every reference of a scenario against itself and its map (which must be free of errors).
 * Returns nothing: the problems go to `rep`. `unsure` holds the ids written in parts of the file
 * the schema refused (see salvage.ts): references to them are not reported.
 */
export function checkScenarioReferences(
  rep: Reporter,
  s: ScenarioData,
  map: MapData,
  unsure: ReadonlySet<string> = NONE,
): void {
  const refs = (kind: string, known: ReadonlySet<string>, where = '') =>
    refsOf(rep, kind, known, where, unsure);
  const isActor = (id: string) => actors.has(id) || unsure.has(id);
  const places = new Set(map.locations.map((l) => l.id));
  const mapPosts = new Set(map.posts.map((p) => p.id));
  const zones = new Set(map.zones.map((z) => z.id));
  const highways = new Set(map.highways.map((h) => h.id));
  const actors = unique(rep, s.actors, ['actors'], 'actor');
  const units = unique(rep, s.forces, ['forces'], 'unit');
  const unitActor = new Map(s.forces.map((u) => [u.id, u.actor]));
  // Units a trigger brings in count as units too (for remove_units and later orders).
  s.triggers.forEach((t, i) =>
    t.then.forEach((action, j) => {
      if (!('spawn_units' in action)) return;
      action.spawn_units.forEach((u, k) => {
        const at: P = ['triggers', i, 'then', j, 'spawn_units', k, 'id'];
        if (units.has(u.id))
          rep.add(
            'DUPLICATE_ID',
            at,
            `The unit id "${u.id}" is already used (by a force or another spawned unit); ids must be unique.`,
          );
        units.add(u.id);
        unitActor.set(u.id, u.actor);
      });
      if (!t.once)
        rep.add(
          'SPAWN_NOT_ONCE',
          ['triggers', i, 'then', j],
          `The trigger "${t.id}" can fire more than once (once: false), but the units it spawns have fixed ids: the second firing would clash. Make it once: true, or use a trigger per wave.`,
        );
    }),
  );
  const place = refs('location', places, ` (not on map ${map.id})`);
  const actor = refs('actor', actors);
  const zone = refs('zone', zones, ` (not on map ${map.id})`);
  const highway = refs('highway', highways, ` (not on map ${map.id})`);
  const mapPost = refs('observation post', mapPosts, ` (not on map ${map.id})`);
  const unit = refs('unit', units);

  s.meta.sources.forEach((src, i) => checkDate(rep, ['meta', 'sources', i, 'date'], src.date));
  const start = checkDate(rep, ['calendar', 'start'], s.calendar.start);
  const calendar = start === null ? null : { ...s.calendar, startDay: start };

  s.actors.forEach((a, i) => a.supplySources.forEach((l, j) => place(['actors', i, 'supplySources', j], l)));
  s.relations.forEach((r, i) => {
    actor(['relations', i, 'a'], r.a);
    actor(['relations', i, 'b'], r.b);
    if (r.a === r.b)
      rep.add(
        'SELF_REFERENCE',
        ['relations', i, 'b'],
        `A relation joins two different actors, not "${r.a}" to itself.`,
      );
  });
  if (s.control.default !== '') actor(['control', 'default'], s.control.default);
  const held = new Map<string, string>();
  for (const [who, list] of Object.entries(s.control.holds)) {
    if (!isActor(who)) {
      const hint = rep.suggest(who, actors);
      rep.addAtKey('UNKNOWN_REF', ['control', 'holds'], who, `Unknown actor "${who}".${hint}`);
    }
    list.forEach((l, j) => {
      place(['control', 'holds', who, j], l);
      const other = held.get(l);
      if (other !== undefined)
        rep.add(
          'HELD_TWICE',
          ['control', 'holds', who, j],
          `"${l}" is also held by ${other}: one holder per place.`,
        );
      held.set(l, who);
    });
  }
  const postsInPlay = unique(rep, s.posts, ['posts'], 'post');
  s.posts.forEach((p, i) => {
    mapPost(['posts', i, 'id'], p.id);
    actor(['posts', i, 'actor'], p.actor);
    if (p.supplyDays > p.maxSupplyDays)
      rep.add(
        'OVER_MAX',
        ['posts', i, 'supplyDays'],
        `supplyDays ${p.supplyDays} is over maxSupplyDays ${p.maxSupplyDays}.`,
      );
  });
  s.forces.forEach((u, i) => {
    actor(['forces', i, 'actor'], u.actor);
    place(['forces', i, 'location'], u.location);
  });
  for (const key of Object.keys(s.meters.internationalPressure ?? {}))
    if (!isActor(key))
      rep.addAtKey(
        'UNKNOWN_REF',
        ['meters', 'internationalPressure'],
        key,
        `Unknown actor "${key}".${rep.suggest(key, actors)}`,
      );

  const agreements = unique(rep, s.agreements, ['agreements'], 'agreement');
  s.agreements.forEach((a, i) => {
    a.parties.forEach((p, j) => actor(['agreements', i, 'parties', j], p));
    if (typeof a.start === 'string') checkDate(rep, ['agreements', i, 'start'], a.start);
    unique(rep, a.obligations, ['agreements', i, 'obligations'], 'obligation');
    a.obligations.forEach((o, j) => {
      const at: P = ['agreements', i, 'obligations', j];
      actor([...at, 'actor'], o.actor);
      if (o.zone !== '') zone([...at, 'zone'], o.zone);
      if (o.highway !== '') highway([...at, 'highway'], o.highway);
      if (o.kind === 'open_highway' && o.highway === '')
        rep.add(
          'REQUIRED',
          [...at, 'highway'],
          'An open_highway obligation names its highway (e.g. highway: M5).',
        );
      checkDate(rep, [...at, 'deadline'], o.deadline);
    });
  });

  const patrols = unique(rep, s.patrols, ['patrols'], 'patrol');
  const joined = roadIndex(map);
  s.patrols.forEach((p, i) => {
    p.actors.forEach((a, j) => actor(['patrols', i, 'actors', j], a));
    p.route.forEach((l, j) => {
      const known = place(['patrols', i, 'route', j], l);
      const prev = p.route[j - 1];
      if (j > 0 && known && prev !== undefined && places.has(prev) && !joined.get(`${prev}|*`)?.has(l))
        rep.add(
          'ROUTE_GAP',
          ['patrols', i, 'route', j],
          `No road joins "${prev}" and "${l}": a patrol route goes from place to neighbouring place.`,
        );
    });
  });

  unique(rep, s.reporting, ['reporting'], 'source');
  s.reporting.forEach((r, i) => {
    for (const key of Object.keys(r.bias))
      if (key !== '*' && !isActor(key))
        rep.addAtKey(
          'UNKNOWN_REF',
          ['reporting', i, 'bias'],
          key,
          `Unknown actor "${key}".${rep.suggest(key, actors)}`,
        );
  });

  const variables = unique(rep, s.variables, ['variables'], 'variable');
  const variableType = new Map(s.variables.map((v) => [v.id, v.type]));
  const variable = refs('variable', variables);
  const triggers = unique(rep, s.triggers, ['triggers'], 'trigger');
  const trigger = refs('trigger', triggers);
  const objectives = unique(rep, s.objectives, ['objectives'], 'objective');
  const objective = refs('objective', objectives);
  const agreement = refs('agreement', agreements);
  /** A variable of the given type: UNKNOWN_REF or WRONG_KIND otherwise. */
  const typedVariable = (path: P, id: string, type: 'number' | 'flag', why: string): void => {
    if (!variable(path, id)) return;
    if (variableType.get(id) !== type)
      rep.add(
        'WRONG_KIND',
        path,
        `"${id}" is a ${variableType.get(id)} variable; ${why} needs a ${type} variable.`,
      );
  };

  const checkExpr = (path: P, e: unknown): void => {
    if (typeof e !== 'object' || e === null) return;
    const node = e as Record<string, unknown>;
    if (typeof node.variable === 'string') variable([...path, 'variable'], node.variable);
    if (typeof node.resource === 'string') actor([...path, 'resource'], node.resource);
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
  /** `inTrigger`: a trigger's `if`, the one place a seeded `chance` may stand. */
  const checkCondition = (path: P, c: unknown, inTrigger = false): void => {
    const node = c as ConditionNode;
    if (Array.isArray(node.all))
      node.all.forEach((x, k) => checkCondition([...path, 'all', k], x, inTrigger));
    else if (Array.isArray(node.any))
      node.any.forEach((x, k) => checkCondition([...path, 'any', k], x, inTrigger));
    else if (node.not !== undefined) checkCondition([...path, 'not'], node.not, inTrigger);
    else if (typeof node.flag === 'string')
      typedVariable([...path, 'flag'], node.flag, 'flag', 'a flag condition');
    else if (node.chance !== undefined) {
      if (!inTrigger)
        rep.add(
          'CHANCE_OUTSIDE_TRIGGER',
          [...path, 'chance'],
          "A chance draws from the game's dice, so it belongs only in a trigger's `if`: objectives and endings must not depend on a roll made while they are checked.",
        );
    } else if (node.relation) {
      const v = node.relation as { a: string; b: string };
      actor([...path, 'relation', 'a'], v.a);
      actor([...path, 'relation', 'b'], v.b);
    } else if (node.date_range) {
      const v = node.date_range as { from?: string; to?: string };
      checkDate(rep, [...path, 'date_range', 'from'], v.from);
      checkDate(rep, [...path, 'date_range', 'to'], v.to);
    } else if (node.controls) {
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
      const at = [...path, 'post_status', 'post'];
      if (!postsInPlay.has(v.post) && !unsure.has(v.post)) {
        if (mapPosts.has(v.post))
          rep.add(
            'NOT_IN_PLAY',
            at,
            `The post "${v.post}" is on the map but not in play: list it under posts.`,
          );
        else mapPost(at, v.post);
      }
    } else if (node.agreement_status) {
      const v = node.agreement_status as { agreement: string };
      agreement([...path, 'agreement_status', 'agreement'], v.agreement);
    } else if (node.compare) {
      const v = node.compare as { left: unknown; right: unknown };
      checkExpr([...path, 'compare', 'left'], v.left);
      checkExpr([...path, 'compare', 'right'], v.right);
    }
  };
  s.objectives.forEach((o, i) => {
    actor(['objectives', i, 'actor'], o.actor);
    checkCondition(['objectives', i, 'condition'], o.condition);
  });
  unique(rep, s.victory.suddenDeath, ['victory', 'suddenDeath'], 'sudden-death condition');
  s.victory.suddenDeath.forEach((d, i) => {
    if (d.result !== 'all_lose') actor(['victory', 'suddenDeath', i, 'result'], d.result);
    checkCondition(['victory', 'suddenDeath', i, 'condition'], d.condition);
  });

  const patrol = refs('patrol', patrols);
  const inCalendar = (path: P, text: string): void => {
    const day = checkDate(rep, path, text);
    if (day === null || calendar === null) return;
    const turn = turnOfDay(calendar, day);
    if (turn < 1 || turn > s.calendar.turns)
      rep.add(
        'OUTSIDE_CALENDAR',
        path,
        `${text} falls outside the scenario's ${s.calendar.turns} turns (from ${s.calendar.start}, ${s.calendar.daysPerTurn} days a turn).`,
      );
  };
  const convoy = (at: P, order: ConvoyKeys): void => {
    place([...at, 'from'], order.from);
    mapPost([...at, 'post'], order.post);
    order.route?.forEach((l, k) => place([...at, 'route', k], l));
    if (order.escort !== '') actor([...at, 'escort'], order.escort);
  };
  /** The filters of a trigger's `when` (or a history entry's `seen`) at `wp`. */
  const checkEventWhen = (wp: P, w: ScenarioData['triggers'][number]['when']): void => {
    if ('control_changed' in w) {
      const f = w.control_changed;
      const cp: P = [...wp, 'control_changed'];
      if (f.location !== undefined) place([...cp, 'location'], f.location);
      if (f.from !== undefined) actor([...cp, 'from'], f.from);
      if (f.to !== undefined) actor([...cp, 'to'], f.to);
    }
    if ('unit_destroyed' in w) {
      const f = w.unit_destroyed;
      if (f.unit !== undefined) unit([...wp, 'unit_destroyed', 'unit'], f.unit);
      if (f.actor !== undefined) actor([...wp, 'unit_destroyed', 'actor'], f.actor);
    }
    if ('post_status_changed' in w) {
      const f = w.post_status_changed;
      if (f.post !== undefined) mapPost([...wp, 'post_status_changed', 'post'], f.post);
      if (f.actor !== undefined) actor([...wp, 'post_status_changed', 'actor'], f.actor);
    }
    for (const key of ['convoy_arrived', 'convoy_interdicted'] as const) {
      if (!(key in w)) continue;
      const f = (w as Record<typeof key, { actor?: string; post?: string }>)[key];
      if (f.actor !== undefined) actor([...wp, key, 'actor'], f.actor);
      if (f.post !== undefined) mapPost([...wp, key, 'post'], f.post);
    }
    if ('agreement_changed' in w && w.agreement_changed.agreement !== undefined)
      agreement([...wp, 'agreement_changed', 'agreement'], w.agreement_changed.agreement);
    if ('variable_changed' in w)
      variable([...wp, 'variable_changed', 'variable'], w.variable_changed.variable);
    if ('score_crossed' in w) actor([...wp, 'score_crossed', 'actor'], w.score_crossed.actor);
    for (const key of ['patrol_changed', 'patrol_attacked', 'patrol_completed'] as const) {
      if (!(key in w)) continue;
      const f = (w as Record<typeof key, { patrol?: string; by?: string }>)[key];
      if (f.patrol !== undefined) patrol([...wp, key, 'patrol'], f.patrol);
      if (f.by !== undefined) actor([...wp, key, 'by'], f.by);
    }
  };
  s.history.forEach((h, i) => {
    const at: P = ['history', i];
    inCalendar([...at, 'date'], h.date);
    checkDate(rep, [...at, 'source', 'date'], h.source.date);
    if (h.seen === undefined && h.holds === undefined)
      rep.add(
        'HISTORY_UNTESTED',
        at,
        `"${h.what}" has neither \`seen\` nor \`holds\`: give the game event or the condition that stands for it, so that the historical course can be checked against it.`,
      );
    if (h.seen !== undefined) {
      const kind = Object.keys(h.seen)[0] ?? '';
      if (!(HISTORY_SEEN_KINDS as readonly string[]).includes(kind))
        rep.add(
          'HISTORY_UNTESTED',
          [...at, 'seen', kind],
          `\`seen: ${kind}\` is not an event of the game: use one of ${HISTORY_SEEN_KINDS.join(', ')} (or \`holds\` for a condition).`,
        );
      checkEventWhen([...at, 'seen'], h.seen);
    }
    if (h.holds !== undefined) checkCondition([...at, 'holds'], h.holds);
  });
  s.triggers.forEach((t, i) => {
    const at: P = ['triggers', i];
    const w = t.when;
    if ('turn' in w && w.turn > s.calendar.turns)
      rep.add(
        'OUTSIDE_CALENDAR',
        [...at, 'when', 'turn'],
        `Turn ${w.turn} is after the last turn (${s.calendar.turns}).`,
      );
    if ('date' in w) inCalendar([...at, 'when', 'date'], w.date);
    checkEventWhen([...at, 'when'], w);
    if (t.if !== undefined) checkCondition([...at, 'if'], t.if, true);
    t.then.forEach((action, j) => {
      const ap: P = [...at, 'then', j];
      if ('message' in action) action.message.to.forEach((a, k) => actor([...ap, 'message', 'to', k], a));
      else if ('set' in action) {
        const v = action.set;
        if (typeof v.value === 'boolean')
          typedVariable([...ap, 'set', 'variable'], v.variable, 'flag', 'setting true or false');
        else {
          typedVariable([...ap, 'set', 'variable'], v.variable, 'number', 'setting a number');
          checkExpr([...ap, 'set', 'value'], v.value);
        }
      } else if ('add' in action) {
        typedVariable([...ap, 'add', 'variable'], action.add.variable, 'number', 'adding');
        checkExpr([...ap, 'add', 'value'], action.add.value);
      } else if ('spawn_units' in action)
        action.spawn_units.forEach((u, k) => {
          actor([...ap, 'spawn_units', k, 'actor'], u.actor);
          place([...ap, 'spawn_units', k, 'location'], u.location);
        });
      else if ('remove_units' in action)
        action.remove_units.forEach((u, k) => unit([...ap, 'remove_units', k], u));
      else if ('set_control' in action) {
        place([...ap, 'set_control', 'location'], action.set_control.location);
        if (action.set_control.actor !== '') actor([...ap, 'set_control', 'actor'], action.set_control.actor);
      } else if ('tension' in action) {
        actor([...ap, 'tension', 'a'], action.tension.a);
        actor([...ap, 'tension', 'b'], action.tension.b);
        if (action.tension.a === action.tension.b)
          rep.add(
            'SELF_REFERENCE',
            [...ap, 'tension', 'b'],
            `Tension is between two different actors, not "${action.tension.a}" and itself.`,
          );
      } else if ('points' in action) actor([...ap, 'points', 'actor'], action.points.actor);
      else if ('objective' in action) objective([...ap, 'objective', 'id'], action.objective.id);
      else if ('enable' in action) trigger([...ap, 'enable'], action.enable);
      else if ('disable' in action) trigger([...ap, 'disable'], action.disable);
      else if ('start_agreement' in action) agreement([...ap, 'start_agreement'], action.start_agreement);
      else if ('end_agreement' in action) agreement([...ap, 'end_agreement'], action.end_agreement);
      else if ('dispatch_convoy' in action) {
        actor([...ap, 'dispatch_convoy', 'actor'], action.dispatch_convoy.actor);
        convoy([...ap, 'dispatch_convoy'], action.dispatch_convoy);
      } else if ('end_scenario' in action) {
        const r = action.end_scenario.result;
        if (r !== 'all_lose' && r !== 'score') actor([...ap, 'end_scenario', 'result'], r);
      }
    });
  });

  s.script.forEach((entry, i) => {
    actor(['script', i, 'actor'], entry.actor);
    const day = checkDate(rep, ['script', i, 'date'], entry.date);
    if (day !== null && calendar !== null) {
      const turn = turnOfDay(calendar, day);
      if (turn < 1 || turn > s.calendar.turns)
        rep.add(
          'OUTSIDE_CALENDAR',
          ['script', i, 'date'],
          `${entry.date} falls outside the scenario's ${s.calendar.turns} turns (from ${s.calendar.start}, ${s.calendar.daysPerTurn} days a turn).`,
        );
    }
    if (entry.turn !== undefined && entry.turn > s.calendar.turns)
      rep.add(
        'OUTSIDE_CALENDAR',
        ['script', i, 'turn'],
        `Turn ${entry.turn} is after the last turn (${s.calendar.turns}).`,
      );
    const own = (path: P, id: string) => {
      if (!unit(path, id)) return;
      const owner = unitActor.get(id);
      if (owner !== entry.actor && actors.has(entry.actor))
        rep.add('NOT_YOUR_UNIT', path, `The unit "${id}" belongs to ${owner}, not ${entry.actor}.`);
    };
    entry.orders.forEach((order, j) => {
      const at: P = ['script', i, 'orders', j];
      switch (order.kind) {
        case 'move':
          own([...at, 'unit'], order.unit);
          place([...at, 'to'], order.to);
          break;
        case 'hold':
        case 'establish_post':
        case 'set_checkpoint':
          own([...at, 'unit'], order.unit);
          break;
        case 'assault':
          order.units.forEach((u, k) => own([...at, 'units', k], u));
          place([...at, 'target'], order.target);
          break;
        case 'strike':
          if (order.unit !== '') own([...at, 'unit'], order.unit);
          place([...at, 'target'], order.target);
          break;
        case 'dispatch_convoy':
          convoy(at, order);
          break;
        case 'evacuate_post':
          mapPost([...at, 'post'], order.post);
          break;
        case 'run_patrol':
        case 'suspend_patrol':
          patrol([...at, 'patrol'], order.patrol);
          break;
        case 'propose_ceasefire':
        case 'accept_ceasefire':
        case 'reject_ceasefire':
        case 'leaders_call':
        case 'protest':
          actor([...at, 'to'], order.to);
          break;
        case 'request_us_support':
          break;
      }
    });
  });

  checkTexts(rep, s);

  const params = s.params;
  if (params.aidCrossing !== undefined) place(['params', 'aidCrossing'], params.aidCrossing);
  if (params.deEscalationZone !== undefined) zone(['params', 'deEscalationZone'], params.deEscalationZone);
  for (const [role, id] of Object.entries(params.actorRoles ?? {}))
    if (id !== undefined) actor(['params', 'actorRoles', role], id);
}
