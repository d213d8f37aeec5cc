// Little pictures for the legend, built as SVG elements through the DOM API (no markup strings).
// They match what the map draws: circles for places, a diamond for crossings, a triangle for
// bases, squares with marks for the observation posts, line patterns for roads and the border.

export type Swatch =
  | { kind: 'circle'; fill: string; r: number }
  | { kind: 'diamond'; fill: string }
  | { kind: 'triangle'; fill: string }
  | { kind: 'hill' }
  | { kind: 'post'; fill: string; status: 'supplied' | 'cut_off' | 'encircled' | 'evacuated' | 'overrun' }
  | { kind: 'convoy'; colour: string }
  | { kind: 'line'; colour: string; width: number; dash?: readonly number[]; casing?: boolean }
  | { kind: 'area'; fill: string; alpha: number; hatch: boolean; outline: string | null }
  | { kind: 'image'; source: HTMLCanvasElement };

const SVG = 'http://www.w3.org/2000/svg';
const OUTLINE = '#1E1E1E';
const W = 34;
const H = 20;

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

let hatchSerial = 0;

export function swatch(s: Swatch): Element {
  if (s.kind === 'image') {
    const img = document.createElement('img');
    img.src = s.source.toDataURL();
    img.alt = '';
    img.className = 'swatch';
    img.width = Math.min(W, s.source.width);
    return img;
  }
  const svg = svgEl('svg', {
    width: W,
    height: H,
    viewBox: `0 0 ${W} ${H}`,
    class: 'swatch',
    'aria-hidden': 'true',
  });
  const cx = W / 2;
  const cy = H / 2;
  switch (s.kind) {
    case 'circle':
      svg.append(svgEl('circle', { cx, cy, r: s.r, fill: s.fill, stroke: OUTLINE, 'stroke-width': 1.2 }));
      break;
    case 'diamond':
      svg.append(
        svgEl('polygon', {
          points: `${cx},${cy - 7} ${cx + 7},${cy} ${cx},${cy + 7} ${cx - 7},${cy}`,
          fill: s.fill,
          stroke: OUTLINE,
          'stroke-width': 1.2,
        }),
      );
      break;
    case 'triangle':
      svg.append(
        svgEl('polygon', {
          points: `${cx},${cy - 7} ${cx + 7},${cy + 5} ${cx - 7},${cy + 5}`,
          fill: s.fill,
          stroke: OUTLINE,
          'stroke-width': 1.2,
        }),
      );
      break;
    case 'hill':
      svg.append(
        svgEl('polyline', {
          points: `${cx - 6},${cy + 4} ${cx},${cy - 5} ${cx + 6},${cy + 4}`,
          fill: 'none',
          stroke: OUTLINE,
          'stroke-width': 1.6,
        }),
      );
      break;
    case 'post': {
      const r = 5;
      const ring = r + 4;
      if (s.status === 'encircled') {
        svg.append(svgEl('circle', { cx, cy, r: ring, fill: 'none', stroke: OUTLINE, 'stroke-width': 2 }));
      } else if (s.status === 'cut_off') {
        const quarter = (Math.PI * ring) / 2;
        svg.append(
          svgEl('circle', {
            cx,
            cy,
            r: ring,
            fill: 'none',
            stroke: OUTLINE,
            'stroke-width': 2,
            'stroke-dasharray': `${quarter * 0.55} ${quarter * 0.45}`,
            transform: `rotate(20 ${cx} ${cy})`,
          }),
        );
      }
      const pts = [
        [cx - r, cy + r],
        [cx + r, cy + r],
        [cx + r, cy - r * 0.35],
        [cx, cy - r - 3],
        [cx - r, cy - r * 0.35],
      ];
      svg.append(
        svgEl('polygon', {
          points: pts.map(([x, y]) => `${x},${y}`).join(' '),
          fill: s.status === 'evacuated' ? '#ffffff' : s.fill,
          stroke: s.status === 'evacuated' ? s.fill : OUTLINE,
          'stroke-width': 1.3,
        }),
      );
      if (s.status === 'overrun') {
        const d = r + 2;
        const cross: [number, number, number, number][] = [
          [cx - d, cy - d, cx + d, cy + d],
          [cx - d, cy + d, cx + d, cy - d],
        ];
        for (const [x1, y1, x2, y2] of cross)
          svg.append(svgEl('line', { x1, y1, x2, y2, stroke: OUTLINE, 'stroke-width': 2 }));
      }
      break;
    }
    case 'convoy':
      svg.append(svgEl('circle', { cx, cy, r: 5, fill: '#FFFFFF', stroke: s.colour, 'stroke-width': 2.5 }));
      svg.append(svgEl('circle', { cx, cy, r: 2, fill: s.colour }));
      break;
    case 'line': {
      if (s.casing) {
        svg.append(
          svgEl('line', { x1: 2, y1: cy, x2: W - 2, y2: cy, stroke: '#FFFFFF', 'stroke-width': s.width + 3 }),
        );
      }
      const line = svgEl('line', {
        x1: 2,
        y1: cy,
        x2: W - 2,
        y2: cy,
        stroke: s.colour,
        'stroke-width': s.width,
      });
      if (s.dash) line.setAttribute('stroke-dasharray', s.dash.join(' '));
      svg.append(line);
      break;
    }
    case 'area': {
      let fill = s.fill;
      if (s.hatch) {
        const id = `legend-hatch-${++hatchSerial}`;
        const pattern = svgEl('pattern', {
          id,
          width: 6,
          height: 6,
          patternUnits: 'userSpaceOnUse',
          patternTransform: 'rotate(-45)',
        });
        pattern.append(svgEl('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: s.fill, 'stroke-width': 2 }));
        const defs = svgEl('defs', {});
        defs.append(pattern);
        svg.append(defs);
        fill = `url(#${id})`;
      }
      const rect = svgEl('rect', {
        x: 2,
        y: 3,
        width: W - 4,
        height: H - 6,
        rx: 3,
        fill,
        'fill-opacity': s.hatch ? 1 : s.alpha,
      });
      if (s.hatch) rect.setAttribute('opacity', String(Math.min(1, s.alpha * 2)));
      svg.append(rect);
      if (s.outline) {
        svg.append(
          svgEl('rect', {
            x: 2,
            y: 3,
            width: W - 4,
            height: H - 6,
            rx: 3,
            fill: 'none',
            stroke: s.outline,
            'stroke-width': 1.2,
            'stroke-dasharray': '4 3',
          }),
        );
      }
      break;
    }
  }
  return svg;
}
