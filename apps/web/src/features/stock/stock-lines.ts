/** The lines of a multi-line stock form (transfer, write-off): what choosing an item, a unit or a removal does to them. Pure, tested. */
import type { Item } from '@zhanqin/contracts';
import type { StockUnit } from './stock-unit.ts';

/** One line being drafted: an item, how many of it, and the lot or asset it draws on when one is named. */
export type StockLine = {
  /** React key; unique within the list, never reused while the form is open */
  key: string;
  item?: Item;
  /** Whole units; null while the field is empty */
  qty: number | null;
  /** Without one the server chooses (first-expiry-first-out for lots, by code for assets). */
  unit?: StockUnit;
};

/** A new line: no item yet, one unit. */
export function blankLine(key: string): StockLine {
  return { key, qty: 1 };
}

/** Applies a change to the line with `key`; the other lines are left as they are. */
export function changeLine(lines: readonly StockLine[], key: string, change: Partial<Omit<StockLine, 'key'>>): StockLine[] {
  return lines.map((line) => (line.key === key ? { ...line, ...change } : line));
}

/** Another item drops the unit, which belonged to the item chosen before. */
export function itemChange(item: Item | undefined): Pick<StockLine, 'item' | 'unit'> {
  return { item, unit: undefined };
}

/** A named asset is one unit, so choosing one sets the quantity to 1; a lot leaves it as typed. */
export function unitChange(unit: StockUnit | undefined): Pick<StockLine, 'unit' | 'qty'> | Pick<StockLine, 'unit'> {
  return unit?.kind === 'asset' ? { unit, qty: 1 } : { unit };
}

/** Removes the line with `key`, except the last one: a form always keeps one line to fill in. */
export function removeLine(lines: readonly StockLine[], key: string): StockLine[] {
  return lines.length > 1 ? lines.filter((line) => line.key !== key) : [...lines];
}
