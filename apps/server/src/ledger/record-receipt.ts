import { randomUUID } from 'node:crypto';
import type { ReceiptCreate } from '@zhanqin/contracts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { withIdempotency, type Posted } from './idempotency.ts';
import { appendMovements, insertDocument, stockKeyOf, type MovementRow } from './ledger.repository.ts';
import { loadItems, localDate, nodeInScope } from './stock-context.ts';

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

/**
 * Finds or creates the lots of a document in two statements; a lot number already known with other
 * dates is refused rather than merged. Returns, per line index, the lot's id and expiry.
 */
export async function resolveLots(
  tx: Queryable,
  organisationId: string,
  lines: readonly { index: number; itemId: string; lot: LotInput }[],
): Promise<Map<number, { id: string; expiresOn: string | null }>> {
  const result = new Map<number, { id: string; expiresOn: string | null }>();
  if (!lines.length) return result;
  for (const { index, lot } of lines) {
    if (lot.producedOn && lot.expiresOn && lot.expiresOn < lot.producedOn) {
      throw new AppError('VALIDATION_FAILED', `Line ${index}: the lot expires before it was produced`, { line: index });
    }
  }
  // One row per distinct (item, lot number); the first line naming it gives its dates.
  const distinct = new Map<string, { itemId: string; lot: LotInput }>();
  for (const l of lines) if (!distinct.has(`${l.itemId}|${l.lot.lotNo}`)) distinct.set(`${l.itemId}|${l.lot.lotNo}`, l);
  const rows = [...distinct.values()];
  await tx.query(
    `INSERT INTO lot (id, organisation_id, item_id, lot_no, produced_on, expires_on, supplier)
     SELECT gen_random_uuid(), $1, x.item_id, x.lot_no, x.produced_on, x.expires_on, x.supplier
       FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[], $6::text[]) AS x(item_id, lot_no, produced_on, expires_on, supplier)
     ON CONFLICT (item_id, lot_no) DO NOTHING`,
    [
      organisationId,
      rows.map((r) => r.itemId),
      rows.map((r) => r.lot.lotNo),
      rows.map((r) => r.lot.producedOn ?? null),
      rows.map((r) => r.lot.expiresOn ?? null),
      rows.map((r) => r.lot.supplier ?? ''),
    ],
  );
  const found = await tx.query<{
    id: string;
    item_id: string;
    lot_no: string;
    produced_on: string | null;
    expires_on: string | null;
  }>(
    `SELECT l.id, l.item_id, l.lot_no, l.produced_on, l.expires_on FROM lot l
       JOIN unnest($1::uuid[], $2::text[]) AS x(item_id, lot_no) ON l.item_id = x.item_id AND l.lot_no = x.lot_no`,
    [rows.map((r) => r.itemId), rows.map((r) => r.lot.lotNo)],
  );
  const byKey = new Map(found.map((f) => [`${f.item_id}|${f.lot_no}`, f]));
  for (const { index, itemId, lot } of lines) {
    const registered = byKey.get(`${itemId}|${lot.lotNo}`)!;
    const clash =
      (lot.producedOn && registered.produced_on && lot.producedOn !== registered.produced_on) ||
      (lot.expiresOn && registered.expires_on && lot.expiresOn !== registered.expires_on);
    if (clash) {
      throw new AppError('UNPROCESSABLE', `Line ${index}: lot ${lot.lotNo} is already registered with other dates`, {
        line: index,
        lotNo: lot.lotNo,
        registered: { producedOn: registered.produced_on, expiresOn: registered.expires_on },
      });
    }
    result.set(index, { id: registered.id, expiresOn: registered.expires_on });
  }
  return result;
}

