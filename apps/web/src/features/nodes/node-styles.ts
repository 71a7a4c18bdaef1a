import type { NodeType } from '@zhanqin/contracts';

/** Node types in display order (1, 8, then N). Mirrors NODE_TYPES of the contracts (a type-only import keeps the build free of typebox). */
export const NODE_TYPE_ORDER: readonly NodeType[] = [
  'base',
  'sub-warehouse',
  'station',
  'micro-station',
  'partner',
  'vehicle',
  'staging',
];

const STAR = 'path://M50 0 L61.8 35.1 L100 38.2 L69.1 61.8 L79.4 100 L50 78 L20.6 100 L30.9 61.8 L0 38.2 L38.2 35.1 Z';

/**
 * Every node type has its own marker shape AND colour, so the map stays readable in grey print
 * and for colour-blind readers (Okabe–Ito palette).
 */
export const NODE_TYPE_STYLE: Record<NodeType, { symbol: string; color: string; size: number }> = {
  base: { symbol: STAR, color: '#D55E00', size: 26 },
  'sub-warehouse': { symbol: 'rect', color: '#0072B2', size: 15 },
  station: { symbol: 'circle', color: '#009E73', size: 12 },
  'micro-station': { symbol: 'triangle', color: '#56B4E9', size: 13 },
  partner: { symbol: 'diamond', color: '#E69F00', size: 15 },
  vehicle: { symbol: 'roundRect', color: '#CC79A7', size: 12 },
  staging: { symbol: 'pin', color: '#4D4D4D', size: 20 },
};
