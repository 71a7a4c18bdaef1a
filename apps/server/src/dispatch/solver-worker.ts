/**
 * Worker-thread entry of the solver pool: solves each problem it is posted and posts the plan back.
 * Errors travel as data (name, message, issues) because class instances do not survive postMessage.
 */
import { parentPort } from 'node:worker_threads';
import { InvalidDispatchProblemError, solveDispatch, type DispatchProblem } from '@zhanqin/domain';

export type SolverRequest = { id: number; problem: DispatchProblem };
export type SolverResponse =
  | { id: number; ok: true; plan: ReturnType<typeof solveDispatch> }
  | { id: number; ok: false; error: { name: string; message: string; issues?: InvalidDispatchProblemError['issues'] } };

const port = parentPort;
if (port === null) throw new Error('solver-worker.ts must run in a worker thread');

port.on('message', ({ id, problem }: SolverRequest) => {
  let response: SolverResponse;
  try {
    response = { id, ok: true, plan: solveDispatch(problem) };
  } catch (error) {
    response = {
      id,
      ok: false,
      error:
        error instanceof InvalidDispatchProblemError
          ? { name: error.name, message: error.message, issues: error.issues }
          : {
              name: error instanceof Error ? error.name : 'Error',
              message: error instanceof Error ? error.message : String(error),
            },
    };
  }
  port.postMessage(response);
});
