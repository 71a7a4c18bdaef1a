export * from './balances.ts';
export * from './documents.ts';
export * from './fefo.ts';
export * from './reserve-standard.ts';
export * from './transfer-state.ts';
