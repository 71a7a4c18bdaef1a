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

/** The actions the bulk bar offers: a partial receipt needs a form per transfer, so it stays a row action. */
export type BatchAction = Extract<TransferAction, 'start-picking' | 'ship' | 'receive-all' | 'cancel'>;
export const BATCH_ACTIONS: readonly BatchAction[] = ['start-picking', 'ship', 'receive-all', 'cancel'];

/**
 * The bulk actions every selected transfer allows (none for an empty selection); the server checks again.
 * Finished transfers (received, cancelled) may be selected to reprint their notes, but they allow no
 * state change, so one of them in the selection leaves no bulk action enabled.
 */
export function batchActionsFor(docs: readonly { state: string }[]): BatchAction[] {
  if (docs.length === 0) return [];
  return BATCH_ACTIONS.filter((action) => docs.every((doc) => actionsFor(doc.state).includes(action)));
}

/**
 * Which transfer of the selection stopped a batch, and the server's message without its "Transfer 3: "
 * prefix (an index into the request, meaningless to a user). `numbers` are the transfer numbers in the
 * order the request named them. A batch of one carries no index: its one transfer is the culprit.
 * `number` is undefined when the error names no transfer (e.g. a network failure).
 */
export function batchFailureOf(
  error: { message: string; details?: unknown },
  numbers: readonly string[],
): { number: string | undefined; message: string } {
  const index =
    typeof error.details === 'object' && error.details !== null ? (error.details as { transfer?: unknown }).transfer : undefined;
  if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < numbers.length) {
    const prefix = `Transfer ${index}: `;
    return {
      number: numbers[index],
      message: error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message,
    };
  }
  return { number: numbers.length === 1 ? numbers[0] : undefined, message: error.message };
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

/**
 * The transfers list's address: `number` (a transfer number or its beginning) filters the list to it,
 * `createdFrom`/`createdTo` (days, `YYYY-MM-DD`) to the days it was created on. Blank filters are left out.
 */
export function transfersPath(query: {
  number?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
}): string {
  const params = new URLSearchParams();
  for (const key of ['number', 'createdFrom', 'createdTo'] as const) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `/stock/transfers?${search}` : '/stock/transfers';
}

/** The number filter in the transfers list's address: trimmed, undefined when absent or blank. */
export function numberFilterOf(query: URLSearchParams): string | undefined {
  return query.get('number')?.trim() || undefined;
}
