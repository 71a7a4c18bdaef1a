import { randomUUID } from 'node:crypto';
import type { ReceiptCreate } from '@zhanqin/contracts';
import { appendAuditEntries, type AuditInput } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import type { NodeRecord } from '../nodes/nodes.repository.ts';
import { withIdempotentBatch, type KeyedRequest, type Posted, type RequestKey } from './idempotency.ts';
import {
  appendDocumentMovements,
  insertDocuments,
  stockKeyOf,
  type MovementRow,
  type NewDocument,
  type StockDocument,
} from './ledger.repository.ts';
import { findItems, localDate, nodeInScope, type ItemInfo } from './stock-context.ts';

type SerialIn = { serialNo: string; manufacturedOn?: string; rfidEpc?: string };
const asSerial = (s: ReceiptCreate['lines'][number]['serials'] extends (infer T)[] | undefined ? T : never): SerialIn =>
  typeof s === 'string' ? { serialNo: s } : s;

/** The code printed on an asset's label: the organisation's prefix and a base-36 sequence number. */
export async function nextAssetCodes(tx: Queryable, organisationCode: string, count: number): Promise<string[]> {
  const prefix = organisationCode.split('-').slice(0, 2).join('-').toUpperCase();
  const rows = await tx.query<{ n: number }>("SELECT nextval('asset_code_seq') AS n FROM generate_series(1, $1)", [count]);
  return rows.map((r) => `${prefix}-${Number(r.n).toString(36).toUpperCase().padStart(7, '0')}`);
}

type LotInput = { lotNo: string; producedOn?: string; expiresOn?: string; supplier?: string };

type LotLine = { key: number; itemId: string; lot: LotInput; line: number; receipt?: number };
const lineLabel = (l: { line: number; receipt?: number }) =>
  l.receipt === undefined ? `Line ${l.line}` : `Receipt ${l.receipt}, line ${l.line}`;
const lineRef = (l: { line: number; receipt?: number }) =>
  l.receipt === undefined ? { line: l.line } : { receipt: l.receipt, line: l.line };

/**
 * Finds or creates the lots of one or more documents in two statements; a lot number already known
 * with other dates is refused rather than merged. Returns, per line key, the lot's id and expiry.
 */
export async function resolveLots(
  tx: Queryable,
  organisationId: string,
  lines: readonly LotLine[],
): Promise<Map<number, { id: string; expiresOn: string | null }>> {
  const result = new Map<number, { id: string; expiresOn: string | null }>();
  if (!lines.length) return result;
  for (const l of lines) {
    if (l.lot.producedOn && l.lot.expiresOn && l.lot.expiresOn < l.lot.producedOn) {
      throw new AppError('VALIDATION_FAILED', `${lineLabel(l)}: the lot expires before it was produced`, lineRef(l));
    }
  }
  // One row per distinct (item, lot number); the first line naming it gives its dates.
  const distinct = new Map<string, { itemId: string; lot: LotInput }>();
  for (const l of lines) if (!distinct.has(`${l.itemId}|${l.lot.lotNo}`)) distinct.set(`${l.itemId}|${l.lot.lotNo}`, l);
  const rows = [...distinct.values()];
  type LotRow = { id: string; item_id: string; lot_no: string; produced_on: string | null; expires_on: string | null };
  // New lots come back from the INSERT; only lots registered before are read again.
  const found = await tx.query<LotRow>(
    `INSERT INTO lot (id, organisation_id, item_id, lot_no, produced_on, expires_on, supplier)
     SELECT gen_random_uuid(), $1, x.item_id, x.lot_no, x.produced_on, x.expires_on, x.supplier
       FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[], $6::text[]) AS x(item_id, lot_no, produced_on, expires_on, supplier)
     ON CONFLICT (item_id, lot_no) DO NOTHING
     RETURNING id, item_id, lot_no, produced_on, expires_on`,
    [
      organisationId,
      rows.map((r) => r.itemId),
      rows.map((r) => r.lot.lotNo),
      rows.map((r) => r.lot.producedOn ?? null),
      rows.map((r) => r.lot.expiresOn ?? null),
      rows.map((r) => r.lot.supplier ?? ''),
    ],
  );
  const created = new Set(found.map((f) => `${f.item_id}|${f.lot_no}`));
  const known = rows.filter((r) => !created.has(`${r.itemId}|${r.lot.lotNo}`));
  if (known.length) {
    found.push(
      ...(await tx.query<LotRow>(
        `SELECT l.id, l.item_id, l.lot_no, l.produced_on, l.expires_on FROM lot l
           JOIN unnest($1::uuid[], $2::text[]) AS x(item_id, lot_no) ON l.item_id = x.item_id AND l.lot_no = x.lot_no`,
        [known.map((r) => r.itemId), known.map((r) => r.lot.lotNo)],
      )),
    );
  }
  const byKey = new Map(found.map((f) => [`${f.item_id}|${f.lot_no}`, f]));
  for (const l of lines) {
    const { itemId, lot } = l;
    const registered = byKey.get(`${itemId}|${lot.lotNo}`)!;
    const clash =
      (lot.producedOn && registered.produced_on && lot.producedOn !== registered.produced_on) ||
      (lot.expiresOn && registered.expires_on && lot.expiresOn !== registered.expires_on);
    if (clash) {
      throw new AppError('UNPROCESSABLE', `${lineLabel(l)}: lot ${lot.lotNo} is already registered with other dates`, {
        ...lineRef(l),
        lotNo: lot.lotNo,
        registered: { producedOn: registered.produced_on, expiresOn: registered.expires_on },
      });
    }
    result.set(l.key, { id: registered.id, expiresOn: registered.expires_on });
  }
  return result;
}

