import { describe, expect, it } from 'vitest';
import { choosePrePlan, demandFor, priorityForAlarmLevel, type ModuleDefinition, type PrePlan } from './pre-plan.ts';

const plans: PrePlan[] = [
  { code: 'FIRE-3', incidentTypeCode: 'fire', minAlarmLevel: 3, modules: [], rules: [], defaultDurationHours: 2 },
  {
    code: 'HR-3',
    incidentTypeCode: 'fire.high-rise',
    minAlarmLevel: 3,
    modules: [{ moduleCode: 'FIRE-LONG', qty: 1 }],
    rules: [{ itemCode: 'CYL', basis: 'scba-wearer-hour', qtyPerBasis: 2 }],
    defaultDurationHours: 6,
  },
  {
    code: 'HR-4',
    incidentTypeCode: 'fire.high-rise',
    minAlarmLevel: 4,
    modules: [{ moduleCode: 'FIRE-LONG', qty: 2 }],
    rules: [
      { itemCode: 'CYL', basis: 'scba-wearer-hour', qtyPerBasis: 2 },
      { itemCode: 'MEAL', basis: 'person-day', qtyPerBasis: 3 },
      { itemCode: 'WATER', basis: 'person-day', qtyPerBasis: 4 / 13.2 },
      { itemCode: 'DIESEL', basis: 'generator-hour', qtyPerBasis: 2.5 },
      { itemCode: 'KIT', basis: 'person', qtyPerBasis: 1 },
    ],
    defaultDurationHours: 12,
  },
];
const parent = (c: string) => (c.includes('.') ? c.slice(0, c.lastIndexOf('.')) : null);
const modules = new Map<string, ModuleDefinition>([
  [
    'FIRE-LONG',
    {
      code: 'FIRE-LONG',
      kitItemCode: 'MOD-FIRE-LONG',
      lines: [
        { itemCode: 'GEN-5KW', qty: 1 },
        { itemCode: 'CYL', qty: 40 },
      ],
    },
  ],
]);

describe('pre-plans', () => {
  it('picks the highest level not above the incident, falling back to the parent type', () => {
    expect(choosePrePlan(plans, 'fire.high-rise', 5, parent)?.code).toBe('HR-4');
    expect(choosePrePlan(plans, 'fire.high-rise', 3, parent)?.code).toBe('HR-3');
    expect(choosePrePlan(plans, 'fire.high-rise', 2, parent)).toBeNull();
    expect(choosePrePlan(plans, 'fire.warehouse', 4, parent)?.code).toBe('FIRE-3');
  });

  it('works out demand per person and per hour, rounding whole units up', () => {
    const demand = demandFor(
      plans[2]!,
      { typeCode: 'fire.high-rise', alarmLevel: 4, peopleCommitted: 50, scbaWearers: 20, expectedDurationHours: 12 },
      modules,
    );
    const qty = Object.fromEntries(demand.map((d) => [d.itemCode, d.qty]));
    expect(qty).toEqual({
      'MOD-FIRE-LONG': 2,
      CYL: 480, // 20 wearers × 12 h × 2
      MEAL: 75, // 50 × 0.5 d × 3
      WATER: 8, // 50 × 0.5 × 4 / 13.2 = 7.58 → 8 cases
      DIESEL: 60, // 2 generators in two modules × 12 h × 2.5 L
      KIT: 50,
    });
    expect(demand.find((d) => d.itemCode === 'CYL')!.why).toContain('20 SCBA wearers');
  });

  it('assumes half the people wear SCBA when the number is not given, and the plan duration', () => {
    const demand = demandFor(plans[1]!, { typeCode: 'fire.high-rise', alarmLevel: 3, peopleCommitted: 9 }, modules);
    expect(demand.find((d) => d.itemCode === 'CYL')!.qty).toBe(5 * 6 * 2);
  });

  it('maps alarm level 5 to priority 1 and level 1 to priority 5', () => {
    expect([5, 4, 3, 2, 1].map(priorityForAlarmLevel)).toEqual([1, 2, 3, 4, 5]);
  });
});
