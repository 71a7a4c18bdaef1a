import { Health } from '@zhanqin/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { VERSION } from '../http/app.ts';

const startedAt = Date.now();

export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health } } },
    async () => {
      await deps.db.query('SELECT 1');
      return {
        status: 'ok' as const,
        version: VERSION,
        database: deps.db.kind,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
    },
  );
}
