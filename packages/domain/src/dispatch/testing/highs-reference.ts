import type { Highs } from 'highs';
import type { DispatchProblem } from '../dispatch-problem.ts';

/** What the LP reference reports: the optimum's value, not a plan (LP optima need not be unique). */
export type ReferenceOptimum = { deliveredByPriority: Record<string, number>; cost: number };

/** One item's transportation LP, built once so that only the solves are timed in benchmarks. */
export type ReferenceItemModel = {
  numCols: number;
  numRows: number;
  /** Cost per column in the final (minimise cost) solve. */
  cost: Float64Array;
  /** Per priority level (ascending): the level's priority, its row index and its columns' mask. */
  levels: { priority: number; row: number; columns: Uint8Array }[];
  colUpper: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
};

/**
 * Builds the per-item LPs: x[s,t] ≥ 0 per reachable pair, r[s] ∈ [0, floor] per soft floor;
 * Σt x[s,t] − r[s] ≤ stock − floor at each source; Σs x[s,t] ≤ demand at each incident; and one row
 * per priority level summing that level's deliveries (free until the level is solved).
 */
export function buildReferenceModels(problem: DispatchProblem): ReferenceItemModel[] {
  const soft = problem.policy?.reserve === 'soft';
  const penalty = problem.policy?.reservePenaltyMinutes ?? 120;
  const get = (record: Record<string, number> | undefined, key: string): number =>
    record !== undefined && Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;
  const items = new Set<string>();
  for (const incident of problem.incidents)
    for (const [item, qty] of Object.entries(incident.demand)) if (qty > 0) items.add(item);

  const models: ReferenceItemModel[] = [];
  for (const item of items) {
    const incidents = problem.incidents.filter((i) => get(i.demand, item) > 0);
    const priorities = [...new Set(incidents.map((i) => i.priority ?? 3))].sort((a, b) => a - b);
    const sources = problem.sources.filter((s) => get(s.stock, item) > 0);
    const rowOfIncident = new Map(incidents.map((incident, index) => [incident.id, sources.length + index]));
    const levelRow = (priority: number): number => sources.length + incidents.length + priorities.indexOf(priority);
    const numRows = sources.length + incidents.length + priorities.length;
    const rowUpper = new Float64Array(numRows).fill(Number.POSITIVE_INFINITY);
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const cost: number[] = [];
    const colUpper: number[] = [];
    const colPriority: number[] = [];
    sources.forEach((source, si) => {
      const stock = get(source.stock, item);
      const floorUnits = Math.min(get(source.reserve, item), stock);
      rowUpper[si] = stock - floorUnits;
      const row = problem.travelMinutes[source.id];
      for (const incident of incidents) {
        const travel = row !== undefined && Object.hasOwn(row, incident.id) ? row[incident.id] : undefined;
        if (typeof travel !== 'number' || !Number.isFinite(travel) || travel < 0) continue;
        const priority = incident.priority ?? 3;
        indices.push(si, rowOfIncident.get(incident.id)!, levelRow(priority));
        values.push(1, 1, 1);
        starts.push(indices.length);
        cost.push((source.leadMinutes ?? 0) + travel);
        colUpper.push(Number.POSITIVE_INFINITY);
        colPriority.push(priority);
      }
      if (soft && floorUnits > 0) {
        indices.push(si);
        values.push(-1);
        starts.push(indices.length);
        cost.push(penalty);
        colUpper.push(floorUnits);
        colPriority.push(0);
      }
    });
    incidents.forEach((incident, index) => {
      rowUpper[sources.length + index] = get(incident.demand, item);
    });
    models.push({
      numCols: cost.length,
      numRows,
      cost: Float64Array.from(cost),
      levels: priorities.map((priority) => ({
        priority,
        row: levelRow(priority),
        columns: Uint8Array.from(colPriority.map((p) => (p === priority ? 1 : 0))),
      })),
      colUpper: Float64Array.from(colUpper),
      rowUpper,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    });
  }
  return models;
}

/**
 * Solves the models lexicographically with HiGHS (matrix API, one persistent model per item):
 * per priority level maximise that level's deliveries and fix the result as a lower bound on its
 * row; then minimise cost. Transportation LPs have integral vertices, so the levels are rounded.
 */
export function solveReferenceModels(highs: Highs, models: ReferenceItemModel[]): ReferenceOptimum {
  const deliveredByPriority: Record<string, number> = {};
  let cost = 0;
  for (const m of models) {
    for (const level of m.levels) deliveredByPriority[String(level.priority)] ??= 0;
    if (m.numCols === 0) continue;
    const model = highs.createModel({
      numCols: m.numCols,
      numRows: m.numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: new Float64Array(m.numCols),
      colLower: new Float64Array(m.numCols),
      colUpper: m.colUpper,
      rowLower: new Float64Array(m.numRows).fill(-highs.infinity),
      rowUpper: m.rowUpper.map((v) => (Number.isFinite(v) ? v : highs.infinity)),
      matrix: { format: 'csc', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    });
    try {
      model.options.set({ output_flag: false });
      const all = { kind: 'range', from: 0, to: m.numCols - 1 } as const;
      for (const level of m.levels) {
        model.changeColsCost(all, Float64Array.from(level.columns));
        model.run();
        if (model.getModelStatus() !== highs.constants.modelStatus.optimal)
          throw new Error(`HiGHS status ${model.getModelStatus()}`);
        const delivered = Math.round(model.getObjectiveValue());
        deliveredByPriority[String(level.priority)] = (deliveredByPriority[String(level.priority)] ?? 0) + delivered;
        model.changeRowBounds(level.row, delivered, highs.infinity);
      }
      model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
      model.changeColsCost(all, m.cost);
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal)
        throw new Error(`HiGHS status ${model.getModelStatus()}`);
      cost += model.getObjectiveValue();
    } finally {
      model.dispose();
    }
  }
  return { deliveredByPriority, cost };
}

/** Builds and solves in one call, for tests. */
export function solveWithHighs(highs: Highs, problem: DispatchProblem): ReferenceOptimum {
  const optimum = solveReferenceModels(highs, buildReferenceModels(problem));
  for (const incident of problem.incidents) optimum.deliveredByPriority[String(incident.priority ?? 3)] ??= 0;
  return optimum;
}
