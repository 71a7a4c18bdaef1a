import type { Queryable } from '../db/database.ts';

/** Sets asset status and location for the units of a document. */
export async function moveAssets(
  tx: Queryable,
  units: readonly { assetId: string | null }[],
  change: {
    status: string;
    nodeId?: string | null;
    eventKind: string;
    documentId: string;
    organisationId: string;
    at: Date;
    details?: Record<string, unknown>;
  },
) {
  const ids = units.map((u) => u.assetId).filter((x): x is string => x !== null);
  if (!ids.length) return;
  await tx.query(
    `UPDATE asset SET status = $2, node_id = CASE WHEN $3::boolean THEN $4::uuid ELSE node_id END,
       slot_id = CASE WHEN $3::boolean THEN NULL ELSE slot_id END, updated_at = $5 WHERE id = ANY ($1::uuid[])`,
    [ids, change.status, change.nodeId !== undefined, change.nodeId ?? null, change.at],
  );
  await tx.query(
    `INSERT INTO asset_event (organisation_id, asset_id, at, kind, document_id, node_id, details)
     SELECT $1, a, $2, $3, $4, $5, $6 FROM unnest($7::uuid[]) AS a`,
    [
      change.organisationId,
      change.at,
      change.eventKind,
      change.documentId,
      change.nodeId ?? null,
      JSON.stringify(change.details ?? {}),
      ids,
    ],
  );
}
