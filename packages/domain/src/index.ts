export * from './result.ts';
export * from './dispatch/index.ts';
export * from './ledger/index.ts';
export * from './deploy/index.ts';
export * from './travel/index.ts';
