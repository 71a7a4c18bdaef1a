import {
  DEFAULT_PRIORITY,
  DEFAULT_RESERVE_PENALTY_MINUTES,
  type DispatchPlan,
  type DispatchProblem,
} from './dispatch-problem.ts';

/**
 * Lists every way a plan breaks the contract for its problem — an empty list means feasible and
 * self-consistent. Written independently of the solver (no shared helpers) so tests can trust it.
 */
export function checkDispatchPlan(problem: DispatchProblem, plan: DispatchPlan): string[] {
  const problems: string[] = [];
  const soft = problem.policy?.reserve === 'soft';
  const penalty = problem.policy?.reservePenaltyMinutes ?? DEFAULT_RESERVE_PENALTY_MINUTES;
  const sources = new Map(problem.sources.map((s) => [s.id, s]));
  const incidents = new Map(problem.incidents.map((i) => [i.id, i]));
  const get = (record: Record<string, number> | undefined, key: string): number =>
    record !== undefined && Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;

  const sent = new Map<string, { qty: number; fromReserve: number }>();
  const received = new Map<string, number>();
  const seenLines = new Set<string>();
  let unitMinutes = 0;
  let reserveUnits = 0;
  for (const [index, line] of plan.lines.entries()) {
    const where = `line ${index} (${line.source}→${line.incident} ${line.item})`;
    const source = sources.get(line.source);
    const incident = incidents.get(line.incident);
    if (source === undefined || incident === undefined) {
      problems.push(`${where}: unknown source or incident`);
      continue;
    }
    if (!Number.isSafeInteger(line.qty) || line.qty <= 0) problems.push(`${where}: qty ${line.qty} is not an integer > 0`);
    if (!Number.isSafeInteger(line.fromReserve) || line.fromReserve < 0 || line.fromReserve > line.qty) {
      problems.push(`${where}: fromReserve ${line.fromReserve} out of range`);
    }
    const lineKey = `${line.source}\u0000${line.incident}\u0000${line.item}`;
    if (seenLines.has(lineKey)) problems.push(`${where}: duplicate line`);
    seenLines.add(lineKey);
    const row = Object.hasOwn(problem.travelMinutes, line.source) ? problem.travelMinutes[line.source] : undefined;
    const travel = row !== undefined && Object.hasOwn(row, line.incident) ? row[line.incident] : undefined;
    if (typeof travel !== 'number' || !Number.isFinite(travel) || travel < 0) {
      problems.push(`${where}: pair is unreachable`);
    } else if (line.minutes !== (source.leadMinutes ?? 0) + travel) {
      problems.push(`${where}: minutes ${line.minutes} ≠ lead + travel`);
    }
    const sk = `${line.source}\u0000${line.item}`;
    const s = sent.get(sk) ?? { qty: 0, fromReserve: 0 };
    s.qty += line.qty;
    s.fromReserve += line.fromReserve;
    sent.set(sk, s);
    const ik = `${line.incident}\u0000${line.item}`;
    received.set(ik, (received.get(ik) ?? 0) + line.qty);
    unitMinutes += line.qty * line.minutes;
    reserveUnits += line.fromReserve;
  }

  for (const [key, { qty, fromReserve }] of sent) {
    const [sourceId = '', item = ''] = key.split('\u0000');
    const source = sources.get(sourceId);
    const stock = get(source?.stock, item);
    const floorUnits = Math.min(get(source?.reserve, item), stock);
    const limit = soft ? stock : stock - floorUnits;
    if (qty > limit) problems.push(`${sourceId} ${item}: sends ${qty} > releasable ${limit}`);
    const expected = Math.max(0, qty - (stock - floorUnits));
    if (fromReserve !== expected) problems.push(`${sourceId} ${item}: fromReserve ${fromReserve} ≠ ${expected}`);
  }

  const deliveredByPriority: Record<string, number> = {};
  const expectedShortfalls = new Map<string, number>();
  for (const incident of problem.incidents) {
    const key = String(incident.priority ?? DEFAULT_PRIORITY);
    deliveredByPriority[key] ??= 0;
    for (const [item, wanted] of Object.entries(incident.demand)) {
      const got = received.get(`${incident.id}\u0000${item}`) ?? 0;
      if (got > wanted) problems.push(`${incident.id} ${item}: receives ${got} > demand ${wanted}`);
      deliveredByPriority[key] += got;
      if (got < wanted) expectedShortfalls.set(`${incident.id}\u0000${item}`, wanted - got);
    }
  }
  for (const [key, qty] of received) {
    const [incidentId = '', item = ''] = key.split('\u0000');
    if (get(incidents.get(incidentId)?.demand, item) === 0 && qty > 0) problems.push(`${incidentId} ${item}: nothing was wanted`);
  }
  const reported = new Map(plan.shortfalls.map((s) => [`${s.incident}\u0000${s.item}`, s.qty]));
  if (reported.size !== plan.shortfalls.length) problems.push('duplicate shortfall');
  for (const [key, qty] of expectedShortfalls) {
    if (reported.get(key) !== qty)
      problems.push(`shortfall ${key.replace('\u0000', ' ')}: expected ${qty}, got ${reported.get(key)}`);
  }
  for (const key of reported.keys())
    if (!expectedShortfalls.has(key)) problems.push(`shortfall ${key.replace('\u0000', ' ')} is not short`);

  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const objective = plan.objective;
  if (JSON.stringify(sortKeys(objective.deliveredByPriority)) !== JSON.stringify(sortKeys(deliveredByPriority))) {
    problems.push(
      `deliveredByPriority ${JSON.stringify(objective.deliveredByPriority)} ≠ ${JSON.stringify(deliveredByPriority)}`,
    );
  }
  if (!close(objective.unitMinutes, unitMinutes)) problems.push(`unitMinutes ${objective.unitMinutes} ≠ ${unitMinutes}`);
  if (objective.reserveUnits !== reserveUnits) problems.push(`reserveUnits ${objective.reserveUnits} ≠ ${reserveUnits}`);
  const cost = unitMinutes + (soft ? reserveUnits * penalty : 0);
  if (!close(objective.cost, cost)) problems.push(`cost ${objective.cost} ≠ ${cost}`);
  return problems;
}

function sortKeys(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
