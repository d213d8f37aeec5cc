// idlib-sim: the command line. Commands: run, verify, check, migrate, batch, merge, bench, schema.
// Exit codes: 0 success, 1 a replay that does not verify, a checked file with errors or a file that
// cannot be migrated, 2 bad usage or input (missing file, bad flag, invalid scenario, slices that
// do not merge). `main` runs the synchronous commands; `mainAsync` (the program's entry) runs every
// command, batch and bench (worker threads) included.
import { writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dateOfTurn, setStateFreezing, standing } from '../engine/index.ts';
import {
  formatProblem,
  ReplaySchema,
  type HistoryReport,
  ScenarioError,
  replayMismatch,
  verifyReplay,
} from '../scenario/index.ts';
import { intFlag, playersArg, seedFlag, seedJson } from './args.ts';
import { runBatch, type BatchOut } from './batch.ts';
import { runBench } from './bench.ts';
import { runCheck } from './check.ts';
import { loadScenarioArg, readJsonFile, UsageError } from './files.ts';
import { runMerge } from './merge.ts';
import { runMigrate } from './migrate.ts';
import { runSchema } from './schema.ts';
import {
  describeTurn,
  historicalPlayers,
  playersSpec,
  playHistorical,
  playScenario,
  type PlayOptions,
} from './play.ts';

const USAGE = `idlib-sim — the Idlib de-escalation zone wargame, headless

Usage:
  idlib-sim run <scenario> [--seed S] [--turns N] [--play P | --historical] [--out replay.json] [--json]
      Play a scenario (a file path or a shipped scenario id, e.g. winter-2019-2020); print a
      line per turn. Each actor plays as its controller says: scripted actors follow the
      scenario's script, computer (and human) actors are played by their doctrine, passive ones
      give no orders. --play changes that: "computer" for every actor, or a list such as
      "computer,turkey=random" (players: script, computer, random, passive). The seed is an
      integer (default 1) or any text without spaces, e.g. a seed printed by batch (1-17).
      --out writes the replay (with the computer actors' decision records); with --json the
      last line of output is one JSON object with the result. --historical plays the
      historical course (every actor by the script: the actors' real decisions) and reports,
      for each dated event of the scenario's history, whether the game produced it and on
      which turn (with --json: "history": {"matched", "total", "events"}).
  idlib-sim verify <replay.json> [--scenario file]
      Replay a recorded game and check every turn's state hash (exit 1 names the first turn
      that differs).
  idlib-sim check <files…> [--format text|json]
      Check scenario files (and the maps and doctrines they name; a *.map.yaml is checked as a
      map, a *.doctrine.yaml as a doctrine): every problem at once, one per line as
      file:line:col  error|warning  CODE  path  message, then "N errors, M warnings" (codes: docs/error-codes.md). Exit 1 on any error, else 0.
  idlib-sim migrate <file> [--dry-run]
      Rewrite a scenario file written for an older schemaVersion in the current one, keeping
      its comments and layout; print what changed and the diff. The result must pass check
      before it replaces the file (exit 1 otherwise, the file untouched). --dry-run writes
      nothing.
  idlib-sim batch <scenario> (--runs N | --seeds A..B) [--seed S] [--workers W] [--turns N]
                  [--play P] [--out file.json|file.csv] [--json]
      Play many games on W worker threads (default: the number of CPUs): game i plays with the
      seed S-i (S defaults to 1), so --runs N plays games 0..N-1 and --seeds A..B the games
      A..B of the same run. --turns plays at most N turns per game; --play as for run (e.g.
      --play computer: every actor by its doctrine). Prints, per actor, the
      share of each outcome band with its 95% interval; per meter (displaced, civilians killed,
      Turkish losses, Turkish posts held, highest escalation) the mean, min, p10, p50, p90,
      max; and the seeds of a typical game and of the extreme ones, to replay with run. The
      result does not depend on W. --out x.json writes the result with every game (what merge
      reads), --out x.csv one row per game; with --json the last line of output is the result
      as one JSON object (without the games).
  idlib-sim merge <batch.json…> [--out file.json|file.csv] [--json]
      Combine batch files of the same scenario, content, rules, base seed, --turns and --play, whose
      games do not overlap, into the result one batch over all their games would give; prints
      it as batch does. Exit 2 when the files do not belong together.
  idlib-sim bench [--only engine|web]
      Measure the engine, batch runs, the computer actors and the browser game (built and
      loaded in headless Chromium); the last line is a JSON object of named figures. --only
      measures one part: engine (engine, batch, ai) or web.
  idlib-sim schema [--check]
      Write the editor schemas (scenarios/scenario.schema.json, scenarios/maps/map.schema.json)
      from the zod schema; --check writes nothing and exits 1 if they are out of date.
  idlib-sim help
`;

type Out = { log: (line: string) => void; error: (line: string) => void };

interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

function parse(args: string[], options: ParseArgsConfig['options'], positionals: number): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  if (parsed.positionals.length !== positionals)
    throw new UsageError(
      positionals === 1
        ? 'expected one file argument'
        : `expected ${positionals} arguments, got ${parsed.positionals.length}`,
    );
  return parsed;
}

