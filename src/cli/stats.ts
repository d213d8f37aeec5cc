// Statistics of a batch of games (`idlib-sim batch`, `idlib-sim merge`): the per-game record, the
// summary computed from a list of records, and the helpers behind it. This is the command line,
// not the engine: plain floating point is fine here. Every figure is computed from the records
// sorted by game index, so the summary depends only on which games were played, never on the
// order in which workers finished them or on how the games were split into slices.
import type { Band } from '../engine/index.ts';

export const BANDS = ['decisive', 'marginal', 'draw', 'defeat'] as const satisfies readonly Band[];
/** The band column of a game that did not end within its turns (no outcome, so no band). */
export const UNFINISHED = 'unfinished';
export type BandColumn = Band | typeof UNFINISHED;
export const BAND_COLUMNS: readonly BandColumn[] = [...BANDS, UNFINISHED];

/**
 * The five meters recorded per game: people displaced, civilians killed, Turkish soldiers lost
 * (`meters.losses` of `params.actorRoles.turkey`), Turkish observation posts still held (neither
 * evacuated nor overrun) at the end, and the highest rung of the escalation ladder seen (the
 * first state included).
 */
export const METERS = ['displaced', 'civilianDead', 'turkeyLosses', 'postsHeld', 'maxEscalation'] as const;
export type Meter = (typeof METERS)[number];

export const END_REASONS = ['turn-limit', 'sudden-death', 'trigger'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** One game of a batch: small, so that slices can carry every game and merge exactly. */
export interface GameRecord {
  index: number;
  seed: string;
  /** Turns played. */
  turns: number;
  /** How the game ended, or null when it was stopped by the turn cap before it ended. */
  end: EndReason | null;
  /** Band per actor (sorted ids); null for every actor when the game did not end. */
  bands: Record<string, Band | null>;
  /** Score per actor: the outcome's, or the points so far when the game did not end. */
  scores: Record<string, number>;
  meters: Record<Meter, number>;
}

/** The seed of game `index` of a batch with base seed `baseSeed`: `${baseSeed}-${index}`. */
export function gameSeed(baseSeed: string, index: number): string {
  return `${baseSeed}-${index}`;
}

/** z for a two-sided 95 % interval (the 0.975 quantile of the standard normal distribution). */
export const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for `successes` out of `trials` (95 % by default), as fractions in
 * [0, 1]. With no trials nothing is known: [0, 1].
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): [number, number] {
  if (trials === 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At p = 0 or 1 the exact bound is 0 or 1; floating point can miss it by an ulp.
  return [
    successes === 0 ? 0 : Math.max(0, centre - half),
    successes === trials ? 1 : Math.min(1, centre + half),
  ];
}

/**
 * The nearest-rank percentile: the smallest value such that at least `p` per cent of the values
 * are at or below it, i.e. sorted[ceil(p / 100 × n) − 1] (p = 0 gives the minimum). It is always
 * one of the values, never an interpolation. `sorted` must be in ascending order and not empty.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values');
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/**
 * Ranks 1..n of the values, ties given the mean of the ranks they share (mid-ranks), so that
 * equal values are always treated alike.
 */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]![1]] = rank;
    start = end + 1;
  }
  return ranks;
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

export interface BandShare {
  count: number;
  /** Per cent of the games, 2 decimals. */
  percent: number;
  /** The 95 % Wilson score interval of that share, in per cent, 2 decimals. */
  ci95: [number, number];
}

export interface MeterStats {
  /** 2 decimals. */
  mean: number;
  min: number;
  /** Nearest-rank percentiles (see `percentile`). */
  p10: number;
  p50: number;
  p90: number;
  max: number;
}

export interface GameRef {
  index: number;
  seed: string;
}

export interface BatchIdentity {
  scenario: { id: string; contentHash: string };
  rulesVersion: number;
  /** Game i plays with the seed `${baseSeed}-${i}`. */
  baseSeed: string;
  /** The most turns each game played (the scenario's length unless `--turns` cut it short). */
  maxTurns: number;
  /** Who played each actor (`--play`), as a `--play` value: `hts=computer,russia=script,…`. */
  players: string;
}

export interface BatchSummary extends BatchIdentity {
  format: typeof BATCH_FORMAT;
  formatVersion: 1;
  seedRule: string;
  /** The game indices played, as sorted, disjoint, non-adjacent inclusive ranges [first, last]. */
  ranges: [number, number][];
  games: number;
  actors: string[];
  /** How many games ended each way; `unfinished`: stopped by the turn cap. */
  ends: Record<EndReason | typeof UNFINISHED, number>;
  /** Per actor, per band: how many games, per cent, 95 % interval. */
  bands: Record<string, Record<BandColumn, BandShare>>;
  meters: Record<Meter, MeterStats>;
  /**
   * Games to replay with `idlib-sim run <scenario> --seed <seed>` (and `--turns maxTurns` when the
   * games were cut short): `typical`, the game with the smallest sum over the five meters of the
   * distance between its mid-rank and the median rank (n + 1) / 2 (ties: the lowest index); per
   * meter the game with the lowest and the highest value (ties: the lowest index).
   */
  replay: {
    typical: GameRef;
    extremes: Record<Meter, { min: GameRef & { value: number }; max: GameRef & { value: number } }>;
  };
}

