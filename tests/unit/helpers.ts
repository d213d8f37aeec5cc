// Small worlds written in the tests: a map and a scenario as YAML text, loaded through the real
// loader so the tests exercise the same path as the game.
import { readFileSync } from 'node:fs';
import { loadScenarioText, newGame, type Scenario } from '../../src/scenario/index.ts';
import type { GameState } from '../../src/engine/index.ts';

export interface TinyPlace {
  id: string;
  kind?: string;
  /** Kilometres east / north of the origin of the tiny map. */
  at: [number, number];
  population?: number;
}

export interface TinyWorld {
  places: TinyPlace[];
  /** [from, to, km, class?] */
  roads: [string, string, number, string?][];
  posts?: { id: string; location: string }[];
  scenario: string;
}

/** Builds map YAML from a compact description (0.01° ≈ 1 km is close enough for tests). */
export function tinyMapYaml(world: Pick<TinyWorld, 'places' | 'roads' | 'posts'>): string {
  const lines = ['schemaVersion: 1', 'id: tiny', 'title: Tiny test map', 'locations:'];
  for (const p of world.places) {
    lines.push(
      `  - { id: ${p.id}, name: ${p.id.toUpperCase()}, kind: ${p.kind ?? 'town'}, lat: ${36 + p.at[1] / 111}, lon: ${36 + p.at[0] / 90}, population: ${p.population ?? 1000}, terrain: open }`,
    );
  }
  lines.push('roads:');
  world.roads.forEach(([a, b, km, cls], i) =>
    lines.push(`  - { id: r${i}_${a}_${b}, from: ${a}, to: ${b}, class: ${cls ?? 'road'}, km: ${km} }`),
  );
  lines.push(world.posts?.length ? 'posts:' : 'posts: []');
  for (const post of world.posts ?? [])
    lines.push(`  - { id: ${post.id}, name: Post ${post.id}, location: ${post.location} }`);
  return lines.join('\n') + '\n';
}

export function tinyScenario(world: TinyWorld): Scenario {
  const files: Record<string, string> = {
    'tests/tiny.map.yaml': tinyMapYaml(world),
  };
  return loadScenarioText('tests/tiny.scenario.yaml', world.scenario, (path) => {
    const text = files[path];
    if (text === undefined) throw new Error(`no file ${path}`);
    return text;
  });
}

export function tinyGame(world: TinyWorld, seed = 1): GameState {
  return newGame(tinyScenario(world), seed);
}

/** The common scenario head: two hostile sides (red, blue) and a neutral (grey). */
export function scenarioHead(extra: string): string {
  return `schemaVersion: 1
id: tiny
title: Tiny
briefing: A test.
map: tiny.map.yaml
calendar: { start: '2020-01-01', daysPerTurn: 1, turns: 10 }
actors:
  - { id: blue, name: Blue, controller: scripted, supplySources: [base] }
  - { id: red, name: Red, controller: scripted, supplySources: [] }
  - { id: grey, name: Grey, controller: passive }
relations:
  - { a: blue, b: red, stance: hostile }
${extra}`;
}

export function readProjectFile(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}
