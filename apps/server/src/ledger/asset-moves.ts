import type { Queryable } from '../db/database.ts';

/** What happens to the assets among a document's units: new status, maybe a new place, one life event each. */
export type AssetChange = {
  status: string;
  /** Omit to leave the asset where it is; null to take it off every node (lost, issued). */
  nodeId?: string | null;
  eventKind: string;
  documentId: string;
  organisationId: string;
  at: Date;
  details?: Record<string, unknown>;
};

/** Sets asset status and location for the units of a document. */
export async function moveAssets(tx: Queryable, units: readonly { assetId: string | null }[], change: AssetChange) {
  await moveAssetsOf(tx, [{ units, change }]);
}

/**
 * The same for the units of several documents at once: one UPDATE and one INSERT of life events for
 * all of them, whatever their changes.
 */
export async function moveAssetsOf(
  tx: Queryable,
  groups: readonly { units: readonly { assetId: string | null }[]; change: AssetChange }[],
) {
  const rows = groups.flatMap(({ units, change }) =>
    units.flatMap((u) => (u.assetId === null ? [] : [{ assetId: u.assetId, change }])),
  );
  if (!rows.length) return;
  await tx.query(
    `UPDATE asset a SET status = m.status, node_id = CASE WHEN m.moves THEN m.node_id ELSE a.node_id END,
       slot_id = CASE WHEN m.moves THEN NULL ELSE a.slot_id END, updated_at = m.at
       FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::uuid[], $5::timestamptz[]) AS m(id, status, moves, node_id, at)
      WHERE a.id = m.id`,
    [
      rows.map((r) => r.assetId),
      rows.map((r) => r.change.status),
      rows.map((r) => r.change.nodeId !== undefined),
      rows.map((r) => r.change.nodeId ?? null),
      rows.map((r) => r.change.at),
    ],
  );
  await tx.query(
    `INSERT INTO asset_event (organisation_id, asset_id, at, kind, document_id, node_id, details)
     SELECT e.organisation_id, e.asset_id, e.at, e.kind, e.document_id, e.node_id, e.details
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::uuid[], $6::uuid[], $7::jsonb[])
            AS e(organisation_id, asset_id, at, kind, document_id, node_id, details)`,
    [
      rows.map((r) => r.change.organisationId),
      rows.map((r) => r.assetId),
      rows.map((r) => r.change.at),
      rows.map((r) => r.change.eventKind),
      rows.map((r) => r.change.documentId),
      rows.map((r) => r.change.nodeId ?? null),
      rows.map((r) => JSON.stringify(r.change.details ?? {})),
    ],
  );
}
