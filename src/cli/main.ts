// idlib-sim: the command line. Commands: run, verify, check, migrate, bench, schema. Exit codes:
// 0 success, 1 a replay that does not verify, a checked file with errors or a file that cannot be
// migrated, 2 bad usage or input (missing file, bad flag, invalid scenario).
import { writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dateOfTurn, setStateFreezing, standing } from '../engine/index.ts';
import {
  formatProblem,
  ReplaySchema,
  ScenarioError,
  replayMismatch,
  verifyReplay,
} from '../scenario/index.ts';
import { runBench } from './bench.ts';
import { runCheck } from './check.ts';
import { loadScenarioArg, readText, UsageError } from './files.ts';
import { runMigrate } from './migrate.ts';
import { runSchema } from './schema.ts';
import { describeTurn, playScenario } from './play.ts';

const USAGE = `idlib-sim — the Idlib de-escalation zone wargame, headless

Usage:
  idlib-sim run <scenario> [--seed N] [--turns N] [--out replay.json] [--json]
      Play a scenario (a file path or a shipped scenario id, e.g. winter-2019-2020) with the
      scripted actors' orders; print a line per turn. --out writes the replay; with --json the
      last line of output is one JSON object with the result.
  idlib-sim verify <replay.json> [--scenario file]
      Replay a recorded game and check every turn's state hash (exit 1 names the first turn
      that differs).
  idlib-sim check <files…> [--format text|json]
      Check scenario files (and the maps they name; a *.map.yaml is checked as a map): every
      problem at once, one per line as file:line:col  error|warning  CODE  path  message, then
      "N errors, M warnings" (codes: docs/error-codes.md). Exit 1 on any error, else 0.
  idlib-sim migrate <file> [--dry-run]
      Rewrite a scenario file written for an older schemaVersion in the current one, keeping
      its comments and layout; print what changed and the diff. The result must pass check
      before it replaces the file (exit 1 otherwise, the file untouched). --dry-run writes
      nothing.
  idlib-sim bench
      Measure the engine; the last line is a JSON object of named figures.
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

function intFlag(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^-?\d+$/.test(text) || Number(text) < min)
    throw new UsageError(`--${name} must be an integer ≥ ${min} (got "${text}")`);
  return Number(text);
}

function cmdRun(args: string[], out: Out): number {
  const { values, positionals } = parse(
    args,
    {
      seed: { type: 'string' },
      turns: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    1,
  );
  const seed = String(intFlag(values.seed, 'seed', 0) ?? 1);
  const scenario = loadScenarioArg(positionals[0]!);
  const maxTurns = intFlag(values.turns, 'turns', 1) ?? scenario.data.calendar.turns;
  setStateFreezing(false);
  const result = playScenario(scenario, seed, maxTurns, (turn, events, state) => {
    out.log(describeTurn(dateOfTurn(state.calendar, turn), turn, events));
  });
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
  if (values.json) {
    out.log(
      JSON.stringify({
        scenario: scenario.data.id,
        seed: Number(seed),
        turns: result.replay.turns.length,
        hash,
        outcome,
        eventCounts: result.eventCounts,
      }),
    );
  }
  return 0;
}

function cmdVerify(args: string[], out: Out): number {
  const { values, positionals } = parse(args, { scenario: { type: 'string' } }, 1);
  const file = positionals[0]!;
  let text: string;
  try {
    text = readText(file);
  } catch {
    throw new UsageError(`cannot read replay file ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not a replay: not valid JSON (${(e as Error).message})`);
  }
  const parsed = ReplaySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file} is not a replay: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const replay = parsed.data;
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

export function main(
  argv: string[],
  out: Out = { log: (l) => console.log(l), error: (l) => console.error(l) },
): number {
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
      case 'bench':
        parse(rest, {}, 0);
        return runBench(out);
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
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = main(process.argv.slice(2));
}
