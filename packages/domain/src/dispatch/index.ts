export * from './dispatch-problem.ts';
export { validateDispatchProblem, type DispatchProblemIssue, type DispatchProblemIssueCode } from './validate-dispatch-problem.ts';
export { solveDispatch, trySolveDispatch, InvalidDispatchProblemError } from './solve-dispatch.ts';
