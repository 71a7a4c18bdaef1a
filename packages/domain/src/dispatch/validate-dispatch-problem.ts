import { err, ok, type Result } from '../result.ts';
import type {
  DispatchIncident,
  DispatchProblem,
  DispatchSource,
  ReservePolicy,
} from './dispatch-problem.ts';

export type DispatchProblemIssueCode =
  | 'not-an-object'
  | 'not-an-array'
  | 'not-a-string'
  | 'empty-id'
  | 'duplicate-id'
  | 'not-a-quantity'
  | 'quantity-too-large'
  | 'invalid-minutes'
  | 'invalid-priority'
  | 'invalid-policy'
  | 'unknown-source'
  | 'unknown-incident';

/** One thing wrong with a dispatch problem; `path` points at it like `sources[2].stock.scba`. */
export type DispatchProblemIssue = {
  code: DispatchProblemIssueCode;
  path: string;
  message: string;
};

/**
 * Checks untrusted JSON against the solver contract and returns a clean copy, or every issue found.
 * Never throws, whatever it is given: strings where numbers belong are issues, not exceptions.
 */
export function validateDispatchProblem(input: unknown): Result<DispatchProblem, DispatchProblemIssue[]> {
  const issues: DispatchProblemIssue[] = [];
  const issue = (code: DispatchProblemIssueCode, path: string, message: string): void => {
    issues.push({ code, path, message });
  };

  if (!isRecord(input)) {
    issue('not-an-object', '', 'the problem must be a JSON object');
    return err(issues);
  }

  const sources: DispatchSource[] = [];
  const sourceIds = new Set<string>();
  if (!Array.isArray(input.sources)) {
    issue('not-an-array', 'sources', 'sources must be an array');
  } else {
    input.sources.forEach((raw: unknown, index: number) => {
      const path = `sources[${index}]`;
      if (!isRecord(raw)) {
        issue('not-an-object', path, 'a source must be an object');
        return;
      }
      const id = readId(raw.id, `${path}.id`, sourceIds, issue);
      const source: DispatchSource = { id: id ?? '', stock: {} };
      if (raw.kind !== undefined) {
        if (typeof raw.kind === 'string') source.kind = raw.kind;
        else issue('not-a-string', `${path}.kind`, 'kind must be a string');
      }
      if (raw.leadMinutes !== undefined) {
        if (isMinutes(raw.leadMinutes)) source.leadMinutes = raw.leadMinutes;
        else issue('invalid-minutes', `${path}.leadMinutes`, 'leadMinutes must be a finite number ≥ 0');
      }
      source.stock = readQuantities(raw.stock, `${path}.stock`, issue);
      if (raw.reserve !== undefined) source.reserve = readQuantities(raw.reserve, `${path}.reserve`, issue);
      sources.push(source);
    });
  }

  const incidents: DispatchIncident[] = [];
  const incidentIds = new Set<string>();
  if (!Array.isArray(input.incidents)) {
    issue('not-an-array', 'incidents', 'incidents must be an array');
  } else {
    input.incidents.forEach((raw: unknown, index: number) => {
      const path = `incidents[${index}]`;
      if (!isRecord(raw)) {
        issue('not-an-object', path, 'an incident must be an object');
        return;
      }
      const id = readId(raw.id, `${path}.id`, incidentIds, issue);
      const incident: DispatchIncident = { id: id ?? '', demand: {} };
      if (raw.priority !== undefined) {
        if (typeof raw.priority === 'number' && Number.isSafeInteger(raw.priority) && raw.priority >= 1) {
          incident.priority = raw.priority;
        } else {
          issue('invalid-priority', `${path}.priority`, 'priority must be an integer ≥ 1');
        }
      }
      incident.demand = readQuantities(raw.demand, `${path}.demand`, issue);
      incidents.push(incident);
    });
  }

  const travelMinutes: Record<string, Record<string, number>> = {};
  if (!isRecord(input.travelMinutes)) {
    issue('not-an-object', 'travelMinutes', 'travelMinutes must be an object keyed by source id');
  } else {
    for (const [sourceId, row] of Object.entries(input.travelMinutes)) {
      const rowPath = `travelMinutes.${sourceId}`;
      if (!sourceIds.has(sourceId)) issue('unknown-source', rowPath, `no source has id "${sourceId}"`);
      if (!isRecord(row)) {
        issue('not-an-object', rowPath, 'each travelMinutes row must be an object keyed by incident id');
        continue;
      }
      const clean: Record<string, number> = {};
      for (const [incidentId, minutes] of Object.entries(row)) {
        const path = `${rowPath}.${incidentId}`;
        if (!incidentIds.has(incidentId)) issue('unknown-incident', path, `no incident has id "${incidentId}"`);
        // Unreachable pairs may be written as Infinity, or as null (JSON's rendering of Infinity).
        if (minutes === null || minutes === Number.POSITIVE_INFINITY) continue;
        if (isMinutes(minutes)) clean[incidentId] = minutes;
        else issue('invalid-minutes', path, 'travel minutes must be a number ≥ 0 (Infinity or null = unreachable)');
      }
      defineOwn(travelMinutes, sourceId, clean);
    }
  }

  const problem: DispatchProblem = { sources, incidents, travelMinutes };
  if (input.policy !== undefined) {
    if (!isRecord(input.policy)) {
      issue('invalid-policy', 'policy', 'policy must be an object');
    } else {
      const policy: NonNullable<DispatchProblem['policy']> = {};
      const reserve = input.policy.reserve;
      if (reserve !== undefined) {
        if (reserve === 'hard' || reserve === 'soft') policy.reserve = reserve satisfies ReservePolicy;
        else issue('invalid-policy', 'policy.reserve', "policy.reserve must be 'hard' or 'soft'");
      }
      const penalty = input.policy.reservePenaltyMinutes;
      if (penalty !== undefined) {
        if (isMinutes(penalty)) policy.reservePenaltyMinutes = penalty;
        else issue('invalid-policy', 'policy.reservePenaltyMinutes', 'reservePenaltyMinutes must be a finite number ≥ 0');
      }
      problem.policy = policy;
    }
  }

  // Sums of quantities must stay exact in floating point, or "integer in, integer out" fails.
  for (const [what, totals] of [
    ['stock', sumPerItem(sources.map((s) => s.stock))],
    ['demand', sumPerItem(incidents.map((i) => i.demand))],
  ] as const) {
    for (const [item, total] of totals) {
      if (total > Number.MAX_SAFE_INTEGER) {
        issue('quantity-too-large', `${what}.${item}`, `total ${what} of "${item}" exceeds ${Number.MAX_SAFE_INTEGER}`);
      }
    }
  }

  return issues.length > 0 ? err(issues) : ok(problem);
}

