/** The life of a transfer between nodes. */
export const TRANSFER_STATES = ['draft', 'picking', 'in-transit', 'received', 'partially-received', 'cancelled'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
export type TransferEvent = 'start-picking' | 'ship' | 'receive-all' | 'receive-part' | 'cancel';

const NEXT: Record<TransferState, Partial<Record<TransferEvent, TransferState>>> = {
  draft: { 'start-picking': 'picking', ship: 'in-transit', cancel: 'cancelled' },
  picking: { ship: 'in-transit', cancel: 'cancelled' },
  'in-transit': { 'receive-all': 'received', 'receive-part': 'partially-received' },
  received: {},
  'partially-received': {},
  cancelled: {},
};

/** The state after an event, or null when the event is not allowed in that state. */
export const nextTransferState = (state: TransferState, event: TransferEvent): TransferState | null => NEXT[state][event] ?? null;
