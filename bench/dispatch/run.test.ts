import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../apps/server/src/http/app.ts';
import { ADMIN_PASSWORD, benchDeps, createBenchDatabase, seedDemoNetwork, type BenchDatabase, type Network } from './fixture.ts';
import { runScenario } from './measure.ts';
import type { Deps } from '../../apps/server/src/deps.ts';

/** The dispatch benchmark in miniature (PGlite, demo network, 3 incidents per path), so it cannot rot. */
describe('dispatch benchmark (smoke, PGlite, demo network)', () => {
  let bench: BenchDatabase;
  let deps: Deps;
  let network: Network;
  let app: App;
  /** Units reserved anywhere, and the part of them that sits in sealed module boxes still packed. */
  const reservations = async () =>
    (
      (await bench.db.query<{ reserved: number; packed: number }>(
        `SELECT (SELECT coalesce(sum(reserved), 0)::int FROM stock_balance) AS reserved,
                (SELECT coalesce(sum(c.qty), 0)::int FROM kit_content c JOIN kit k ON k.asset_id = c.kit_asset_id
                  WHERE k.unpacked_at IS NULL) AS packed`,
      )) as [{ reserved: number; packed: number }]
    )[0];
  beforeAll(async () => {
    bench = await createBenchDatabase('pglite');
    deps = await benchDeps(bench.db);
    network = await seedDemoNetwork(deps);
    app = await buildApp(deps);
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await bench?.drop();
  });

  it('plans, presents, confirms and closes incidents on both paths; the ledger stays consistent', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const result = await runScenario(deps, app, (login.json() as { token: string }).token, network, {
      incidents: 3,
      warmup: 0,
      kind: 'pglite',
    });
    expect(result.errors).toEqual([]);
    expect(result.ledgerDifferences).toBe(0);
    for (const s of [result.plan, result.build, result.confirm, result.httpPlan, result.httpConfirm]) {
      expect(s.n).toBe(3);
      expect(s.p95).toBeGreaterThan(0);
    }
    expect(result.shape.lines.p50).toBeGreaterThan(0);
    expect(result.shape.shipments.p50).toBeGreaterThan(0);
    // Closing released every reservation the incidents made: all that stays reserved is inside packed modules.
    const { reserved, packed } = await reservations();
    expect(packed).toBeGreaterThan(0); // the demo packs modules at the base
    expect(reserved).toBe(packed);
  });
});
