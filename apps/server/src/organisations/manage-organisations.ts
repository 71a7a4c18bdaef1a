import { randomUUID } from 'node:crypto';
import type { OrganisationCreate, OrganisationListQuery, OrganisationUpdate } from '@zhanqin/contracts';
import { appendAudit } from '../audit/audit.repository.ts';
import { isOrganisationInScope, requireAction, requireOrganisationScope, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import {
  findOrganisation,
  insertOrganisation,
  listOrganisations,
  moveOrganisation,
  updateOrganisation,
  type OrganisationRecord,
} from './organisations.repository.ts';

/** A child's kind must sit below its parent's: corps → detachment → battalion → station. */
const KIND_RANK = { corps: 0, detachment: 1, battalion: 2, station: 3 } as const;

export async function listVisibleOrganisations(deps: Pick<Deps, 'db'>, actor: Actor, query: OrganisationListQuery) {
  requireAction(actor, 'network.read');
  return listOrganisations(deps.db, query, { visiblePaths: actor.unrestricted ? null : actor.organisationPaths });
}

export async function getVisibleOrganisation(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<OrganisationRecord> {
  requireAction(actor, 'network.read');
  const org = await findOrganisation(deps.db, id);
  if (!org || !isOrganisationInScope(actor, org.path)) throw notFound('Organisation', id);
  return org;
}

/** Adds an organisation under a parent in the actor's scope; only an unrestricted actor may add a root. */
export async function createOrganisation(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: OrganisationCreate & { isDemo?: boolean },
): Promise<OrganisationRecord> {
  return deps.db.transaction(async (tx) => {
    const id = randomUUID();
    let path = `/${id}/`;
    if (input.parentId) {
      const parent = await findOrganisation(tx, input.parentId);
      if (!parent) throw new AppError('REFERENCE_NOT_FOUND', `Parent organisation ${input.parentId} does not exist`);
      requireOrganisationScope(actor, 'network.write', parent);
      if (KIND_RANK[input.kind] <= KIND_RANK[parent.kind]) {
        throw new AppError('VALIDATION_FAILED', `A ${input.kind} cannot sit under a ${parent.kind}`);
      }
      path = `${parent.path}${id}/`;
    } else {
      requireAction(actor, 'network.write');
      if (!actor.unrestricted) throw new AppError('FORBIDDEN_SCOPE', 'Only an administrator may add a top-level organisation');
    }
    const org = await insertOrganisation(tx, {
      id,
      parentId: input.parentId ?? null,
      path,
      code: input.code,
      kind: input.kind,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      isDemo: input.isDemo ?? false,
    });
    await appendAudit(
      tx,
      actor,
      {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: id,
        organisationId: id,
        summary: { after: { code: input.code, kind: input.kind, nameZh: input.nameZh } },
      },
      deps.clock.now(),
    );
    return org;
  });
}

/** Renames, re-kinds or moves an organisation (with its whole subtree); refuses to create a cycle. */
export async function changeOrganisation(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  patch: OrganisationUpdate,
): Promise<OrganisationRecord> {
  return deps.db.transaction(async (tx) => {
    const before = await findOrganisation(tx, id);
    if (!before) throw notFound('Organisation', id);
    requireOrganisationScope(actor, 'network.write', before);
    if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
      if (patch.parentId === null) {
        if (!actor.unrestricted)
          throw new AppError('FORBIDDEN_SCOPE', 'Only an administrator may make an organisation top-level');
        await moveOrganisation(tx, id, before.path, `/${id}/`, null);
      } else {
        const parent = await findOrganisation(tx, patch.parentId);
        if (!parent) throw new AppError('REFERENCE_NOT_FOUND', `Parent organisation ${patch.parentId} does not exist`);
        requireOrganisationScope(actor, 'network.write', parent);
        if (parent.path.startsWith(before.path)) {
          throw new AppError('UNPROCESSABLE', 'An organisation cannot be moved under itself or its descendants');
        }
        await moveOrganisation(tx, id, before.path, `${parent.path}${id}/`, parent.id);
      }
    }
    const after = (await updateOrganisation(tx, id, patch))!;
    await appendAudit(
      tx,
      actor,
      {
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: id,
        organisationId: id,
        summary: {
          before: { parentId: before.parentId, kind: before.kind, nameZh: before.nameZh, nameEn: before.nameEn },
          after: { parentId: after.parentId, kind: after.kind, nameZh: after.nameZh, nameEn: after.nameEn },
        },
      },
      deps.clock.now(),
    );
    return after;
  });
}
