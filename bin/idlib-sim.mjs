#!/usr/bin/env node
// The `idlib-sim` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
const { mainAsync } = await import('../src/cli/main.ts');
process.exitCode = await mainAsync(process.argv.slice(2));
