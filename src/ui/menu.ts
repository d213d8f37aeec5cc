// The menu, the first full-page screen: the game's title, the shipped scenarios (title, period,
// length, a one-line summary and a Play button each), Resume for the autosave, opening a scenario
// file or a saved game / replay from disk, and how to play. Also the screen that lists the
// problems of a file the game refused. The screens only show what they are given and call the
// hooks; the lead's app decides what happens next. All text goes in as text (src/ui/dom.ts).
import { formatLongDate, parseIsoDate, textIn } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { button, el, focusSoon, showScreen, uniqueId } from './dom.ts';
import './screens.css';

export const GAME_TITLE = 'Idlib de-escalation zone';
export const GAME_SUBTITLE = 'A turn-based teaching wargame of north-west Syria, 2017–2021';

export interface MenuScenario {
  id: string;
  title: string;
  period: string;
  turns: number;
  daysPerTurn: number;
  summary: string;
  /** The first day, YYYY-MM-DD. */
  start: string;
}

export interface MenuHooks {
  scenarios: readonly MenuScenario[];
  /** The autosave to resume, described ("Winter 2019-2020 · Turkey · turn 4 of 56, 7 Dec 2019"), or null. */
  resume: string | null;
  /** A shipped scenario chosen → briefing. */
  onPlay(id: string): void;
  onResume(): void;
  /** "Open a scenario file…" (YAML or JSON) from disk. */
  onOpenScenarioFile(file: File): void;
  /** "Open a saved game or replay…" (JSON). */
  onOpenSaveFile(file: File): void;
  /** A message to show at the top (e.g. why a file was refused), or ''. */
  notice: string;
}

// ---------------------------------------------------------------- pure helpers (tested)

/** "56 turns of 2 days", "1 turn of 1 day". */
export function lengthText(turns: number, daysPerTurn: number): string {
  return `${turns} turn${turns === 1 ? '' : 's'} of ${daysPerTurn} day${daysPerTurn === 1 ? '' : 's'}`;
}

/** The scenario's `period` text, or else its dates from the calendar ("1 Dec 2019 to 21 Mar 2020"). */
export function periodOf(scenario: Scenario): string {
  const { period, calendar } = scenario.data;
  if (period !== undefined) return textIn(period);
  const start = parseIsoDate(calendar.start);
  if (start === null) return calendar.start;
  const last = start + calendar.turns * calendar.daysPerTurn - 1;
  return `${formatLongDate(start)} to ${formatLongDate(last)}`;
}

/**
 * A one-line summary of a text: its first sentence, or its first sentences up to at least `min`
 * characters (a briefing that opens "December 2019." says more in its second), cut at a word
 * with "…" past `max` characters.
 */
