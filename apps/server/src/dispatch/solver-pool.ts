import { Worker } from 'node:worker_threads';
import { InvalidDispatchProblemError, solveDispatch, type DispatchPlan, type DispatchProblem } from '@zhanqin/domain';
import type { SolverRequest, SolverResponse } from './solver-worker.ts';

export type SolverPool = {
  /** The optimal plan; rejects with InvalidDispatchProblemError (issues included) on a bad problem. */
  solve(problem: DispatchProblem): Promise<DispatchPlan>;
  /** Stops the workers; pending solves reject. */
  close(): Promise<void>;
};

export type SolverPoolOptions = {
  /** Worker threads at most (started on first need). */
  size: number;
  /**
   * Problems whose size (stock entries + travel entries) is below this are solved inline: a worker
   * round trip (structured clone both ways) costs more than solving them. Default 20,000.
   */
  inlineBelow?: number;
};

/** Rough size of a problem: what the solver reads, in record entries. */
export function problemSize(problem: DispatchProblem): number {
  let size = problem.incidents.length;
  for (const source of problem.sources) size += Object.keys(source.stock).length;
  for (const row of Object.values(problem.travelMinutes)) size += Object.keys(row).length;
  return size;
}

// The worker entry is TypeScript. On Node 20 a worker's execArgv `--import tsx` is not applied (the
// worker fails with "Unknown file extension .ts"), so a tiny eval'd bootstrap registers tsx's ESM
// loader inside the worker first, then imports the entry. Paths are resolved here, in the parent.
const entry = new URL('./solver-worker.ts', import.meta.url).href;
const tsxApi = import.meta.resolve('tsx/esm/api');
const bootstrap = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ register }) => { register(); return import(workerData.entry); });
`;

type Task = { id: number; problem: DispatchProblem; resolve: (plan: DispatchPlan) => void; reject: (error: unknown) => void };
type Slot = { worker: Worker; task: Task | undefined };

/**
 * Runs `solveDispatch` off the event loop for large problems: a fixed number of worker threads,
 * a FIFO queue, one problem per worker at a time. A crashed worker fails only its own task and
 * is replaced. Small problems are solved inline.
 */
export function createSolverPool(options: SolverPoolOptions): SolverPool {
  const inlineBelow = options.inlineBelow ?? 20_000;
  const maxWorkers = Math.max(1, Math.floor(options.size));
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { tsxApi, entry } });
    const slot: Slot = { worker, task: undefined };
    worker.on('message', (response: SolverResponse) => {
      const task = slot.task;
      slot.task = undefined;
      if (task !== undefined && task.id === response.id) {
        if (response.ok) task.resolve(response.plan);
        else if (response.error.issues !== undefined) task.reject(new InvalidDispatchProblemError(response.error.issues));
        else task.reject(Object.assign(new Error(response.error.message), { name: response.error.name }));
      }
      pump();
    });
    const fail = (error: unknown): void => {
      const task = slot.task;
      slot.task = undefined;
      slots.splice(slots.indexOf(slot), 1);
      if (task !== undefined) task.reject(error instanceof Error ? error : new Error(`solver worker exited: ${String(error)}`));
      if (!closed) pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`solver worker exited with code ${code}`));
    });
    slots.push(slot);
    return slot;
  };

  const pump = (): void => {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => s.task === undefined) ?? (slots.length < maxWorkers ? spawn() : undefined);
      if (slot === undefined) return;
      const task = queue.shift() as Task;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, problem: task.problem } satisfies SolverRequest);
    }
  };

  return {
    solve(problem) {
      if (closed) return Promise.reject(new Error('solver pool is closed'));
      if (problemSize(problem) < inlineBelow) {
        try {
          return Promise.resolve(solveDispatch(problem));
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return new Promise<DispatchPlan>((resolve, reject) => {
        queue.push({ id: nextId++, problem, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const error = new Error('solver pool is closed');
      for (const task of queue.splice(0)) task.reject(error);
      const running = slots.splice(0);
      for (const slot of running) slot.task?.reject(error);
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}
