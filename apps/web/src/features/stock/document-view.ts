/** Stock documents found by their number (a scanned transfer note): what they are and where they lead. */
import { actionsFor, transfersPath, type TransferAction } from './transfer-view.ts';

/** Document kinds that move stock between nodes along the transfer state machine and print a transfer note. */
const TRANSFER_LIKE = new Set(['transfer', 'dispatch']);

/** Whether the document follows the transfer states and has a transfer note (调拨单) to print. */
export const isTransferLike = (kind: string): boolean => TRANSFER_LIKE.has(kind);

/**
 * The page listing documents of this kind (`name` picks its link text); undefined where no page lists
 * them. A transfer opens the transfers list filtered to its number, so its row is the one shown.
 */
export function documentPageOf(doc: {
  kind: string;
  number: string;
}): { path: string; name: 'transfers' | 'dispatch' } | undefined {
  if (doc.kind === 'transfer') return { path: transfersPath({ number: doc.number }), name: 'transfers' };
  if (doc.kind === 'dispatch') return { path: '/dispatch', name: 'dispatch' };
  return undefined;
}

/**
 * What the document card offers to do with a scanned document: a transfer or dispatch moves along the
 * transfer state machine (the same actions as its row in the list); other documents offer none here.
 */
export function documentActionsOf(doc: { kind: string; state: string }): TransferAction[] {
  return isTransferLike(doc.kind) ? actionsFor(doc.state) : [];
}
