/** Document filters: what the lists send to GET /documents and the register export (单据台账) to GET /exports/documents.xlsx. */

/** The filters a document list and the register share; paging belongs to the list alone. */
export type DocumentFilter = {
  kind?: string;
  state?: string;
  nodeId?: string;
  /** a document number or its beginning */
  number?: string;
  /** created on or after this day, `YYYY-MM-DD` (a Beijing day on the server) */
  createdFrom?: string;
  /** created on or before this day, `YYYY-MM-DD` (a Beijing day on the server) */
  createdTo?: string;
};

/** The created-day filter of two ends, `YYYY-MM-DD` or open (left out); ends the wrong way round are swapped. */
function createdDays(from: string | undefined, to: string | undefined): Pick<DocumentFilter, 'createdFrom' | 'createdTo'> {
  const [first, last] = from && to && from > to ? [to, from] : [from, to];
  return { ...(first ? { createdFrom: first } : {}), ...(last ? { createdTo: last } : {}) };
}

/** One end of a picked day range: a dayjs value as antd's RangePicker gives it, or nothing for an open end. */
type PickedDay = { format: (template: string) => string } | null | undefined;

/**
 * The created-day filter of a day range picked in the calendar: each end is the day as picked,
 * `YYYY-MM-DD`, which the server reads as a Beijing day (the days the documents are dated by), whatever
 * the browser's time zone. An open end is left out; ends given the wrong way round are swapped.
 */
export function createdDaysOf(
  range: readonly [PickedDay, PickedDay] | null | undefined,
): Pick<DocumentFilter, 'createdFrom' | 'createdTo'> {
  const [from, to] = (range ?? [undefined, undefined]).map((day) => day?.format('YYYY-MM-DD') || undefined);
  return createdDays(from, to);
}

/** A calendar day written `YYYY-MM-DD` that exists (no 31 April). */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The created-day filter kept in a list's address (`createdFrom`, `createdTo`), as `createdDaysOf`
 * gives it: a day that is not a calendar day `YYYY-MM-DD` (a mistyped or cut link) is left out rather
 * than sent, and ends given the wrong way round are swapped.
 */
export function createdDaysIn(query: URLSearchParams): Pick<DocumentFilter, 'createdFrom' | 'createdTo'> {
  const [from, to] = (['createdFrom', 'createdTo'] as const).map((key) => {
    const day = query.get(key)?.trim();
    return day && isDay(day) ? day : undefined;
  });
  return createdDays(from, to);
}

/**
 * The transfers list's filters as a document query (kind `transfer`), without paging: the list adds
 * its page, the register export takes it as it is. Blank filters are left out.
 */
export function transferFilterOf(ui: {
  state?: string | undefined;
  nodeId?: string | undefined;
  number?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
}): DocumentFilter {
  const filter: DocumentFilter = { kind: 'transfer' };
  for (const key of ['state', 'nodeId', 'number', 'createdFrom', 'createdTo'] as const) {
    const value = ui[key]?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}
