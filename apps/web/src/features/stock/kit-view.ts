/** Kits (模块封箱): packing list against free stock, the pack request, box tags and content states. Pure, tested. */
import type { KitPack, KitSummary, ModuleKit } from '@zhanqin/contracts';
import type { AssetEvent } from './asset-view.ts';

/** The module whose packing list a kit item packs: the module naming that kit item. */
export function moduleOfKitItem<M extends Pick<ModuleKit, 'code' | 'kitItemId'>>(
  modules: readonly M[],
  kitItem: { id: string; code: string },
): M | undefined {
  return modules.find((m) => m.kitItemId === kitItem.id);
}

/** A line to pack: what the list (or the user) asks for and what the node can give to a kit. */
export type PackRow = {
  itemId: string;
  itemCode: string;
  /** units to pack on this line */
  qty: number;
  /** units free to pack at the node (dispatchable: not reserved, quarantined, expired or failed); undefined while loading */
  free: number | undefined;
  /** qty − free when positive, else 0 (0 while the free figure is unknown) */
  short: number;
};

/** Each line with the node's free stock beside it, short lines marked. */
export function packRows(
  lines: readonly { itemId: string; itemCode: string; qty: number }[],
  freeByItem: ReadonlyMap<string, number>,
): PackRow[] {
  return lines.map((l) => {
    const free = freeByItem.get(l.itemId);
    return {
      itemId: l.itemId,
      itemCode: l.itemCode,
      qty: l.qty,
      free,
      short: free === undefined ? 0 : Math.max(0, l.qty - free),
    };
  });
}

export type PackDraft = {
  nodeId?: string;
  kitItemId?: string;
  /** 'list': the server packs the module's packing list; 'lines': the rows below as edited */
  mode: 'list' | 'lines';
  rows: readonly Pick<PackRow, 'itemId' | 'qty' | 'short'>[];
  serial: string;
  /** the kit item has a packing list on the server */
  hasPackingList: boolean;
};
export type PackProblem = 'node' | 'kit' | 'no-list' | 'lines' | 'qty' | 'short' | 'twice';

/** What stops a pack from posting (the server checks stock again and answers 409 if it moved meanwhile). */
export function packProblems(d: PackDraft): PackProblem[] {
  const problems: PackProblem[] = [];
  if (!d.nodeId) problems.push('node');
  if (!d.kitItemId) problems.push('kit');
  if (d.mode === 'list') {
    if (d.kitItemId && !d.hasPackingList) problems.push('no-list');
  } else {
    const packed = d.rows.filter((r) => r.qty > 0);
    if (!packed.length) problems.push('lines');
    if (d.rows.some((r) => !Number.isInteger(r.qty) || r.qty < 0)) problems.push('qty');
    if (new Set(packed.map((r) => r.itemId)).size !== packed.length) problems.push('twice');
  }
  if (d.rows.some((r) => r.qty > 0 && r.short > 0)) problems.push('short');
  return problems;
}

/** The body of POST /kits/pack: no lines packs the packing list, lots first-expiry-first-out. */
export function toPackBody(d: PackDraft): KitPack {
  const serial = d.serial.trim();
  return {
    nodeId: d.nodeId ?? '',
    kitItemId: d.kitItemId ?? '',
    ...(serial ? { serial } : {}),
    ...(d.mode === 'lines' ? { lines: d.rows.filter((r) => r.qty > 0).map((r) => ({ itemId: r.itemId, qty: r.qty })) } : {}),
  };
}

/** The box a pack document created, from its meta. */
export function packedBoxOf(meta: unknown): { assetId: string; code: string } | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  const { kitAssetId, kitAssetCode } = meta as { kitAssetId?: unknown; kitAssetCode?: unknown };
  return typeof kitAssetId === 'string' && typeof kitAssetCode === 'string'
    ? { assetId: kitAssetId, code: kitAssetCode }
    : undefined;
}

/** Boxes needing attention first, then incomplete ones, then by earliest date inside, then by code. */
export function sortKits<
  K extends Pick<KitSummary, 'code' | 'complete' | 'needsAttention' | 'earliestExpiry' | 'earliestInspectionDue'>,
>(kits: readonly K[]): K[] {
  const firstDate = (k: K) =>
    [k.earliestExpiry, k.earliestInspectionDue].filter((d): d is string => d !== null).sort()[0] ?? '9999-12-31';
  return [...kits].sort(
    (a, b) =>
      Number(b.needsAttention) - Number(a.needsAttention) ||
      Number(a.complete) - Number(b.complete) ||
      firstDate(a).localeCompare(firstDate(b)) ||
      a.code.localeCompare(b.code),
  );
}

export type DateState = 'none' | 'past' | 'soon' | 'ok';

/** Where a date inside a box stands on `today` (both 'YYYY-MM-DD'): past, within `soonDays`, or later. */
export function dateState(date: string | null, today: string, soonDays = 30): DateState {
  const day = date?.slice(0, 10);
  if (!day) return 'none';
  if (day < today) return 'past';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return day <= soon.toISOString().slice(0, 10) ? 'soon' : 'ok';
}

/** How an asset relates to kits, read from its history: the box itself, or a unit packed inside one. */
export type KitRelation =
  { role: 'box'; kitAssetId: string; packed: boolean } | { role: 'content'; kitAssetId: string; kitCode: string };

const detailOf = (details: unknown, key: string): unknown =>
  typeof details === 'object' && details !== null ? (details as Record<string, unknown>)[key] : undefined;

/**
 * The asset's kit: a box carries 'packed' (and later 'unpacked') events of its own; a unit inside one
 * has a 'packed' event naming the box (kitAssetId) that no later 'unpacked' event has undone.
 */
export function kitRelationOf(assetId: string, history: readonly AssetEvent[]): KitRelation | undefined {
  const events = history
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.kind === 'packed' || e.kind === 'unpacked')
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.index - b.index)
    .map(({ e }) => e);
  const isContentEvent = (e: AssetEvent) => typeof detailOf(e.details, 'kitAssetId') === 'string';
  const own = events.filter((e) => !isContentEvent(e));
  if (own.length) return { role: 'box', kitAssetId: assetId, packed: own.at(-1)!.kind === 'packed' };
  const last = events.at(-1);
  if (!last || last.kind !== 'packed') return undefined;
  const kitAssetId = detailOf(last.details, 'kitAssetId') as string;
  const kitCode = detailOf(last.details, 'kit');
  return { role: 'content', kitAssetId, kitCode: typeof kitCode === 'string' ? kitCode : kitAssetId };
}
