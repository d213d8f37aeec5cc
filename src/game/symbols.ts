// Unit symbols (APP-6 / MIL-STD-2525 frames and icons, drawn by milsymbol) turned into Phaser
// textures, one per actor colour, unit type and affiliation as the viewing actor sees it. A unit
// the viewer does not observe now (its strength an estimate) gets the dashed frame of the
// standard's "anticipated" status.
import ms from 'milsymbol';
import type Phaser from 'phaser';
import type { Stance, UnitType } from '../engine/index.ts';

/** 2525C function ids (battle dimension G unless the whole code is given). */
const FUNCTION_ID: Record<UnitType, string> = {
  infantry: 'G-UCI---',
  mechanised: 'G-UCIZ--',
  armour: 'G-UCA---',
  artillery: 'G-UCF---',
  air_defence: 'G-UCD---',
  special_forces: 'F-------',
  militia: 'G-UCI---',
  military_police: 'G-UUL---',
};

export type Affiliation = 'F' | 'H' | 'N';

export function affiliationOf(stance: Stance | 'self' | null): Affiliation {
  if (stance === 'self' || stance === 'allied') return 'F';
  if (stance === 'hostile') return 'H';
  return 'N';
}

/** The 15-character SIDC; `estimated` gives the dashed frame (status A instead of P, present). */
export function sidcOf(type: UnitType, affiliation: Affiliation, estimated = false): string {
  const fn = FUNCTION_ID[type];
  // S (warfighting) + affiliation + dimension + status + function + size/modifiers, 15 characters.
  return `S${affiliation}${fn[0]}${estimated ? 'A' : 'P'}${fn.slice(2)}`.padEnd(15, '-');
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
  size: number,
  estimated = false,
): SymbolTexture {
  const key = `unit:${type}:${affiliation}:${colour}:${size}${estimated ? ':est' : ''}`;
  const known = cache.get(key);
  if (known && textures.exists(key)) return known;
  const symbol = new ms.Symbol(sidcOf(type, affiliation, estimated), {
    size,
    fillColor: colour,
    fillOpacity: 1,
    outlineColor: '#FFFFFF',
    outlineWidth: 2,
    padding: 2,
  });
  const canvas = symbol.asCanvas();
  const anchor = symbol.getAnchor();
  textures.addCanvas(key, canvas);
  const entry: SymbolTexture = {
    key,
    width: canvas.width,
    height: canvas.height,
    originX: anchor.x / canvas.width,
    originY: anchor.y / canvas.height,
  };
  cache.set(key, entry);
  return entry;
}
