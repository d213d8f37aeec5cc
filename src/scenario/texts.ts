// The texts of a scenario: each is one string (in the first language of meta.locales) or a map of
// language → string. Placeholders (`{name}`) are filled only in the texts of triggers — a
// message, the reason for points, the words of an ending — from the turn, the date, the place and
// actor of what set the trigger off, and the scenario's variables. Checks:
//   references  a language meta.locales does not list (UNKNOWN_LOCALE); translations that use
//               different placeholders (PLACEHOLDER_MISMATCH); a placeholder that names nothing
//               (UNKNOWN_PLACEHOLDER)
//   logic       a text missing one of the languages of meta.locales (MISSING_TRANSLATION)
import { TRIGGER_PLACEHOLDERS } from '../engine/index.ts';
import type { Reporter } from './diagnostics.ts';
import type { ScenarioData } from './schema.ts';

type P = (string | number)[];
type Text = string | Record<string, string>;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_-]*)\}/g;

export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

interface Found {
  path: P;
  text: Text;
  /** True for the texts of trigger actions, where placeholders are filled. */
  filled: boolean;
}

/** Every text of the scenario with its path. */
export function textsOf(s: ScenarioData): Found[] {
  const out: Found[] = [{ path: ['title'], text: s.title, filled: false }];
  if (s.period !== undefined) out.push({ path: ['period'], text: s.period, filled: false });
  out.push({ path: ['briefing'], text: s.briefing, filled: false });
  s.actors.forEach((a, i) => {
    if (a.view !== undefined) out.push({ path: ['actors', i, 'view'], text: a.view, filled: false });
  });
  s.objectives.forEach((o, i) => out.push({ path: ['objectives', i, 'text'], text: o.text, filled: false }));
  s.victory.suddenDeath.forEach((d, i) =>
    out.push({ path: ['victory', 'suddenDeath', i, 'text'], text: d.text, filled: false }),
  );
  s.triggers.forEach((t, i) =>
    t.then.forEach((a, j) => {
      const at: P = ['triggers', i, 'then', j];
      if ('message' in a) out.push({ path: [...at, 'message', 'text'], text: a.message.text, filled: true });
      if ('points' in a) out.push({ path: [...at, 'points', 'reason'], text: a.points.reason, filled: true });
      if ('end_scenario' in a)
        out.push({ path: [...at, 'end_scenario', 'text'], text: a.end_scenario.text, filled: true });
    }),
  );
  return out;
}

/** The reference checks of the texts (errors). */
export function checkTexts(rep: Reporter, s: ScenarioData): void {
  const locales = s.meta.locales;
  const allowed = new Set<string>([...TRIGGER_PLACEHOLDERS, ...s.variables.map((v) => v.id)]);
  for (const { path, text, filled } of textsOf(s)) {
    const versions: [P, string, string][] =
      typeof text === 'string'
        ? [[path, locales[0] ?? 'en', text]]
        : Object.keys(text)
            .sort()
            .map((lang) => [[...path, lang], lang, text[lang]!]);
    if (typeof text !== 'string')
      for (const [, lang] of versions)
        if (!locales.includes(lang))
          rep.addAtKey(
            'UNKNOWN_LOCALE',
            path,
            lang,
            `"${lang}" is not among the languages of this scenario (meta.locales: ${locales.join(', ')}): add it there, or fix the code.${rep.suggest(lang, locales)}`,
          );
    const [, firstLang, firstText] = versions[0]!;
    const expected = placeholders(firstText);
    for (const [at, lang, t] of versions.slice(1)) {
      const got = placeholders(t);
      if (got.join(',') !== expected.join(','))
        rep.add(
          'PLACEHOLDER_MISMATCH',
          at,
          `The ${lang} text uses ${words(got)}, the ${firstLang} text ${words(expected)}: every translation uses the same placeholders.`,
        );
    }
    for (const [at, , t] of versions) {
      for (const name of placeholders(t)) {
        if (filled && allowed.has(name)) continue;
        rep.add(
          'UNKNOWN_PLACEHOLDER',
          at,
          filled
            ? `{${name}} names nothing: a trigger text may use {turn}, {date}, {location}, {actor} and the ids of variables.${rep.suggest(name, allowed)}`
            : `{${name}} is never filled in: only the texts of triggers (message, points reason, end_scenario) take placeholders. Write the words out.`,
        );
      }
    }
  }
}

/** The logic check of the texts (warnings): every text in every language of meta.locales. */
export function checkTranslations(rep: Reporter, s: ScenarioData): void {
  const locales = s.meta.locales;
  if (locales.length < 2 && textsOf(s).every((f) => typeof f.text === 'string')) return;
  for (const { path, text } of textsOf(s)) {
    const given = typeof text === 'string' ? [locales[0]!] : Object.keys(text);
    const missing = locales.filter((l) => !given.includes(l));
    if (missing.length > 0)
      rep.add(
        'MISSING_TRANSLATION',
        path,
        `No ${missing.join(', ')} text here (meta.locales lists ${locales.join(', ')}): players of ${missing.length === 1 ? 'that language' : 'those languages'} see the ${given.includes('en') ? 'en' : given[0]} text.`,
      );
  }
}

function words(list: string[]): string {
  return list.length === 0 ? 'no placeholders' : list.map((n) => `{${n}}`).join(', ');
}
