import {
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationPage,
  OrganisationUpdate,
} from '@zhanqin/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/authenticate.ts';
import { IdParams, STANDARD_ERRORS } from '../http/schemas.ts';
import {
  changeOrganisation,
  createOrganisation,
  getVisibleOrganisation,
  listVisibleOrganisations,
} from './manage-organisations.ts';
import type { OrganisationRecord } from './organisations.repository.ts';

const present = ({ path: _path, ...org }: OrganisationRecord) => org;
const tags = ['network'];

export function registerOrganisationRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'List organisations in scope',
        querystring: OrganisationListQuery,
        response: { 200: OrganisationPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const query = request.query as OrganisationListQuery;
      const page = await listVisibleOrganisations(deps, actorOf(request), query);
      return { items: page.items.map(present), total: page.total, limit: query.limit ?? 50, offset: query.offset ?? 0 };
    },
  );
  app.get(
    '/organisations/:id',
    { schema: { tags, summary: 'One organisation', params: IdParams, response: { 200: Organisation, ...STANDARD_ERRORS } } },
    async (request) => present(await getVisibleOrganisation(deps, actorOf(request), (request.params as { id: string }).id)),
  );
  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Add an organisation',
        body: OrganisationCreate,
        response: { 201: Organisation, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const org = await createOrganisation(deps, actorOf(request), request.body as OrganisationCreate);
      return reply.status(201).send(present(org));
    },
  );
  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Rename or move an organisation',
        params: IdParams,
        body: OrganisationUpdate,
        response: { 200: Organisation, ...STANDARD_ERRORS },
      },
    },
    async (request) =>
      present(
        await changeOrganisation(
          deps,
          actorOf(request),
          (request.params as { id: string }).id,
          request.body as OrganisationUpdate,
        ),
      ),
  );
}
