import type { Node, NodeCreate, NodeType, NodeUpdate } from '@zhanqin/contracts';
import { api, type PageOf } from '../../../lib/api-client.ts';

export type NodeSort = 'code' | 'nameZh' | 'nameEn' | 'type' | 'createdAt';

export type NodeFilter = {
  limit: number;
  offset: number;
  sort?: NodeSort;
  order?: 'asc' | 'desc';
  type?: NodeType;
  status?: 'open' | 'closed';
  organisationId?: string;
  q?: string;
};

export function listNodes(filter: NodeFilter, signal?: AbortSignal): Promise<PageOf<Node>> {
  return api.get<PageOf<Node>>('/nodes', filter, signal);
}

export function createNode(body: NodeCreate): Promise<Node> {
  return api.post<Node>('/nodes', body);
}

export function updateNode(id: string, body: NodeUpdate): Promise<Node> {
  return api.patch<Node>(`/nodes/${encodeURIComponent(id)}`, body);
}
