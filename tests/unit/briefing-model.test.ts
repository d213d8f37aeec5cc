// What the menu, briefing and hand-over screens show, built from the scenario by pure functions
// (src/ui/briefing.ts, menu.ts, handover.ts); the DOM code around them only lays it out as text.
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioText, type Scenario } from '../../src/scenario/index.ts';
import { readText } from '../../src/cli/files.ts';
import {
  briefingModel,
  contrastRatio,
  paragraphsOf,
  readableColour,
  rolesHint,
  safeHref,
} from '../../src/ui/briefing.ts';
import { handoverText } from '../../src/ui/handover.ts';
import { lengthText, menuOrder, menuScenarioOf, periodOf, summaryOf } from '../../src/ui/menu.ts';
import { ROOT } from './cli-helpers.ts';

const FILE = `${ROOT}scenarios/winter-2019-2020.scenario.yaml`;
const SHIPPED = loadScenario(FILE, readText);

/** The shipped scenario with its text changed (loaded from beside it, so its map and doctrines resolve). */
function variant(change: (text: string) => string): Scenario {
  const text = change(readText(FILE));
  return loadScenarioText(FILE, text, readText);
}

describe('menuScenarioOf', () => {
  it('gives the title, period, length and a one-line summary of a shipped scenario', () => {
    expect(menuScenarioOf(SHIPPED)).toEqual({
      id: 'winter-2019-2020',
      title: 'Winter 2019-2020: Saraqib and the M5',
      period: '1 December 2019 - 21 March 2020',
      turns: 56,
      daysPerTurn: 2,
      // The first sentence ("December 2019.") is too short to say anything: the next one joins it.
      summary: 'December 2019. The Idlib de-escalation zone agreed at Astana and Sochi is coming apart.',
      start: '2019-12-01',
    });
    expect(lengthText(56, 2)).toBe('56 turns of 2 days');
    expect(lengthText(1, 1)).toBe('1 turn of 1 day');
  });

  it('orders the menu: the default scenario, the tutorials, then the others by first day', () => {
    const entry = (id: string, start: string) => ({ ...menuScenarioOf(SHIPPED), id, start });
    const list = [
      entry('m4-corridor-2020', '2020-03-06'),
      entry('sochi-2018', '2018-09-04'),
      entry('tutorial-convoy', '2020-02-01'),
      entry('winter-2019-2020', '2019-12-01'),
      entry('idlib-2019', '2019-04-29'),
    ];
    expect(menuOrder(list, 'winter-2019-2020').map((m) => m.id)).toEqual([
      'winter-2019-2020',
      'tutorial-convoy',
      'sochi-2018',
      'idlib-2019',
      'm4-corridor-2020',
    ]);
  });

  it('summarises a text by its first sentence, cut at a word when too long', () => {
    expect(summaryOf('The zone is quiet.  Nobody moves.')).toBe('The zone is quiet. Nobody moves.');
    expect(summaryOf('A long first sentence that says enough by itself. Then more.')).toBe(
      'A long first sentence that says enough by itself.',
    );
    expect(summaryOf('No full stop at all')).toBe('No full stop at all');
    const long = summaryOf('word '.repeat(100), 40, 50);
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('falls back on the calendar when the scenario gives no period', () => {
    const s = variant((t) => t.replace(/^period: .*\n/m, ''));
    expect(periodOf(s)).toBe('1 Dec 2019 to 21 Mar 2020');
  });
});

describe('briefingModel', () => {
  const model = briefingModel(SHIPPED);

  it('splits the briefing into paragraphs, each on one line', () => {
    expect(model.title).toBe('Winter 2019-2020: Saraqib and the M5');
    expect(model.length).toBe('56 turns of 2 days');
    expect(model.paragraphs).toHaveLength(4);
    expect(model.paragraphs[0]).toMatch(
      /^December 2019\. The Idlib de-escalation zone .* Saraqib, where the M5 meets the M4\.$/,
    );
    for (const p of model.paragraphs) expect(p).not.toMatch(/\n| {2}/);
    expect(paragraphsOf('one\nline\n\n\n  two  \r\n\r\nthree')).toEqual(['one line', 'two', 'three']);
  });

  it('gives each actor its colour, its own view, its objectives and its stance towards every other', () => {
    expect(model.actors.map((a) => a.id)).toEqual(['turkey', 'syria', 'russia', 'hts', 'opposition']);
    const turkey = model.actors[0]!;
    expect(turkey.name).toBe('Turkey');
    expect(turkey.colour).toBe('#0072B2');
    expect(turkey.textColour).toBe('#0072B2');
    for (const actor of model.actors) {
      expect(actor.view.length, actor.id).toBeGreaterThan(0);
      expect(contrastRatio(actor.textColour, '#ffffff'), actor.id).toBeGreaterThanOrEqual(4.5);
      expect(actor.stances.map((s) => s.actor)).toEqual(
        model.actors.map((a) => a.id).filter((id) => id !== actor.id),
      );
    }
    expect(turkey.view[0]).toMatch(/^Ankara sees the offensive/);
    const stance = (a: string, b: string) =>
      model.actors.find((x) => x.id === a)!.stances.find((s) => s.actor === b)!;
    expect(stance('turkey', 'syria')).toEqual({
      actor: 'syria',
      name: 'Syrian government',
      stance: 'hostile',
      tension: 60,
      text: 'Hostile to Syrian government (tension 60 of 100)',
    });
    // A relation is the same seen from either side.
    expect(stance('syria', 'turkey').text).toBe('Hostile to Turkey (tension 60 of 100)');
    expect(stance('russia', 'syria').text).toBe('Allied with Syrian government (tension 5 of 100)');

    const objectives = SHIPPED.data.objectives.filter((o) => o.actor === 'turkey');
    expect(turkey.objectives.map((o) => o.id)).toEqual(objectives.map((o) => o.id));
    expect(turkey.objectives.length).toBeGreaterThan(0);
    const first = turkey.objectives[0]!;
    expect(first.points).toBe(objectives[0]!.points);
    expect(first.scoring).toMatch(/^\d+ points? (if it holds at the end|the first turn it holds)$/);
  });

  it('lists the sources with a link only for http(s) addresses, and dates in words', () => {
    expect(model.sources.length).toBe(SHIPPED.data.meta.sources.length);
    const ocha = model.sources.find((s) => s.publisher === 'UN OCHA')!;
    expect(ocha.date).toBe('18 Feb 2020');
    expect(ocha.href).toBe(ocha.url);
    expect(model.sources[0]!.date).toBe('');
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('HTTP://example.org')).toBe('http://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('//example.org')).toBeNull();
    expect(safeHref('https://')).toBeNull();
  });

  it('makes the first actor a student and the others the computer', () => {
    expect(model.defaultRoles).toEqual({
      turkey: 'student',
      syria: 'computer',
      russia: 'computer',
      hts: 'computer',
      opposition: 'computer',
    });
  });

  it('says what the roles mean: watching, one student, or hot-seat', () => {
    const all = (role: 'student' | 'computer') =>
      Object.fromEntries(model.actors.map((a) => [a.id, role])) as Record<string, 'student' | 'computer'>;
    expect(rolesHint(model, all('computer'))).toMatch(/^No student: the computer plays every side/);
    expect(rolesHint(model, model.defaultRoles)).toBe(
      'One student plays Turkey; the computer plays the others.',
    );
    expect(rolesHint(model, { ...all('computer'), turkey: 'student', russia: 'student' })).toMatch(
      /^2 students \(Turkey and Russia\) take turns at this computer \(hot-seat\)/,
    );
  });

  it('carries scenario text as it is written: markup is characters, not markup', () => {
    const hostile = '<img src=x onerror=alert(1)> and <script>alert(2)</script>';
    const s = variant((t) =>
      t
        .replace(/^briefing: \|\n/m, `briefing: |\n  ${hostile}\n\n`)
        .replace('    name: Turkey\n', `    name: '<b>Turkey</b>'\n`),
    );
    const m = briefingModel(s);
    expect(m.paragraphs[0]).toBe(hostile);
    expect(m.actors[0]!.name).toBe('<b>Turkey</b>');
    expect(m.actors[1]!.stances[0]!.text).toBe('Hostile to <b>Turkey</b> (tension 60 of 100)');
  });

  it('shows an actor without a view as having none, and texts per language in English', () => {
    const s = variant((t) =>
      t
        .replace(/( {2}- id: syria\n {4}name: Syrian government\n) {4}view: \|\n( {6}.*\n)+/, '$1')
        .replace(/^title: .*$/m, 'title: { en: English title, tr: Türkçe başlık }')
        .replace(/^meta:\n/m, 'meta:\n  locales: [en, tr]\n'),
    );
    const m = briefingModel(s);
    expect(m.actors.find((a) => a.id === 'syria')!.view).toEqual([]);
    expect(m.title).toBe('English title');
  });
});

describe('colours that read as text', () => {
  it('darkens an actor colour only as far as it needs', () => {
    expect(readableColour('#0072B2')).toBe('#0072B2');
    expect(readableColour('#555555')).toBe('#555555');
    for (const colour of ['#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#F0E442']) {
      const dark = readableColour(colour);
      expect(dark, colour).not.toBe(colour);
      expect(contrastRatio(dark, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});

describe('handoverText', () => {
  it('names the next player and the turn, and says when to press Ready', () => {
    expect(handoverText('Turkey', 'Turn 4 of 56, 7 Dec 2019')).toEqual({
      heading: 'Pass the computer to Turkey',
      lines: ['Turn 4 of 56, 7 Dec 2019.', "Press Ready when only Turkey's player can see the screen."],
    });
    expect(handoverText('Russia', 'Turn 2.').lines[0]).toBe('Turn 2.');
  });
});
