import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../src/auth/actor.ts';
import { AppError } from '../src/http/app-error.ts';
import { postAdjustment, postQuarantine } from '../src/ledger/correct-stock.ts';
import { verifyLedger } from '../src/ledger/ledger.repository.ts';
import { recordReceipt, recordReceipts } from '../src/ledger/record-receipt.ts';
import {
  advanceTransfer,
  advanceTransfers,
  createTransfer,
  createTransfers,
  receiveTransfer,
  receiveTransfers,
} from '../src/ledger/transfers.ts';
import { idOf } from './ledger-support.ts';
import { describeEachDatabase, useTestApp } from './support.ts';

type Op =
  | { kind: 'receipt'; node: number; qty: number }
  | { kind: 'transfer'; from: number; to: number; qty: number }
  | { kind: 'ship' | 'cancel'; pick: number }
  | { kind: 'receive'; pick: number; part: number }
  | { kind: 'quarantine' | 'release'; node: number; qty: number }
  | { kind: 'adjust'; node: number; qty: number }
  | { kind: 'batch'; receipts: { node: number; qty: number }[]; poisoned: boolean }
  | { kind: 'transfers'; legs: { from: number; to: number; qty: number }[] }
  | { kind: 'ship-many' | 'cancel-many'; picks: number[] }
  | { kind: 'receive-many'; picks: number[]; part: number };

