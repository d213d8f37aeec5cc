// Words shown to players (`Text`): one string, or one per locale ({ en, ar, tr }), with named
// `{placeholders}` that the engine fills in. The engine's own explanations are English.
import type { Text } from './types.ts';

/** The placeholders a trigger text may use besides variable ids (rules/triggers.ts fills them). */
export const TRIGGER_PLACEHOLDERS = ['turn', 'date', 'location', 'actor'] as const;

/** The text in `locale`: a plain string as it is; a map's entry for the locale, else 'en', else the first locale in sorted order. */
export function textIn(t: Text, locale = 'en'): string {
  if (typeof t === 'string') return t;
  const own = t[locale];
  if (own !== undefined) return own;
  const en = t.en;
  if (en !== undefined) return en;
  const first = Object.keys(t).sort()[0];
  return first === undefined ? '' : t[first]!;
}

const PLACEHOLDER = /\{([A-Za-z0-9_.-]+)\}/g;

/** Replaces each `{name}` by `values[name]`; a name with no value is left as written. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole,
  );
}
