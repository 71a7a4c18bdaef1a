export * from './result.ts';
export * from './dispatch/index.ts';
