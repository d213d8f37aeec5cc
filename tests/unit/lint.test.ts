// The lint rules that keep the engine honest really fire: each forbidden thing, written in a file
// under src/engine, is an error; the same text elsewhere is not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-helpers.ts';

const eslint = new ESLint({ cwd: ROOT });

async function errorsIn(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.message);
}

const forbidden: [string, string][] = [
  ['Math.random', 'export const x = Math.random();'],
  ['Date', 'export const x = Date.now();'],
  ['new Date', 'export const x = new Date();'],
  ['performance', 'export const x = performance.now();'],
  ['Math.sin', 'export const x = Math.sin(1);'],
  ['Math.cos', 'export const x = Math.cos(1);'],
  ['Math.tan', 'export const x = Math.tan(1);'],
  ['Math.exp', 'export const x = Math.exp(1);'],
  ['Math.pow', 'export const x = Math.pow(2, 3);'],
  ['Math.log', 'export const x = Math.log(2);'],
  ['Math.atan', 'export const x = Math.atan(2);'],
  ['Math.atan2', 'export const x = Math.atan2(1, 2);'],
  ['**', 'export const f = (a: number) => a ** 2;'],
  ['phaser', "import Phaser from 'phaser';\nexport const x = Phaser;"],
  ['node:fs', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
  ['fs', "import fs from 'fs';\nexport const x = fs;"],
  ['window', 'export const x = window.innerWidth;'],
  ['document', "export const x = document.createElement('div');"],
  ['localStorage', "export const x = localStorage.getItem('a');"],
  ['process', 'export const x = process.argv;'],
  ['src/game', "import { x } from '../game/main.ts';\nexport const y = x;"],
  ['src/ui', "import { x } from '../ui/panel.ts';\nexport const y = x;"],
  ['src/cli', "import { x } from '../cli/main.ts';\nexport const y = x;"],
  ['src/ai', "import { x } from '../ai/policy.ts';\nexport const y = x;"],
];

describe('engine lint rules', () => {
  it.each(forbidden)('forbid %s in src/engine', async (_what, code) => {
    const errors = await errorsIn('src/engine/lint-probe.ts', code);
    expect(errors.length, `no lint error for: ${code}`).toBeGreaterThan(0);
  });

  it('allow integer arithmetic and Math.floor / Math.sqrt in src/engine', async () => {
    expect(
      await errorsIn(
        'src/engine/lint-probe.ts',
        'export const f = (a: number) => Math.floor(Math.sqrt(a * a + 1) / 2);',
      ),
    ).toEqual([]);
  });

  it('allow Math.random outside the engine (e.g. a UI animation)', async () => {
    expect(await errorsIn('src/ui/lint-probe.ts', 'export const x = Math.random();')).toEqual([]);
  });

  it('forbid innerHTML and eval everywhere', async () => {
    expect(
      await errorsIn(
        'src/ui/lint-probe.ts',
        "export const f = (el: HTMLElement) => { el.innerHTML = '<b>x</b>'; };",
      ),
    ).not.toEqual([]);
    expect(await errorsIn('src/ui/lint-probe.ts', "export const x = eval('1');")).not.toEqual([]);
    expect(await errorsIn('src/ui/lint-probe.ts', "export const x = new Function('return 1');")).not.toEqual(
      [],
    );
  });
});
