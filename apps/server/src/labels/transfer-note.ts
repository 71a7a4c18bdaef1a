import type { LineItem } from '../ledger/line-references.ts';

/**
 * The transfer note (调拨单 / 调派单): what travels with a transfer on paper — who sends what to whom,
 * unit by unit, with the lines the sender, the carrier and the receiver sign. A pure model here; the
 * PDF is drawn from it by `render-transfer-notes.ts`.
 */

export type NoteNode = { code: string; nameZh: string; nameEn: string; address: string | null };
export type NoteItem = LineItem;

/** A stored transfer line with what the note names it by. */
export type NoteLine = {
  item: NoteItem;
  /** In base units, as stored. */
  qty: number;
  lot: { lotNo: string; expiresOn: string | null } | null;
  asset: { code: string; serialNo: string } | null;
  /** For a sealed module box: what it holds, in units and lines. */
  kit: { lines: number; units: number } | null;
};

export type NoteInput = {
  kind: 'transfer' | 'dispatch';
  number: string;
  state: string;
  reference: string;
  from: NoteNode;
  to: NoteNode;
  lines: readonly NoteLine[];
  createdByName: string;
  createdAt: string;
  meta: Record<string, unknown>;
  /** When the note was printed (ISO). */
  printedAt: string;
};

/** One row of the note's table: an item's units of one lot (or its untracked units), or its serialised units together. */
export type NoteRow = {
  no: number;
  itemCode: string;
  name: string;
  /** Lot number with expiry, or empty. */
  detail: string;
  /** Serialised units: their codes (a sealed module box with what it holds). */
  codes: string[];
  /** In the unit printed (a bulk item's base units divided out). */
  qty: number;
  unit: string;
};

export type TransferNote = {
  title: string;
  number: string;
  /** What the QR code carries: the document number, which the code look-up finds. */
  qrText: string;
  fields: [label: string, value: string][];
  rows: NoteRow[];
  signatures: string[];
  footer: string;
};

export const STATE_ZH: Record<string, string> = {
  draft: '草稿（已预留）',
  picking: '拣货中',
  'in-transit': '在途',
  received: '已收货',
  'partially-received': '部分收货',
  cancelled: '已取消',
};

/** Beijing time, minutes: '2026-11-29 16:05'. */
export function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const nodeText = (n: NoteNode) => `${n.code} ${n.nameZh}${n.address ? `（${n.address}）` : ''}`;

/** Base units in the printed unit, with as many decimals as the base unit has (10 per unit: one). */
export function inUnits(baseUnits: number, perUnit: number): number {
  const decimals = Math.max(0, Math.ceil(Math.log10(perUnit)));
  return Number((baseUnits / perUnit).toFixed(decimals));
}

/** Asset codes listed on one row of the note. */
export const CODES_PER_ROW = 20;

/** The note of one transfer. Lines of one item and lot become one row; serialised units are listed by code on their item's row. */
export function transferNoteModel(input: NoteInput): TransferNote {
  const rows: NoteRow[] = [];
  const byKey = new Map<string, NoteRow>();
  const perUnit = new Map<string, number>();
  for (const line of input.lines) {
    const key = `${line.item.code}|${line.asset ? 'assets' : (line.lot?.lotNo ?? '')}`;
    let row = byKey.get(key);
    if (!row) {
      row = {
        no: 0,
        itemCode: line.item.code,
        name: line.item.nameZh,
        detail: line.lot ? `批号 ${line.lot.lotNo}${line.lot.expiresOn ? `，有效期至 ${line.lot.expiresOn}` : ''}` : '',
        qty: 0,
        unit: line.item.unitZh,
        codes: [] as string[],
      };
      byKey.set(key, row);
      perUnit.set(key, Math.max(1, line.item.baseUnitsPerUnit));
    }
    row.qty += line.qty;
    if (line.asset) {
      const kit = line.kit ? `（封箱：${line.kit.lines} 项 ${line.kit.units} 件）` : '';
      row.codes.push(`${line.asset.code}${kit}`);
    }
  }
  // Serialised units are listed by code, at most CODES_PER_ROW to a row, so that no row outgrows a page.
  let no = 0;
  for (const [key, row] of byKey.entries()) {
    if (row.codes.length === 0) {
      rows.push({ ...row, no: ++no, qty: inUnits(row.qty, perUnit.get(key)!) });
      continue;
    }
    for (let i = 0; i < row.codes.length; i += CODES_PER_ROW) {
      const part = row.codes.slice(i, i + CODES_PER_ROW);
      rows.push({ ...row, no: ++no, codes: part, qty: part.length });
    }
  }
  const meta = input.meta;
  const at = (key: string) => (typeof meta[key] === 'string' ? beijingTime(meta[key] as string) : '');
  const by = (key: string) => (typeof meta[key] === 'string' ? (meta[key] as string) : '');
  const fields: [string, string][] = [
    ['单号 No.', input.number],
    ['状态 State', STATE_ZH[input.state] ?? input.state],
    ['调出 From', nodeText(input.from)],
    ['调入 To', nodeText(input.to)],
    ['制单 Created', `${input.createdByName}  ${beijingTime(input.createdAt)}`],
  ];
  if (input.reference) fields.push(['事由 Reference', input.reference]);
  if (at('shipAt')) fields.push(['发运 Shipped', `${by('shipBy')}  ${at('shipAt')}`]);
  if (at('receivedAt')) fields.push(['收货 Received', `${by('receivedBy')}  ${at('receivedAt')}`]);
  const missing = Array.isArray(meta.missing) ? (meta.missing as { qty?: number }[]) : [];
  const missingUnits = missing.reduce((s, m) => s + (typeof m.qty === 'number' ? m.qty : 0), 0);
  if (missingUnits > 0) fields.push(['短少 Missing', `${missingUnits} 件（见系统记录）`]);
  return {
    title: input.kind === 'dispatch' ? '应急调派单 Dispatch note' : '物资调拨单 Transfer note',
    number: input.number,
    qrText: input.number,
    fields,
    rows,
    signatures: ['发货人 Sender', '承运人 Carrier', '收货人 Receiver'],
    footer: `战勤 Zhanqin · 打印于 ${beijingTime(input.printedAt)}`,
  };
}
