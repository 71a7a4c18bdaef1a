import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ensureFirstAdmin } from './auth/bootstrap.ts';
import type { Config } from './config/config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { createSolverPool } from './dispatch/solver-pool.ts';
import { loadRoadGraphFromEnv, RoadGraphLoadError } from './travel/load-road-graph.ts';
import { createTravelModel } from './travel/travel-model.ts';
import { systemClock, type Deps } from './deps.ts';
import { buildApp } from './http/app.ts';
import { systemActor } from './auth/actor.ts';
import { quarantineExpiredLots } from './ledger/correct-stock.ts';
import { seedDemo } from './seed/seed-demo.ts';

export type Running = { app: FastifyInstance; db: Database; url: string; port: number; close(): Promise<void> };

/** Finds a free port from `start` upwards (used only when the operator did not choose the port). */
export async function findFreePort(host: string, start: number, attempts = 50): Promise<number> {
  for (let port = start; port < start + attempts && port <= 65535; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port between ${start} and ${start + attempts - 1}`);
}

export class StartupError extends Error {
  override name = 'StartupError';
}

/** The composition root: opens the database, migrates, bootstraps, seeds the demo, and listens. */
export async function startServer(config: Config, print: (line: string) => void = console.log): Promise<Running> {
  // An operator's chosen port that is taken fails before anything else starts.
  if (config.portExplicit && config.port !== 0) {
    const free = await findFreePort(config.host, config.port, 1).catch(() => null);
    if (free === null)
      throw new StartupError(`PORT=${config.port} is already in use; choose another port or stop the other process`);
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const road = await loadRoadGraphFromEnv({ ZHANQIN_ROAD_GRAPH: config.roadGraph ?? undefined }).catch((error: unknown) => {
      throw error instanceof RoadGraphLoadError ? new StartupError(error.message) : error;
    });
    const travel = createTravelModel(road.graph);
    const solverPool = createSolverPool({ size: 1 });
    const deps: Deps = { db, clock: systemClock, config, solverPool, travel };
    const { applied } = await migrate(db);
    const seed = config.demo ? await seedDemo(deps) : null;
    const admin = await ensureFirstAdmin(deps);
    // PGlite has no autovacuum: without statistics its planner picks poor plans for the ledger.
    await db.exec('ANALYZE');
    const app = await buildApp(deps, { logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
    // Expired lots go to quarantine by themselves: at start and every six hours (PGlite's statistics are refreshed then too).
    const expiry = await quarantineExpiredLots(deps, systemActor('expiry-check'));
    const expiryTimer = setInterval(() => {
      quarantineExpiredLots(deps, systemActor('expiry-check')).catch((error: unknown) =>
        app.log.error({ err: error }, 'expiry check failed'),
      );
    }, 6 * 3600_000);
    expiryTimer.unref();

    let port = config.port;
    if (!config.portExplicit && port !== 0) {
      const free = await findFreePort(config.host === '0.0.0.0' ? '0.0.0.0' : config.host, port);
      if (free !== port) print(`Port ${port} is taken; using ${free} instead (set PORT to choose).`);
      port = free;
    }
    try {
      await app.listen({ port, host: config.host });
    } catch (error) {
      if ((error as { code?: string }).code === 'EADDRINUSE') {
        throw new StartupError(`PORT=${port} is already in use; choose another port or stop the other process`);
      }
      throw error;
    }
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
    const url = `http://${shownHost}:${actualPort}`;

    const lines = [
      '',
      '  Zhanqin 战勤 is running',
      `  Web app   ${url}/`,
      `  API docs  ${url}/api/docs`,
      `  Database  ${db.kind === 'pglite' ? `PGlite (embedded) in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`,
      applied.length ? `  Migrations applied: ${applied.join(', ')}` : '  Migrations: up to date',
      `  Travel    ${road.summary}`,
      expiry.units
        ? `  Expired lots quarantined: ${expiry.units} units at ${expiry.documents} node(s)`
        : '  Expired lots: none to quarantine',
    ];
    if (seed?.seeded) {
      lines.push(
        `  Demo data: Liupanshui network seeded (${Object.entries(seed.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')})`,
      );
      lines.push(`  Demo users (${seed.demoUsers.map((u) => u.username).join(', ')})`);
      if (seed.demoPasswordGenerated) lines.push(`    password (shown once): ${seed.demoPassword}`);
      else lines.push('    password: the value of ZHANQIN_DEMO_PASSWORD');
    }
    if (admin.created) {
      lines.push(
        admin.generated
          ? `  First administrator: admin / ${admin.password}   (shown once; change it after signing in)`
          : '  First administrator: admin / the value of ZHANQIN_ADMIN_PASSWORD',
      );
    }
    lines.push('');
    print(lines.join('\n'));

    return {
      app,
      db,
      url,
      port: actualPort,
      async close() {
        clearInterval(expiryTimer);
        await app.close();
        await solverPool.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
