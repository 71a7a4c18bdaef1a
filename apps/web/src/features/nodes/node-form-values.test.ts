import { describe, expect, it } from 'vitest';
import { formValuesOf, toNodeCreate, toNodeUpdate, type NodeFormValues } from './node-form-values.ts';

const values: NodeFormValues = {
  code: ' LPS-P-01 ',
  organisationId: 'org-1',
  type: 'partner',
  nameZh: ' 燃料公司代储点 ',
  nameEn: 'Fuel company depot',
  lat: 26.6,
  lng: 104.85,
  address: '',
  status: 'open',
  is24h: true,
  capacitySlots: null,
  areaM2: 120,
  zones: [{ code: 'A', name: '油料区', slots: 10, tempMinC: null, tempMaxC: 30 }],
  contacts: [{ name: '王师傅', role: '', phone: '0858-1234567' }],
  hasAgreement: true,
  agreement: { reference: 'DC-2025-01', partnerName: '燃料公司', itemCodes: ['FUEL-DIESEL'], responseMinutes: 45, validFrom: '' },
};

describe('toNodeCreate', () => {
  it('trims text, drops empty optional fields and keeps the agreement', () => {
    const body = toNodeCreate(values);
    expect(body.code).toBe('LPS-P-01');
    expect(body.nameZh).toBe('燃料公司代储点');
    expect(body.capacitySlots).toBeNull();
    expect(body.zones).toEqual([{ code: 'A', name: '油料区', slots: 10, tempMaxC: 30 }]);
    expect(body.contacts).toEqual([{ name: '王师傅', phone: '0858-1234567' }]);
    expect(body.agreement).toEqual({
      reference: 'DC-2025-01',
      partnerName: '燃料公司',
      scope: '',
      itemCodes: ['FUEL-DIESEL'],
      responseMinutes: 45,
    });
  });

  it('sends a null agreement when the box is unticked', () => {
    expect(toNodeCreate({ ...values, hasAgreement: false }).agreement).toBeNull();
  });
});

describe('toNodeUpdate', () => {
  it('never sends the code', () => {
    expect('code' in toNodeUpdate(values)).toBe(false);
  });
});

describe('formValuesOf', () => {
  it('starts a new node open, without agreement, in the city centre', () => {
    expect(formValuesOf(undefined)).toMatchObject({ status: 'open', hasAgreement: false, lat: 26.59, lng: 104.83 });
  });
});
