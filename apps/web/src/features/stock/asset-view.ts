/** The asset card and its life history: status colours, inspection state, timeline entries. Pure, tested. */

/** One event of an asset's life as GET /assets/:id returns it. */
export type AssetEvent = {
  at: string;
  kind: string;
  documentId: string | null;
  documentNumber: string | null;
  nodeId: string | null;
  details: unknown;
};

const STATUS_COLOURS: Record<string, string> = {
  'in-stock': 'success',
  reserved: 'processing',
  'in-transit': 'blue',
  issued: 'cyan',
  quarantined: 'warning',
  'under-repair': 'orange',
  retired: 'default',
  lost: 'error',
};

/** The tag colour of an asset status (the tag also carries the status in words). */
export function assetStatusColour(status: string): string {
  return STATUS_COLOURS[status] ?? 'default';
}

export type InspectionState = 'none' | 'failed' | 'overdue' | 'due-soon' | 'ok';

/**
 * Where the asset stands with its safety inspection on `today` ('YYYY-MM-DD'): a failed or overdue
 * asset is not dispatchable; due within `soonDays` is a warning.
 */
export function inspectionState(
  asset: { nextInspectionDue: string | null; lastInspectionResult: string | null },
  today: string,
  soonDays = 30,
): InspectionState {
  if (asset.lastInspectionResult === 'fail') return 'failed';
  const due = asset.nextInspectionDue?.slice(0, 10);
  if (!due) return 'none';
  if (due < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return due <= soon.toISOString().slice(0, 10) ? 'due-soon' : 'ok';
}

/** How an event reads on the timeline: good news green, setting aside orange, leaving stock red, the rest blue. */
export type EventTone = 'green' | 'blue' | 'orange' | 'red' | 'gray';
const EVENT_TONES: Record<string, EventTone> = {
  received: 'green',
  'put-away': 'green',
  released: 'green',
  returned: 'green',
  'count-found': 'green',
  'write-off-rejected': 'green',
  inspected: 'blue',
  repaired: 'blue',
  reserved: 'blue',
  packed: 'blue',
  unpacked: 'gray',
  'reservation-cancelled': 'gray',
  shipped: 'blue',
  issued: 'blue',
  quarantined: 'orange',
  'count-missing': 'red',
  'adjusted-out': 'red',
  'lost-in-transit': 'red',
  'written-off': 'red',
  scrapped: 'red',
  retired: 'red',
};

export type TimelineEntry = {
  key: string;
  at: string;
  kind: string;
  tone: EventTone;
  documentId: string | null;
  documentNumber: string | null;
  nodeId: string | null;
  /** Words recorded with the event: a reason, the receipt source, the slot put away to. */
  reason?: string;
  source?: string;
  slot?: string;
};

const textOf = (details: unknown, key: string): string | undefined => {
  if (typeof details !== 'object' || details === null) return undefined;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() ? value : undefined;
};

/** The life history as timeline entries, oldest first (ties keep the server's order). */
export function timelineOf(history: readonly AssetEvent[]): TimelineEntry[] {
  return history
    .map((e, index) => ({ e, index }))
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.index - b.index)
    .map(({ e, index }) => {
      const reason = textOf(e.details, 'reason');
      const source = textOf(e.details, 'source');
      const slot = textOf(e.details, 'slot');
      return {
        key: `${index}:${e.kind}`,
        at: e.at,
        kind: e.kind,
        tone: EVENT_TONES[e.kind] ?? 'gray',
        documentId: e.documentId,
        documentNumber: e.documentNumber,
        nodeId: e.nodeId,
        ...(reason ? { reason } : {}),
        ...(source ? { source } : {}),
        ...(slot ? { slot } : {}),
      };
    });
}
