import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import type { SolverPool } from './dispatch/solver-pool.ts';
import type { TravelModel } from './dispatch/travel-port.ts';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What use cases need from the outside world, passed explicitly. */
export type Deps = {
  db: Database;
  clock: Clock;
  config: Config;
  /** Minutes from nodes to an incident; the great-circle model when none is given. */
  travel?: TravelModel;
  /** Worker threads for large solves off the event loop; inline solving when absent. */
  solverPool?: SolverPool;
};
