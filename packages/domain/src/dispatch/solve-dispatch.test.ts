import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDispatchPlan } from './check-dispatch-plan.ts';
import type { DispatchPlan, DispatchProblem } from './dispatch-problem.ts';
import { explainDispatchPlan, solveDispatchExplained } from './explain-dispatch-plan.ts';
import { InvalidDispatchProblemError, solveDispatch, trySolveDispatch } from './solve-dispatch.ts';
import { createRandom, generateAdversarialProblem } from './testing/generate-problem.ts';
import { validateDispatchProblem } from './validate-dispatch-problem.ts';

type Golden = {
  description: string;
  problem: DispatchProblem;
  expected: DispatchPlan;
  expectedReasons: { lines: string[]; shortfalls: string[] };
};

const fixturesDir = new URL('./fixtures/', import.meta.url);
const goldens = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8')) as Golden] as const);

describe('solveDispatch on the Liupanshui demo scenarios', () => {
  it('has the four scenarios', () => {
    expect(goldens.map(([name]) => name).sort()).toEqual([
      'liuzhi-soft-reserve.json',
      'panzhou-partner-lead-time.json',
      'scba-two-incidents.json',
      'shuicheng-earthquake.json',
    ]);
  });

  it.each(goldens)('returns the hand-checked plan for %s', (_name, golden) => {
    const plan = solveDispatch(golden.problem);
    expect(plan).toEqual(golden.expected);
    expect(checkDispatchPlan(golden.problem, plan)).toEqual([]);
  });

  it.each(goldens)('explains every line and shortfall of %s', (_name, golden) => {
    const { plan, lineReasons, shortfallReasons } = solveDispatchExplained(golden.problem);
    expect(lineReasons.map((r) => r.code)).toEqual(golden.expectedReasons.lines);
    expect(shortfallReasons.map((r) => r.code)).toEqual(golden.expectedReasons.shortfalls);
    expect(shortfallReasons.map((r) => r.qty)).toEqual(plan.shortfalls.map((s) => s.qty));
  });
});

const base = (): DispatchProblem => ({
  sources: [{ id: 'a', stock: { x: 5 }, reserve: { x: 2 } }],
  incidents: [{ id: 'i', demand: { x: 4 } }],
  travelMinutes: { a: { i: 10 } },
});

