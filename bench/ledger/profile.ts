/**
 * Statement profile of the posting paths: wraps the database so every statement is counted and timed
 * by its first words, then posts each shape a few times untimed and once profiled.
 * node --import tsx bench/ledger/profile.ts [pglite|postgres] [shape …]
 * Shapes: receipt (one 1-unit receipt), transfer (one 10-line transfer: create, ship, receive),
 * transfers (a batch of 20 such transfers), receipts (a batch of 500 one-unit receipts).
 * PROFILE_RUNS=n profiles n runs of each shape and reports the mean per run (default 1).
 */
import { performance } from 'node:perf_hooks';
import { systemActor } from '../../apps/server/src/auth/actor.ts';
import { recordReceipt, recordReceipts } from '../../apps/server/src/ledger/record-receipt.ts';
import {
  advanceTransfer,
  advanceTransfers,
  createTransfer,
  createTransfers,
  receiveTransfer,
  receiveTransfers,
} from '../../apps/server/src/ledger/transfers.ts';
import { profileStatements } from '../statement-profile.ts';
import { createBenchDatabase, createNetwork } from './fixture.ts';

const [kind = 'pglite', ...wanted] = process.argv.slice(2) as ['pglite' | 'postgres', ...string[]];
const shapes = wanted.length ? wanted : ['receipt', 'transfer', 'transfers', 'receipts'];
const bench = await createBenchDatabase(kind);
const profiler = profileStatements(bench.db, { explainReplaces: true });
const db = profiler.db;
try {
  const net = await createNetwork(db, { nodes: 2, bulkItems: 20, lotItems: 10, serialItems: 5 });
  const deps = { db, clock: { now: () => new Date() } };
  const actor = systemActor('ledger-profile');
  const [a, b] = net.nodeIds as [string, string];
  for (const nodeId of net.nodeIds)
    await recordReceipt(deps, actor, {
      nodeId,
      source: 'opening',
      lines: net.bulkItemIds.slice(10, 20).map((itemId) => ({ itemId, qty: 1_000_000 })),
    });
  const lines = net.bulkItemIds.slice(10, 20).map((itemId) => ({ itemId, qty: 3 }));
  let seq = 0;
  const leg = () => (seq++ % 2 ? { fromNodeId: a, toNodeId: b } : { fromNodeId: b, toNodeId: a });
  const oneUnit = () => ({ nodeId: a, source: 'purchase' as const, lines: [{ itemId: net.bulkItemIds[seq++ % 10]!, qty: 1 }] });
  const post: Record<string, [number, () => Promise<unknown>]> = {
    receipt: [1, () => recordReceipt(deps, actor, oneUnit())],
    receipts: [
      500,
      () =>
        recordReceipts(
          deps,
          actor,
          Array.from({ length: 500 }, () => ({ input: oneUnit() })),
        ),
    ],
    transfer: [
      1,
      async () => {
        const { document } = await createTransfer(deps, actor, { ...leg(), lines });
        await advanceTransfer(deps, actor, document.id, 'ship');
        await receiveTransfer(deps, actor, document.id, {});
      },
    ],
    transfers: [
      20,
      async () => {
        const created = await createTransfers(
          deps,
          actor,
          Array.from({ length: 20 }, () => ({ input: { ...leg(), lines } })),
        );
        const ids = created.map((p) => p.document.id);
        await advanceTransfers(deps, actor, ids, 'ship');
        await receiveTransfers(
          deps,
          actor,
          ids.map((id) => ({ id })),
        );
      },
    ],
  };
  for (const shape of shapes) {
    const [docs, run] = post[shape] ?? [0, null];
    if (!run) throw new Error(`unknown shape ${shape}`);
    for (let i = 0; i < 5; i++) await run();
    const runs = Math.max(1, Number(process.env.PROFILE_RUNS ?? 1));
    profiler.start();
    const s = performance.now();
    for (let i = 0; i < runs; i++) await run();
    const ms = performance.now() - s;
    profiler.stop();
    profiler.report(`${kind} ${shape} (${docs} document${docs > 1 ? 's' : ''})`, ms, { runs, perDoc: docs });
  }
} finally {
  await bench.drop();
}
