export * from './schema.ts';
export * from './parse.ts';
export * from './load.ts';
export * from './build.ts';
export * from './replay.ts';
