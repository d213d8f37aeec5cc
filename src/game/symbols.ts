// Unit symbols (APP-6 / MIL-STD-2525 frames and icons) turned into Phaser textures, one per actor
// colour, unit type and affiliation as the viewing actor sees it. A unit the viewer does not
// observe now (its strength an estimate) gets the dashed frame of the standard's "anticipated"
// status. The symbols are milsymbol's, made when the game is built (src/game/symbol-set.ts, served
// as "virtual:unit-symbols"); here they are only drawn, with the actor's colour as the fill.
import type Phaser from 'phaser';
import type { UnitType } from '../engine/index.ts';
import SYMBOLS from 'virtual:unit-symbols';
import { FILL_SLOT, sidcOf, type Affiliation, type SymbolStyle, type UnitSymbol } from './symbol-codes.ts';

export { affiliationOf, sidcOf, type Affiliation } from './symbol-codes.ts';

function paint(value: string | null, fill: string): string | null {
  return value === FILL_SLOT ? fill : value;
}

/** Draws one symbol onto a new canvas of its size, its frame filled with `fill`. */
export function drawSymbol(symbol: UnitSymbol, fill: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  // The fraction of a pixel dropped, as milsymbol sizes its own canvases.
  canvas.width = Math.floor(symbol.width);
  canvas.height = Math.floor(symbol.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const [vx, vy, vw, vh] = symbol.viewBox;
  ctx.scale(symbol.width / vw, symbol.height / vh);
  ctx.translate(-vx, -vy);
  for (const part of symbol.parts) {
    const fillColour = paint(part.fill, fill);
    const strokeColour = paint(part.stroke, fill);
    ctx.lineWidth = part.strokeWidth;
    ctx.setLineDash(part.dash);
    ctx.lineCap = part.round ? 'round' : 'butt';
    ctx.lineJoin = part.round ? 'round' : 'miter';
    if (part.kind === 'text') {
      ctx.font = part.font;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      if (fillColour) {
        ctx.globalAlpha = part.fillOpacity;
        ctx.fillStyle = fillColour;
        ctx.fillText(part.text, part.x, part.y);
        ctx.globalAlpha = 1;
      }
      if (strokeColour) {
        ctx.strokeStyle = strokeColour;
        ctx.strokeText(part.text, part.x, part.y);
      }
      continue;
    }
    let path: Path2D;
    if (part.kind === 'path') path = new Path2D(part.d);
    else {
      path = new Path2D();
      path.arc(part.cx, part.cy, part.r, 0, 2 * Math.PI);
    }
    if (fillColour) {
      ctx.globalAlpha = part.fillOpacity;
      ctx.fillStyle = fillColour;
      ctx.fill(path);
      ctx.globalAlpha = 1;
    }
    if (strokeColour) {
      ctx.strokeStyle = strokeColour;
      ctx.stroke(path);
    }
  }
  return canvas;
}

/** The symbol of a unit type as `affiliation` sees it, in a style; throws for a symbol not built. */
export function symbolOf(
  style: SymbolStyle,
  type: UnitType,
  affiliation: Affiliation,
  estimated = false,
): UnitSymbol {
  const key = `${style}:${sidcOf(type, affiliation, estimated)}`;
  const symbol = SYMBOLS[key];
  if (!symbol) throw new Error(`no unit symbol ${key}`);
  return symbol;
}

export interface SymbolTexture {
  key: string;
  width: number;
  height: number;
  /** The symbol's anchor (the centre of its frame), as a fraction of the texture size. */
  originX: number;
  originY: number;
}

const cache = new Map<string, SymbolTexture>();

export function unitTexture(
  textures: Phaser.Textures.TextureManager,
  type: UnitType,
  affiliation: Affiliation,
  colour: string,
  estimated = false,
): SymbolTexture {
  const key = `unit:${type}:${affiliation}:${colour}${estimated ? ':est' : ''}`;
  const known = cache.get(key);
  if (known && textures.exists(key)) return known;
  const symbol = symbolOf('map', type, affiliation, estimated);
  const canvas = drawSymbol(symbol, colour);
  textures.addCanvas(key, canvas);
  const entry: SymbolTexture = {
    key,
    width: canvas.width,
    height: canvas.height,
    originX: symbol.anchorX / canvas.width,
    originY: symbol.anchorY / canvas.height,
  };
  cache.set(key, entry);
  return entry;
}
