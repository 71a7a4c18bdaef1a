import { describe, expect, it } from 'vitest';
import { ROLES } from './api/auth.api.ts';
import {
  canApproveStock,
  canEditNodes,
  canEditStandards,
  canManageUsers,
  canPackKits,
  canReadAudit,
  canWriteStock,
  retryAfterSecondsOf,
} from './permissions.ts';

describe('permissions', () => {
  it('lets only the administrator manage users', () => {
    expect(ROLES.filter(canManageUsers)).toEqual(['admin']);
  });
  it('lets administrators and logistics officers edit nodes and read the audit log', () => {
    expect(ROLES.filter(canEditNodes)).toEqual(['admin', 'logistics-officer']);
    expect(ROLES.filter(canReadAudit)).toEqual(['admin', 'logistics-officer']);
  });
  it('mirrors the server: keepers and officers post stock documents, only approvers approve and set standards', () => {
    expect(ROLES.filter(canWriteStock)).toEqual(['admin', 'logistics-officer', 'warehouse-keeper', 'station-officer']);
    expect(ROLES.filter(canApproveStock)).toEqual(['admin', 'logistics-officer']);
    expect(ROLES.filter(canEditStandards)).toEqual(['admin', 'logistics-officer']);
  });
  it('lets whoever posts stock documents pack and unpack kits', () => {
    expect(ROLES.filter(canPackKits)).toEqual(ROLES.filter(canWriteStock));
  });
});

describe('retryAfterSecondsOf', () => {
  it('rounds the wait up to whole seconds', () => {
    expect(retryAfterSecondsOf({ retryAfterSeconds: 12.2 })).toBe(13);
  });
  it('ignores missing or malformed values', () => {
    expect(retryAfterSecondsOf(undefined)).toBeUndefined();
    expect(retryAfterSecondsOf({ retryAfterSeconds: 'soon' })).toBeUndefined();
    expect(retryAfterSecondsOf({ retryAfterSeconds: -1 })).toBeUndefined();
  });
});
