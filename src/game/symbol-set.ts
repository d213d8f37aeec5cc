// Builds the unit symbols with milsymbol when the game is built (the Vite plugin `unitSymbols`
// in vite.config.ts serves the result as the module "virtual:unit-symbols"), so that milsymbol's
// ~200 KB of symbol sets never reach the browser. Every symbol the game can draw is here: each unit
// type, affiliation and status (present, or anticipated for an estimate), in each style. Each is
// kept as milsymbol's own SVG output broken into drawing parts, with the fill colour left open so
// that the map can fill it with the actor's colour.
import ms from 'milsymbol';
import {
  FILL_SLOT,
  FUNCTION_ID,
  SYMBOL_STYLES,
  sidcOf,
  type Affiliation,
  type SymbolPart,
  type UnitSymbol,
  type UnitSymbolSet,
} from './symbol-codes.ts';
import type { UnitType } from '../engine/index.ts';

const UNIT_TYPES = Object.keys(FUNCTION_ID) as UnitType[];
const AFFILIATIONS: readonly Affiliation[] = ['F', 'H', 'N'];
/** The colour given to milsymbol for the frame's fill, recognised in its output and left open. */
const MARKER = '#FE01FE';

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w-]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

function colour(value: string | undefined): string | null {
  if (value === undefined || value === 'none') return null;
  return value.toUpperCase() === MARKER ? FILL_SLOT : value;
}

function num(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n)) throw new Error(`milsymbol output: bad ${what} "${value}"`);
  return n;
}

/** milsymbol's SVG (paths, circles and text only) as drawing parts; throws on anything else. */
export function partsOfSvg(svg: string): { viewBox: [number, number, number, number]; parts: SymbolPart[] } {
  const root = /^<svg\b([^>]*)>/.exec(svg);
  if (!root) throw new Error('milsymbol output: no <svg> root');
  const box = attributes(root[1]!).viewBox?.split(/\s+/).map(Number);
  if (!box || box.length !== 4 || box.some((n) => !Number.isFinite(n)))
    throw new Error('milsymbol output: bad viewBox');
  const parts: SymbolPart[] = [];
  const body = svg.slice(root[0].length).replace(/<\/svg>\s*$/, '');
  for (const m of body.matchAll(/<(\w+)\b([^>]*)>([^<]*)<\/\1>|<(\w+)\b([^>]*)\/>/g)) {
    const tag = m[1] ?? m[4]!;
    const a = attributes(m[2] ?? m[5] ?? '');
    const paint = {
      fill: colour(a.fill),
      fillOpacity: a['fill-opacity'] === undefined ? 1 : num(a['fill-opacity'], 'fill-opacity'),
      stroke: colour(a.stroke),
      strokeWidth: a['stroke-width'] === undefined ? 1 : num(a['stroke-width'], 'stroke-width'),
      dash: a['stroke-dasharray'] ? a['stroke-dasharray'].split(/[\s,]+/).map(Number) : [],
      round: a['stroke-linecap'] === 'round',
    };
    if (tag === 'path') parts.push({ kind: 'path', d: a.d ?? '', ...paint });
    else if (tag === 'circle')
      parts.push({
        kind: 'circle',
        cx: num(a.cx, 'cx'),
        cy: num(a.cy, 'cy'),
        r: num(a.r, 'r'),
        ...paint,
      });
    else if (tag === 'text')
      parts.push({
        kind: 'text',
        x: num(a.x, 'x'),
        y: num(a.y, 'y'),
        text: m[3] ?? '',
        font: `${a['font-weight'] ?? 'normal'} ${num(a['font-size'], 'font-size')}px ${a['font-family'] ?? 'sans-serif'}`,
        ...paint,
      });
    else throw new Error(`milsymbol output: <${tag}> is not drawn by the game`);
  }
  const rest = body.replace(/<(\w+)\b[^>]*>[^<]*<\/\1>|<\w+\b[^>]*\/>/g, '').trim();
  if (rest !== '') throw new Error(`milsymbol output: cannot read "${rest.slice(0, 60)}"`);
  return { viewBox: box as [number, number, number, number], parts };
}

export function buildSymbol(sidc: string, style: keyof typeof SYMBOL_STYLES): UnitSymbol {
  const symbol = new ms.Symbol(sidc, { ...SYMBOL_STYLES[style], fillColor: MARKER, fillOpacity: 1 });
  if (!symbol.isValid()) throw new Error(`milsymbol does not know ${sidc}`);
  const size = symbol.getSize();
  const anchor = symbol.getAnchor();
  return {
    width: size.width,
    height: size.height,
    anchorX: anchor.x,
    anchorY: anchor.y,
    ...partsOfSvg(symbol.asSVG()),
  };
}

/** Every symbol the game draws, by style and SIDC. */
export function buildUnitSymbolSet(): UnitSymbolSet {
  const set: UnitSymbolSet = {};
  for (const style of Object.keys(SYMBOL_STYLES) as (keyof typeof SYMBOL_STYLES)[])
    for (const type of UNIT_TYPES)
      for (const affiliation of AFFILIATIONS)
        for (const estimated of [false, true]) {
          const sidc = sidcOf(type, affiliation, estimated);
          set[`${style}:${sidc}`] ??= buildSymbol(sidc, style);
        }
  return set;
}
