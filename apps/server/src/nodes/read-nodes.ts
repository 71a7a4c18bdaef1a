import type { NodeListQuery } from '@zhanqin/contracts';
import { isNodeInScope, requireAction, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/app-error.ts';
import { findNode, listNodes, type NodeRecord } from './nodes.repository.ts';

/** Lists the nodes the actor may see, with filters, sort and paging. */
export async function listVisibleNodes(deps: Pick<Deps, 'db'>, actor: Actor, query: NodeListQuery) {
  requireAction(actor, 'network.read');
  return listNodes(
    deps.db,
    query,
    actor.unrestricted ? null : { organisationPaths: actor.organisationPaths, nodeIds: actor.nodeIds },
  );
}

/** One node; a node outside the actor's scope answers as if it did not exist. */
export async function getVisibleNode(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<NodeRecord> {
  requireAction(actor, 'network.read');
  const node = await findNode(deps.db, id);
  if (!node || !isNodeInScope(actor, node)) throw notFound('Node', id);
  return node;
}
