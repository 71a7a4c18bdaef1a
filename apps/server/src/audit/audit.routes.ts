import { AuditPage, AuditQuery, AuditVerdict } from '@zhanqin/contracts';
import type { FastifyInstance } from 'fastify';
import { requireAction } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/authenticate.ts';
import { STANDARD_ERRORS } from '../http/schemas.ts';
import { listAudit, verifyAudit } from './audit.repository.ts';

const tags = ['audit'];

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first, within your scope',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireAction(actor, 'audit.read');
      const query = request.query as AuditQuery;
      const page = await listAudit(deps.db, query, actor.unrestricted ? null : actor.organisationPaths);
      return { ...page, limit: query.limit ?? 50, offset: query.offset ?? 0 };
    },
  );
  app.get(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: 'Re-hash the whole chain and name the first broken entry',
        response: { 200: AuditVerdict, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      requireAction(actorOf(request), 'audit.read');
      return verifyAudit(deps.db);
    },
  );
}
