// Line charts for the after-action review, drawn as inline SVG through the DOM API (no chart
// library, no markup strings: every label goes in through textContent). A chart is an `<svg
// role="img">` with a `<title>`, axes with tick labels, one polyline per series (each with its
// own colour and dash pattern, so the lines read without colour) and a legend under the plot.
// `chartFigure` wraps it in a `<figure class="chart">` with a caption and, in a `<details>`, the
// same numbers as a table for screen readers and for checking.
//
// The pure parts (`chartScale`, `xTickIndices`, `dashFor`, `formatCount`) touch no DOM, so the
// unit tests run them in Node.

import { el, uniqueId } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

export interface ChartSeries {
  name: string;
  /** "#rrggbb". */
  colour: string;
  /** One value per point along the x axis. */
  values: readonly number[];
}

export interface LineChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  /** Short label of each point on the x axis ("Start", "7 Dec" …); a few are drawn, all go in the table. */
  xTicks?: readonly string[];
  /** Values the y axis must include besides the data (e.g. [0, 5] for the escalation ladder). */
  yDomain?: readonly number[];
  /** Full label of each point for the table ("Turn 4 · 7 Dec 2019"); `xTicks` when left out. */
  rowLabels?: readonly string[];
}

/** Dash patterns, in the order series take them ('' is a solid line). */
export const DASHES: readonly string[] = ['', '8 4', '2 3', '10 3 2 3', '4 4', '12 3 2 3 2 3'];

/** The dash pattern of the i-th series. */
export function dashFor(index: number): string {
  return DASHES[index % DASHES.length]!;
}

/** Steps a y axis may use: 1, 2, 5 × a power of ten (integers only). */
function niceStep(raw: number): number {
  let power = 1;
  for (;;) {
    for (const m of [1, 2, 5]) if (m * power >= raw) return m * power;
    power *= 10;
  }
}

/**
 * The y axis for these values: integer ticks at a 1/2/5 × 10ⁿ step (about five intervals), from a
 * multiple of the step at or below the smallest value to one at or above the largest. Zero is
 * always on the axis (the charts show counts and levels, whose size is read against zero).
 */
export function chartScale(values: readonly number[]): { min: number; max: number; ticks: number[] } {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) hi = lo + 1;
  const step = niceStep((hi - lo) / 5);
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max; t += step) ticks.push(t);
  return { min, max, ticks };
}

/**
 * Which of `count` points get a label on the x axis: at most `most` (at least 2), evenly spaced,
 * always the first and the last.
 */
