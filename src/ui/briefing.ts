// The briefing, between the menu and the map: the situation (the scenario's briefing, paragraph by
// paragraph), each side's own view with its objectives and its stance towards the others, the
// sources with their links, and the choice of roles — a student or the computer for each side
// (several students take turns at one computer), with the seed. `briefingModel` turns the
// scenario into everything shown (pure, tested in tests/unit/briefing-model.test.ts); the DOM code
// only lays it out, as text, and reports Start and Back to the hooks.
import { formatLongDate, parseIsoDate, textIn, type Stance } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { actorColours } from '../game/palette.ts';
import { button, el, focusSoon, showScreen, uniqueId } from './dom.ts';
import { lengthText, periodOf } from './menu.ts';
import './screens.css';

export type Role = 'student' | 'computer';

export interface BriefingHooks {
  scenario: Scenario;
  /** The default seed, shown in an input the instructor may change. */
  seed: string;
  onStart(roles: Record<string, Role>, seed: string): void;
  onBack(): void;
}

export interface BriefingObjective {
  id: string;
  text: string;
  points: number;
  when: 'end' | 'once';
  /** "50 points if it holds at the end" / "20 points the first turn it holds". */
  scoring: string;
}

export interface BriefingStance {
  /** The other actor's id and name. */
  actor: string;
  name: string;
  stance: Stance;
  /** 0-100. */
  tension: number;
  /** "Hostile to Turkey (tension 60 of 100)". */
  text: string;
}

export interface BriefingActor {
  id: string;
  name: string;
  /** The actor's colour (actorColours): for its swatch. */
  colour: string;
  /** The same colour darkened, where needed, until it reads as text on white (contrast 4.5:1). */
  textColour: string;
  /** The actor's own view, in paragraphs; empty when the scenario gives none. */
  view: string[];
  objectives: BriefingObjective[];
  /** Towards every other actor, in the order the scenario lists them. */
  stances: BriefingStance[];
}

export interface BriefingSource {
  title: string;
  publisher: string;
  /** "18 Feb 2020", or '' when the source has no date. */
  date: string;
  /** The address as written ('' when none). */
  url: string;
  /** The address as a link target: only http(s) addresses; null for anything else. */
  href: string | null;
}

export interface BriefingModel {
  id: string;
  title: string;
  period: string;
  /** "56 turns of 2 days". */
  length: string;
  /** The scenario's briefing split into paragraphs. */
  paragraphs: string[];
  actors: BriefingActor[];
  sources: BriefingSource[];
  /** The first actor a student, all others the computer. */
  defaultRoles: Record<string, Role>;
}

// ---------------------------------------------------------------- pure helpers (tested)

