import type { Node, NodeCreate, NodeType, NodeUpdate } from '@zhanqin/contracts';

/** The node form's values: like NodeCreate, with the agreement switched on by a checkbox. */
export type NodeFormValues = {
  code: string;
  organisationId: string;
  type: NodeType;
  nameZh: string;
  nameEn: string;
  lat: number;
  lng: number;
  address?: string;
  status: 'open' | 'closed';
  is24h: boolean;
  capacitySlots?: number | null;
  areaM2?: number | null;
  zones?: { code: string; name: string; slots: number; tempMinC?: number | null; tempMaxC?: number | null }[];
  contacts?: { name: string; role?: string; phone?: string }[];
  hasAgreement: boolean;
  agreement?: {
    reference: string;
    partnerName: string;
    scope?: string;
    itemCodes?: string[];
    responseMinutes: number;
    validFrom?: string;
    validUntil?: string;
  };
};

export function formValuesOf(node: Node | undefined): Partial<NodeFormValues> {
  if (!node) return { status: 'open', is24h: false, zones: [], contacts: [], hasAgreement: false, lat: 26.59, lng: 104.83 };
  return {
    code: node.code,
    organisationId: node.organisationId,
    type: node.type,
    nameZh: node.nameZh,
    nameEn: node.nameEn,
    lat: node.lat,
    lng: node.lng,
    address: node.address,
    status: node.status,
    is24h: node.is24h,
    capacitySlots: node.capacitySlots,
    areaM2: node.areaM2,
    zones: node.zones.map((z) => ({ ...z })),
    contacts: node.contacts.map((c) => ({ ...c })),
    hasAgreement: node.agreement !== null,
    agreement: node.agreement ? { ...node.agreement } : undefined,
  };
}

function optionalText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function optionalNumber(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Turns form values into the body of POST /nodes; empty optional fields are left out rather than sent blank. */
export function toNodeCreate(values: NodeFormValues): NodeCreate {
  const agreement =
    values.hasAgreement && values.agreement
      ? {
          reference: values.agreement.reference.trim(),
          partnerName: values.agreement.partnerName.trim(),
          scope: values.agreement.scope?.trim() ?? '',
          itemCodes: values.agreement.itemCodes ?? [],
          responseMinutes: values.agreement.responseMinutes,
          ...(optionalText(values.agreement.validFrom) ? { validFrom: optionalText(values.agreement.validFrom) } : {}),
          ...(optionalText(values.agreement.validUntil) ? { validUntil: optionalText(values.agreement.validUntil) } : {}),
        }
      : null;
  return {
    code: values.code.trim(),
    organisationId: values.organisationId,
    type: values.type,
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    lat: values.lat,
    lng: values.lng,
    address: values.address?.trim() ?? '',
    status: values.status,
    is24h: values.is24h,
    capacitySlots: optionalNumber(values.capacitySlots) ?? null,
    areaM2: optionalNumber(values.areaM2) ?? null,
    zones: (values.zones ?? []).map((zone) => ({
      code: zone.code.trim(),
      name: zone.name.trim(),
      slots: zone.slots,
      ...(optionalNumber(zone.tempMinC) !== undefined ? { tempMinC: optionalNumber(zone.tempMinC) } : {}),
      ...(optionalNumber(zone.tempMaxC) !== undefined ? { tempMaxC: optionalNumber(zone.tempMaxC) } : {}),
    })),
    contacts: (values.contacts ?? []).map((contact) => ({
      name: contact.name.trim(),
      ...(optionalText(contact.role) ? { role: optionalText(contact.role) } : {}),
      ...(optionalText(contact.phone) ? { phone: optionalText(contact.phone) } : {}),
    })),
    agreement,
  };
}

/** The body of PATCH /nodes/{id}: every editable field (the code cannot change). */
export function toNodeUpdate(values: NodeFormValues): NodeUpdate {
  const { code: _code, ...rest } = toNodeCreate(values);
  return rest;
}
