import { randomUUID } from 'node:crypto';
import type { NodeCreate, NodeUpdate } from '@zhanqin/contracts';
import { appendAudit } from '../audit/audit.repository.ts';
import { requireNodeScope, requireOrganisationScope, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { createSlotsForZones } from '../ledger/put-away.ts';
import { findNode, insertNode, updateNode, type NodeRecord } from './nodes.repository.ts';

function checkZones(zones: NodeCreate['zones']): void {
  for (const zone of zones ?? []) {
    if (zone.tempMinC !== undefined && zone.tempMaxC !== undefined && zone.tempMinC > zone.tempMaxC) {
      throw new AppError('VALIDATION_FAILED', `Zone ${zone.code}: tempMinC is above tempMaxC`, { zone: zone.code });
    }
  }
  const codes = new Set<string>();
  for (const zone of zones ?? []) {
    if (codes.has(zone.code)) throw new AppError('VALIDATION_FAILED', `Zone code ${zone.code} appears twice`);
    codes.add(zone.code);
  }
}

/** Registers a node of the 1+8+N network under an organisation in the actor's scope. */
export async function createNode(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: NodeCreate): Promise<NodeRecord> {
  checkZones(input.zones);
  if (input.type === 'partner' && !input.agreement) {
    throw new AppError('VALIDATION_FAILED', 'A partner node needs its agent-storage agreement (agreement)');
  }
  return deps.db.transaction(async (tx) => {
    const organisation = await findOrganisation(tx, input.organisationId);
    if (!organisation) throw new AppError('REFERENCE_NOT_FOUND', `Organisation ${input.organisationId} does not exist`);
    requireOrganisationScope(actor, 'network.write', organisation);
    const id = randomUUID();
    await insertNode(tx, id, input);
    await createSlotsForZones(tx, { id, organisationId: organisation.id, zones: input.zones ?? [] });
    await appendAudit(
      tx,
      actor,
      {
        action: 'node.create',
        entityType: 'node',
        entityId: id,
        organisationId: organisation.id,
        summary: { after: { code: input.code, type: input.type, nameZh: input.nameZh } },
      },
      deps.clock.now(),
    );
    return (await findNode(tx, id))!;
  });
}

/** Changes a node's fields; moving it to another organisation needs scope over both. */
export async function changeNode(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  patch: NodeUpdate,
): Promise<NodeRecord> {
  checkZones(patch.zones);
  return deps.db.transaction(async (tx) => {
    const before = await findNode(tx, id);
    if (!before) throw notFound('Node', id);
    requireNodeScope(actor, 'network.write', before);
    if (patch.organisationId && patch.organisationId !== before.organisationId) {
      const target = await findOrganisation(tx, patch.organisationId);
      if (!target) throw new AppError('REFERENCE_NOT_FOUND', `Organisation ${patch.organisationId} does not exist`);
      requireOrganisationScope(actor, 'network.write', target);
    }
    if ((patch.type ?? before.type) === 'partner' && patch.agreement === null) {
      throw new AppError('VALIDATION_FAILED', 'A partner node needs its agent-storage agreement (agreement)');
    }
    await updateNode(tx, id, patch);
    const after = (await findNode(tx, id))!;
    if (patch.zones) await createSlotsForZones(tx, after);
    const changed = Object.keys(patch) as (keyof NodeUpdate)[];
    await appendAudit(
      tx,
      actor,
      {
        action: 'node.update',
        entityType: 'node',
        entityId: id,
        organisationId: after.organisationId,
        summary: {
          fields: changed,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
      },
      deps.clock.now(),
    );
    return after;
  });
}
