import { NO_STOCK_KEY, type Bucket, type StockMovement } from './balances.ts';

/** A quantity of one item at one node, optionally of one lot or one asset. */
export type StockLine = { itemId: string; qty: number; lotId?: string | null; assetId?: string | null };

const stockKeyOf = (line: StockLine): string => line.assetId ?? line.lotId ?? NO_STOCK_KEY;
// Built as a literal, not by spreading a shared key: object spread costs ~20× more, and a batch of
// transfers builds thousands of these.
const move = (nodeId: string, line: StockLine, bucket: Bucket, delta: number): StockMovement => ({
  nodeId,
  itemId: line.itemId,
  stockKey: stockKeyOf(line),
  bucket,
  delta,
});

/** The movements each document posts. Pure: the shell writes them in one transaction with the document. */
export const movementsFor = {
  /** Goods arrive: on hand rises. */
  receipt: (nodeId: string, lines: readonly StockLine[]): StockMovement[] => lines.map((l) => move(nodeId, l, 'on_hand', l.qty)),
  /** A transfer or dispatch promises stock at its source: reserved rises (and may not exceed what is free). */
  reserve: (nodeId: string, lines: readonly StockLine[]): StockMovement[] => lines.map((l) => move(nodeId, l, 'reserved', l.qty)),
  /** A reservation is released (cancel): reserved falls. */
  unreserve: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => move(nodeId, l, 'reserved', -l.qty)),
  /** Reserved stock leaves the source and travels: source loses it, destination holds it in transit. */
  ship: (fromNodeId: string, toNodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.flatMap((l) => [
      move(fromNodeId, l, 'reserved', -l.qty),
      move(fromNodeId, l, 'on_hand', -l.qty),
      move(toNodeId, l, 'in_transit', l.qty),
    ]),
  /** Stock in transit arrives: destination's in transit falls, on hand rises. */
  arrive: (toNodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.flatMap((l) => [move(toNodeId, l, 'in_transit', -l.qty), move(toNodeId, l, 'on_hand', l.qty)]),
  /** Stock in transit that never arrived is written off at the destination. */
  loseInTransit: (toNodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => move(toNodeId, l, 'in_transit', -l.qty)),
  /** A signed correction of on hand (adjustment, count correction); negative lines remove stock. */
  adjust: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.filter((l) => l.qty !== 0).map((l) => move(nodeId, l, 'on_hand', l.qty)),
  quarantine: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => move(nodeId, l, 'quarantined', l.qty)),
  release: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => move(nodeId, l, 'quarantined', -l.qty)),
  /** Write-off and scrap: from quarantine when it is there, otherwise from free stock. */
  writeOff: (nodeId: string, lines: readonly (StockLine & { fromQuarantine: boolean })[]): StockMovement[] =>
    lines.flatMap((l) => [
      ...(l.fromQuarantine ? [move(nodeId, l, 'quarantined', -l.qty)] : []),
      move(nodeId, l, 'on_hand', -l.qty),
    ]),
  /** Reserved stock handed out at a node (issue to a unit, consumption at the scene). */
  issueReserved: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.flatMap((l) => [move(nodeId, l, 'reserved', -l.qty), move(nodeId, l, 'on_hand', -l.qty)]),
};
