import type {
  AdjustmentCreate,
  Asset,
  CountRecord,
  Item,
  KitPack,
  KitSummary,
  KitView,
  QuarantineCreate,
  ReceiptCreate,
  ReserveStandard,
  ReserveStandardInput,
  StockDocument,
  StockRow,
  TransferBatchAdvance,
  TransferBatchDocuments,
  TransferBatchReceive,
  TransferCreate,
  TransferReceive,
  WriteOffCreate,
} from '@zhanqin/contracts';
import {
  ApiError,
  api,
  apiRequest,
  buildUrl,
  CSRF_COOKIE,
  CSRF_HEADER,
  readCookie,
  toApiError,
  type PageOf,
} from '../../../lib/api-client.ts';
import type { FetchedFile } from '../../../lib/download-file.ts';
import { filenameOf, type PdfFile } from '../../../lib/open-pdf.ts';
import type { DocumentFilter } from '../document-filter.ts';

export type { StockRow, StockDocument };
export type { DocumentFilter };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type StockSort = 'node' | 'item' | 'available' | 'onHand';
export type StockFilter = {
  limit: number;
  offset: number;
  sort?: StockSort;
  order?: 'asc' | 'desc';
  nodeId?: string;
  itemId?: string;
  categoryId?: string;
  nodeType?: string;
  q?: string;
  belowMinimum?: boolean;
  /** only node × item rows holding quarantined stock */
  quarantined?: boolean;
  /** the nextCursor of the previous page (same filters and sort); offsets beyond 10,000 are refused */
  cursor?: string;
};
export type StockPage = PageOf<StockRow> & { totalIsEstimate?: boolean; nextCursor?: string | null };

export function listStock(filter: StockFilter, signal?: AbortSignal): Promise<StockPage> {
  return api.get<StockPage>('/stock', filter, signal);
}

export type LedgerVerdict = {
  ok: boolean;
  balancesChecked: number;
  movementsChecked: number;
  differences: { nodeId: string; itemId: string; stockKey: string; bucket: string; stored: number; fromMovements: number }[];
};
export const verifyLedger = () => api.get<LedgerVerdict>('/ledger/verify');

/** The stock export URL for the current filters (paging dropped: an export holds every row). */
export function stockExportUrl(filter: StockFilter): string {
  const { limit: _l, offset: _o, ...rest } = filter;
  return buildUrl('/exports/stock.xlsx', rest);
}
export const shortfallExportUrl = (filter: { nodeId?: string; belowMinimum?: boolean }) =>
  buildUrl('/exports/shortfalls.xlsx', filter);
export const openingTemplateUrl = () => buildUrl('/imports/opening-stock/template.xlsx');
/**
 * The document register (单据台账) for a list's filters, fetched rather than linked so the page can show
 * that it runs and the server's refusal: 413 PAYLOAD_TOO_LARGE beyond 20,000 documents, 400 for a bad filter.
 */
export async function exportDocuments(filter: DocumentFilter): Promise<FetchedFile> {
  const response = await rawFetch('GET', buildUrl('/exports/documents.xlsx', filter), undefined, {
    accept: `${XLSX}, application/json`,
  });
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition'), 'documents.xlsx') };
}

/** A receipt line as stored on the document: serialised lines carry the assets they created. */
export type ReceiptLine = { itemId: string; qty: number; lotId: string | null; assetIds?: string[]; assetCodes?: string[] };
export type TransferLine = { itemId: string; qty: number; lotId: string | null; assetId: string | null };

export function postReceipt(body: ReceiptCreate, idempotencyKey: string): Promise<StockDocument> {
  return sendJson<StockDocument>('POST', '/receipts', body, { 'idempotency-key': idempotencyKey });
}

/** Posts for a binary answer (PDF, xlsx); throws ApiError on a non-2xx answer. */
export async function postForBlob(path: string, body: unknown): Promise<Blob> {
  const response = await rawFetch('POST', path, JSON.stringify(body), {
    'content-type': 'application/json',
    accept: 'application/pdf, application/json',
  });
  return response.blob();
}
export const printLabels = (body: { receiptId?: string; assetIds?: string[]; layout?: 'label' | 'a4' }) =>
  postForBlob('/labels', body);

