export * from './pre-plan.ts';
export * from './incident-state.ts';