/** Paragraphs of a text: split on blank lines, each paragraph's line breaks and runs of spaces made one space. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** The address as a link target when it is an absolute http or https URL; null otherwise (javascript:, data:, relative…). */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function channels(colour: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const ca = channels(a);
  const cb = channels(b);
  if (!ca || !cb) return 1;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `colour` if text in it reads on `background` (contrast at least 4.5:1), else the colour mixed
 * with black in steps of 5 % until it does: still recognisably the actor's colour.
 */
export function readableColour(colour: string, background = '#ffffff'): string {
  const c = channels(colour);
  if (!c) return '#1e1e1e';
  for (let keep = 100; keep >= 0; keep -= 5) {
    const mixed =
      '#' +
      c
        .map((v) =>
          Math.round((v * keep) / 100)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('');
    if (contrastRatio(mixed, background) >= 4.5) return keep === 100 ? colour : mixed;
  }
  return '#000000';
}

const STANCE_WORDS: Record<Stance, string> = {
  allied: 'Allied with',
  neutral: 'Neutral towards',
  hostile: 'Hostile to',
};

/** What the briefing shows of a scenario: all its derived content. */
export function briefingModel(scenario: Scenario): BriefingModel {
  const data = scenario.data;
  const colours = actorColours(scenario);
  const names = new Map(data.actors.map((a) => [a.id, a.name]));

  /** The first relation listed for a pair decides (as the engine's stanceOf); pairs not listed are neutral. */
  const relation = (a: string, b: string): { stance: Stance; tension: number } => {
    const r = data.relations.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
    return r ? { stance: r.stance, tension: r.tension } : { stance: 'neutral', tension: 0 };
  };

  const actors: BriefingActor[] = data.actors.map((actor) => {
    const colour = colours[actor.id]!;
    return {
      id: actor.id,
      name: actor.name,
      colour,
      textColour: readableColour(colour),
      view: actor.view === undefined ? [] : paragraphsOf(textIn(actor.view)),
      objectives: data.objectives
        .filter((o) => o.actor === actor.id)
        .map((o) => ({
          id: o.id,
          text: textIn(o.text),
          points: o.points,
          when: o.when,
          scoring:
            `${o.points} point${Math.abs(o.points) === 1 ? '' : 's'} ` +
            (o.when === 'once' ? 'the first turn it holds' : 'if it holds at the end'),
        })),
      stances: data.actors
        .filter((other) => other.id !== actor.id)
        .map((other) => {
          const { stance, tension } = relation(actor.id, other.id);
          const name = names.get(other.id)!;
          return {
            actor: other.id,
            name,
            stance,
            tension,
            text: `${STANCE_WORDS[stance]} ${name} (tension ${tension} of 100)`,
          };
        }),
    };
  });

  const sources: BriefingSource[] = data.meta.sources.map((s) => {
    const day = s.date === undefined ? null : parseIsoDate(s.date);
    return {
      title: s.title,
      publisher: s.publisher ?? '',
      date: s.date === undefined ? '' : day === null ? s.date : formatLongDate(day),
      url: s.url ?? '',
      href: s.url === undefined ? null : safeHref(s.url),
    };
  });

  const defaultRoles: Record<string, Role> = {};
  data.actors.forEach((a, i) => (defaultRoles[a.id] = i === 0 ? 'student' : 'computer'));

  return {
    id: data.id,
    title: textIn(data.title),
    period: periodOf(scenario),
    length: lengthText(data.calendar.turns, data.calendar.daysPerTurn),
    paragraphs: paragraphsOf(textIn(data.briefing)),
    actors,
    sources,
    defaultRoles,
  };
}

/** The line under the roles: who plays, and what several students or none mean. */
export function rolesHint(model: BriefingModel, roles: Readonly<Record<string, Role>>): string {
  const students = model.actors.filter((a) => roles[a.id] === 'student').map((a) => a.name);
  if (students.length === 0)
    return 'No student: the computer plays every side and you watch the game unfold.';
  if (students.length === 1) return `One student plays ${students[0]}; the computer plays the others.`;
  return (
    `${students.length} students (${listWords(students)}) take turns at this computer (hot-seat): ` +
    "before each one's turn a hand-over screen hides the previous player's view."
  );
}

function listWords(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

// ---------------------------------------------------------------- the screen

function section(headingText: string, className: string): { box: HTMLElement; heading: HTMLElement } {
  const id = uniqueId('briefing');
  const box = el('section', { class: `screen-block ${className}`, 'aria-labelledby': id });
  const heading = el('h2', { id }, headingText);
  box.append(heading);
  return { box, heading };
}

function actorSection(actor: BriefingActor): HTMLElement {
  const id = uniqueId('actor');
  const box = el('section', { class: 'actor-view', 'aria-labelledby': id });
  box.style.setProperty('--actor-colour', actor.colour);
  const heading = el('h3', { id });
  const swatch = el('span', { class: 'actor-swatch', 'aria-hidden': 'true' });
  swatch.style.backgroundColor = actor.colour;
  const name = el('span', { class: 'actor-name' }, actor.name);
  name.style.color = actor.textColour;
  heading.append(swatch, name);
  box.append(heading);

  if (actor.view.length === 0)
    box.append(el('p', { class: 'screen-muted' }, 'The scenario gives no view for this side.'));
  for (const p of actor.view) box.append(el('p', {}, p));

  box.append(el('h4', {}, 'Objectives'));
  if (actor.objectives.length === 0) box.append(el('p', { class: 'screen-muted' }, 'No scored objectives.'));
  else {
    const list = el('ul', { class: 'actor-objectives' });
    for (const o of actor.objectives) {
      const li = el('li', {}, o.text);
      li.append(el('span', { class: 'objective-scoring' }, ` — ${o.scoring}`));
      list.append(li);
    }
    box.append(list);
  }

  if (actor.stances.length > 0) {
    box.append(el('h4', {}, 'Towards the others'));
    const list = el('ul', { class: 'actor-stances' });
    for (const s of actor.stances) list.append(el('li', { class: `actor-stance-${s.stance}` }, s.text));
    box.append(list);
  }
  return box;
}

function sourceItem(s: BriefingSource): HTMLElement {
  const li = el('li', {});
  li.append(el('cite', {}, s.title));
  const facts = [s.publisher, s.date].filter((x) => x !== '').join(', ');
  if (facts !== '') li.append(document.createTextNode(` — ${facts}`));
  if (s.url !== '') {
    const where = el('span', { class: 'source-url' });
    if (s.href !== null)
      where.append(el('a', { href: s.href, rel: 'noopener noreferrer', target: '_blank' }, s.url));
    else where.textContent = s.url;
    li.append(where);
  }
  return li;
}

function roleFieldset(actor: BriefingActor, role: Role, onChange: () => void): HTMLFieldSetElement {
  const set = el('fieldset', { class: 'role-set' });
  const legend = el('legend', {});
  const swatch = el('span', { class: 'actor-swatch', 'aria-hidden': 'true' });
  swatch.style.backgroundColor = actor.colour;
  legend.append(swatch, document.createTextNode(actor.name));
  set.append(legend);
  const name = uniqueId(`role-${actor.id}`);
  for (const [value, label] of [
    ['student', 'Student'],
    ['computer', 'Computer'],
  ] as const) {
    const id = `${name}-${value}`;
    const input = el('input', {
      type: 'radio',
      name,
      id,
      value,
      'data-actor': actor.id,
      checked: value === role,
    });
    input.addEventListener('change', onChange);
    const wrap = el('span', { class: 'role-choice' });
    wrap.append(input, el('label', { for: id }, label));
    set.append(wrap);
  }
  return set;
}

export function showBriefing(root: HTMLElement, hooks: BriefingHooks): void {
  const model = briefingModel(hooks.scenario);
  const screen = el('article', { class: 'screen screen-briefing', 'aria-labelledby': 'briefing-title' });

  const header = el('header', { class: 'screen-header' });
  const title = el('h1', { id: 'briefing-title', tabindex: -1 }, model.title);
  header.append(
    el('p', { class: 'screen-eyebrow' }, 'Briefing'),
    title,
    el('p', { class: 'screen-lede' }, `${model.period} · ${model.length}`),
  );
  screen.append(header);

  const situation = section('The situation', 'briefing-situation');
  for (const p of model.paragraphs) situation.box.append(el('p', {}, p));
  screen.append(situation.box);

  const views = section("Each side's view", 'briefing-views');
  for (const actor of model.actors) views.box.append(actorSection(actor));
  screen.append(views.box);

  if (model.sources.length > 0) {
    const sources = section('Sources', 'briefing-sources');
    const list = el('ul', { class: 'source-list' });
    for (const s of model.sources) list.append(sourceItem(s));
    sources.box.append(list);
    screen.append(sources.box);
  }

  // The roles and the seed: a form, so that Enter in the seed field starts the game as well.
  const form = el('form', {
    class: 'screen-block roles-form',
    'aria-labelledby': 'roles-heading',
    novalidate: true,
  });
  form.append(
    el('h2', { id: 'roles-heading' }, 'Who plays whom'),
    el('p', {}, 'For each side, choose a student or the computer.'),
  );
  const hint = el('p', { class: 'screen-hint', 'aria-live': 'polite' });
  const chosen = (): Record<string, Role> => {
    const roles: Record<string, Role> = { ...model.defaultRoles };
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')) {
      const actor = input.dataset.actor;
      if (actor !== undefined) roles[actor] = input.value === 'student' ? 'student' : 'computer';
    }
    return roles;
  };
  const refresh = () => (hint.textContent = rolesHint(model, chosen()));
  const sets = el('div', { class: 'role-grid' });
  for (const actor of model.actors)
    sets.append(roleFieldset(actor, model.defaultRoles[actor.id] ?? 'computer', refresh));
  form.append(sets, hint);

  const seedId = uniqueId('seed');
  const seedHelp = uniqueId('seed-help');
  const seed = el('input', {
    type: 'text',
    id: seedId,
    name: 'seed',
    value: hooks.seed,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': seedHelp,
  });
  const seedRow = el('div', { class: 'seed-row' });
  seedRow.append(
    el('label', { for: seedId }, 'Seed'),
    seed,
    el(
      'p',
      { class: 'screen-hint', id: seedHelp },
      'The same seed and the same orders give the same game: change it for a different run of luck.',
    ),
  );
  form.append(seedRow);

  const actions = el('div', { class: 'screen-actions' });
  actions.append(
    el('button', { type: 'submit', class: 'primary' }, 'Start the game'),
    button('Back to the menu', () => hooks.onBack()),
  );
  form.append(actions);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = seed.value.trim();
    hooks.onStart(chosen(), value === '' ? hooks.seed : value);
  });
  screen.append(form);

  refresh();
  showScreen(root, screen);
  focusSoon(title);
}
