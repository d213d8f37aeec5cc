// The legend's content, built from the same colours and styles the map draws with.
import type { GameState, UnitType } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { LegendGroup, LegendItem } from '../ui/panel.ts';
import { MAP_COLOURS, NOBODY_COLOUR, zoneStyle } from './palette.ts';
import { drawSymbol, symbolOf, type Affiliation } from './symbols.ts';
import { UNIT_TYPE_WORDS } from './map-tooltip.ts';

export function buildLegend(
  scenario: Scenario,
  state: GameState,
  colours: Record<string, string>,
  viewer: string,
): LegendGroup[] {
  const actors: LegendItem[] = scenario.data.actors.map((a) => ({
    label: a.name,
    swatch: { kind: 'circle', fill: colours[a.id]!, r: 6 },
  }));
  actors.push({ label: 'Nobody', swatch: { kind: 'circle', fill: NOBODY_COLOUR, r: 6 } });

  const postActor = Object.values(state.posts)[0]?.actor ?? '';
  const postFill = colours[postActor] ?? NOBODY_COLOUR;
  const places: LegendItem[] = [
    {
      label: 'City or town (size: population), in its holder’s colour',
      swatch: { kind: 'circle', fill: NOBODY_COLOUR, r: 8 },
    },
    { label: 'Village', swatch: { kind: 'circle', fill: NOBODY_COLOUR, r: 4 } },
    { label: 'Border crossing', swatch: { kind: 'diamond', fill: NOBODY_COLOUR } },
    { label: 'Air base', swatch: { kind: 'triangle', fill: NOBODY_COLOUR } },
    { label: 'Hill', swatch: { kind: 'hill' } },
    { label: 'Observation post, supplied', swatch: { kind: 'post', fill: postFill, status: 'supplied' } },
    { label: 'Observation post, cut off', swatch: { kind: 'post', fill: postFill, status: 'cut_off' } },
    { label: 'Observation post, encircled', swatch: { kind: 'post', fill: postFill, status: 'encircled' } },
    { label: 'Observation post, evacuated', swatch: { kind: 'post', fill: postFill, status: 'evacuated' } },
    { label: 'Observation post, overrun', swatch: { kind: 'post', fill: postFill, status: 'overrun' } },
    { label: 'Supply convoy', swatch: { kind: 'convoy', colour: postFill } },
  ];

  const viewerName = scenario.data.actors.find((a) => a.id === viewer)?.name;
  const symbol = (type: UnitType, aff: Affiliation, estimated = false) =>
    drawSymbol(symbolOf('legend', type, aff, estimated), '#D9D9D9');
  const units: LegendItem[] = [];
  if (viewerName) {
    const frames: [Affiliation, string][] = [
      ['F', `Frame: ${viewerName} or an ally`],
      ['H', `Frame: hostile to ${viewerName}`],
      ['N', `Frame: neither`],
    ];
    for (const [aff, label] of frames)
      units.push({ label, swatch: { kind: 'image', source: symbol('infantry', aff) } });
    units.push({
      label: `Dashed frame: not observed by ${viewerName} now; its strength is an estimate (~)`,
      swatch: { kind: 'image', source: symbol('infantry', 'H', true) },
    });
  } else {
    units.push({
      label: 'Frame: square for every side (no side is played); the fill is the actor’s colour',
      swatch: { kind: 'image', source: symbol('infantry', 'N') },
    });
  }
  units.push({
    label: 'Number over a symbol: the unit’s strength (about a hundred fighters a point)',
    swatch: { kind: 'image', source: strengthSwatch('40') },
  });
  const types = [...new Set(Object.values(state.units).map((u) => u.type))].sort();
  for (const type of types) {
    units.push({
      // Militia has no symbol of its own in the standard.
      label: type === 'militia' ? `${UNIT_TYPE_WORDS[type]} (drawn as infantry)` : UNIT_TYPE_WORDS[type],
      swatch: { kind: 'image', source: symbol(type, viewerName ? 'F' : 'N') },
    });
  }

  const lines: LegendItem[] = [
    { label: 'M4 highway', swatch: { kind: 'line', colour: MAP_COLOURS.m4, width: 4, casing: true } },
    { label: 'M5 highway', swatch: { kind: 'line', colour: MAP_COLOURS.m5, width: 4, casing: true } },
    { label: 'Road', swatch: { kind: 'line', colour: MAP_COLOURS.road, width: 1.6 } },
    { label: 'Track', swatch: { kind: 'line', colour: MAP_COLOURS.track, width: 1.2, dash: [4, 3] } },
    {
      label: 'Turkish border (approximate)',
      swatch: { kind: 'line', colour: MAP_COLOURS.border, width: 2.4, dash: [8, 3, 2, 3] },
    },
  ];

  const zones: LegendItem[] = Object.keys(state.zones)
    .sort()
    .map((id) => {
      const style = zoneStyle(id);
      return {
        label: state.zones[id]!.name,
        swatch: {
          kind: 'area',
          fill: style.fill,
          alpha: style.alpha,
          hatch: style.hatch,
          outline: style.outline,
        },
      };
    });

  return [
    { title: 'Actors (who holds a place, whose unit)', items: actors },
    { title: 'Places', items: places },
    { title: 'Units', items: units },
    { title: 'Roads and borders', items: lines },
    { title: 'Zones', items: zones },
  ];
}

/** A unit's strength as the map writes it over the symbol: bold, with a white halo. */
function strengthSwatch(text: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = 24;
  canvas.height = 14;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.font = 'bold 10px system-ui, "Segoe UI", Roboto, Arial, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.strokeStyle = MAP_COLOURS.labelHalo;
  ctx.strokeText(text, 12, 7);
  ctx.fillStyle = MAP_COLOURS.label;
  ctx.fillText(text, 12, 7);
  return canvas;
}