export function xTickIndices(count: number, most = 7): number[] {
  if (count <= 0) return [];
  if (count === 1) return [0];
  const slots = Math.max(2, Math.min(most, count));
  const out: number[] = [];
  for (let k = 0; k < slots; k++) {
    const i = Math.round((k * (count - 1)) / (slots - 1));
    if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/** 1234567 → "1,234,567" (no locale: the same on every machine). */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A sentence per chart for screen readers: each series' first and last value and its peak. */
export function chartSummary(spec: LineChartSpec): string {
  const parts = spec.series.map((s) => {
    if (s.values.length === 0) return `${s.name}: no data`;
    const first = s.values[0]!;
    const last = s.values[s.values.length - 1]!;
    const peak = Math.max(...s.values);
    return `${s.name} ${formatCount(first)} to ${formatCount(last)} (peak ${formatCount(peak)})`;
  });
  const points = spec.series[0]?.values.length ?? 0;
  const span =
    spec.xTicks && spec.xTicks.length > 0
      ? `, ${spec.xTicks[0]} to ${spec.xTicks[spec.xTicks.length - 1]}`
      : '';
  return `${spec.title}: line chart over ${points} points${span}. ${parts.join('; ')}.`;
}

// ---------------------------------------------------------------- DOM

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// Geometry of the drawing, in SVG user units (the SVG scales to its container's width).
const WIDTH = 640;
const PLOT_HEIGHT = 200;
const MARGIN = { left: 76, right: 18, top: 14, bottom: 46 };
const LEGEND_ROW = 18;

/** The chart as an `<svg role="img">`: title, axes, ticks, lines and legend. */
export function lineChart(spec: LineChartSpec): SVGSVGElement {
  const titleId = uniqueId('chart-title');
  const descId = uniqueId('chart-desc');
  const points = Math.max(0, ...spec.series.map((s) => s.values.length));
  const all: number[] = [...(spec.yDomain ?? [])];
  for (const s of spec.series) all.push(...s.values);
  const scale = chartScale(all);

  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const legendTop = MARGIN.top + PLOT_HEIGHT + MARGIN.bottom;
  const height = legendTop + spec.series.length * LEGEND_ROW + 6;
  const x = (i: number): number => MARGIN.left + (points <= 1 ? plotW / 2 : (i * plotW) / (points - 1));
  const y = (v: number): number =>
    MARGIN.top + PLOT_HEIGHT - ((v - scale.min) * PLOT_HEIGHT) / (scale.max - scale.min);
  const r1 = (n: number): string => String(Math.round(n * 10) / 10);

  const svg = svgEl('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: '100%',
    role: 'img',
    'aria-describedby': descId,
    'aria-label': spec.title,
    class: 'chart-svg',
    preserveAspectRatio: 'xMinYMin meet',
  });
  svg.append(svgEl('title', { id: titleId }, spec.title), svgEl('desc', { id: descId }, chartSummary(spec)));

  // Grid lines and y ticks.
  const yAxis = svgEl('g', { class: 'chart-y-axis', 'aria-hidden': 'true' });
  for (const t of scale.ticks) {
    const ty = r1(y(t));
    yAxis.append(
      svgEl('line', {
        x1: MARGIN.left,
        x2: MARGIN.left + plotW,
        y1: ty,
        y2: ty,
        class: t === 0 ? 'chart-zero' : 'chart-gridline',
      }),
      svgEl(
        'text',
        {
          x: MARGIN.left - 6,
          y: ty,
          'text-anchor': 'end',
          'dominant-baseline': 'middle',
          class: 'chart-tick',
        },
        formatCount(t),
      ),
    );
  }
  yAxis.append(
    svgEl(
      'text',
      {
        x: 12,
        y: r1(MARGIN.top + PLOT_HEIGHT / 2),
        'text-anchor': 'middle',
        transform: `rotate(-90 12 ${r1(MARGIN.top + PLOT_HEIGHT / 2)})`,
        class: 'chart-axis-label',
      },
      spec.yLabel,
    ),
  );

  // x axis, ticks and labels.
  const xAxis = svgEl('g', { class: 'chart-x-axis', 'aria-hidden': 'true' });
  const base = r1(MARGIN.top + PLOT_HEIGHT);
  xAxis.append(
    svgEl('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: base, y2: base, class: 'chart-axis' }),
  );
  const indices = xTickIndices(points);
  indices.forEach((i, k) => {
    const tx = r1(x(i));
    const anchor =
      indices.length > 1 && k === 0
        ? 'start'
        : k === indices.length - 1 && indices.length > 1
          ? 'end'
          : 'middle';
    xAxis.append(
      svgEl('line', { x1: tx, x2: tx, y1: base, y2: r1(MARGIN.top + PLOT_HEIGHT + 5), class: 'chart-axis' }),
      svgEl(
        'text',
        { x: tx, y: r1(MARGIN.top + PLOT_HEIGHT + 18), 'text-anchor': anchor, class: 'chart-tick' },
        spec.xTicks?.[i] ?? String(i),
      ),
    );
  });
  xAxis.append(
    svgEl(
      'text',
      {
        x: r1(MARGIN.left + plotW / 2),
        y: r1(MARGIN.top + PLOT_HEIGHT + 38),
        'text-anchor': 'middle',
        class: 'chart-axis-label',
      },
      spec.xLabel,
    ),
  );
  svg.append(yAxis, xAxis);

  // The lines.
  const lines = svgEl('g', { class: 'chart-lines', 'aria-hidden': 'true' });
  spec.series.forEach((s, index) => {
    const dash = dashFor(index);
    if (s.values.length === 1) {
      lines.append(svgEl('circle', { cx: r1(x(0)), cy: r1(y(s.values[0]!)), r: 3, fill: s.colour }));
      return;
    }
    const pts = s.values.map((v, i) => `${r1(x(i))},${r1(y(v))}`).join(' ');
    const line = svgEl('polyline', {
      points: pts,
      fill: 'none',
      stroke: s.colour,
      'stroke-width': 2.2,
      'stroke-linejoin': 'round',
      class: 'chart-line',
    });
    if (dash !== '') line.setAttribute('stroke-dasharray', dash);
    line.append(svgEl('title', {}, s.name));
    lines.append(line);
  });
  svg.append(lines);

  // The legend: one row per series, its line sample (colour and dash) and its name.
  const legend = svgEl('g', { class: 'chart-legend' });
  spec.series.forEach((s, index) => {
    const ly = legendTop + index * LEGEND_ROW + 9;
    const sample = svgEl('line', {
      x1: MARGIN.left,
      x2: MARGIN.left + 34,
      y1: ly,
      y2: ly,
      stroke: s.colour,
      'stroke-width': 2.6,
    });
    const dash = dashFor(index);
    if (dash !== '') sample.setAttribute('stroke-dasharray', dash);
    legend.append(
      sample,
      svgEl(
        'text',
        { x: MARGIN.left + 42, y: ly, 'dominant-baseline': 'middle', class: 'chart-legend-text' },
        s.name,
      ),
    );
  });
  svg.append(legend);
  return svg;
}

/** The numbers of a chart as a table: one row per point, one column per series. */
export function chartTable(spec: LineChartSpec): HTMLTableElement {
  const table = el('table', { class: 'chart-table' });
  table.append(el('caption', {}, spec.title));
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', { scope: 'col' }, spec.xLabel));
  for (const s of spec.series) headRow.append(el('th', { scope: 'col' }, s.name));
  head.append(headRow);
  const body = el('tbody');
  const points = Math.max(0, ...spec.series.map((s) => s.values.length));
  for (let i = 0; i < points; i++) {
    const row = el('tr');
    row.append(el('th', { scope: 'row' }, spec.rowLabels?.[i] ?? spec.xTicks?.[i] ?? String(i)));
    for (const s of spec.series) {
      const v = s.values[i];
      row.append(el('td', {}, v === undefined ? '' : formatCount(v)));
    }
    body.append(row);
  }
  table.append(head, body);
  return table;
}

/**
 * A whole chart for the page: `<figure class="chart">` with the SVG, a `<figcaption>` (the title
 * and `caption`, when given) and a `<details>` holding the numbers as a table.
 */
export function chartFigure(spec: LineChartSpec, caption = ''): HTMLElement {
  const figure = el('figure', { class: 'chart' });
  const figcaption = el('figcaption');
  figcaption.append(el('strong', {}, spec.title));
  if (caption !== '') figcaption.append(document.createTextNode(` — ${caption}`));
  const details = el('details', { class: 'chart-numbers' });
  details.append(el('summary', {}, `The numbers: ${spec.title}`), chartTable(spec));
  figure.append(figcaption, lineChart(spec), details);
  return figure;
}