/** Fetches a PDF answer with the file name the server gave it; throws ApiError (e.g. 503 UNAVAILABLE: no CJK font). */
async function fetchPdf(method: 'GET' | 'POST', path: string, body: unknown, fallbackName: string): Promise<PdfFile> {
  const response = await rawFetch(
    method,
    path,
    body === undefined ? undefined : JSON.stringify(body),
    body === undefined
      ? { accept: 'application/pdf, application/json' }
      : { 'content-type': 'application/json', accept: 'application/pdf, application/json' },
  );
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition'), fallbackName) };
}
/** The A4 transfer note (调拨单) of one transfer or dispatch; a transfer the user cannot see is a 404. */
export const printTransferNote = (id: string) =>
  fetchPdf('GET', `/transfers/${encodeURIComponent(id)}/note`, undefined, 'transfer-note.pdf');
/** One PDF with the notes of 1–200 distinct transfers, one note per transfer in the order given. */
export const printTransferNotes = (ids: readonly string[]) =>
  fetchPdf('POST', '/transfers/notes', { ids: [...ids] }, `transfer-notes-${ids.length}.pdf`);

export function createTransfer(body: TransferCreate, idempotencyKey: string): Promise<StockDocument> {
  return sendJson<StockDocument>('POST', '/transfers', body, { 'idempotency-key': idempotencyKey });
}
export type TransferEvent = 'start-picking' | 'ship' | 'cancel';
export const advanceTransfer = (id: string, event: TransferEvent) =>
  api.post<StockDocument>(`/transfers/${encodeURIComponent(id)}/${event}`, {});
export const receiveTransfer = (id: string, body: TransferReceive) =>
  api.post<StockDocument>(`/transfers/${encodeURIComponent(id)}/receive`, body);
/**
 * Moves up to 200 transfers along their state machine together, all or none. When one transfer
 * stops the batch, the error's `details.transfer` is its index in `ids` (absent for a batch of one).
 */
export const advanceTransfers = (ids: readonly string[], event: TransferEvent) =>
  api.post<TransferBatchDocuments>(`/transfers/batch/${event}`, { ids: [...ids] } satisfies TransferBatchAdvance);
/** Receives up to 200 shipped transfers together, all or none; a transfer without `lines` is received in full. */
export const receiveTransfers = (transfers: TransferBatchReceive['transfers']) =>
  api.post<TransferBatchDocuments>('/transfers/batch/receive', { transfers } satisfies TransferBatchReceive);
/**
 * Lists documents, newest first; `number` keeps those whose number starts with it (any case),
 * `createdFrom`/`createdTo` those created on or between those Beijing days.
 */
export const listDocuments = (query: DocumentFilter & { limit: number; offset: number }, signal?: AbortSignal) =>
  api.get<PageOf<StockDocument>>('/documents', query, signal);
export const getDocument = (id: string) => api.get<StockDocument>(`/documents/${encodeURIComponent(id)}`);

export type CountLine = {
  itemId: string;
  itemCode: string;
  lotId: string | null;
  assetId: string | null;
  expected: number;
  counted: number | null;
  difference: number | null;
};
export type CountView = StockDocument & { countLines: CountLine[] };
export const startCount = (body: { nodeId: string; itemIds?: string[] }) => api.post<StockDocument>('/counts', body);
export const getCount = (id: string, signal?: AbortSignal) =>
  api.get<CountView>(`/counts/${encodeURIComponent(id)}`, undefined, signal);
export const recordCount = (id: string, body: CountRecord) =>
  api.post<CountView>(`/counts/${encodeURIComponent(id)}/lines`, body);
export const submitCount = (id: string) => api.post<CountView>(`/counts/${encodeURIComponent(id)}/submit`, {});
export const decideCount = (id: string, approve: boolean) =>
  api.post<CountView>(`/counts/${encodeURIComponent(id)}/decision`, { approve });