function checkLineShapes(input: ReceiptCreate, items: ReadonlyMap<string, ItemInfo>, receipt: number | undefined): void {
  const problems: { line: number; message: string }[] = [];
  const seenSerials = new Map<string, number>();
  input.lines.forEach((line, index) => {
    const item = items.get(line.itemId)!;
    const serialised = item.tracking === 'serialised' || (item.tracking === 'kit' && line.serials !== undefined);
    if (serialised) {
      if (!line.serials)
        problems.push({ line: index, message: `${item.code} is serialised: give one serial per unit (serials)` });
      else if (line.serials.length !== line.qty)
        problems.push({ line: index, message: `qty ${line.qty} but ${line.serials.length} serials` });
      for (const s of line.serials ?? []) {
        const serial = asSerial(s).serialNo;
        const key = `${line.itemId}|${serial}`;
        if (seenSerials.has(key))
          problems.push({ line: index, message: `serial ${serial} appears twice (also on line ${seenSerials.get(key)})` });
        seenSerials.set(key, index);
      }
      if (line.lot && item.tracking === 'serialised')
        problems.push({ line: index, message: 'serialised items carry serials, not a lot' });
    } else if (line.serials) {
      problems.push({ line: index, message: `${item.code} is tracked by ${item.tracking}, not by serial` });
    }
    if (item.tracking === 'lot' && !line.lot)
      problems.push({ line: index, message: `${item.code} is tracked by lot: give lot.lotNo` });
  });
  if (problems.length) {
    const where = receipt === undefined ? 'The receipt' : `Receipt ${receipt}`;
    throw new AppError(
      'VALIDATION_FAILED',
      `${where} has ${problems.length} problem(s)`,
      receipt === undefined ? { problems } : { receipt, problems },
    );
  }
}

/** The most receipts one batch may post, and the most lines they may carry together. */
export const MAX_BATCH_RECEIPTS = 500;
export const MAX_BATCH_LINES = 20_000;

/**
 * Posts a receipt note (收货): creates lots and serialised assets with their codes, and raises
 * stock on hand — all in one transaction, so a crash leaves the whole document or none of it.
 * Expired lots are received straight into quarantine.
 */
export async function recordReceipt(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: ReceiptCreate,
  idempotencyKey?: string,
): Promise<Posted> {
  return (await recordReceipts(deps, actor, [{ input, idempotencyKey }]))[0]!;
}

/**
 * Posts many receipt notes in one transaction — a handheld's offline queue, an import — all or
 * none. Each keeps its own document, number, idempotency key and audit entry; what they write goes
 * to the database in a fixed number of set-based statements whatever their count, so the balance
 * trigger runs once for the whole batch. Receipts whose key was posted before are replayed.
 */
export async function recordReceipts(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  requests: readonly KeyedRequest<ReceiptCreate>[],
): Promise<Posted[]> {
  if (requests.length === 0) throw new AppError('VALIDATION_FAILED', 'Send at least one receipt');
  if (requests.length > MAX_BATCH_RECEIPTS)
    throw new AppError('VALIDATION_FAILED', `At most ${MAX_BATCH_RECEIPTS} receipts per batch`, { max: MAX_BATCH_RECEIPTS });
  const lineCount = requests.reduce((n, r) => n + r.input.lines.length, 0);
  if (lineCount > MAX_BATCH_LINES)
    throw new AppError('VALIDATION_FAILED', `At most ${MAX_BATCH_LINES} lines per batch (got ${lineCount})`, {
      max: MAX_BATCH_LINES,
    });
  const batch = requests.length > 1;
  return withIdempotentBatch(deps.db, requests, (fresh) =>
    deps.db.transaction((tx) =>
      postReceipts(
        tx,
        actor,
        fresh.map((f) => ({ input: f.input, key: f.key, receipt: batch ? f.index : undefined })),
        deps.clock.now(),
      ),
    ),
  );
}