/** A batch file (`--out x.json`): the summary and every game, which is what merge reads. */
export interface BatchFile extends BatchSummary {
  records: GameRecord[];
}

export const BATCH_FORMAT = 'idlib-sim.batch';

/** Sorted disjoint inclusive ranges covering the given indices (adjacent runs joined). */
export function indexRanges(indices: readonly number[]): [number, number][] {
  const sorted = [...indices].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const i of sorted) {
    const last = ranges.at(-1);
    if (last && i <= last[1] + 1) last[1] = Math.max(last[1], i);
    else ranges.push([i, i]);
  }
  return ranges;
}

export function formatRanges(ranges: readonly [number, number][]): string {
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}..${b}`)).join(', ');
}

/** The summary of a non-empty list of games (in any order; they are sorted by index first). */
export function summarize(
  identity: BatchIdentity,
  actors: readonly string[],
  games: readonly GameRecord[],
): BatchFile {
  if (games.length === 0) throw new Error('no games to summarize');
  const records = [...games].sort((a, b) => a.index - b.index);
  const n = records.length;
  const share = (count: number): BandShare => {
    const [lo, hi] = wilsonInterval(count, n);
    return { count, percent: round((100 * count) / n, 2), ci95: [round(100 * lo, 2), round(100 * hi, 2)] };
  };

  const ends = { 'turn-limit': 0, 'sudden-death': 0, trigger: 0, [UNFINISHED]: 0 } as BatchSummary['ends'];
  for (const r of records) ends[r.end ?? UNFINISHED]++;

  const bands: BatchSummary['bands'] = {};
  for (const actor of actors) {
    const counts = Object.fromEntries(BAND_COLUMNS.map((b) => [b, 0])) as Record<BandColumn, number>;
    for (const r of records) counts[r.bands[actor] ?? UNFINISHED]++;
    bands[actor] = Object.fromEntries(BAND_COLUMNS.map((b) => [b, share(counts[b])])) as Record<
      BandColumn,
      BandShare
    >;
  }

  const meters = {} as BatchSummary['meters'];
  const extremes = {} as BatchSummary['replay']['extremes'];
  const distance = new Array<number>(n).fill(0);
  for (const m of METERS) {
    const values = records.map((r) => r.meters[m]);
    const sorted = [...values].sort((a, b) => a - b);
    let sum = 0;
    for (const v of values) sum += v;
    meters[m] = {
      mean: round(sum / n, 2),
      min: sorted[0]!,
      p10: percentile(sorted, 10),
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      max: sorted[n - 1]!,
    };
    const lo = records.find((r) => r.meters[m] === sorted[0])!;
    const hi = records.find((r) => r.meters[m] === sorted[n - 1])!;
    extremes[m] = {
      min: { index: lo.index, seed: lo.seed, value: lo.meters[m] },
      max: { index: hi.index, seed: hi.seed, value: hi.meters[m] },
    };
    const ranks = midRanks(values);
    for (let k = 0; k < n; k++) distance[k]! += Math.abs(ranks[k]! - (n + 1) / 2);
  }
  let typical = 0;
  for (let k = 1; k < n; k++) if (distance[k]! < distance[typical]!) typical = k;

  return {
    format: BATCH_FORMAT,
    formatVersion: 1,
    scenario: { id: identity.scenario.id, contentHash: identity.scenario.contentHash },
    rulesVersion: identity.rulesVersion,
    baseSeed: identity.baseSeed,
    seedRule: `${identity.baseSeed}-<index>`,
    maxTurns: identity.maxTurns,
    players: identity.players,
    ranges: indexRanges(records.map((r) => r.index)),
    games: n,
    actors: [...actors],
    ends,
    bands,
    meters,
    replay: { typical: { index: records[typical]!.index, seed: records[typical]!.seed }, extremes },
    records,
  };
}

/** The summary without the per-game records (what `--json` prints). */
export function withoutRecords(file: BatchFile): BatchSummary {
  const summary: Partial<BatchFile> = { ...file };
  delete summary.records;
  return summary as BatchSummary;
}

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per game: index, seed, turns, end, band and score per actor, the five meters. */
export function toCsv(file: BatchFile): string {
  const header = [
    'index',
    'seed',
    'turns',
    'end',
    ...file.actors.map((a) => `band_${a}`),
    ...file.actors.map((a) => `score_${a}`),
    ...METERS,
  ];
  const rows = file.records.map((r) => [
    r.index,
    r.seed,
    r.turns,
    r.end ?? UNFINISHED,
    ...file.actors.map((a) => r.bands[a] ?? UNFINISHED),
    ...file.actors.map((a) => r.scores[a] ?? null),
    ...METERS.map((m) => r.meters[m]),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