export type ShortfallRow = {
  nodeId: string;
  nodeCode: string;
  itemId: string;
  itemCode: string;
  itemNameZh: string;
  itemNameEn: string;
  minReserve: number;
  target: number;
  available: number;
  belowMinimum: boolean;
  toTarget: number;
};
export const listShortfalls = (query: { nodeId?: string; belowMinimum?: boolean }, signal?: AbortSignal) =>
  api.get<{ items: ShortfallRow[] }>('/reserve-standards/shortfalls', query, signal);
export type Proposal = { fromNodeId: string; toNodeId: string; itemId: string; qty: number };
export type ProposalResult = { proposals: Proposal[]; transfers: { id: string; number: string }[]; failures?: unknown[] };
export const proposeReplenishment = (body: { nodeId?: string; dryRun: boolean }) =>
  api.post<ProposalResult>('/replenishment-proposals', body);

export type ImportResult = {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  errorCount: number;
  errors: { row: number; column: string | null; message: string }[];
  receipts: { nodeCode: string; lines: number; units: number; assets: number; documentId?: string; number?: string }[];
};
/** Uploads the workbook; a 422 with a preview (rows with problems, nothing posted) resolves like a dry run. */
export async function importOpeningStock(file: Blob, dryRun: boolean): Promise<ImportResult> {
  try {
    const response = await rawFetch('POST', `/imports/opening-stock?dryRun=${dryRun}`, file, {
      'content-type': XLSX,
      accept: 'application/json',
    });
    return (await response.json()) as ImportResult;
  } catch (error) {
    if (error instanceof ApiError && error.status === 422 && isImportResult(error.details)) return error.details;
    throw error;
  }
}
function isImportResult(value: unknown): value is ImportResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as { errors?: unknown }).errors);
}

export type CodeLookup =
  | { kind: 'asset'; asset: Asset & { itemNameZh?: string; itemNameEn?: string; history?: AssetHistoryEvent[] } }
  | { kind: 'lot'; lots: { id: string; itemId: string; lotNo: string; producedOn: string | null; expiresOn: string | null }[] }
  | { kind: 'item'; itemId: string }
  | { kind: 'node'; nodeId: string }
  /** A document number, e.g. scanned from the QR code of a printed transfer note. */
  | { kind: 'document'; document: StockDocument };
export const lookupCode = (code: string, signal?: AbortSignal) =>
  api.get<CodeLookup>(`/codes/${encodeURIComponent(code)}`, undefined, signal);

export const getItem = (id: string, signal?: AbortSignal) => api.get<Item>(`/items/${encodeURIComponent(id)}`, undefined, signal);

/** Signed corrections of stock on hand with a reason; the key makes a retry return the first posting. */
export function postAdjustment(body: AdjustmentCreate, idempotencyKey: string): Promise<StockDocument> {
  return sendJson<StockDocument>('POST', '/adjustments', body, { 'idempotency-key': idempotencyKey });
}
/** Blocks stock (quarantine) or frees it again (release); the same body either way. */
export function postQuarantine(direction: 'quarantine' | 'release', body: QuarantineCreate, idempotencyKey: string) {
  return sendJson<StockDocument>('POST', direction === 'quarantine' ? '/quarantines' : '/releases', body, {
    'idempotency-key': idempotencyKey,
  });
}
/** Quarantines every expired lot now: how many documents (one per node) and units it moved. */
export const quarantineExpired = () => api.post<{ documents: number; units: number }>('/quarantines/expired', {});
export function requestWriteOff(body: WriteOffCreate, idempotencyKey: string): Promise<StockDocument> {
  return sendJson<StockDocument>('POST', '/write-offs', body, { 'idempotency-key': idempotencyKey });
}
export const decideWriteOff = (id: string, approve: boolean, note?: string) =>
  api.post<StockDocument>(`/write-offs/${encodeURIComponent(id)}/decision`, {
    approve,
    ...(note?.trim() ? { note: note.trim() } : {}),
  });

