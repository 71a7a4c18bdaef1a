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
  const [first, last] = from && to && from > to ? [to, from] : [from, to];
  return { ...(first ? { createdFrom: first } : {}), ...(last ? { createdTo: last } : {}) };
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
