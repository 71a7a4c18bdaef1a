import { KitList, KitListQuery, KitPack, KitView } from '@zhanqin/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/authenticate.ts';
import { IdParams, STANDARD_ERRORS } from '../http/schemas.ts';
import { IdempotencyHeaders, idempotencyKeyOf, PostedResponses, sendPosted } from './posted-reply.ts';
import { getKit, listKits, packKit, unpackKit } from './kits.ts';

const tags = ['储 reserve'];
const posted = PostedResponses;

/** Kits and modules (封箱/拆箱): sealed boxes whose contents stay tracked. */
export function registerKitRoutes(app: FastifyInstance, deps: Deps): void {
  app.post(
    '/kits/pack',
    {
      schema: {
        tags,
        summary: "Pack a kit box from its module's packing list or from given lines (409 INSUFFICIENT_STOCK)",
        headers: IdempotencyHeaders,
        body: KitPack,
        response: posted,
      },
    },
    async (request, reply) =>
      sendPosted(reply, await packKit(deps, actorOf(request), request.body as KitPack, idempotencyKeyOf(request))),
  );
  app.post(
    '/kits/:id/unpack',
    {
      schema: {
        tags,
        summary: 'Unpack a kit box: its contents return to free stock, the box leaves stock',
        headers: IdempotencyHeaders,
        params: IdParams,
        response: posted,
      },
    },
    async (request, reply) =>
      sendPosted(
        reply,
        await unpackKit(deps, actorOf(request), (request.params as { id: string }).id, idempotencyKeyOf(request)),
      ),
  );
  app.get(
    '/kits',
    {
      schema: {
        tags,
        summary: 'Kits at a node, each flagged complete or not against its packing list',
        querystring: KitListQuery,
        response: { 200: KitList, ...STANDARD_ERRORS },
      },
    },
    async (request) => ({ items: await listKits(deps, actorOf(request), request.query as KitListQuery) }),
  );
  app.get(
    '/kits/:id',
    {
      schema: {
        tags,
        summary: 'A kit (by its box asset id), its contents and the check against its packing list',
        params: IdParams,
        response: { 200: KitView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getKit(deps, actorOf(request), (request.params as { id: string }).id),
  );
}