export function summaryOf(text: string, min = 40, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let cut = flat.length;
  for (const m of flat.matchAll(/[.!?]['"’”)]*(?=\s|$)/g)) {
    const end = m.index + m[0].length;
    if (end >= min) {
      cut = end;
      break;
    }
  }
  const summary = flat.slice(0, cut);
  if (summary.length <= max) return summary;
  return summary.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

/** What the menu shows of a shipped scenario. */
export function menuScenarioOf(scenario: Scenario): MenuScenario {
  const data = scenario.data;
  return {
    id: data.id,
    title: textIn(data.title),
    period: periodOf(scenario),
    turns: data.calendar.turns,
    daysPerTurn: data.calendar.daysPerTurn,
    summary: summaryOf(textIn(data.briefing)),
    start: data.calendar.start,
  };
}

/**
 * The menu's order: the default scenario first, then the tutorials (an id starting "tutorial"),
 * then the others by their first day.
 */
export function menuOrder(list: readonly MenuScenario[], defaultId: string): MenuScenario[] {
  const rank = (m: MenuScenario) => (m.id === defaultId ? 0 : m.id.startsWith('tutorial') ? 1 : 2);
  return [...list].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

// ---------------------------------------------------------------- the menu

/**
 * A button that opens a file chooser. The `<input type="file">` itself is visually hidden and out
 * of the tab order (the button is the way in), but it keeps its own label so that tests and
 * assistive technology can still reach it.
 */
function fileOpener(text: string, label: string, accept: string, onFile: (file: File) => void): HTMLElement {
  const box = el('div', { class: 'file-opener' });
  const id = uniqueId('file');
  const input = el('input', { type: 'file', id, accept, class: 'visually-hidden', tabindex: -1 });
  const inputLabel = el('label', { for: id, class: 'visually-hidden' }, label);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (file) onFile(file);
  });
  box.append(
    button(text, () => input.click()),
    inputLabel,
    input,
  );
  return box;
}

function scenarioCard(s: MenuScenario, onPlay: (id: string) => void): HTMLElement {
  const item = el('li', { class: 'scenario-card' });
  const headingId = uniqueId('scenario');
  item.append(
    el('h3', { id: headingId }, s.title),
    el('p', { class: 'scenario-facts' }, `${s.period} · ${lengthText(s.turns, s.daysPerTurn)}`),
    el('p', { class: 'scenario-summary' }, s.summary),
    button('Play', () => onPlay(s.id), { class: 'primary', 'aria-label': `Play ${s.title}` }),
  );
  return item;
}

const HOW_TO_PLAY =
  'Choose a scenario and read its briefing: the situation, how each side sees it and what each side wants. ' +
  'Give each side to a student or to the computer (several students take turns at one computer), then start. ' +
  'Each turn covers a few days. Select a unit, an observation post or a crossing on the map to see the orders ' +
  'it can take and what each will do, give your orders, then press End turn. The computer sides decide, the ' +
  'turn is resolved, and the news lists what happened, each report with its source; select an event to see ' +
  'why it turned out as it did. The game saves itself after every turn.';

export function showMenu(root: HTMLElement, hooks: MenuHooks): void {
  const screen = el('article', { class: 'screen screen-menu', 'aria-labelledby': 'menu-title' });
  const title = el('h1', { id: 'menu-title', tabindex: -1 }, GAME_TITLE);
  const header = el('header', { class: 'screen-header' });
  header.append(title, el('p', { class: 'screen-lede' }, GAME_SUBTITLE));
  screen.append(header);

  if (hooks.notice !== '') screen.append(el('p', { class: 'screen-notice', role: 'alert' }, hooks.notice));

  if (hooks.resume !== null) {
    const resume = el('section', { class: 'screen-block resume', 'aria-labelledby': 'resume-heading' });
    const go = button('', () => hooks.onResume(), { class: 'primary resume-button' });
    // The space keeps the two words apart in the button's accessible name ("Resume Winter …").
    go.append(
      el('span', { class: 'resume-word' }, 'Resume'),
      document.createTextNode(' '),
      el('span', { class: 'resume-what' }, hooks.resume),
    );
    resume.append(el('h2', { id: 'resume-heading' }, 'Carry on'), go);
    screen.append(resume);
  }

  const list = el('section', { class: 'screen-block', 'aria-labelledby': 'scenarios-heading' });
  list.append(el('h2', { id: 'scenarios-heading' }, 'Scenarios'));
  if (hooks.scenarios.length === 0) list.append(el('p', {}, 'No scenario is shipped with this build.'));
  else {
    const cards = el('ul', { class: 'scenario-list' });
    for (const s of hooks.scenarios) cards.append(scenarioCard(s, (id) => hooks.onPlay(id)));
    list.append(cards);
  }
  screen.append(list);

  const files = el('section', { class: 'screen-block', 'aria-labelledby': 'files-heading' });
  files.append(
    el('h2', { id: 'files-heading' }, 'From a file'),
    el(
      'p',
      { class: 'screen-hint' },
      'A scenario file (YAML or JSON) is checked as the command line checks it; its problems are listed with their lines.',
    ),
  );
  const openers = el('div', { class: 'screen-actions' });
  openers.append(
    fileOpener('Open a scenario file…', 'Scenario file', '.yaml,.yml,.json', (f) =>
      hooks.onOpenScenarioFile(f),
    ),
    fileOpener('Open a saved game or replay…', 'Saved game or replay file', '.json', (f) =>
      hooks.onOpenSaveFile(f),
    ),
  );
  files.append(openers);
  screen.append(files);

  const how = el('section', { class: 'screen-block', 'aria-labelledby': 'how-heading' });
  how.append(el('h2', { id: 'how-heading' }, 'How to play'), el('p', {}, HOW_TO_PLAY));
  screen.append(how);

  showScreen(root, screen);
  focusSoon(title);
}

// ---------------------------------------------------------------- problems of a refused file

export interface ProblemsHooks {
  title: string;
  intro: string;
  /** One line each, e.g. "my.scenario.yaml:12:5: error: forces[2].location: …". */
  problems: readonly string[];
  onBack(): void;
}

/** A full page listing what is wrong with a file (each problem as text), and the way back. */
export function showProblems(root: HTMLElement, hooks: ProblemsHooks): void {
  const screen = el('article', { class: 'screen screen-problems', 'aria-labelledby': 'problems-title' });
  const title = el('h1', { id: 'problems-title', tabindex: -1 }, hooks.title);
  screen.append(title);
  if (hooks.intro !== '') screen.append(el('p', {}, hooks.intro));
  const list = el('ol', { class: 'problem-list', 'aria-label': 'Problems' });
  for (const line of hooks.problems) list.append(el('li', {}, line));
  screen.append(list);
  const actions = el('div', { class: 'screen-actions' });
  actions.append(button('Back to the menu', () => hooks.onBack(), { class: 'primary' }));
  screen.append(actions);
  showScreen(root, screen);
  focusSoon(title);
}
