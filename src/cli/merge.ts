// `idlib-sim merge`: combines batch files (slices written by `batch --out x.json`, or earlier merges)
// into the result one batch over all their games would give. The summary is recomputed from the
// games the files carry, so the merge is exact. Files of another scenario, content, rules version,
// base seed or turn cap, games in two files, or a file whose games do not match its own header are
// refused (exit 2).
import { z } from 'zod';
import { outFileFlag, parseFlags } from './args.ts';
import { reportBatch, type BatchOut } from './batch.ts';
import { readJsonFile, UsageError } from './files.ts';
import {
  BANDS,
  BATCH_FORMAT,
  END_REASONS,
  formatRanges,
  gameSeed,
  indexRanges,
  METERS,
  summarize,
  type BatchFile,
  type GameRecord,
} from './stats.ts';

const int = z.number().int();
const count = int.min(0);

const RecordSchema = z.object({
  index: count,
  seed: z.string(),
  turns: count,
  end: z.enum(END_REASONS).nullable(),
  bands: z.record(z.string(), z.enum(BANDS).nullable()),
  scores: z.record(z.string(), z.number()),
  meters: z.object(
    Object.fromEntries(METERS.map((m) => [m, z.number()])) as Record<(typeof METERS)[number], z.ZodNumber>,
  ),
});

/** What merge reads of a batch file; the summary fields are recomputed, so they are not read. */
const SliceSchema = z.object({
  format: z.literal(BATCH_FORMAT),
  formatVersion: z.literal(1),
  scenario: z.object({ id: z.string().min(1), contentHash: z.string().min(1) }),
  rulesVersion: int,
  baseSeed: z.string().min(1),
  maxTurns: int.min(1),
  players: z.string(),
  ranges: z.array(z.tuple([count, count])),
  actors: z.array(z.string()),
  records: z.array(RecordSchema).min(1),
});
type Slice = z.infer<typeof SliceSchema>;

function readSlice(file: string): Slice {
  const slice = readJsonFile(file, SliceSchema, {
    noun: 'batch file',
    notA: 'a batch file',
    hint: ' (write one with batch --out x.json)',
  });
  // The games must be the ones the header names, with the seeds of the rule, and every actor.
  const indices = slice.records.map((r) => r.index);
  if (new Set(indices).size !== indices.length)
    throw new UsageError(`${file}: a game index appears twice in its games`);
  if (JSON.stringify(indexRanges(indices)) !== JSON.stringify(slice.ranges))
    throw new UsageError(
      `${file}: its games (${formatRanges(indexRanges(indices))}) are not the ones it names (${formatRanges(slice.ranges)})`,
    );
  const actors = JSON.stringify([...slice.actors].sort());
  for (const r of slice.records) {
    if (r.seed !== gameSeed(slice.baseSeed, r.index))
      throw new UsageError(
        `${file}: game ${r.index} has the seed "${r.seed}", not "${gameSeed(slice.baseSeed, r.index)}"`,
      );
    if (
      JSON.stringify(Object.keys(r.bands).sort()) !== actors ||
      JSON.stringify(Object.keys(r.scores).sort()) !== actors
    )
      throw new UsageError(`${file}: game ${r.index} does not list the actors ${slice.actors.join(', ')}`);
  }
  return slice;
}

/** The merged batch of slices (already read), or a UsageError saying why they do not belong together. */
export function mergeSlices(slices: { file: string; slice: Slice }[]): BatchFile {
  const [head, ...rest] = slices;
  const a = head!.slice;
  const same: [string, (s: Slice) => unknown][] = [
    ['scenario', (s) => s.scenario.id],
    ['scenario content hash', (s) => s.scenario.contentHash],
    ['rules version', (s) => s.rulesVersion],
    ['base seed', (s) => s.baseSeed],
    ['turn cap (--turns)', (s) => s.maxTurns],
    ['players (--play)', (s) => s.players],
    ['actors', (s) => s.actors.join(', ')],
  ];
  for (const { file, slice } of rest)
    for (const [what, get] of same)
      if (get(slice) !== get(a))
        throw new UsageError(
          `cannot merge: ${file} has ${what} ${JSON.stringify(get(slice))}, ${head!.file} has ${JSON.stringify(get(a))}`,
        );
  const owner = new Map<number, string>();
  const records: GameRecord[] = [];
  for (const { file, slice } of slices) {
    for (const r of slice.records) {
      const other = owner.get(r.index);
      if (other !== undefined)
        throw new UsageError(
          `cannot merge: ${other} and ${file} overlap (both have game ${r.index}; ${file} has games ${formatRanges(slice.ranges)})`,
        );
      owner.set(r.index, file);
      records.push(r);
    }
  }
  return summarize(
    {
      scenario: a.scenario,
      rulesVersion: a.rulesVersion,
      baseSeed: a.baseSeed,
      maxTurns: a.maxTurns,
      players: a.players,
    },
    a.actors,
    records,
  );
}

export function runMerge(args: string[], out: BatchOut): number {
  const { values, positionals } = parseFlags(args, { out: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length === 0)
    throw new UsageError('expected one or more batch files (batch --out x.json) to merge');
  const target = outFileFlag(values.out);
  const merged = mergeSlices(positionals.map((file) => ({ file, slice: readSlice(file) })));
  reportBatch(merged, { scenarioArg: merged.scenario.id, out: target, json: values.json === true }, out);
  return 0;
}