describe('solveDispatch', () => {
  it('reports a shortfall rather than overdrawing a node', () => {
    const plan = solveDispatch(base());
    expect(plan.lines).toEqual([{ source: 'a', incident: 'i', item: 'x', qty: 3, minutes: 10, fromReserve: 0 }]);
    expect(plan.shortfalls).toEqual([{ incident: 'i', item: 'x', qty: 1 }]);
    expect(plan.objective).toEqual({ deliveredByPriority: { '3': 3 }, unitMinutes: 30, reserveUnits: 0, cost: 30 });
  });

  it('draws from the floor in soft mode and charges the penalty per unit', () => {
    const problem = { ...base(), policy: { reserve: 'soft' as const, reservePenaltyMinutes: 7 } };
    expect(solveDispatch(problem).objective).toEqual({
      deliveredByPriority: { '3': 4 },
      unitMinutes: 40,
      reserveUnits: 1,
      cost: 47,
    });
  });

  it('treats a floor above the stock as "every unit is a floor unit"', () => {
    const problem: DispatchProblem = {
      ...base(),
      sources: [{ id: 'a', stock: { x: 3 }, reserve: { x: 9 } }],
      policy: { reserve: 'soft' },
    };
    const plan = solveDispatch(problem);
    expect(plan.lines).toEqual([{ source: 'a', incident: 'i', item: 'x', qty: 3, minutes: 10, fromReserve: 3 }]);
    expect(solveDispatch({ ...problem, policy: { reserve: 'hard' } }).lines).toEqual([]);
  });

  it('breaks exact ties by source id whatever the input order', () => {
    const problem: DispatchProblem = {
      sources: [
        { id: 'b', stock: { x: 5 } },
        { id: 'a', stock: { x: 5 } },
      ],
      incidents: [{ id: 'i', demand: { x: 5 } }],
      travelMinutes: { b: { i: 10 }, a: { i: 10 } },
    };
    expect(solveDispatch(problem).lines.map((l) => l.source)).toEqual(['a']);
  });

  it('treats Infinity, null and missing travel minutes as unreachable', () => {
    const problem = {
      sources: [
        { id: 'a', stock: { x: 1 } },
        { id: 'b', stock: { x: 1 } },
        { id: 'c', stock: { x: 1 } },
        { id: 'd', stock: { x: 1 } },
      ],
      incidents: [{ id: 'i', demand: { x: 4 } }],
      travelMinutes: { a: { i: Number.POSITIVE_INFINITY }, b: { i: null }, c: {}, d: { i: 0 } },
    };
    const result = trySolveDispatch(problem);
    expect(result.ok && result.value.lines.map((l) => [l.source, l.qty])).toEqual([['d', 1]]);
  });

  it('keeps integers exact at a billion units', () => {
    const problem: DispatchProblem = {
      sources: [{ id: 'a', stock: { x: 3_000_000_000 } }],
      incidents: [
        { id: 'i', priority: 1, demand: { x: 1_000_000_000 } },
        { id: 'j', priority: 2, demand: { x: 2_500_000_000 } },
      ],
      travelMinutes: { a: { i: 300, j: 299 } },
    };
    const plan = solveDispatch(problem);
    expect(plan.objective.deliveredByPriority).toEqual({ '1': 1_000_000_000, '2': 2_000_000_000 });
    expect(plan.shortfalls).toEqual([{ incident: 'j', item: 'x', qty: 500_000_000 }]);
    expect(plan.objective.cost).toBe(1_000_000_000 * 300 + 2_000_000_000 * 299);
  });

  it('lists every priority level in deliveredByPriority, even one that received nothing', () => {
    const problem: DispatchProblem = { ...base(), incidents: [...base().incidents, { id: 'k', priority: 5, demand: {} }] };
    expect(solveDispatch(problem).objective.deliveredByPriority).toEqual({ '3': 3, '5': 0 });
  });

  it('explains a shortfall that only a hard reserve could have covered', () => {
    const problem = base();
    const { shortfallReasons } = explainDispatchPlan(problem, solveDispatch(problem));
    expect(shortfallReasons).toEqual([
      {
        incident: 'i',
        item: 'x',
        code: 'reserve-protected',
        qty: 1,
        networkStock: 5,
        reachableStock: 5,
        takenByHigherPriority: 0,
        takenByEqualPriority: 0,
        protectedReserve: 2,
      },
    ]);
  });
});

