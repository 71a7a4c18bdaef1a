/** Stock documents found by their number (a scanned transfer note): what they are and where they lead. */

/** Document kinds that move stock between nodes along the transfer state machine and print a transfer note. */
const TRANSFER_LIKE = new Set(['transfer', 'dispatch']);

/** Whether the document follows the transfer states and has a transfer note (调拨单) to print. */
export const isTransferLike = (kind: string): boolean => TRANSFER_LIKE.has(kind);

/** The page listing documents of this kind (`name` picks its link text); undefined where no page lists them. */
export function documentPageOf(kind: string): { path: string; name: 'transfers' | 'dispatch' } | undefined {
  if (kind === 'transfer') return { path: '/stock/transfers', name: 'transfers' };
  if (kind === 'dispatch') return { path: '/dispatch', name: 'dispatch' };
  return undefined;
}
