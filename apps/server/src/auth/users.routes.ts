import { User, UserCreate, UserListQuery, UserPage, UserUpdate } from '@zhanqin/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/authenticate.ts';
import { IdParams, STANDARD_ERRORS } from '../http/schemas.ts';
import { changeUser, createUser, getUser, listAllUsers } from './manage-users.ts';

const tags = ['users'];

export function registerUserRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List users (administrators)',
        querystring: UserListQuery,
        response: { 200: UserPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const query = request.query as UserListQuery;
      const page = await listAllUsers(deps, actorOf(request), query);
      return { ...page, limit: query.limit ?? 50, offset: query.offset ?? 0 };
    },
  );
  app.get(
    '/users/:id',
    { schema: { tags, summary: 'One user', params: IdParams, response: { 200: User, ...STANDARD_ERRORS } } },
    async (request) => getUser(deps, actorOf(request), (request.params as { id: string }).id),
  );
  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user with a role and a scope',
        body: UserCreate,
        response: { 201: User, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(deps, actorOf(request), request.body as UserCreate)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change, re-scope, disable a user or reset the password',
        params: IdParams,
        body: UserUpdate,
        response: { 200: User, ...STANDARD_ERRORS },
      },
    },
    async (request) => changeUser(deps, actorOf(request), (request.params as { id: string }).id, request.body as UserUpdate),
  );
}
