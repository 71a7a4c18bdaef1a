/** Transfers: states, which actions a state allows, tag colours, partial-receipt lines. */
export const TRANSFER_STATES = ['draft', 'picking', 'in-transit', 'received', 'partially-received', 'cancelled'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
export type TransferAction = 'start-picking' | 'ship' | 'receive-all' | 'receive-part' | 'cancel';

const ACTIONS: Record<TransferState, TransferAction[]> = {
  draft: ['start-picking', 'ship', 'cancel'],
  picking: ['ship', 'cancel'],
  'in-transit': ['receive-all', 'receive-part'],
  received: [],
  'partially-received': [],
  cancelled: [],
};

export function isTransferState(value: string): value is TransferState {
  return (TRANSFER_STATES as readonly string[]).includes(value);
}

/** The row actions a transfer in this state offers (the server checks again). */
export function actionsFor(state: string): TransferAction[] {
  return isTransferState(state) ? ACTIONS[state] : [];
}

export const STATE_COLOURS: Record<TransferState, string> = {
  draft: 'default',
  picking: 'processing',
  'in-transit': 'blue',
  received: 'success',
  'partially-received': 'warning',
  cancelled: 'error',
};

export type ShippedLine = { itemId: string; qty: number; lotId: string | null; assetId: string | null };
export type ReceiveLine = { itemId: string; lotId?: string; assetId?: string; qty: number };

/** Groups shipped units (serialised items ship one line per asset) for the partial-receipt form. */
export function receiveLinesOf(shipped: readonly ShippedLine[], arrived: ReadonlyMap<number, number>): ReceiveLine[] {
  return shipped.map((line, index) => ({
    itemId: line.itemId,
    ...(line.lotId ? { lotId: line.lotId } : {}),
    ...(line.assetId ? { assetId: line.assetId } : {}),
    qty: Math.max(0, Math.min(line.qty, arrived.get(index) ?? line.qty)),
  }));
}
