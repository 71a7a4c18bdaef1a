export * from './dispatch-problem.ts';
export {
  validateDispatchProblem,
  type DispatchProblemIssue,
  type DispatchProblemIssueCode,
} from './validate-dispatch-problem.ts';
export { solveDispatch, trySolveDispatch, InvalidDispatchProblemError } from './solve-dispatch.ts';
export { checkDispatchPlan } from './check-dispatch-plan.ts';
export * from './explain-dispatch-plan.ts';
export * from './vehicle-loading.ts';
export * from './spread-trips.ts';
