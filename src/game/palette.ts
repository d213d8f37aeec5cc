// Colours. Actors get the Okabe–Ito palette (distinguishable with the common colour-vision
// deficiencies) in the order the scenario lists them, unless the scenario gives a colour; every
// other distinction on the map is made by shape or line pattern as well as by colour.
import type { Scenario } from '../scenario/index.ts';

export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  orange: '#E69F00',
  reddishPurple: '#CC79A7',
  skyBlue: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

const ACTOR_ORDER: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.orange,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.yellow,
];

/** Places nobody holds. */
export const NOBODY_COLOUR = '#B8B8B8';

export const MAP_COLOURS = {
  land: '#F4F1E8',
  sea: '#CFE2EC',
  coast: '#7FA7BE',
  turkey: '#DCDCDC',
  border: '#3A3A3A',
  m4: '#8E4E14',
  m5: '#2E4A7D',
  road: '#6F6A62',
  track: '#8F8A80',
  outline: '#1E1E1E',
  label: '#1E1E1E',
  labelHalo: '#FFFFFF',
} as const;

export interface ZoneStyle {
  fill: string;
  alpha: number;
  /** Drawn as the padded convex hull of its places ("area") or as bands along its roads ("band"). */
  shape: 'area' | 'band';
  /** Half-width of a band, or padding round an area, in metres. */
  padMetres: number;
  hatch: boolean;
  outline: string | null;
}

const ZONE_STYLES: Record<string, ZoneStyle> = {
  de_escalation_zone: {
    fill: OKABE_ITO.yellow,
    alpha: 0.3,
    shape: 'area',
    padMetres: 4000,
    hatch: false,
    outline: '#8A7D00',
  },
  sochi_dmz: { fill: '#5A5A5A', alpha: 0.28, shape: 'band', padMetres: 6000, hatch: true, outline: null },
  m4_corridor: {
    fill: OKABE_ITO.skyBlue,
    alpha: 0.4,
    shape: 'band',
    padMetres: 6000,
    hatch: false,
    outline: null,
  },
};

export function zoneStyle(id: string): ZoneStyle {
  return (
    ZONE_STYLES[id] ?? {
      fill: '#888888',
      alpha: 0.2,
      shape: id.includes('corridor') ? 'band' : 'area',
      padMetres: 4000,
      hatch: false,
      outline: '#666666',
    }
  );
}

/** Actor id → "#rrggbb". */
export function actorColours(scenario: Scenario): Record<string, string> {
  const out: Record<string, string> = {};
  scenario.data.actors.forEach((actor, i) => {
    out[actor.id] = actor.colour ?? ACTOR_ORDER[i % ACTOR_ORDER.length]!;
  });
  return out;
}

export function colourOf(colours: Record<string, string>, actor: string): string {
  return colours[actor] ?? NOBODY_COLOUR;
}

/** "#rrggbb" → 0xrrggbb for Phaser. */
export function hex(colour: string): number {
  return parseInt(colour.slice(1), 16);
}