/** What can be sent of one item at one node, and why the rest cannot. */
export type Availability = {
  nodeId: string;
  itemId: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  quarantined: number;
  available: number;
  dispatchable: number;
  notDispatchable: {
    reserved: number;
    quarantined: number;
    expired: number;
    inspectionFailed: number;
    inspectionOverdue: number;
  };
};
export const getAvailability = (nodeId: string, itemId: string, signal?: AbortSignal) =>
  api.get<Availability>('/stock/availability', { nodeId, itemId }, signal);

export type AssetHistoryEvent = {
  at: string;
  kind: string;
  documentId: string | null;
  documentNumber: string | null;
  nodeId: string | null;
  details: unknown;
};
export type AssetDetail = Asset & { history: AssetHistoryEvent[] };
export const getAsset = (id: string, signal?: AbortSignal) =>
  api.get<AssetDetail>(`/assets/${encodeURIComponent(id)}`, undefined, signal);
export const listAssets = (
  query: { nodeId?: string; itemId?: string; status?: string; q?: string; limit: number; offset: number },
  signal?: AbortSignal,
) => api.get<PageOf<Asset> & { totalIsEstimate?: boolean }>('/assets', query, signal);

/** Packs a kit box (封箱) at a node; the document's meta names the new box (kitAssetId, kitAssetCode). */
export function packKit(body: KitPack, idempotencyKey: string): Promise<StockDocument> {
  return sendJson<StockDocument>('POST', '/kits/pack', body, { 'idempotency-key': idempotencyKey });
}
/** Unpacks a kit box (拆箱): its contents return to free stock and the box leaves stock. */
export function unpackKit(kitAssetId: string, idempotencyKey: string): Promise<StockDocument> {
  return sendJson<StockDocument>(
    'POST',
    `/kits/${encodeURIComponent(kitAssetId)}/unpack`,
    {},
    { 'idempotency-key': idempotencyKey },
  );
}
export type KitState = 'packed' | 'unpacked' | 'all';
export const listKits = (nodeId: string, state: KitState, signal?: AbortSignal) =>
  api.get<{ items: KitSummary[] }>('/kits', { nodeId, state }, signal);
export const getKit = (kitAssetId: string, signal?: AbortSignal) =>
  api.get<KitView>(`/kits/${encodeURIComponent(kitAssetId)}`, undefined, signal);
export type { KitSummary, KitView };

/** Stored reserve standards in scope, by node and item; `backupRatio` is the node's override (null: the item's own applies). */
export const listReserveStandards = (
  query: { nodeId?: string; itemId?: string; limit: number; offset: number },
  signal?: AbortSignal,
) => api.get<PageOf<ReserveStandard>>('/reserve-standards', query, signal);
export type { ReserveStandard };

/** Sets (or replaces) the reserve standard of one item at one node. */
export const setReserveStandard = (body: ReserveStandardInput) =>
  apiRequest<ReserveStandardInput>('PUT', '/reserve-standards', { body });

/** A fresh key per form submission: a retry of the same submission never posts twice. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

async function sendJson<T>(method: string, path: string, body: unknown, extra: Record<string, string>): Promise<T> {
  const response = await rawFetch(method, path, JSON.stringify(body), {
    'content-type': 'application/json',
    accept: 'application/json',
    ...extra,
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** fetch with credentials and the CSRF header; a non-2xx answer becomes an ApiError. */
async function rawFetch(
  method: string,
  path: string,
  body: BodyInit | undefined,
  headers: Record<string, string>,
): Promise<Response> {
  const csrf = readCookie(typeof document === 'undefined' ? '' : document.cookie, CSRF_COOKIE);
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method,
      credentials: 'include',
      headers: { ...headers, ...(csrf ? { [CSRF_HEADER]: csrf } : {}) },
      body,
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  if (!response.ok) {
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    throw toApiError(response.status, parsed, response.statusText);
  }
  return response;
}
