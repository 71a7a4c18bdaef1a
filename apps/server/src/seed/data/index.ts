/** The Liupanshui demo data set: pure typed records, no IO. The seeder maps codes to ids. */
export * from './types.ts';
export { organisations, countySeats, liupanshuiBounds } from './organisations.ts';
export { nodes } from './nodes.ts';
export { categories, items } from './catalogue.ts';
export { modules, MEALS_PER_PERSON_DAY, WATER_CASE_LITRES, WATER_LITRES_PER_PERSON_DAY } from './modules.ts';
export { incidentTypes, consumptionRules, prePlans } from './preplans.ts';
export { stockLevels, SEED_REFERENCE_DATE } from './stock-levels.ts';
