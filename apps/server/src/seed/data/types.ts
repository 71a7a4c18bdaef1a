import type { Static } from 'typebox';
import type {
  Agreement as AgreementSchema,
  Contact as ContactSchema,
  NodeType,
  OrganisationKind,
  TrackingKind,
  Zone as ZoneSchema,
} from '@zhanqin/contracts';

/**
 * Record shapes of the Liupanshui demo data. Records refer to each other by `code`, never by id:
 * the seeder creates the rows and maps codes to the UUIDs the database hands out.
 * Every field that also exists in a contract has the contract's type and limits.
 */

export type Zone = Static<typeof ZoneSchema>;
export type Contact = Static<typeof ContactSchema>;
export type Agreement = Static<typeof AgreementSchema>;

/** Date as `YYYY-MM-DD`. */
export type IsoDate = string;

export interface OrganisationSeed {
  code: string;
  parentCode: string | null;
  kind: OrganisationKind;
  nameZh: string;
  nameEn: string;
  /** True for invented units (names and existence not confirmed by public material). */
  isDemo: boolean;
  /** Administrative-division code (GB/T 2260) of the county-level unit a battalion covers, if any. */
  divisionCode: string | null;
  /** Why the record is (or is not) marked demo, and what it rests on. */
  note: string | null;
}

/** A county-level seat, used to check that node coordinates sit in the right county (DOMAIN §8.2). */
export interface CountySeat {
  divisionCode: string;
  nameZh: string;
  nameEn: string;
  lat: number;
  lng: number;
  /** Whether the seat coordinates are sourced or a rough placement. */
  confidence: 'sourced' | 'approximate';
}

/** Extra facts for a node of type `vehicle`: a mobile store that belongs to a home node. */
export interface VehicleInfo {
  /** Licence plate as printed; the node code is its ASCII form. Fictional numbers. */
  plate: string;
  homeNodeCode: string;
  kindZh: string;
  kindEn: string;
  payloadKg: number;
  cargoVolumeM3: number;
}

export interface NodeSeed {
  code: string;
  organisationCode: string;
  type: NodeType;
  nameZh: string;
  nameEn: string;
  /** True for invented nodes (all of them but the base's role; see DOMAIN §8.3). */
  isDemo: boolean;
  /** WGS-84. */
  lat: number;
  lng: number;
  address: string;
  status: 'open' | 'closed';
  is24h: boolean;
  capacitySlots: number | null;
  areaM2: number | null;
  zones: Zone[];
  contacts: Contact[];
  agreement: Agreement | null;
  vehicle: VehicleInfo | null;
}

export interface CategorySeed {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
}

export interface ItemSeed {
  code: string;
  categoryCode: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  tracking: TrackingKind;
  /** Ledger units per unit of issue: 10 means quantities are kept in tenths (e.g. 0.1 L of diesel). */
  baseUnitsPerUnit: number;
  serviceLifeMonths: number | null;
  shelfLifeMonths: number | null;
  inspectionIntervalDays: number | null;
  safetyCritical: boolean;
  storageTempMinC: number | null;
  storageTempMaxC: number | null;
  weightKg: number | null;
  volumeL: number | null;
  backupRatio: string | null;
  standardRefs: string[];
  /** Row of DOMAIN §5.2 this item comes from, or null for items added for the modules. */
  domainRow: number | null;
  /** Which values are unverified demo defaults ([U] in DOMAIN), or null when all are sourced or trivial. */
  note: string | null;
}

export interface ModuleLine {
  itemCode: string;
  /** Units of issue of the item in one module. */
  qty: number;
}

export interface ModuleSeed {
  code: string;
  /** The catalogue item (tracking `kit`) that a sealed module of this type is stocked as. */
  kitItemCode: string;
  nameZh: string;
  nameEn: string;
  description: string;
  /** Alarm level, incident types or duration that call for this module, in words (DOMAIN §6.3). */
  triggers: string;
  /** How the module scales up, in words. */
  scaleUp: string;
  lines: ModuleLine[];
}

export interface IncidentTypeSeed {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
}

/** What a per-person / per-hour rule counts. */
export type ConsumptionBasis =
  | 'scba-wearer-hour' // one SCBA wearer working for one hour
  | 'person-day' // one person (firefighter or support staff) for one day
  | 'person' // one person, once per deployment
  | 'generator-hour'; // one portable generator running for one hour

/** Arithmetic rule: demand = qtyPerBasis × basis count, rounded up to whole units of issue. */
export interface ConsumptionRule {
  itemCode: string;
  basis: ConsumptionBasis;
  /** Units of issue of the item per basis unit; may be fractional (rounded up on the total). */
  qtyPerBasis: number;
  /** How the number was derived, with [U] where it is an unverified default. */
  derivation: string;
}

export interface PrePlanModule {
  moduleCode: string;
  qty: number;
}

export interface PrePlanSeed {
  code: string;
  incidentTypeCode: string;
  /** The plan applies from this alarm level (1 green … 5 red) up, until a plan with a higher level takes over. */
  minAlarmLevel: 1 | 2 | 3 | 4 | 5;
  nameZh: string;
  nameEn: string;
  modules: PrePlanModule[];
  rules: ConsumptionRule[];
  /** Expected duration in hours used when the incident does not give one. */
  defaultDurationHours: number;
  note: string | null;
}

export interface LotSeed {
  lotNo: string;
  producedOn: IsoDate;
  /** Null when the item has no shelf life (e.g. gloves issued by batch). */
  expiresOn: IsoDate | null;
  /** Units of issue in this lot at this node. */
  qty: number;
}

/**
 * Stock of one item at one node. Quantities are in the item's unit of issue (unitZh/unitEn);
 * the seeder multiplies by `baseUnitsPerUnit` for the ledger. Serialised items carry only a count
 * (the seeder generates serials); lot items carry their lots, whose quantities add up to `onHand`.
 */
export interface StockLevelSeed {
  nodeCode: string;
  itemCode: string;
  onHand: number;
  minReserve: number;
  target: number;
  lots: LotSeed[];
}
