import { isOrganisationInScope, requireAction, requireNodeScope, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { nodeInScope } from '../ledger/stock-context.ts';
import { cjkFont, type CjkFont } from './find-cjk-font.ts';
import { LABEL_DEFAULT_MM, renderLabels, type LabelData, type LabelLayout } from './render-labels.ts';

/** The most labels one request renders; a larger receipt is printed in batches with `offset`. */
export const MAX_LABELS_PER_REQUEST = 2000;

export type PrintLabelsInput = {
  /** Assets to label, printed in the order given. */
  assetIds?: string[];
  /** Or every asset a receipt note created, ordered by code. */
  receiptId?: string;
  /** For a receipt: skip this many labels (the batches before). */
  offset?: number;
  layout?: LabelLayout;
  widthMm?: number;
  heightMm?: number;
};

export type PrintedLabels = { pdf: Buffer; count: number; total: number; filename: string };

type AssetLabelRow = {
  id: string;
  code: string;
  serial_no: string;
  name_zh: string;
  name_en: string;
  node_id: string | null;
  node_code: string | null;
  node_org_path: string | null;
  asset_org_path: string;
};

const ASSET_LABEL_SELECT = `SELECT a.id, a.code, a.serial_no, i.name_zh, i.name_en, a.node_id, n.code AS node_code, no.path AS node_org_path, ao.path AS asset_org_path
   FROM asset a JOIN item i ON i.id = a.item_id JOIN organisation ao ON ao.id = a.organisation_id
   LEFT JOIN node n ON n.id = a.node_id LEFT JOIN organisation no ON no.id = n.organisation_id`;

/**
 * Renders QR labels for assets (一物一码) as a PDF, by list or for a receipt note. Every asset must
 * lie in the actor's scope (`stock.read`), judged by the node holding it now — one outside refuses the whole batch.
 */
export async function printLabels(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: PrintLabelsInput,
  font: () => CjkFont = cjkFont,
): Promise<PrintedLabels> {
  requireAction(actor, 'stock.read');
  const hasIds = input.assetIds !== undefined;
  if (hasIds === (input.receiptId !== undefined)) {
    throw new AppError('VALIDATION_FAILED', 'Give either assetIds or receiptId', { fields: ['assetIds', 'receiptId'] });
  }
  const layout = input.layout ?? 'label';
  const size = {
    widthMm: input.widthMm ?? LABEL_DEFAULT_MM[layout].widthMm,
    heightMm: input.heightMm ?? LABEL_DEFAULT_MM[layout].heightMm,
  };

  let rows: AssetLabelRow[];
  let total: number;
  let filename: string;
  if (input.assetIds !== undefined) {
    if (input.offset !== undefined)
      throw new AppError('VALIDATION_FAILED', 'offset applies to receiptId only', { field: 'offset' });
    const ids = [...new Set(input.assetIds)];
    if (ids.length === 0) throw new AppError('VALIDATION_FAILED', 'assetIds is empty', { field: 'assetIds' });
    if (ids.length > MAX_LABELS_PER_REQUEST)
      throw new AppError('VALIDATION_FAILED', `At most ${MAX_LABELS_PER_REQUEST} labels per request`, {
        field: 'assetIds',
        max: MAX_LABELS_PER_REQUEST,
      });
    const found = await deps.db.query<AssetLabelRow>(`${ASSET_LABEL_SELECT} WHERE a.id = ANY ($1::uuid[])`, [ids]);
    const byId = new Map(found.map((r) => [r.id, r]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length)
      throw new AppError('REFERENCE_NOT_FOUND', `${missing.length} asset(s) do not exist`, { field: 'assetIds', missing });
    rows = ids.map((id) => byId.get(id)!);
    total = rows.length;
    filename = `labels-${rows.length}.pdf`;
  } else {
    const receiptId = input.receiptId!;
    const [receipt] = await deps.db.query<{ node_id: string; number: string }>(
      "SELECT node_id, number FROM stock_document WHERE id = $1 AND kind = 'receipt'",
      [receiptId],
    );
    if (!receipt) throw notFound('Receipt', receiptId);
    await nodeInScope(deps.db, actor, receipt.node_id, 'stock.read');
    const all = await deps.db.query<AssetLabelRow>(
      `${ASSET_LABEL_SELECT} WHERE a.id IN (SELECT e.asset_id FROM asset_event e WHERE e.document_id = $1 AND e.kind = 'received') ORDER BY a.code`,
      [receiptId],
    );
    if (all.length === 0)
      throw new AppError('UNPROCESSABLE', `Receipt ${receipt.number} created no serialised assets, so it has no labels`, {
        receiptId,
      });
    const offset = input.offset ?? 0;
    if (offset >= all.length)
      throw new AppError('VALIDATION_FAILED', `offset ${offset} is past the last of ${all.length} labels`, {
        field: 'offset',
        total: all.length,
      });
    rows = all.slice(offset, offset + MAX_LABELS_PER_REQUEST);
    total = all.length;
    filename = `labels-${receipt.number}${offset > 0 || all.length > rows.length ? `-${offset + 1}-${offset + rows.length}` : ''}.pdf`;
  }

  for (const row of rows) {
    if (row.node_id && row.node_org_path !== null)
      requireNodeScope(actor, 'stock.read', {
        id: row.node_id,
        organisationPath: row.node_org_path,
        code: row.node_code ?? undefined,
      });
    else if (!isOrganisationInScope(actor, row.asset_org_path))
      throw new AppError('FORBIDDEN_SCOPE', `Asset ${row.code} is outside your scope`, { assetId: row.id });
  }

  const labels: LabelData[] = rows.map((r) => ({
    code: r.code,
    itemNameZh: r.name_zh,
    itemNameEn: r.name_en,
    serialNo: r.serial_no,
    nodeCode: r.node_code,
  }));
  const pdf = await renderLabels(labels, { layout, ...size, font: font(), title: filename.replace(/\.pdf$/, '') });
  return { pdf, count: labels.length, total, filename };
}
