import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMovements,
  balancesFromMovements,
  checkBalance,
  keyOf,
  NO_STOCK_KEY,
  type Balances,
  type StockMovement,
} from './balances.ts';
import { movementsFor, type StockLine } from './documents.ts';

const NODES = ['n1', 'n2', 'n3'];
const ITEMS = ['i1', 'i2'];
const LOTS = [NO_STOCK_KEY, 'lot-a'];

const line = fc.record({
  itemId: fc.constantFrom(...ITEMS),
  qty: fc.integer({ min: 1, max: 20 }),
  lotId: fc.constantFrom<string | null>(...LOTS.map((l) => (l === NO_STOCK_KEY ? null : l))),
});
const lines = fc.array(line, { minLength: 1, maxLength: 4 });
const node = fc.constantFrom(...NODES);

/** Every document kind, as the movements it would post. */
const document: fc.Arbitrary<StockMovement[]> = fc.oneof(
  fc.tuple(node, lines).map(([n, l]) => movementsFor.receipt(n, l)),
  fc.tuple(node, lines).map(([n, l]) => movementsFor.reserve(n, l)),
  fc.tuple(node, lines).map(([n, l]) => movementsFor.unreserve(n, l)),
  fc.tuple(node, node, lines).map(([a, b, l]) => movementsFor.ship(a, b, l)),
  fc.tuple(node, lines).map(([n, l]) => movementsFor.arrive(n, l)),
  fc
    .tuple(node, lines, fc.boolean())
    .map(([n, l, neg]) => movementsFor.adjust(n, neg ? l.map((x: StockLine) => ({ ...x, qty: -x.qty })) : l)),
  fc.tuple(node, lines).map(([n, l]) => movementsFor.quarantine(n, l)),
  fc.tuple(node, lines).map(([n, l]) => movementsFor.release(n, l)),
  fc.tuple(node, lines, fc.boolean()).map(([n, l, q]) =>
    movementsFor.writeOff(
      n,
      l.map((x) => ({ ...x, fromQuarantine: q })),
    ),
  ),
  fc.tuple(node, lines).map(([n, l]) => movementsFor.issueReserved(n, l)),
);

describe('the ledger under random document sequences', () => {
  it('keeps every balance equal to the sum of its movements and never negative; a rejected document changes nothing', () => {
    fc.assert(
      fc.property(fc.array(document, { maxLength: 60 }), (documents) => {
        let balances: Balances = new Map();
        const posted: StockMovement[] = [];
        for (const movements of documents) {
          const result = applyMovements(balances, movements);
          if (result.ok) {
            balances = result.value;
            posted.push(...movements);
          } else {
            // rejected: the balances object we keep is untouched, nothing is posted
            expect(result.error.code).not.toBe('invalid-movement');
          }
          const recomputed = balancesFromMovements(posted);
          for (const [key, b] of balances) {
            expect(recomputed.get(key) ?? { onHand: 0, reserved: 0, inTransit: 0, quarantined: 0 }).toEqual(b);
            expect(checkBalance(key, b)).toBeNull();
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to reserve more than is free and to ship what was not reserved', () => {
    const receipt = movementsFor.receipt('n1', [{ itemId: 'i1', qty: 10 }]);
    const afterReceipt = applyMovements(new Map(), receipt);
    expect(afterReceipt.ok).toBe(true);
    if (!afterReceipt.ok) return;
    const quarantined = applyMovements(afterReceipt.value, movementsFor.quarantine('n1', [{ itemId: 'i1', qty: 4 }]));
    expect(quarantined.ok).toBe(true);
    if (!quarantined.ok) return;
    expect(applyMovements(quarantined.value, movementsFor.reserve('n1', [{ itemId: 'i1', qty: 7 }])).ok).toBe(false);
    expect(applyMovements(quarantined.value, movementsFor.reserve('n1', [{ itemId: 'i1', qty: 6 }])).ok).toBe(true);
    expect(applyMovements(afterReceipt.value, movementsFor.ship('n1', 'n2', [{ itemId: 'i1', qty: 1 }])).ok).toBe(false);
    const key = keyOf({ nodeId: 'n1', itemId: 'i1', stockKey: NO_STOCK_KEY });
    expect(afterReceipt.value.get(key)).toEqual({ onHand: 10, reserved: 0, inTransit: 0, quarantined: 0 });
  });
});
