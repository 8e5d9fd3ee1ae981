export * from './goflags.ts';
export * from './goproxy.ts';
export * from './gosumdb.ts';
export * from './gotoolchain.ts';
export * from './govcs.ts';
export * from './gover.ts';
export * from './patterns.ts';
export * from './private.ts';