type ReceiptToPost = { input: ReceiptCreate; key: RequestKey | null; receipt: number | undefined };

type NewAsset = {
  id: string;
  organisationId: string;
  nodeId: string;
  documentId: string;
  source: string;
  itemId: string;
  code: string;
  serial: SerialIn;
  lotId: string | null;
  inspectionDue: string | null;
};

/** Writes the receipts inside `tx` with a fixed number of statements; errors name the receipt and line. */
async function postReceipts(
  tx: Queryable,
  actor: Actor,
  receipts: readonly ReceiptToPost[],
  now: Date,
): Promise<StockDocument[]> {
  const today = localDate(now);
  const nodes = new Map<string, NodeRecord>();
  for (const r of receipts) {
    if (!nodes.has(r.input.nodeId)) nodes.set(r.input.nodeId, await nodeInScope(tx, actor, r.input.nodeId, 'stock.write'));
  }
  const items = await findItems(
    tx,
    receipts.flatMap((r) => r.input.lines.map((l) => l.itemId)),
  );
  for (const r of receipts) {
    const missing = r.input.lines.flatMap((l, line) => (items.has(l.itemId) ? [] : [{ line, itemId: l.itemId }]));
    if (missing.length) {
      throw new AppError(
        'REFERENCE_NOT_FOUND',
        `${r.receipt === undefined ? '' : `Receipt ${r.receipt}: `}Some lines name items that do not exist`,
        r.receipt === undefined ? { lines: missing } : { receipt: r.receipt, lines: missing },
      );
    }
    checkLineShapes(r.input, items, r.receipt);
  }

  // Lots of every receipt at once (per organisation), keyed by a running line number.
  const lotsByOrganisation = new Map<string, LotLine[]>();
  const lineKeys: number[][] = [];
  let nextKey = 0;
  for (const r of receipts) {
    const organisationId = nodes.get(r.input.nodeId)!.organisationId;
    const lotLines = lotsByOrganisation.get(organisationId) ?? [];
    lotsByOrganisation.set(organisationId, lotLines);
    lineKeys.push(
      r.input.lines.map((l, line) => {
        const key = nextKey++;
        if (l.lot) lotLines.push({ key, itemId: l.itemId, lot: l.lot, line, receipt: r.receipt });
        return key;
      }),
    );
  }
  const lots = new Map<number, { id: string; expiresOn: string | null }>();
  for (const [organisationId, list] of lotsByOrganisation)
    for (const [key, lot] of await resolveLots(tx, organisationId, list)) lots.set(key, lot);

  // Asset codes for every serial of an organisation in one sequence call.
  const codes = new Map<string, string[]>();
  const serialsPerOrganisation = new Map<string, number>();
  for (const r of receipts) {
    const organisationId = nodes.get(r.input.nodeId)!.organisationId;
    const serials = r.input.lines.reduce((n, l) => n + (l.serials?.length ?? 0), 0);
    serialsPerOrganisation.set(organisationId, (serialsPerOrganisation.get(organisationId) ?? 0) + serials);
  }
  for (const [organisationId, count] of serialsPerOrganisation) {
    if (count === 0) continue;
    const [org] = await tx.query<{ code: string }>('SELECT code FROM organisation WHERE id = $1', [organisationId]);
    codes.set(organisationId, await nextAssetCodes(tx, org!.code, count));
  }
  const codeCursor = new Map<string, number>();
  const takeCodes = (organisationId: string, n: number) => {
    const from = codeCursor.get(organisationId) ?? 0;
    codeCursor.set(organisationId, from + n);
    return codes.get(organisationId)!.slice(from, from + n);
  };

  const documents: NewDocument[] = [];
  const movements: (MovementRow & { documentId: string })[] = [];
  const assets: NewAsset[] = [];
  const audits: AuditInput[] = [];
  receipts.forEach((r, i) => {
    const { input } = r;
    const node = nodes.get(input.nodeId)!;
    const documentId = randomUUID();
    const storedLines: unknown[] = [];
    let expiredUnits = 0;
    let assetCount = 0;
    // Rows written as literals: object spread costs ~20× more, and a batch writes thousands.
    const move = (unit: Omit<MovementRow, 'bucket' | 'delta'>, bucket: MovementRow['bucket'], delta: number) =>
      movements.push({
        documentId,
        nodeId: unit.nodeId,
        itemId: unit.itemId,
        stockKey: unit.stockKey,
        bucket,
        delta,
        lotId: unit.lotId,
        assetId: unit.assetId,
      });
    input.lines.forEach((line, index) => {
      const item = items.get(line.itemId)!;
      const lot = lots.get(lineKeys[i]![index]!) ?? null;
      if (line.serials && (item.tracking === 'serialised' || item.tracking === 'kit')) {
        const lineCodes = takeCodes(node.organisationId, line.serials.length);
        const due = item.inspectionIntervalDays
          ? new Date(now.getTime() + item.inspectionIntervalDays * 86_400_000).toISOString().slice(0, 10)
          : null;
        const ids = line.serials.map((s, k) => {
          const id = randomUUID();
          assets.push({
            id,
            organisationId: node.organisationId,
            nodeId: node.id,
            documentId,
            source: input.source,
            itemId: item.id,
            code: lineCodes[k]!,
            serial: asSerial(s),
            lotId: lot?.id ?? null,
            inspectionDue: due,
          });
          move({ nodeId: node.id, itemId: item.id, stockKey: id, lotId: lot?.id ?? null, assetId: id }, 'on_hand', 1);
          return id;
        });
        assetCount += ids.length;
        storedLines.push({ itemId: item.id, qty: line.qty, lotId: lot?.id ?? null, assetIds: ids, assetCodes: lineCodes });
      } else {
        const expired = lot?.expiresOn != null && lot.expiresOn < today;
        const unit = {
          nodeId: node.id,
          itemId: item.id,
          stockKey: stockKeyOf(lot?.id, null),
          lotId: lot?.id ?? null,
          assetId: null,
        };
        move(unit, 'on_hand', line.qty);
        if (expired) {
          expiredUnits += line.qty;
          move(unit, 'quarantined', line.qty);
        }
        storedLines.push({ itemId: item.id, qty: line.qty, lotId: lot?.id ?? null, quarantinedAsExpired: expired });
      }
    });
    documents.push({
      id: documentId,
      organisationId: node.organisationId,
      kind: 'receipt',
      nodeId: node.id,
      state: 'posted',
      source: input.source,
      reference: input.reference ?? '',
      lines: storedLines,
      meta: { expiredUnitsQuarantined: expiredUnits },
      idempotencyKey: r.key?.key ?? null,
      requestHash: r.key?.hash ?? null,
      createdBy: actor.userId,
      createdByName: actor.username,
      now,
    });
    audits.push({
      action: 'receipt.post',
      entityType: 'stock_document',
      entityId: documentId,
      organisationId: node.organisationId,
      summary: {
        nodeCode: node.code,
        source: input.source,
        lines: input.lines.length,
        units: input.lines.reduce((s, l) => s + l.qty, 0),
        assets: assetCount,
      },
    });
  });

  const posted = await insertDocuments(tx, documents);
  await insertAssets(tx, assets, now);
  await appendDocumentMovements(tx, movements, now);
  await appendAuditEntries(
    tx,
    actor,
    audits.map((a, i) => ({ ...a, summary: { number: posted[i]!.number, ...a.summary } })),
    now,
  );
  return posted;
}

