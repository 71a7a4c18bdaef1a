import type { Node } from '@zhanqin/contracts';
import { listNodes } from '../../nodes/api/nodes.api.ts';

const PAGE = 500;

/** Every node the user may see, 500 per request (the API's page limit). */
export async function listAllNodes(signal?: AbortSignal): Promise<Node[]> {
  const nodes: Node[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listNodes({ limit: PAGE, offset, sort: 'code', order: 'asc' }, signal);
    nodes.push(...page.items);
    if (page.items.length < PAGE || nodes.length >= page.total) return nodes;
  }
}