describe('validateDispatchProblem', () => {
  const valid = (): Record<string, unknown> => ({
    sources: [{ id: 's1', kind: 'base', leadMinutes: 5, stock: { x: 3 }, reserve: { x: 1 } }],
    incidents: [{ id: 'i1', priority: 1, demand: { x: 2 } }],
    travelMinutes: { s1: { i1: 10 } },
    policy: { reserve: 'soft', reservePenaltyMinutes: 60 },
  });
  type Mutation = (
    p: Record<string, unknown> & {
      sources: Record<string, unknown>[];
      incidents: Record<string, unknown>[];
      travelMinutes: Record<string, Record<string, unknown>>;
    },
  ) => void;
  const cases: [string, Mutation, string, string][] = [
    ['negative stock', (p) => void (p.sources[0]!.stock = { x: -1 }), 'not-a-quantity', 'sources[0].stock.x'],
    ['fractional stock', (p) => void (p.sources[0]!.stock = { x: 1.5 }), 'not-a-quantity', 'sources[0].stock.x'],
    ['stock as a string', (p) => void (p.sources[0]!.stock = { x: '3' }), 'not-a-quantity', 'sources[0].stock.x'],
    ['stock beyond 2^53', (p) => void (p.sources[0]!.stock = { x: 2 ** 60 }), 'quantity-too-large', 'sources[0].stock.x'],
    ['stock not an object', (p) => void (p.sources[0]!.stock = [3]), 'not-an-object', 'sources[0].stock'],
    ['negative reserve', (p) => void (p.sources[0]!.reserve = { x: -2 }), 'not-a-quantity', 'sources[0].reserve.x'],
    ['NaN demand', (p) => void (p.incidents[0]!.demand = { x: Number.NaN }), 'not-a-quantity', 'incidents[0].demand.x'],
    ['fractional demand', (p) => void (p.incidents[0]!.demand = { x: 0.5 }), 'not-a-quantity', 'incidents[0].demand.x'],
    ['missing demand', (p) => void delete p.incidents[0]!.demand, 'not-an-object', 'incidents[0].demand'],
    ['priority 0', (p) => void (p.incidents[0]!.priority = 0), 'invalid-priority', 'incidents[0].priority'],
    ['priority 1.5', (p) => void (p.incidents[0]!.priority = 1.5), 'invalid-priority', 'incidents[0].priority'],
    ['priority as a string', (p) => void (p.incidents[0]!.priority = '1'), 'invalid-priority', 'incidents[0].priority'],
    ['negative lead minutes', (p) => void (p.sources[0]!.leadMinutes = -5), 'invalid-minutes', 'sources[0].leadMinutes'],
    [
      'infinite lead minutes',
      (p) => void (p.sources[0]!.leadMinutes = Number.POSITIVE_INFINITY),
      'invalid-minutes',
      'sources[0].leadMinutes',
    ],
    ['kind not a string', (p) => void (p.sources[0]!.kind = 7), 'not-a-string', 'sources[0].kind'],
    ['source id missing', (p) => void delete p.sources[0]!.id, 'not-a-string', 'sources[0].id'],
    ['empty incident id', (p) => void (p.incidents[0]!.id = ''), 'empty-id', 'incidents[0].id'],
    ['duplicate source id', (p) => void p.sources.push({ id: 's1', stock: {} }), 'duplicate-id', 'sources[1].id'],
    ['duplicate incident id', (p) => void p.incidents.push({ id: 'i1', demand: {} }), 'duplicate-id', 'incidents[1].id'],
    ['source not an object', (p) => void p.sources.push('s2' as never), 'not-an-object', 'sources[1]'],
    ['sources not an array', (p) => void (p.sources = {} as never), 'not-an-array', 'sources'],
    ['incidents missing', (p) => void delete (p as Record<string, unknown>).incidents, 'not-an-array', 'incidents'],
    ['negative travel minutes', (p) => void (p.travelMinutes.s1!.i1 = -1), 'invalid-minutes', 'travelMinutes.s1.i1'],
    ['NaN travel minutes', (p) => void (p.travelMinutes.s1!.i1 = Number.NaN), 'invalid-minutes', 'travelMinutes.s1.i1'],
    [
      '-Infinity travel minutes',
      (p) => void (p.travelMinutes.s1!.i1 = Number.NEGATIVE_INFINITY),
      'invalid-minutes',
      'travelMinutes.s1.i1',
    ],
    ['travel minutes as a string', (p) => void (p.travelMinutes.s1!.i1 = '10'), 'invalid-minutes', 'travelMinutes.s1.i1'],
    ['unknown source in travelMinutes', (p) => void (p.travelMinutes.ghost = { i1: 3 }), 'unknown-source', 'travelMinutes.ghost'],
    [
      'unknown incident in travelMinutes',
      (p) => void (p.travelMinutes.s1!.ghost = 3),
      'unknown-incident',
      'travelMinutes.s1.ghost',
    ],
    ['travelMinutes row not an object', (p) => void (p.travelMinutes.s1 = 10 as never), 'not-an-object', 'travelMinutes.s1'],
    ['travelMinutes missing', (p) => void delete (p as Record<string, unknown>).travelMinutes, 'not-an-object', 'travelMinutes'],
    ['unknown reserve policy', (p) => void (p.policy = { reserve: 'strict' }), 'invalid-policy', 'policy.reserve'],
    [
      'negative penalty',
      (p) => void (p.policy = { reservePenaltyMinutes: -1 }),
      'invalid-policy',
      'policy.reservePenaltyMinutes',
    ],
    ['policy not an object', (p) => void (p.policy = 'soft'), 'invalid-policy', 'policy'],
    ['reserve not an object', (p) => void (p.sources[0]!.reserve = 4), 'not-an-object', 'sources[0].reserve'],
    [
      'total stock beyond 2^53',
      (p) => void p.sources.push({ id: 's2', stock: { x: Number.MAX_SAFE_INTEGER } }),
      'quantity-too-large',
      'stock.x',
    ],
    [
      'total demand beyond 2^53',
      (p) => void p.incidents.push({ id: 'i2', demand: { x: Number.MAX_SAFE_INTEGER } }),
      'quantity-too-large',
      'demand.x',
    ],
  ];

  it('accepts the valid base problem', () => {
    expect(validateDispatchProblem(valid()).ok).toBe(true);
  });

  it.each(cases)('reports %s as an issue, never an exception or a plan', (_label, mutate, code, path) => {
    const problem = valid() as Parameters<Mutation>[0];
    mutate(problem);
    const checked = validateDispatchProblem(problem);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toContainEqual(expect.objectContaining({ code, path }));
    const tried = trySolveDispatch(problem);
    expect(tried.ok).toBe(false);
    expect(() => solveDispatch(problem as never)).toThrow(InvalidDispatchProblemError);
  });

  it('solves exactly the problems the validator accepts (one-pass reader against the validator)', () => {
    const bad: unknown[] = [-1, 1.5, '3', Number.NaN, 2 ** 60, null, undefined, Number.POSITIVE_INFINITY, {}, [], 0, 7];
    for (let seed = 1; seed <= 400; seed++) {
      const problem = generateAdversarialProblem(seed) as unknown as Parameters<Mutation>[0];
      const rnd = createRandom(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const value = pick(bad);
      const source = pick(problem.sources);
      const incident = pick(problem.incidents);
      const sourceId = source.id as string;
      switch (seed % 8) {
        case 0:
          source.stock = { ...(source.stock as object), [pick(['item-a', 'item-b', 'z'])]: value };
          break;
        case 1:
          source.reserve = seed % 16 === 1 ? value : { 'item-a': value };
          break;
        case 2:
          incident.demand = { ...(incident.demand as object), 'item-a': value };
          break;
        case 3:
          incident.priority = value;
          break;
        case 4:
          problem.travelMinutes[sourceId] = { ...problem.travelMinutes[sourceId], [incident.id as string]: value };
          break;
        case 5:
          source.leadMinutes = value;
          break;
        case 6:
          problem.policy = { reserve: pick(['soft', 'hard', 'x', undefined]), reservePenaltyMinutes: value };
          break;
        default:
          if (seed % 16 === 7) problem.travelMinutes.ghost = {};
          else source.id = pick(['', 7, problem.sources[0]!.id]);
      }
      expect(trySolveDispatch(problem).ok, `seed ${seed}`).toBe(validateDispatchProblem(problem).ok);
    }
  });

  it('lists every issue at once', () => {
    const problem = valid() as Parameters<Mutation>[0];
    problem.sources[0]!.stock = { x: -1, y: 'two' };
    problem.incidents[0]!.priority = 0;
    problem.travelMinutes.s1!.i1 = -3;
    const checked = validateDispatchProblem(problem);
    expect(checked.ok ? [] : checked.error.map((i) => i.path)).toEqual([
      'sources[0].stock.x',
      'sources[0].stock.y',
      'incidents[0].priority',
      'travelMinutes.s1.i1',
    ]);
  });

  it.each([null, undefined, 42, 'problem', [], true])('rejects %j as a whole', (input) => {
    const checked = validateDispatchProblem(input);
    expect(checked.ok ? [] : checked.error.map((i) => i.code)).toEqual(['not-an-object']);
  });

  it('carries the issues on the thrown error', () => {
    try {
      solveDispatch({ sources: [], incidents: [{ id: 'i', priority: -1, demand: {} }], travelMinutes: {} });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDispatchProblemError);
      expect((error as InvalidDispatchProblemError).issues).toEqual([
        { code: 'invalid-priority', path: 'incidents[0].priority', message: 'priority must be an integer ≥ 1' },
      ]);
    }
  });

  it('accepts an item called __proto__ without touching prototypes', () => {
    const problem = JSON.parse(
      '{"sources":[{"id":"a","stock":{"__proto__":2}}],"incidents":[{"id":"i","demand":{"__proto__":1}}],"travelMinutes":{"a":{"i":5}}}',
    ) as unknown;
    const result = trySolveDispatch(problem);
    expect(result.ok && result.value.lines).toEqual([
      { source: 'a', incident: 'i', item: '__proto__', qty: 1, minutes: 5, fromReserve: 0 },
    ]);
  });
});
