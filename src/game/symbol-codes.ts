// The unit symbols' codes and shapes, shared by the build (src/game/symbol-set.ts makes the symbols
// with milsymbol) and the browser (src/game/symbols.ts draws them). No import that only one of the
// two can load.
import type { Stance, UnitType } from '../engine/index.ts';

/** 2525C function ids (battle dimension G unless the whole code is given). */
export const FUNCTION_ID: Record<UnitType, string> = {
  infantry: 'G-UCI---',
  mechanised: 'G-UCIZ--',
  armour: 'G-UCA---',
  artillery: 'G-UCF---',
  air_defence: 'G-UCD---',
  special_forces: 'F-------',
  militia: 'G-UCI---',
  military_police: 'G-UUL---',
};

/** milsymbol's options for each way the game draws a symbol: on the map, and in the legend. */
export const SYMBOL_STYLES = {
  map: { size: 15, outlineColor: '#FFFFFF', outlineWidth: 2, padding: 2 },
  legend: { size: 13 },
} as const;
export type SymbolStyle = keyof typeof SYMBOL_STYLES;

/** Stands for the fill colour, chosen when the symbol is drawn. */
export const FILL_SLOT = 'fill';

interface Paint {
  /** A CSS colour, FILL_SLOT, or null for none. */
  fill: string | null;
  fillOpacity: number;
  stroke: string | null;
  strokeWidth: number;
  dash: number[];
  /** Round caps and joins (milsymbol's outline). */
  round: boolean;
}
export type SymbolPart =
  | ({ kind: 'path'; d: string } & Paint)
  | ({ kind: 'circle'; cx: number; cy: number; r: number } & Paint)
  | ({ kind: 'text'; x: number; y: number; text: string; font: string } & Paint);

export interface UnitSymbol {
  /** Size in pixels, and the anchor (the frame's centre) in pixels from the top left. */
  width: number;
  height: number;
  anchorX: number;
  anchorY: number;
  /** The parts' coordinates: x, y, width and height of the drawn area. */
  viewBox: [number, number, number, number];
  parts: SymbolPart[];
}
/** By "style:SIDC". */
export type UnitSymbolSet = Record<string, UnitSymbol>;

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
