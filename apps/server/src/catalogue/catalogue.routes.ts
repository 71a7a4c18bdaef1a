import { Category, Item, ItemCreate, ItemListQuery, ItemPage, ItemUpdate, ModuleKit } from '@zhanqin/contracts';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireAction } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/authenticate.ts';
import { IdParams, STANDARD_ERRORS } from '../http/schemas.ts';
import { listCategories, listModules } from './catalogue.repository.ts';
import { changeCatalogueItem, createCatalogueItem, getCatalogueItem, listCatalogueItems } from './manage-catalogue.ts';

const tags = ['catalogue'];

export function registerCatalogueRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/categories',
    {
      schema: {
        tags,
        summary: 'The category tree, flat (parentId links)',
        response: { 200: Type.Array(Category), ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      requireAction(actorOf(request), 'network.read');
      return listCategories(deps.db);
    },
  );
  app.get(
    '/items',
    { schema: { tags, summary: 'List item types', querystring: ItemListQuery, response: { 200: ItemPage, ...STANDARD_ERRORS } } },
    async (request) => {
      const query = request.query as ItemListQuery;
      const page = await listCatalogueItems(deps, actorOf(request), query);
      return { ...page, limit: query.limit ?? 50, offset: query.offset ?? 0 };
    },
  );
  app.get(
    '/items/:id',
    { schema: { tags, summary: 'One item type', params: IdParams, response: { 200: Item, ...STANDARD_ERRORS } } },
    async (request) => getCatalogueItem(deps, actorOf(request), (request.params as { id: string }).id),
  );
  app.post(
    '/items',
    { schema: { tags, summary: 'Add an item type', body: ItemCreate, response: { 201: Item, ...STANDARD_ERRORS } } },
    async (request, reply) =>
      reply.status(201).send(await createCatalogueItem(deps, actorOf(request), request.body as ItemCreate)),
  );
  app.patch(
    '/items/:id',
    {
      schema: {
        tags,
        summary: 'Change an item type',
        params: IdParams,
        body: ItemUpdate,
        response: { 200: Item, ...STANDARD_ERRORS },
      },
    },
    async (request) =>
      changeCatalogueItem(deps, actorOf(request), (request.params as { id: string }).id, request.body as ItemUpdate),
  );
  app.get(
    '/modules',
    {
      schema: {
        tags,
        summary: 'Modules (kits) with their packing lists',
        response: { 200: Type.Array(ModuleKit), ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      requireAction(actorOf(request), 'network.read');
      return listModules(deps.db);
    },
  );
}