type IssueSink = (code: DispatchProblemIssueCode, path: string, message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function readId(value: unknown, path: string, seen: Set<string>, issue: IssueSink): string | undefined {
  if (typeof value !== 'string') {
    issue('not-a-string', path, 'id must be a string');
    return undefined;
  }
  if (value.length === 0) {
    issue('empty-id', path, 'id must not be empty');
    return undefined;
  }
  if (seen.has(value)) issue('duplicate-id', path, `id "${value}" is used twice`);
  seen.add(value);
  return value;
}

function readQuantities(value: unknown, path: string, issue: IssueSink): Record<string, number> {
  const clean: Record<string, number> = {};
  if (!isRecord(value)) {
    issue('not-an-object', path, 'must be an object of item id → integer quantity');
    return clean;
  }
  for (const [item, qty] of Object.entries(value)) {
    if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < 0) {
      issue('not-a-quantity', `${path}.${item}`, 'quantity must be an integer ≥ 0');
    } else if (qty > Number.MAX_SAFE_INTEGER) {
      issue('quantity-too-large', `${path}.${item}`, `quantity must not exceed ${Number.MAX_SAFE_INTEGER}`);
    } else {
      defineOwn(clean, item, qty);
    }
  }
  return clean;
}

function sumPerItem(records: Record<string, number>[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const record of records) {
    for (const [item, qty] of Object.entries(record)) totals.set(item, (totals.get(item) ?? 0) + qty);
  }
  return totals;
}

/** Item ids are arbitrary strings, `__proto__` included: never assign through the prototype chain. */
function defineOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
