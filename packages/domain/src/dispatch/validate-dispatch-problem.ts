import { err, ok, type Result } from '../result.ts';
import type { DispatchProblem, ReservePolicy } from './dispatch-problem.ts';

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
 * Checks untrusted JSON against the solver contract and returns it typed, or every issue found.
 * Never throws, whatever it is given: strings where numbers belong are issues, not exceptions.
 * Nothing is copied (the solver's time budget is milliseconds): unknown extra fields are left in
 * place and ignored by the solver.
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

  const stockTotals = new Map<string, number>();
  const demandTotals = new Map<string, number>();
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
      readId(raw.id, `${path}.id`, sourceIds, issue);
      if (raw.kind !== undefined && typeof raw.kind !== 'string') issue('not-a-string', `${path}.kind`, 'kind must be a string');
      if (raw.leadMinutes !== undefined && !isMinutes(raw.leadMinutes)) {
        issue('invalid-minutes', `${path}.leadMinutes`, 'leadMinutes must be a finite number ≥ 0');
      }
      checkQuantities(raw.stock, `${path}.stock`, issue, stockTotals);
      if (raw.reserve !== undefined) checkQuantities(raw.reserve, `${path}.reserve`, issue, undefined);
    });
  }

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
      readId(raw.id, `${path}.id`, incidentIds, issue);
      const priority = raw.priority;
      if (priority !== undefined && !(typeof priority === 'number' && Number.isSafeInteger(priority) && priority >= 1)) {
        issue('invalid-priority', `${path}.priority`, 'priority must be an integer ≥ 1');
      }
      checkQuantities(raw.demand, `${path}.demand`, issue, demandTotals);
    });
  }

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
      for (const [incidentId, minutes] of Object.entries(row)) {
        const path = `${rowPath}.${incidentId}`;
        if (!incidentIds.has(incidentId)) issue('unknown-incident', path, `no incident has id "${incidentId}"`);
        // Unreachable pairs may be written as Infinity, or as null (JSON's rendering of Infinity).
        if (minutes === null || minutes === Number.POSITIVE_INFINITY) continue;
        if (!isMinutes(minutes))
          issue('invalid-minutes', path, 'travel minutes must be a number ≥ 0 (Infinity or null = unreachable)');
      }
    }
  }

  if (input.policy !== undefined) {
    if (!isRecord(input.policy)) {
      issue('invalid-policy', 'policy', 'policy must be an object');
    } else {
      const reserve: unknown = input.policy.reserve;
      if (reserve !== undefined && reserve !== ('hard' satisfies ReservePolicy) && reserve !== ('soft' satisfies ReservePolicy)) {
        issue('invalid-policy', 'policy.reserve', "policy.reserve must be 'hard' or 'soft'");
      }
      const penalty = input.policy.reservePenaltyMinutes;
      if (penalty !== undefined && !isMinutes(penalty)) {
        issue('invalid-policy', 'policy.reservePenaltyMinutes', 'reservePenaltyMinutes must be a finite number ≥ 0');
      }
    }
  }

  // Sums of quantities must stay exact in floating point, or "integer in, integer out" fails.
  for (const [what, totals] of [
    ['stock', stockTotals],
    ['demand', demandTotals],
  ] as const) {
    for (const [item, total] of totals) {
      if (total > Number.MAX_SAFE_INTEGER) {
        issue('quantity-too-large', `${what}.${item}`, `total ${what} of "${item}" exceeds ${Number.MAX_SAFE_INTEGER}`);
      }
    }
  }

  // Every field the solver reads has been checked above; that is what makes this cast sound.
  return issues.length > 0 ? err(issues) : ok(input as DispatchProblem);
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

function checkQuantities(value: unknown, path: string, issue: IssueSink, totals: Map<string, number> | undefined): void {
  if (!isRecord(value)) {
    issue('not-an-object', path, 'must be an object of item id → integer quantity');
    return;
  }
  for (const item in value) {
    if (!Object.hasOwn(value, item)) continue;
    const qty = value[item];
    if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < 0) {
      issue('not-a-quantity', `${path}.${item}`, 'quantity must be an integer ≥ 0');
    } else if (qty > Number.MAX_SAFE_INTEGER) {
      issue('quantity-too-large', `${path}.${item}`, `quantity must not exceed ${Number.MAX_SAFE_INTEGER}`);
    } else if (totals !== undefined && qty > 0) {
      totals.set(item, (totals.get(item) ?? 0) + qty);
    }
  }
}
