// The pure parts of the review's charts (src/ui/charts.ts): the y scale, the x labels picked, the
// dash patterns, number formatting and the screen-reader summary. The SVG itself is drawn in the
// browser; these run in Node.
import { describe, expect, it } from 'vitest';
import {
  chartScale,
  chartSummary,
  dashFor,
  DASHES,
  formatCount,
  xTickIndices,
  type LineChartSpec,
} from '../../src/ui/charts.ts';

/** What every scale must be: integer ticks, evenly spaced, from min to max, covering the values. */
function checkScale(values: number[]): { min: number; max: number; ticks: number[] } {
  const s = chartScale(values);
  expect(s.ticks[0]).toBe(s.min);
  expect(s.ticks[s.ticks.length - 1]).toBe(s.max);
  expect(s.max).toBeGreaterThan(s.min);
  expect(s.ticks.length).toBeGreaterThanOrEqual(2);
  expect(s.ticks.length).toBeLessThanOrEqual(7);
  const step = s.ticks[1]! - s.ticks[0]!;
  s.ticks.forEach((t, i) => {
    expect(Number.isInteger(t)).toBe(true);
    expect(t).toBe(s.min + i * step);
  });
  expect(String(step)).toMatch(/^[125]0*$/);
  for (const v of values) {
    expect(v).toBeGreaterThanOrEqual(s.min);
    expect(v).toBeLessThanOrEqual(s.max);
  }
  expect(s.min).toBeLessThanOrEqual(0);
  expect(s.max).toBeGreaterThanOrEqual(0);
  return s;
}

describe('chartScale', () => {
  it('gives the escalation ladder one tick per rung', () => {
    expect(chartScale([0, 5])).toEqual({ min: 0, max: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(chartScale([0, 1, 2, 4, 3])).toEqual({ min: 0, max: 4, ticks: [0, 1, 2, 3, 4] });
  });

  it('rounds large counts to a nice step from zero', () => {
    expect(chartScale([0, 12000, 81818])).toEqual({
      min: 0,
      max: 100000,
      ticks: [0, 20000, 40000, 60000, 80000, 100000],
    });
    expect(chartScale([60, 100])).toEqual({ min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] });
  });

  it('keeps a flat or empty series drawable', () => {
    expect(chartScale([])).toEqual({ min: 0, max: 1, ticks: [0, 1] });
    expect(chartScale([0, 0, 0])).toEqual({ min: 0, max: 1, ticks: [0, 1] });
    checkScale([7, 7, 7]);
  });

  it('reaches below zero for negative values', () => {
    expect(chartScale([-3, 7])).toEqual({ min: -4, max: 8, ticks: [-4, -2, 0, 2, 4, 6, 8] });
  });

  it('holds its promises over many ranges', () => {
    for (const hi of [1, 2, 3, 9, 10, 11, 37, 99, 101, 250, 999, 1001, 54321, 1000000, 1234567])
      for (const lo of [0, -1, -hi]) checkScale([lo, Math.floor(hi / 3), hi]);
  });
});

describe('xTickIndices', () => {
  it('spreads at most seven labels over a long game, the first and last included', () => {
    const ix = xTickIndices(57);
    expect(ix.length).toBe(7);
    expect(ix[0]).toBe(0);
    expect(ix[ix.length - 1]).toBe(56);
    for (let i = 1; i < ix.length; i++) {
      expect(ix[i]!).toBeGreaterThan(ix[i - 1]!);
      const gap = ix[i]! - ix[i - 1]!;
      expect(gap === 9 || gap === 10).toBe(true);
    }
  });

  it('labels every point of a short game', () => {
    expect(xTickIndices(0)).toEqual([]);
    expect(xTickIndices(1)).toEqual([0]);
    expect(xTickIndices(3)).toEqual([0, 1, 2]);
    expect(xTickIndices(10, 4)).toEqual([0, 3, 6, 9]);
  });
});

describe('line styles and words', () => {
  it('gives the first series distinct dashes, then repeats', () => {
    const first = DASHES.map((_, i) => dashFor(i));
    expect(new Set(first).size).toBe(DASHES.length);
    expect(dashFor(0)).toBe('');
    expect(dashFor(DASHES.length)).toBe(dashFor(0));
  });

  it('formats counts with thousands separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-20000)).toBe('-20,000');
  });

  it('sums a chart up in words', () => {
    const spec: LineChartSpec = {
      title: 'Soldiers lost',
      xLabel: 'Date',
      yLabel: 'Soldiers',
      xTicks: ['Start', '2 Dec', '3 Dec'],
      series: [
        { name: 'Turkey', colour: '#0072B2', values: [0, 58, 40] },
        { name: 'Russia', colour: '#D55E00', values: [0, 0, 2] },
      ],
    };
    expect(chartSummary(spec)).toBe(
      'Soldiers lost: line chart over 3 points, Start to 3 Dec. Turkey 0 to 40 (peak 58); Russia 0 to 2 (peak 2).',
    );
  });
});
