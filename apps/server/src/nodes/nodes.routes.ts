import { Node, NodeCreate, NodeListQuery, NodePage, NodeUpdate } from '@zhanqin/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/authenticate.ts';
import { IdParams, STANDARD_ERRORS } from '../http/schemas.ts';
import type { NodeRecord } from './nodes.repository.ts';
import { getVisibleNode, listVisibleNodes } from './read-nodes.ts';
import { changeNode, createNode } from './save-node.ts';

const present = ({ organisationPath: _p, ...node }: NodeRecord) => node;
const tags = ['network'];

export function registerNodeRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/nodes',
    {
      schema: {
        tags,
        summary: 'List nodes of the 1+8+N network in scope',
        querystring: NodeListQuery,
        response: { 200: NodePage, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const query = request.query as NodeListQuery;
      const page = await listVisibleNodes(deps, actorOf(request), query);
      return { items: page.items.map(present), total: page.total, limit: query.limit ?? 50, offset: query.offset ?? 0 };
    },
  );
  app.get(
    '/nodes/:id',
    { schema: { tags, summary: 'One node', params: IdParams, response: { 200: Node, ...STANDARD_ERRORS } } },
    async (request) => present(await getVisibleNode(deps, actorOf(request), (request.params as { id: string }).id)),
  );
  app.post(
    '/nodes',
    { schema: { tags, summary: 'Register a node', body: NodeCreate, response: { 201: Node, ...STANDARD_ERRORS } } },
    async (request, reply) =>
      reply.status(201).send(present(await createNode(deps, actorOf(request), request.body as NodeCreate))),
  );
  app.patch(
    '/nodes/:id',
    {
      schema: { tags, summary: 'Change a node', params: IdParams, body: NodeUpdate, response: { 200: Node, ...STANDARD_ERRORS } },
    },
    async (request) =>
      present(await changeNode(deps, actorOf(request), (request.params as { id: string }).id, request.body as NodeUpdate)),
  );
}
