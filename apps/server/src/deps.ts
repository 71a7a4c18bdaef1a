import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What use cases need from the outside world, passed explicitly. */
export type Deps = {
  db: Database;
  clock: Clock;
  config: Config;
};
