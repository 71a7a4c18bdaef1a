import { Type, type Static } from 'typebox';
import { Page } from './common.ts';

export const AuditEvent = Type.Object({
  seq: Type.Integer(),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorUsername: Type.String(),
  actorRole: Type.String(),
  action: Type.String({ description: 'e.g. node.update, user.create, receipt.post' }),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  summary: Type.Unknown({ description: 'before/after summary' }),
  clientAddress: Type.Union([Type.String(), Type.Null()]),
  prevHash: Type.String(),
  hash: Type.String(),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 64 })),
    entityType: Type.Optional(Type.String({ maxLength: 64 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditPage = Page(AuditEvent);

export const AuditVerdict = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer({ description: 'entries verified before the first break (all when ok)' }),
  firstBrokenSeq: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String({ description: 'hash-mismatch · missing-entry · link-mismatch · head-mismatch' })),
});