function cmdRun(args: string[], out: Out): number {
  const { values, positionals } = parse(
    args,
    {
      seed: { type: 'string' },
      turns: { type: 'string' },
      play: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      historical: { type: 'boolean' },
    },
    1,
  );
  const seed = seedFlag(values.seed) ?? '1';
  const scenario = loadScenarioArg(positionals[0]!);
  const maxTurns = intFlag(values.turns, 'turns', 1) ?? scenario.data.calendar.turns;
  const historical = values.historical === true;
  if (historical && values.play !== undefined)
    throw new UsageError('--historical plays every actor by the script: leave out --play');
  const players = historical
    ? historicalPlayers(scenario)
    : playersArg(values.play === undefined ? '' : String(values.play), scenario);
  setStateFreezing(false);
  const printTurn: PlayOptions['onTurn'] = (turn, events, state) =>
    out.log(describeTurn(dateOfTurn(state.calendar, turn), turn, events));
  const played = historical ? playHistorical(scenario, seed, maxTurns, printTurn) : null;
  const result = played ?? playScenario(scenario, seed, maxTurns, { players, onTurn: printTurn });
  const history = played?.history ?? null;
  const { state } = result;
  const last = result.replay.turns.at(-1);
  const hash = last ? last.hash : result.replay.initialHash;
  if (values.out) {
    writeFileSync(String(values.out), JSON.stringify(result.replay, null, 1) + '\n');
  }
  const outcome = state.outcome ?? { reason: 'not-finished', turn: state.turn - 1, summary: standing(state) };
  if (state.outcome) out.log(`Scenario over: ${state.outcome.summary}.`);
  else out.log(`Stopped after turn ${state.turn - 1} of ${state.calendar.turns}: ${outcome.summary}.`);
  out.log(`Final state hash ${hash}` + (values.out ? `; replay written to ${String(values.out)}` : ''));
  if (history) for (const line of historyLines(history)) out.log(line);
  if (values.json) {
    out.log(
      JSON.stringify({
        scenario: scenario.data.id,
        seed: seedJson(seed),
        players: playersSpec(players),
        turns: result.replay.turns.length,
        hash,
        outcome,
        eventCounts: result.eventCounts,
        ...(history ? { history } : {}),
      }),
    );
  }
  return 0;
}

/** The historical course's report in words: one line per dated event, then the count. */
function historyLines(report: HistoryReport): string[] {
  if (report.total === 0) return ['History: the scenario lists no historical events (`history:`).'];
  const lines = ['History (the game against the dated events of the period, within one turn of each date):'];
  for (const e of report.events) {
    const when =
      e.turn === null ? 'not produced' : `turn ${e.turn} (${e.turnDate}; its date is on turn ${e.dateTurn})`;
    lines.push(`  ${e.matched ? 'yes' : 'no '}  ${e.date}  ${e.what}  — ${when}`);
  }
  const pct = Math.round((report.matched * 100) / report.total);
  lines.push(`History: ${report.matched} of ${report.total} events reproduced within one turn (${pct}%).`);
  return lines;
}

function cmdVerify(args: string[], out: Out): number {
  const { values, positionals } = parse(args, { scenario: { type: 'string' } }, 1);
  const file = positionals[0]!;
  const replay = readJsonFile(file, ReplaySchema, { noun: 'replay file', notA: 'a replay' });
  const scenario = loadScenarioArg(values.scenario ? String(values.scenario) : replay.scenario.id);
  const mismatch = replayMismatch(replay, scenario);
  if (mismatch) {
    out.error(`not verified: ${mismatch}`);
    return 1;
  }
  const result = verifyReplay(replay, scenario);
  if (!result.ok) {
    out.error(
      `not verified: turn ${result.turn}: ${result.reason}` +
        (result.actual ? ` (recorded ${result.expected}, replayed ${result.actual})` : ''),
    );
    return 1;
  }
  out.log(`verified: ${result.turns} turns, hash ${result.hash}`);
  return 0;
}

const consoleOut: Out = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** Runs a command and returns the exit code; batch and bench run worker threads: see `mainAsync`. */
export function main(argv: string[], out: Out = consoleOut): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return cmdRun(rest, out);
      case 'verify':
        return cmdVerify(rest, out);
      case 'check':
        return runCheck(rest, out);
      case 'migrate':
        return runMigrate(rest, out);
      case 'merge':
        return runMerge(rest, out);
      case 'batch':
      case 'bench':
        throw new Error(`"${command}" runs worker threads: call mainAsync, not main`);
      case 'schema': {
        const { values } = parse(rest, { check: { type: 'boolean' } }, 0);
        return runSchema(values.check === true, out);
      }
      case 'help':
      case '--help':
      case '-h':
        out.log(USAGE);
        return 0;
      case undefined:
        out.error(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    return failure(e, out);
  }
}

/**
 * Runs any command and resolves to the exit code: the program's entry. Batch progress is a bar
 * when `out.tty` is set (the console's output sets it when stderr is a terminal).
 */
export async function mainAsync(
  argv: string[],
  out: BatchOut = { ...consoleOut, tty: process.stderr.isTTY === true },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'batch') return await runBatch(rest, out);
    if (command === 'bench') {
      const { values } = parse(rest, { only: { type: 'string' } }, 0);
      const only = values.only === undefined ? undefined : String(values.only);
      if (only !== undefined && only !== 'web' && only !== 'engine')
        throw new UsageError(`--only: "${only}" is not a part of the bench (web or engine)`);
      return await runBench(out, only);
    }
  } catch (e) {
    return failure(e, out);
  }
  return main(argv, out);
}

/** A known error becomes its message on stderr and exit 2; anything else is a bug and is thrown. */
function failure(e: unknown, out: Out): number {
  if (e instanceof ScenarioError) {
    for (const p of e.problems) out.error(formatProblem(p));
    out.error(
      `${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}; the scenario was not loaded.`,
    );
    return 2;
  }
  if (e instanceof UsageError) {
    out.error(`idlib-sim: ${e.message}`);
    out.error('Run "idlib-sim help" for usage.');
    return 2;
  }
  throw e;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void mainAsync(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
