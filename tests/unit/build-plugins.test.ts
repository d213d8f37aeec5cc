// The browser build's plugins (src/game/build-plugins.ts): the scenario schema without its
// descriptions accepts and refuses exactly what the full schema does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutDescriptions } from '../../src/game/build-plugins.ts';

describe('withoutDescriptions', () => {
  it('drops .describe(text) calls and keeps the schema they were called on', () => {
    const code = [
      "const a = z.string().min(1).describe('A name.');",
      'const b = z.object({ c: z.number().describe(`Count.`) }).describe("An " + "object.").optional();',
      'const d = thing.describe(variable);',
      "const e = z.number().describe(`Default ${DEFAULTS[t]}.`).meta({ id: 'X', description: 'kept' });",
      'const f = z.number().describe(`Default ${make()}.`);',
    ].join('\n');
    expect(withoutDescriptions(code, 'x.ts')).toBe(
      [
        'const a = z.string().min(1);',
        'const b = z.object({ c: z.number() }).optional();',
        'const d = thing.describe(variable);',
        "const e = z.number().meta({ id: 'X', description: 'kept' });",
        'const f = z.number().describe(`Default ${make()}.`);',
      ].join('\n'),
    );
  });

  it('leaves the scenario schema valid TypeScript with every describe gone', () => {
    const path = 'src/scenario/schema.ts';
    const source = readFileSync(path, 'utf8');
    const stripped = withoutDescriptions(source, path);
    expect(source).toMatch(/\.describe\(/);
    expect(stripped).not.toMatch(/\.describe\(\s*['"`]/);
    // Parses again (withoutDescriptions throws on a syntax error).
    expect(() => withoutDescriptions(stripped, path)).not.toThrow();
    expect(stripped.length).toBeLessThan(source.length * 0.7);
  });
});