function checkLineShapes(input: ReceiptCreate, items: Awaited<ReturnType<typeof loadItems>>): void {
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
  if (problems.length) throw new AppError('VALIDATION_FAILED', `The receipt has ${problems.length} problem(s)`, { problems });
}

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
  return withIdempotency(deps.db, idempotencyKey, input, (key) =>
    deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const today = localDate(now);
      const node = await nodeInScope(tx, actor, input.nodeId, 'stock.write');
      const items = await loadItems(
        tx,
        input.lines.map((l) => l.itemId),
      );
      checkLineShapes(input, items);
      const [org] = await tx.query<{ code: string }>('SELECT code FROM organisation WHERE id = $1', [node.organisationId]);
      const documentId = randomUUID();
      const movements: MovementRow[] = [];
      const storedLines: unknown[] = [];
      const assets: {
        id: string;
        itemId: string;
        code: string;
        serial: SerialIn;
        lotId: string | null;
        inspectionDue: string | null;
      }[] = [];
      let expiredUnits = 0;

      const lots = await resolveLots(
        tx,
        node.organisationId,
        input.lines.flatMap((line, index) => (line.lot ? [{ index, itemId: line.itemId, lot: line.lot }] : [])),
      );
      for (const [index, line] of input.lines.entries()) {
        const item = items.get(line.itemId)!;
        const lot = lots.get(index) ?? null;
        if (line.serials && (item.tracking === 'serialised' || item.tracking === 'kit')) {
          const codes = await nextAssetCodes(tx, org!.code, line.serials.length);
          const ids: string[] = [];
          line.serials.forEach((s, i) => {
            const id = randomUUID();
            ids.push(id);
            const serial = asSerial(s);
            const due = item.inspectionIntervalDays
              ? new Date(now.getTime() + item.inspectionIntervalDays * 86_400_000).toISOString().slice(0, 10)
              : null;
            assets.push({ id, itemId: item.id, code: codes[i]!, serial, lotId: lot?.id ?? null, inspectionDue: due });
            movements.push({
              nodeId: node.id,
              itemId: item.id,
              stockKey: id,
              lotId: lot?.id ?? null,
              assetId: id,
              bucket: 'on_hand',
              delta: 1,
            });
          });
          storedLines.push({ itemId: item.id, qty: line.qty, lotId: lot?.id ?? null, assetIds: ids, assetCodes: codes.slice() });
        } else {
          const expired = lot?.expiresOn != null && lot.expiresOn < today;
          movements.push({
            nodeId: node.id,
            itemId: item.id,
            stockKey: stockKeyOf(lot?.id, null),
            lotId: lot?.id ?? null,
            assetId: null,
            bucket: 'on_hand',
            delta: line.qty,
          });
          if (expired) {
            expiredUnits += line.qty;
            movements.push({
              nodeId: node.id,
              itemId: item.id,
              stockKey: stockKeyOf(lot?.id, null),
              lotId: lot?.id ?? null,
              assetId: null,
              bucket: 'quarantined',
              delta: line.qty,
            });
          }
          storedLines.push({ itemId: item.id, qty: line.qty, lotId: lot?.id ?? null, quarantinedAsExpired: expired });
        }
      }

      const document = await insertDocument(tx, {
        id: documentId,
        organisationId: node.organisationId,
        kind: 'receipt',
        nodeId: node.id,
        state: 'posted',
        source: input.source,
        reference: input.reference ?? '',
        lines: storedLines,
        meta: { expiredUnitsQuarantined: expiredUnits },
        idempotencyKey: key?.key ?? null,
        requestHash: key?.hash ?? null,
        createdBy: actor.userId,
        createdByName: actor.username,
        now,
      });
      if (assets.length) {
        for (let i = 0; i < assets.length; i += 5000) {
          const chunk = assets.slice(i, i + 5000);
          await tx.query(
            `INSERT INTO asset (id, organisation_id, item_id, code, serial_no, rfid_epc, manufactured_on, lot_id, status, node_id, next_inspection_due, created_at, updated_at)
             SELECT a.id, $1, a.item_id, a.code, a.serial_no, upper(a.rfid_epc), a.manufactured_on, a.lot_id, 'in-stock', $2, a.due, $3, $3
               FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::date[], $10::uuid[], $11::date[])
                    AS a(id, item_id, code, serial_no, rfid_epc, manufactured_on, lot_id, due)`,
            [
              node.organisationId,
              node.id,
              now,
              chunk.map((a) => a.id),
              chunk.map((a) => a.itemId),
              chunk.map((a) => a.code),
              chunk.map((a) => a.serial.serialNo),
              chunk.map((a) => a.serial.rfidEpc ?? null),
              chunk.map((a) => a.serial.manufacturedOn ?? null),
              chunk.map((a) => a.lotId),
              chunk.map((a) => a.inspectionDue),
            ],
          );
          await tx.query(
            `INSERT INTO asset_event (organisation_id, asset_id, at, kind, document_id, node_id, details)
             SELECT $1, a, $2, 'received', $3, $4, jsonb_build_object('source', $5::text) FROM unnest($6::uuid[]) AS a`,
            [node.organisationId, now, documentId, node.id, input.source, chunk.map((a) => a.id)],
          );
        }
      }
      await appendMovements(tx, documentId, node.organisationId, movements, now);
      await appendAudit(
        tx,
        actor,
        {
          action: 'receipt.post',
          entityType: 'stock_document',
          entityId: documentId,
          organisationId: node.organisationId,
          summary: {
            number: document.number,
            nodeCode: node.code,
            source: input.source,
            lines: input.lines.length,
            units: input.lines.reduce((s, l) => s + l.qty, 0),
            assets: assets.length,
          },
        },
        now,
      );
      return document;
    }),
  );
}
