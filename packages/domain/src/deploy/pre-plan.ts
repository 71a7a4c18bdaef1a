/** What one consumption rule counts: SCBA wearer-hours, person-days, persons, or generator-hours. */
export type ConsumptionBasis = 'scba-wearer-hour' | 'person-day' | 'person' | 'generator-hour';

export type ConsumptionRule = { itemCode: string; basis: ConsumptionBasis; qtyPerBasis: number };

/** A pre-plan (预案): incident type × minimum alarm level → modules, items, and per-person/per-hour rules. */
export type PrePlan = {
  code: string;
  incidentTypeCode: string;
  minAlarmLevel: number;
  modules: { moduleCode: string; qty: number }[];
  items?: { itemCode: string; qty: number }[];
  rules: ConsumptionRule[];
  defaultDurationHours: number;
};

/** A module: the kit item it is stocked as, and what it contains. */
export type ModuleDefinition = { code: string; kitItemCode: string; lines: { itemCode: string; qty: number }[] };

export type IncidentFacts = {
  typeCode: string;
  alarmLevel: number;
  /** People committed at the scene (firefighters and support staff). */
  peopleCommitted?: number | null;
  /** SCBA wearers; when unknown, half the people committed (rounded up). */
  scbaWearers?: number | null;
  expectedDurationHours?: number | null;
  /** Portable generators running; when unknown, those in the dispatched modules. */
  generators?: number | null;
};

/**
 * Chooses the pre-plan for an incident: the plan of its type (or, failing that, of the nearest
 * ancestor type) with the highest minimum alarm level not above the incident's level. Null when
 * the level is below every plan — station vehicles handle it (DOMAIN §6.2).
 */
export function choosePrePlan(
  plans: readonly PrePlan[],
  typeCode: string,
  alarmLevel: number,
  parentOf: (code: string) => string | null,
): PrePlan | null {
  for (let type: string | null = typeCode; type; type = parentOf(type)) {
    const candidates = plans.filter((p) => p.incidentTypeCode === type && p.minAlarmLevel <= alarmLevel);
    if (candidates.length) {
      return candidates.sort((a, b) => b.minAlarmLevel - a.minAlarmLevel || (a.code < b.code ? -1 : 1))[0]!;
    }
  }
  return null;
}

export type DemandLine = { itemCode: string; qty: number; why: string };

/**
 * The demand of an incident under a pre-plan, in units of issue (whole units, rounded up):
 * one kit item per module, fixed items, and the per-person / per-hour arithmetic.
 */
export function demandFor(plan: PrePlan, incident: IncidentFacts, modules: ReadonlyMap<string, ModuleDefinition>): DemandLine[] {
  const hours = incident.expectedDurationHours ?? plan.defaultDurationHours;
  const people = incident.peopleCommitted ?? 0;
  const wearers = incident.scbaWearers ?? Math.ceil(people / 2);
  let generatorsInModules = 0;
  const lines = new Map<string, { qty: number; why: string[] }>();
  const add = (itemCode: string, qty: number, why: string) => {
    if (qty <= 0) return;
    const line = lines.get(itemCode) ?? { qty: 0, why: [] };
    line.qty += qty;
    line.why.push(why);
    lines.set(itemCode, line);
  };
  for (const m of plan.modules) {
    const def = modules.get(m.moduleCode);
    if (!def) throw new Error(`Pre-plan ${plan.code} names an unknown module ${m.moduleCode}`);
    add(def.kitItemCode, m.qty, `module ${m.moduleCode} × ${m.qty}`);
    generatorsInModules += m.qty * def.lines.filter((l) => l.itemCode.startsWith('GEN')).reduce((s, l) => s + l.qty, 0);
  }
  for (const item of plan.items ?? []) add(item.itemCode, item.qty, 'pre-plan item');
  const generators = incident.generators ?? generatorsInModules;
  for (const rule of plan.rules) {
    const count =
      rule.basis === 'scba-wearer-hour'
        ? wearers * hours
        : rule.basis === 'person-day'
          ? people * (hours / 24)
          : rule.basis === 'person'
            ? people
            : generators * hours;
    const qty = Math.ceil(count * rule.qtyPerBasis - 1e-9);
    const per = Number(rule.qtyPerBasis.toFixed(3));
    const label =
      rule.basis === 'scba-wearer-hour'
        ? `${wearers} SCBA wearers × ${hours} h × ${per}`
        : rule.basis === 'person-day'
          ? `${people} people × ${Number((hours / 24).toFixed(2))} d × ${per}`
          : rule.basis === 'person'
            ? `${people} people × ${per}`
            : `${generators} generators × ${hours} h × ${per}`;
    add(rule.itemCode, qty, label);
  }
  return [...lines.entries()]
    .map(([itemCode, l]) => ({ itemCode, qty: l.qty, why: l.why.join('; ') }))
    .sort((a, b) => (a.itemCode < b.itemCode ? -1 : 1));
}

/** Dispatch priority from the alarm level: level 5 (most severe) is priority 1 (most urgent). */
export const priorityForAlarmLevel = (level: number): number => Math.min(5, Math.max(1, 6 - Math.round(level)));
