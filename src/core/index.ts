/** The public API of the core: import text, evaluate connections, explain verdicts. */
export * from './model/types.ts';
export * from './evaluate/index.ts';
export { importManifests, type ManifestFile, type ImportResult, type ImportProgress } from './parse/index.ts';
export * from './model/portset.ts';
export * from './model/ipset.ts';
export * from './generate/index.ts';
export * from './assert/index.ts';
export * from './diff/index.ts';
export * from './lint/index.ts';
