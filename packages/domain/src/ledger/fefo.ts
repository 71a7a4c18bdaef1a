/** A lot with free units at a node. `expiresOn` is 'YYYY-MM-DD' or null (no expiry: picked last). */
export type LotStock = { lotId: string; lotNo: string; expiresOn: string | null; available: number };

export type Pick = { lotId: string; lotNo: string; qty: number; expiresOn: string | null };

/** True when a lot has expired on `today` (both 'YYYY-MM-DD'): a lot expiring today is still usable today. */
export const isExpired = (expiresOn: string | null, today: string): boolean => expiresOn !== null && expiresOn < today;

/**
 * First-expiry-first-out: takes `qty` from the lots that expire soonest, skipping expired ones;
 * ties by lot number. Returns the picks and how much could not be covered.
 */
export function pickFefo(lots: readonly LotStock[], qty: number, today: string): { picks: Pick[]; short: number } {
  const usable = lots
    .filter((l) => l.available > 0 && !isExpired(l.expiresOn, today))
    .sort((a, b) => {
      if (a.expiresOn !== b.expiresOn) {
        if (a.expiresOn === null) return 1;
        if (b.expiresOn === null) return -1;
        return a.expiresOn < b.expiresOn ? -1 : 1;
      }
      return a.lotNo < b.lotNo ? -1 : a.lotNo > b.lotNo ? 1 : 0;
    });
  const picks: Pick[] = [];
  let need = qty;
  for (const lot of usable) {
    if (need <= 0) break;
    const take = Math.min(need, lot.available);
    picks.push({ lotId: lot.lotId, lotNo: lot.lotNo, qty: take, expiresOn: lot.expiresOn });
    need -= take;
  }
  return { picks, short: need };
}