/** Registers received assets and their first life event, 5,000 to a statement. */
async function insertAssets(tx: Queryable, assets: readonly NewAsset[], now: Date): Promise<void> {
  for (let i = 0; i < assets.length; i += 5000) {
    const chunk = assets.slice(i, i + 5000);
    await tx.query(
      `INSERT INTO asset (id, organisation_id, item_id, code, serial_no, rfid_epc, manufactured_on, lot_id, status, node_id, next_inspection_due, created_at, updated_at)
       SELECT a.id, a.organisation_id, a.item_id, a.code, a.serial_no, upper(a.rfid_epc), a.manufactured_on, a.lot_id, 'in-stock', a.node_id, a.due, $1, $1
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::date[], $9::uuid[], $10::uuid[], $11::date[])
              AS a(id, organisation_id, item_id, code, serial_no, rfid_epc, manufactured_on, lot_id, node_id, due)`,
      [
        now,
        chunk.map((a) => a.id),
        chunk.map((a) => a.organisationId),
        chunk.map((a) => a.itemId),
        chunk.map((a) => a.code),
        chunk.map((a) => a.serial.serialNo),
        chunk.map((a) => a.serial.rfidEpc ?? null),
        chunk.map((a) => a.serial.manufacturedOn ?? null),
        chunk.map((a) => a.lotId),
        chunk.map((a) => a.nodeId),
        chunk.map((a) => a.inspectionDue),
      ],
    );
    await tx.query(
      `INSERT INTO asset_event (organisation_id, asset_id, at, kind, document_id, node_id, details)
       SELECT a.organisation_id, a.id, $1, 'received', a.document_id, a.node_id, jsonb_build_object('source', a.source)
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[]) AS a(id, organisation_id, document_id, node_id, source)`,
      [
        now,
        chunk.map((a) => a.id),
        chunk.map((a) => a.organisationId),
        chunk.map((a) => a.documentId),
        chunk.map((a) => a.nodeId),
        chunk.map((a) => a.source),
      ],
    );
  }
}
