import { NO_STOCK_KEY, type StockMovement } from './balances.ts';

/** A quantity of one item at one node, optionally of one lot or one asset. */
export type StockLine = { itemId: string; qty: number; lotId?: string | null; assetId?: string | null };

const stockKeyOf = (line: StockLine): string => line.assetId ?? line.lotId ?? NO_STOCK_KEY;
const at = (nodeId: string, line: StockLine) => ({ nodeId, itemId: line.itemId, stockKey: stockKeyOf(line) });

/** The movements each document posts. Pure: the shell writes them in one transaction with the document. */
export const movementsFor = {
  /** Goods arrive: on hand rises. */
  receipt: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => ({ ...at(nodeId, l), bucket: 'on_hand', delta: l.qty })),
  /** A transfer or dispatch promises stock at its source: reserved rises (and may not exceed what is free). */
  reserve: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => ({ ...at(nodeId, l), bucket: 'reserved', delta: l.qty })),
  /** A reservation is released (cancel): reserved falls. */
  unreserve: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => ({ ...at(nodeId, l), bucket: 'reserved', delta: -l.qty })),
  /** Reserved stock leaves the source and travels: source loses it, destination holds it in transit. */
  ship: (fromNodeId: string, toNodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.flatMap((l) => [
      { ...at(fromNodeId, l), bucket: 'reserved' as const, delta: -l.qty },
      { ...at(fromNodeId, l), bucket: 'on_hand' as const, delta: -l.qty },
      { ...at(toNodeId, l), bucket: 'in_transit' as const, delta: l.qty },
    ]),
  /** Stock in transit arrives: destination's in transit falls, on hand rises. */
  arrive: (toNodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.flatMap((l) => [
      { ...at(toNodeId, l), bucket: 'in_transit' as const, delta: -l.qty },
      { ...at(toNodeId, l), bucket: 'on_hand' as const, delta: l.qty },
    ]),
  /** Stock in transit that never arrived is written off at the destination. */
  loseInTransit: (toNodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => ({ ...at(toNodeId, l), bucket: 'in_transit', delta: -l.qty })),
  /** A signed correction of on hand (adjustment, count correction); negative lines remove stock. */
  adjust: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.filter((l) => l.qty !== 0).map((l) => ({ ...at(nodeId, l), bucket: 'on_hand', delta: l.qty })),
  quarantine: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => ({ ...at(nodeId, l), bucket: 'quarantined', delta: l.qty })),
  release: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.map((l) => ({ ...at(nodeId, l), bucket: 'quarantined', delta: -l.qty })),
  /** Write-off and scrap: from quarantine when it is there, otherwise from free stock. */
  writeOff: (nodeId: string, lines: readonly (StockLine & { fromQuarantine: boolean })[]): StockMovement[] =>
    lines.flatMap((l) => [
      ...(l.fromQuarantine ? [{ ...at(nodeId, l), bucket: 'quarantined' as const, delta: -l.qty }] : []),
      { ...at(nodeId, l), bucket: 'on_hand' as const, delta: -l.qty },
    ]),
  /** Reserved stock handed out at a node (issue to a unit, consumption at the scene). */
  issueReserved: (nodeId: string, lines: readonly StockLine[]): StockMovement[] =>
    lines.flatMap((l) => [
      { ...at(nodeId, l), bucket: 'reserved' as const, delta: -l.qty },
      { ...at(nodeId, l), bucket: 'on_hand' as const, delta: -l.qty },
    ]),
};
