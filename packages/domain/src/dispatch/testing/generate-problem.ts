import type { DispatchProblem, DispatchSource } from '../dispatch-problem.ts';

/** Mulberry32: a tiny seeded PRNG, so generated instances replay exactly from their seed. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (prefix: string, i: number): string => `${prefix}${String(i).padStart(4, '0')}`;

/**
 * A small adversarial instance for checking against HiGHS: ties, fractional minutes, unreachable
 * pairs, reserves above stock, huge quantities, demand beyond all stock — chosen by the seed.
 */
export function generateAdversarialProblem(seed: number): DispatchProblem {
  const rnd = createRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)] as T;

  const sourceCount = int(1, 9);
  const incidentCount = pick([1, 1, 2, 3, 4, 6]);
  const itemCount = int(1, 3);
  const huge = rnd() < 0.08;
  const tieMinutes = rnd() < 0.25; // few distinct minutes: many exact ties
  const fractional = rnd() < 0.3;
  const unreachable = pick([0, 0.1, 0.3, 0.6]);
  const scarce = rnd() < 0.5;
  const items = Array.from({ length: itemCount }, (_, i) => `item-${String.fromCharCode(97 + i)}`);
  const quantity = (max: number): number => (huge && rnd() < 0.5 ? int(1, 1_000_000_000) : int(0, max));

  const sources: DispatchSource[] = [];
  for (let s = 0; s < sourceCount; s++) {
    const source: DispatchSource = { id: pad('src-', int(0, 9999) * 10 + s), stock: {} };
    if (rnd() < 0.25) {
      source.kind = 'partner';
      source.leadMinutes = fractional ? Math.round(rnd() * 24000) / 100 : int(0, 240);
    } else if (rnd() < 0.5) {
      source.kind = pick(['base', 'sub-warehouse', 'station']);
    }
    for (const item of items) {
      if (rnd() < 0.3) continue;
      const stock = quantity(scarce ? 6 : 20);
      source.stock[item] = stock;
      if (rnd() < 0.5) {
        source.reserve ??= {};
        source.reserve[item] = rnd() < 0.15 ? stock + int(1, 5) : int(0, stock);
      }
    }
    sources.push(source);
  }
  const incidents = Array.from({ length: incidentCount }, (_, t) => {
    const demand: Record<string, number> = {};
    for (const item of items) if (rnd() < 0.8) demand[item] = quantity(scarce ? 25 : 12);
    const incident: DispatchProblem['incidents'][number] = { id: pad('inc-', int(0, 9999) * 10 + t), demand };
    if (rnd() < 0.8) incident.priority = int(1, 4);
    return incident;
  });
  const travelMinutes: DispatchProblem['travelMinutes'] = {};
  for (const source of sources) {
    const row: Record<string, number> = {};
    for (const incident of incidents) {
      if (rnd() < unreachable) {
        if (rnd() < 0.3) row[incident.id] = Number.POSITIVE_INFINITY;
        continue;
      }
      row[incident.id] = tieMinutes ? pick([0, 10, 20, 30]) : fractional ? Math.round(rnd() * 300_000) / 1000 : int(5, 300);
    }
    travelMinutes[source.id] = row;
  }
  const problem: DispatchProblem = { sources, incidents, travelMinutes };
  if (rnd() < 0.6) {
    problem.policy = { reserve: rnd() < 0.6 ? 'soft' : 'hard' };
    if (rnd() < 0.6) problem.policy.reservePenaltyMinutes = pick([0, 15, 60, 120, 500, 37.25]);
  }
  return problem;
}

export type RealisticSize = {
  sources: number;
  items: number;
  incidents: number;
  /** 'scarce' (default): demand is a share of the network's stock; 'light': 1–220 units per item and incident. */
  demand?: 'scarce' | 'light';
};

/**
 * A network like the benchmark's: a few bases and many stations with sparse stock, travel minutes
 * 5–300, about 5 % unreachable pairs, partners with lead times, reserve floors and soft reserves.
 * Demand is a share of the network's stock of each item, so incidents compete for it, many sources
 * contribute and the rarest items run short.
 */
export function generateRealisticProblem(seed: number, size: RealisticSize): DispatchProblem {
  const rnd = createRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const items = Array.from({ length: size.items }, (_, i) => pad('item-', i));
  const scarcity = items.map(() => rnd()); // 0 = plentiful, 1 = rare

  const sources: DispatchSource[] = [];
  const positions: [number, number][] = [];
  for (let s = 0; s < size.sources; s++) {
    const isBase = s < Math.max(1, Math.round(size.sources / 200));
    const isPartner = !isBase && rnd() < 0.08;
    const source: DispatchSource = {
      id: pad(isBase ? 'base-' : isPartner ? 'partner-' : 'station-', s),
      kind: isBase ? 'base' : isPartner ? 'partner' : 'station',
      stock: {},
      reserve: {},
    };
    if (isPartner) source.leadMinutes = int(30, 240);
    items.forEach((item, i) => {
      const holds = isBase ? rnd() < 0.9 : rnd() < 0.3 * (1 - 0.7 * (scarcity[i] as number));
      if (!holds) return;
      const stock = isBase ? int(5, 150) : int(1, 30);
      source.stock[item] = stock;
      if (!isPartner && rnd() < 0.6) (source.reserve as Record<string, number>)[item] = int(0, Math.ceil(stock / 3));
    });
    sources.push(source);
    positions.push([rnd() * 150, rnd() * 150]);
  }
  // Demand is sized against the network's own stock, as when an earthquake draws on many nodes:
  // together the incidents want 15 % (plentiful items) to 115 % (rare items) of an item's stock, so
  // many sources contribute to every item and the rarest items end up short.
  const networkStock = items.map((item) => sources.reduce((sum, source) => sum + (source.stock[item] ?? 0), 0));
  const demanders = Math.max(1, 0.5 * size.incidents);
  const incidentPositions: [number, number][] = [];
  const incidents = Array.from({ length: size.incidents }, (_, t) => {
    const demand: Record<string, number> = {};
    items.forEach((item, i) => {
      if (rnd() >= 0.5) return;
      if (size.demand === 'light') {
        demand[item] = int(1, Math.round(20 + 200 * (scarcity[i] as number)));
        return;
      }
      const share = ((0.15 + (scarcity[i] as number)) * (0.5 + rnd())) / demanders;
      demand[item] = Math.max(1, Math.round((networkStock[i] as number) * share));
    });
    incidentPositions.push([rnd() * 150, rnd() * 150]);
    return { id: pad('incident-', t), priority: int(1, 3), demand };
  });
  const travelMinutes: DispatchProblem['travelMinutes'] = {};
  sources.forEach((source, s) => {
    const row: Record<string, number> = {};
    incidents.forEach((incident, t) => {
      if (rnd() < 0.05) return; // road closed
      const [x1, y1] = positions[s] as [number, number];
      const [x2, y2] = incidentPositions[t] as [number, number];
      const km = Math.hypot(x1 - x2, y1 - y2);
      row[incident.id] = Math.min(300, Math.max(5, Math.round(km * (1.2 + rnd()))));
    });
    travelMinutes[source.id] = row;
  });
  return { sources, incidents, travelMinutes, policy: { reserve: 'soft', reservePenaltyMinutes: 120 } };
}
