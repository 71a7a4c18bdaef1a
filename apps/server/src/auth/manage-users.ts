import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Deps } from '../deps.ts';
import type { Queryable } from '../db/database.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { requireAction, type Actor, type Role } from './actor.ts';
import { checkPasswordStrength, hashPassword } from './password.ts';
import { revokeUserSessions } from './sessions.repository.ts';
import {
  countAdmins,
  findUser,
  insertUser,
  listUsers,
  setPasswordHash,
  updateUser,
  type UserRecord,
} from './users.repository.ts';

export type UserCreateInput = {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  organisationIds?: string[];
  nodeIds?: string[];
};

export type UserPatch = {
  displayName?: string;
  role?: Role;
  organisationIds?: string[];
  nodeIds?: string[];
  disabled?: boolean;
  password?: string;
};

/** Checks that scope ids exist and picks the user's home organisation (the first subtree, or the first node's). */
async function resolveScope(tx: Queryable, organisationIds: string[], nodeIds: string[]): Promise<string | null> {
  const orgs = await tx.query<{ id: string }>('SELECT id FROM organisation WHERE id = ANY ($1::uuid[])', [organisationIds]);
  const missingOrgs = organisationIds.filter((id) => !orgs.some((o) => o.id === id));
  const nodes = await tx.query<{ id: string; organisation_id: string }>(
    'SELECT id, organisation_id FROM node WHERE id = ANY ($1::uuid[])',
    [nodeIds],
  );
  const missingNodes = nodeIds.filter((id) => !nodes.some((n) => n.id === id));
  if (missingOrgs.length || missingNodes.length) {
    throw new AppError('REFERENCE_NOT_FOUND', 'Some organisations or nodes of the scope do not exist', {
      missingOrgs,
      missingNodes,
    });
  }
  return organisationIds[0] ?? nodes.find((n) => n.id === nodeIds[0])?.organisation_id ?? null;
}

export async function listAllUsers(deps: Pick<Deps, 'db'>, actor: Actor, q: Parameters<typeof listUsers>[1]) {
  requireAction(actor, 'users.admin');
  return listUsers(deps.db, q);
}

export async function getUser(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<UserRecord> {
  if (actor.userId !== id) requireAction(actor, 'users.admin');
  const user = await findUser(deps.db, id);
  if (!user) throw notFound('User', id);
  return user;
}

/** Creates a user with a role and a scope. Non-admin roles need at least one organisation or node. */
export async function createUser(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: UserCreateInput & { isDemo?: boolean; mustChangePassword?: boolean },
) {
  requireAction(actor, 'users.admin');
  const weakness = checkPasswordStrength(input.password);
  if (weakness) throw new AppError('VALIDATION_FAILED', `The password is too weak: ${weakness}`);
  const organisationIds = [...new Set(input.organisationIds ?? [])];
  const nodeIds = [...new Set(input.nodeIds ?? [])];
  if (input.role !== 'admin' && organisationIds.length === 0 && nodeIds.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Give the user a scope: organisationIds and/or nodeIds');
  }
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    let home = await resolveScope(tx, organisationIds, nodeIds);
    if (!home) {
      const [root] = await tx.query<{ id: string }>(
        'SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY created_at, code LIMIT 1',
      );
      if (!root) throw new AppError('UNPROCESSABLE', 'Create an organisation before users');
      home = root.id;
    }
    const user = await insertUser(tx, {
      id: randomUUID(),
      organisationId: home,
      username: input.username.trim().toLowerCase(),
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      organisationIds,
      nodeIds,
      mustChangePassword: input.mustChangePassword ?? false,
      isDemo: input.isDemo ?? false,
    });
    await appendAudit(
      tx,
      actor,
      {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        organisationId: home,
        summary: { after: { username: user.username, role: user.role, organisationIds, nodeIds } },
      },
      deps.clock.now(),
    );
    return user;
  });
}

/** Renames, re-roles, re-scopes, disables or resets the password of a user; the last admin cannot be removed. */
export async function changeUser(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string, patch: UserPatch) {
  requireAction(actor, 'users.admin');
  if (patch.password !== undefined) {
    const weakness = checkPasswordStrength(patch.password);
    if (weakness) throw new AppError('VALIDATION_FAILED', `The password is too weak: ${weakness}`);
  }
  const passwordHash = patch.password === undefined ? null : await hashPassword(patch.password);
  return deps.db.transaction(async (tx) => {
    const before = await findUser(tx, id);
    if (!before) throw notFound('User', id);
    const losesAdmin =
      before.role === 'admin' && !before.disabled && ((patch.role && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin && (await countAdmins(tx)) <= 1) {
      throw new AppError('UNPROCESSABLE', 'This is the last active administrator; appoint another first');
    }
    const organisationIds = patch.organisationIds ? [...new Set(patch.organisationIds)] : before.organisationIds;
    const nodeIds = patch.nodeIds ? [...new Set(patch.nodeIds)] : before.nodeIds;
    const role = patch.role ?? before.role;
    if (role !== 'admin' && organisationIds.length === 0 && nodeIds.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'Give the user a scope: organisationIds and/or nodeIds');
    }
    const home = patch.organisationIds || patch.nodeIds ? await resolveScope(tx, organisationIds, nodeIds) : null;
    const after = (await updateUser(tx, id, { ...patch, organisationIds, nodeIds, organisationId: home ?? undefined }))!;
    if (passwordHash) await setPasswordHash(tx, id, passwordHash, true);
    // Any change of rights or a disable ends the user's sessions, so the change takes effect at once.
    if (patch.disabled || patch.role || patch.organisationIds || patch.nodeIds || passwordHash) {
      await revokeUserSessions(tx, id, deps.clock.now());
    }
    await appendAudit(
      tx,
      actor,
      {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        organisationId: after.organisationId,
        summary: {
          before: {
            displayName: before.displayName,
            role: before.role,
            organisationIds: before.organisationIds,
            nodeIds: before.nodeIds,
            disabled: before.disabled,
          },
          after: {
            displayName: after.displayName,
            role: after.role,
            organisationIds: after.organisationIds,
            nodeIds: after.nodeIds,
            disabled: after.disabled,
          },
          passwordReset: passwordHash !== null,
        },
      },
      deps.clock.now(),
    );
    return after;
  });
}
