export * from './geo.ts';
export * from './road-graph.ts';
export * from './travel-minutes.ts';
export { buildVertexGrid, nearestVertex, type NearestVertex, type VertexGrid } from './vertex-grid.ts';
