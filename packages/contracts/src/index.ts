export * from './common.ts';
export * from './health.ts';
export * from './organisation.ts';
export * from './node.ts';
export * from './item.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './stock.ts';
