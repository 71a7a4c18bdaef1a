import { randomUUID } from 'node:crypto';
import type { IncidentCreate, IncidentListQuery, IncidentUpdate } from '@zhanqin/contracts';
import { nextIncidentState, priorityForAlarmLevel } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import { isOrganisationInScope, requireAction, requireOrganisationScope, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { findIncident, insertIncident, listIncidents, updateIncident, type IncidentRecord } from './incidents.repository.ts';

export async function listVisibleIncidents(deps: Pick<Deps, 'db'>, actor: Actor, q: IncidentListQuery) {
  requireAction(actor, 'network.read');
  return listIncidents(deps.db, q, actor.unrestricted ? null : actor.organisationPaths);
}

/** One incident in the actor's scope; outside it, as if it did not exist. */
export async function getVisibleIncident(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<IncidentRecord> {
  requireAction(actor, 'network.read');
  const incident = await findIncident(deps.db, id);
  if (!incident || !isOrganisationInScope(actor, incident.organisationPath)) throw notFound('Incident', id);
  return incident;
}

/** Records an incoming incident (接警) under the actor's organisation (or one in scope). */
export async function createIncident(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: IncidentCreate,
): Promise<IncidentRecord> {
  requireAction(actor, 'incident.write');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [type] = await tx.query<{ code: string }>('SELECT code FROM incident_type WHERE code = $1', [input.typeCode]);
    if (!type) throw new AppError('REFERENCE_NOT_FOUND', `Unknown incident type ${input.typeCode}`, { field: 'typeCode' });
    let organisationId = input.organisationId;
    if (!organisationId) {
      const [home] = await tx.query<{ organisation_id: string }>('SELECT organisation_id FROM app_user WHERE id = $1', [
        actor.userId,
      ]);
      organisationId = home?.organisation_id;
    }
    const organisation = organisationId ? await findOrganisation(tx, organisationId) : null;
    if (!organisation)
      throw new AppError('REFERENCE_NOT_FOUND', 'Give the organisation responsible for the incident (organisationId)');
    requireOrganisationScope(actor, 'incident.write', organisation);
    const id = randomUUID();
    await insertIncident(tx, {
      id,
      organisationId: organisation.id,
      typeCode: input.typeCode,
      alarmLevel: input.alarmLevel,
      priority: input.priority ?? priorityForAlarmLevel(input.alarmLevel),
      title: input.title ?? '',
      lat: input.lat,
      lng: input.lng,
      address: input.address ?? '',
      peopleCommitted: input.peopleCommitted ?? null,
      scbaWearers: input.scbaWearers ?? null,
      expectedDurationHours: input.expectedDurationHours ?? null,
      isExercise: input.isExercise ?? false,
      reportedAt: now.toISOString(),
      createdByName: actor.username,
    });
    const incident = (await findIncident(tx, id))!;
    await appendAudit(
      tx,
      actor,
      {
        action: 'incident.create',
        entityType: 'incident',
        entityId: id,
        organisationId: organisation.id,
        summary: { number: incident.number, type: input.typeCode, alarmLevel: input.alarmLevel, exercise: incident.isExercise },
      },
      now,
    );
    return incident;
  });
}

export async function changeIncident(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  patch: IncidentUpdate,
): Promise<IncidentRecord> {
  return deps.db.transaction(async (tx) => {
    const before = await findIncident(tx, id, true);
    if (!before || !isOrganisationInScope(actor, before.organisationPath)) throw notFound('Incident', id);
    requireOrganisationScope(actor, 'incident.write', { id: before.organisationId, path: before.organisationPath });
    if (before.state === 'closed' || before.state === 'cancelled')
      throw new AppError('INVALID_STATE', `Incident ${before.number} is ${before.state}`);
    const next = {
      ...patch,
      priority: patch.priority ?? (patch.alarmLevel ? priorityForAlarmLevel(patch.alarmLevel) : undefined),
    };
    await updateIncident(tx, id, next);
    const after = (await findIncident(tx, id))!;
    await appendAudit(
      tx,
      actor,
      {
        action: 'incident.update',
        entityType: 'incident',
        entityId: id,
        organisationId: before.organisationId,
        summary: {
          before: { alarmLevel: before.alarmLevel, priority: before.priority, peopleCommitted: before.peopleCommitted },
          after: { alarmLevel: after.alarmLevel, priority: after.priority, peopleCommitted: after.peopleCommitted },
        },
      },
      deps.clock.now(),
    );
    return after;
  });
}

/** Cancels an incident that was never supplied (a false alarm, or handled by the stations alone). */
export async function cancelIncident(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string): Promise<IncidentRecord> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const incident = await findIncident(tx, id, true);
    if (!incident || !isOrganisationInScope(actor, incident.organisationPath)) throw notFound('Incident', id);
    requireOrganisationScope(actor, 'incident.write', { id: incident.organisationId, path: incident.organisationPath });
    const next = nextIncidentState(incident.state, 'cancel');
    if (!next) throw new AppError('INVALID_STATE', `Incident ${incident.number} is ${incident.state}; close it instead`);
    await updateIncident(tx, id, { state: next, closedAt: now });
    await tx.query("UPDATE dispatch_plan SET state = 'superseded' WHERE $1 = ANY (incident_ids) AND state = 'draft'", [id]);
    await appendAudit(
      tx,
      actor,
      {
        action: 'incident.cancel',
        entityType: 'incident',
        entityId: id,
        organisationId: incident.organisationId,
        summary: { number: incident.number },
      },
      now,
    );
    return (await findIncident(tx, id))!;
  });
}
