// The unit symbols made with milsymbol at build time (src/game/symbol-set.ts): every symbol the map
// and the legend draw is there, each drawn part comes from milsymbol's SVG, and the frame's fill is
// left for the actor's colour.
import ms from 'milsymbol';
import { describe, expect, it } from 'vitest';
import { buildUnitSymbolSet, partsOfSvg } from '../../src/game/symbol-set.ts';
import {
  FILL_SLOT,
  FUNCTION_ID,
  SYMBOL_STYLES,
  sidcOf,
  type Affiliation,
} from '../../src/game/symbol-codes.ts';
import type { UnitType } from '../../src/engine/index.ts';

const TYPES = Object.keys(FUNCTION_ID) as UnitType[];
const AFFILIATIONS: Affiliation[] = ['F', 'H', 'N'];

describe('unit symbol set', () => {
  const set = buildUnitSymbolSet();

  it('has every style, unit type, affiliation and status', () => {
    for (const style of Object.keys(SYMBOL_STYLES))
      for (const type of TYPES)
        for (const aff of AFFILIATIONS)
          for (const estimated of [false, true])
            expect(
              set[`${style}:${sidcOf(type, aff, estimated)}`],
              `${style} ${type} ${aff} ${estimated}`,
            ).toBeDefined();
  });

  it('keeps every element of milsymbol’s drawing, with its size and anchor', () => {
    for (const [key, symbol] of Object.entries(set)) {
      const [style, sidc] = key.split(':') as [keyof typeof SYMBOL_STYLES, string];
      const reference = new ms.Symbol(sidc, { ...SYMBOL_STYLES[style], fillColor: '#123456' });
      const elements = reference.asSVG().match(/<(path|circle|text)\b/g) ?? [];
      expect(symbol.parts.length, key).toBe(elements.length);
      expect(symbol.width).toBeCloseTo(reference.getSize().width, 6);
      expect(symbol.anchorY).toBeCloseTo(reference.getAnchor().y, 6);
      // Exactly one part (the frame) takes the actor's colour.
      expect(
        symbol.parts.filter((p) => p.fill === FILL_SLOT),
        key,
      ).toHaveLength(1);
    }
  });

  it('draws an estimate with the dashed frame and a present unit without', () => {
    const dashed = (sidc: string) => set[`map:${sidc}`]!.parts.some((p) => p.dash.length > 0);
    for (const type of TYPES)
      for (const aff of AFFILIATIONS) {
        expect(dashed(sidcOf(type, aff, true)), `${type} ${aff}`).toBe(true);
        expect(dashed(sidcOf(type, aff, false)), `${type} ${aff}`).toBe(false);
      }
  });

  it('keeps the letters of the symbols that carry them', () => {
    const texts = (type: UnitType) =>
      set[`map:${sidcOf(type, 'F')}`]!.parts.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
    expect(texts('military_police')).toEqual(['MP']);
    expect(texts('special_forces')).toEqual(['SOF']);
    expect(set[`map:${sidcOf('artillery', 'F')}`]!.parts.some((p) => p.kind === 'circle')).toBe(true);
  });

  it('refuses an SVG element the game cannot draw', () => {
    expect(() =>
      partsOfSvg('<svg viewBox="0 0 10 10"><rect x="1" y="1" width="2" height="2"></rect></svg>'),
    ).toThrow(/<rect>/);
    expect(() => partsOfSvg('<svg viewBox="0 0 10"><path d="M0,0"></path></svg>')).toThrow(/viewBox/);
  });
});
