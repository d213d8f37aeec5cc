// The loaded scenario is a copy of the validated data with every string internalized
// (src/scenario/intern.ts): it must hold exactly what the data held.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioArg, resolveScenarioPath } from '../../src/cli/files.ts';
import { analyseScenario } from '../../src/scenario/load.ts';
import { internedCopy } from '../../src/scenario/intern.ts';

const SHIPPED = ['winter-2019-2020', 'idlib-2019', 'm4-corridor-2020', 'sochi-2018', 'tutorial-convoy'];

describe('internedCopy', () => {
  it('copies plain data key for key, in the same order, sharing no object', () => {
    const value = {
      b: ['x', '', 'ḥamā', '12', 'quote " and \\ back', { z: 1, a: null, m: [true, false, -3.5] }],
      a: { '2': 'two', '1': 'one', id: 'khan_shaykhun' },
    };
    const copy = internedCopy(value);
    expect(copy).toStrictEqual(value);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    expect(Object.keys(copy)).toEqual(['b', 'a']);
    expect(copy).not.toBe(value);
    expect(copy.b).not.toBe(value.b);
    expect(copy.b[5]).not.toBe(value.b[5]);
    expect(copy.a).not.toBe(value.a);
  });

  it('gives each shipped scenario exactly the data its schema validated', () => {
    for (const id of SHIPPED) {
      const path = resolveScenarioPath(id);
      const analysed = analyseScenario(path, readFileSync(path));
      const loaded = loadScenarioArg(id);
      expect(analysed.data, id).not.toBeNull();
      // Nothing the copy through JSON would lose (an undefined, a Date, a Map…) is in the data.
      expect(loaded.data, id).toStrictEqual(analysed.data);
      expect(loaded.data, id).not.toBe(analysed.data);
    }
  });
});
