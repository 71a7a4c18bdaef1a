import type { Node, NodeType } from '@zhanqin/contracts';
import { NODE_TYPE_ORDER } from '../nodes/node-styles.ts';

export type NetworkSummary = {
  /** Support bases — the "1". */
  base: number;
  /** Fire-station sub-warehouses — the "8". */
  subWarehouses: number;
  /** Every other node — the "N". */
  others: number;
  total: number;
  demo: number;
  byType: Record<NodeType, number>;
};

/** Counts the 1, the 8 and the N of a node list; closed nodes count too (they are still on the map). */
export function summariseNetwork(nodes: readonly Pick<Node, 'type' | 'isDemo'>[]): NetworkSummary {
  const byType = Object.fromEntries(NODE_TYPE_ORDER.map((type) => [type, 0])) as Record<NodeType, number>;
  let demo = 0;
  for (const node of nodes) {
    byType[node.type] = (byType[node.type] ?? 0) + 1;
    if (node.isDemo) demo += 1;
  }
  const base = byType.base;
  const subWarehouses = byType['sub-warehouse'];
  return { base, subWarehouses, others: nodes.length - base - subWarehouses, total: nodes.length, demo, byType };
}