const node = fc.integer({ min: 0, max: 2 });
const qty = fc.integer({ min: 1, max: 12 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('receipt' as const), node, qty }),
  fc.record({ kind: fc.constant('transfer' as const), from: node, to: node, qty }),
  fc.record({ kind: fc.constantFrom('ship' as const, 'cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('receive' as const), pick: fc.nat(), part: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ kind: fc.constantFrom('quarantine' as const, 'release' as const), node, qty }),
  fc.record({ kind: fc.constant('adjust' as const), node, qty: fc.integer({ min: -12, max: 12 }).filter((q) => q !== 0) }),
  // Several receipts in one transaction; a poisoned batch carries one receipt naming no item and must post nothing.
  fc.record({
    kind: fc.constant('batch' as const),
    receipts: fc.array(fc.record({ node, qty }), { minLength: 1, maxLength: 6 }),
    poisoned: fc.boolean(),
  }),
  // Several transfers in one transaction: all reserve or none; then several shipped, cancelled or received at once.
  fc.record({
    kind: fc.constant('transfers' as const),
    legs: fc.array(fc.record({ from: node, to: node, qty }), { minLength: 1, maxLength: 5 }),
  }),
  fc.record({
    kind: fc.constantFrom('ship-many' as const, 'cancel-many' as const),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('receive-many' as const),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    part: fc.integer({ min: 0, max: 12 }),
  }),
);

/** Distinct transfers picked from those created so far (a batch names each once). */
const picked = (transfers: string[], picks: number[]) => [...new Set(picks.map((p) => transfers[p % transfers.length]!))];

describeEachDatabase('the ledger under random document sequences, through the use cases', (kind) => {
  const ctx = useTestApp(kind, { demo: true });
  const nodes: string[] = [];
  let categoryId = '';
  beforeAll(async () => {
    for (const code of ['LPS-SW-ZS2', 'LPS-SW-PZ2', 'LPS-SW-GX1']) nodes.push(await idOf(ctx.db, 'node', code));
    categoryId = (await ctx.db.query<{ id: string }>('SELECT id FROM category ORDER BY code LIMIT 1'))[0]!.id;
  });

  it('keeps every balance equal to its movements and never negative; a refused document changes nothing', async () => {
    const actor = systemActor('property-test');
    const deps = ctx.deps;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 18 }), async (ops) => {
        run++;
        const itemCode = `PROP-${kind}-${run}-${Math.random().toString(36).slice(2, 8)}`;
        const [item] = await ctx.db.query<{ id: string }>(
          `INSERT INTO item (id, organisation_id, category_id, code, name_zh, name_en, unit_zh, unit_en, tracking)
           SELECT gen_random_uuid(), organisation_id, id, $1, $1, $1, '个', 'pc', 'bulk' FROM category WHERE id = $2 RETURNING id`,
          [itemCode, categoryId],
        );
        const itemId = item!.id;
        const transfers: string[] = [];
        for (const o of ops) {
          const [before] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement');
          try {
            switch (o.kind) {
              case 'receipt':
                await recordReceipt(deps, actor, { nodeId: nodes[o.node]!, source: 'purchase', lines: [{ itemId, qty: o.qty }] });
                break;
              case 'transfer':
                if (o.from === o.to) break;
                transfers.push(
                  (
                    await createTransfer(deps, actor, {
                      fromNodeId: nodes[o.from]!,
                      toNodeId: nodes[o.to]!,
                      lines: [{ itemId, qty: o.qty }],
                    })
                  ).document.id,
                );
                break;
              case 'ship':
              case 'cancel':
                if (transfers.length) await advanceTransfer(deps, actor, transfers[o.pick % transfers.length]!, o.kind);
                break;
              case 'receive':
                if (transfers.length)
                  await receiveTransfer(deps, actor, transfers[o.pick % transfers.length]!, { lines: [{ itemId, qty: o.part }] });
                break;
              case 'quarantine':
              case 'release':
                await postQuarantine(
                  deps,
                  actor,
                  { nodeId: nodes[o.node]!, reason: 'property test', lines: [{ itemId, qty: o.qty }] },
                  o.kind,
                );
                break;
              case 'batch':
                await recordReceipts(deps, actor, [
                  ...o.receipts.map((r) => ({
                    input: { nodeId: nodes[r.node]!, source: 'purchase' as const, lines: [{ itemId, qty: r.qty }] },
                  })),
                  ...(o.poisoned
                    ? [
                        {
                          input: {
                            nodeId: nodes[0]!,
                            source: 'purchase' as const,
                            lines: [{ itemId: '00000000-0000-4000-8000-0000000000aa', qty: 1 }],
                          },
                        },
                      ]
                    : []),
                ]);
                if (o.poisoned) throw new Error('a batch with an unknown item was posted');
                break;
              case 'transfers': {
                const legs = o.legs.filter((l) => l.from !== l.to);
                if (!legs.length) break;
                const posted = await createTransfers(
                  deps,
                  actor,
                  legs.map((l) => ({
                    input: { fromNodeId: nodes[l.from]!, toNodeId: nodes[l.to]!, lines: [{ itemId, qty: l.qty }] },
                  })),
                );
                transfers.push(...posted.map((p) => p.document.id));
                break;
              }
              case 'ship-many':
              case 'cancel-many':
                if (transfers.length)
                  await advanceTransfers(deps, actor, picked(transfers, o.picks), o.kind === 'ship-many' ? 'ship' : 'cancel');
                break;
              case 'receive-many':
                if (transfers.length)
                  await receiveTransfers(
                    deps,
                    actor,
                    picked(transfers, o.picks).map((id, i) => (i === 0 ? { id, lines: [{ itemId, qty: o.part }] } : { id })),
                  );
                break;
              case 'adjust':
                await postAdjustment(deps, actor, {
                  nodeId: nodes[o.node]!,
                  reason: 'property test',
                  lines: [{ itemId, qty: o.qty }],
                });
                break;
            }
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            expect(
              o.kind === 'batch' && o.poisoned
                ? ['REFERENCE_NOT_FOUND']
                : ['INSUFFICIENT_STOCK', 'INVALID_STATE', 'UNPROCESSABLE'],
            ).toContain(error.code);
            const [after] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement');
            expect(after!.n).toBe(before!.n);
          }
        }
        const rows = await ctx.db.query<{ on_hand: number; reserved: number; in_transit: number; quarantined: number }>(
          'SELECT on_hand, reserved, in_transit, quarantined FROM stock_balance WHERE item_id = $1',
          [itemId],
        );
        for (const r of rows) {
          expect(Math.min(r.on_hand, r.reserved, r.in_transit, r.quarantined)).toBeGreaterThanOrEqual(0);
          expect(r.reserved + r.quarantined).toBeLessThanOrEqual(r.on_hand);
        }
      }),
      { numRuns: kind === 'pglite' ? 25 : 15 },
    );
    expect((await verifyLedger(ctx.db)).differences).toEqual([]);
  }, 300_000);
});
