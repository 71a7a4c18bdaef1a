import { describe, expect, it } from 'vitest';
import { ROLES } from './api/auth.api.ts';
import { canEditNodes, canManageUsers, canReadAudit, retryAfterSecondsOf } from './permissions.ts';

describe('permissions', () => {
  it('lets only the administrator manage users', () => {
    expect(ROLES.filter(canManageUsers)).toEqual(['admin']);
  });
  it('lets administrators and logistics officers edit nodes and read the audit log', () => {
    expect(ROLES.filter(canEditNodes)).toEqual(['admin', 'logistics-officer']);
    expect(ROLES.filter(canReadAudit)).toEqual(['admin', 'logistics-officer']);
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
