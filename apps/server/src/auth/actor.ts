import { AppError } from '../http/app-error.ts';

export const ROLES = [
  'admin',
  'logistics-officer',
  'warehouse-keeper',
  'station-officer',
  'dispatcher',
  'driver',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'network.read',
  'network.write',
  'catalogue.write',
  'stock.read',
  'stock.write',
  'stock.approve',
  'standard.write',
  'incident.write',
  'dispatch.plan',
  'dispatch.confirm',
  'shipment.drive',
  'users.admin',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What each role may do (SPEC §1). Scope — which organisations and nodes — is checked separately. */
export const ROLE_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  admin: ACTIONS,
  'logistics-officer': [
    'network.read',
    'network.write',
    'catalogue.write',
    'stock.read',
    'stock.write',
    'stock.approve',
    'standard.write',
    'incident.write',
    'dispatch.plan',
    'dispatch.confirm',
    'audit.read',
  ],
  'warehouse-keeper': ['network.read', 'stock.read', 'stock.write'],
  'station-officer': ['network.read', 'stock.read', 'stock.write'],
  dispatcher: ['network.read', 'stock.read', 'incident.write', 'dispatch.plan', 'dispatch.confirm'],
  driver: ['network.read', 'stock.read', 'shipment.drive'],
  viewer: ['network.read', 'stock.read'],
};

/**
 * Who is acting, and where. `organisationPaths` are the materialised paths of the subtrees the
 * actor may act in; `nodeIds` are single nodes granted besides. `unrestricted` is true for
 * administrators and for the system itself (seeding, migrations).
 */
export type Actor = Readonly<{
  userId: string | null;
  username: string;
  role: Role;
  organisationPaths: readonly string[];
  nodeIds: readonly string[];
  unrestricted: boolean;
  clientAddress: string | null;
}>;

export const systemActor = (purpose = 'system'): Actor => ({
  userId: null,
  username: purpose,
  role: 'admin',
  organisationPaths: [],
  nodeIds: [],
  unrestricted: true,
  clientAddress: null,
});

export const can = (actor: Actor, action: Action): boolean => ROLE_ACTIONS[actor.role].includes(action);

/** Throws FORBIDDEN unless the actor's role includes the action. */
export function requireAction(actor: Actor, action: Action): void {
  if (!can(actor, action)) {
    throw new AppError('FORBIDDEN', `Role ${actor.role} may not perform ${action}`, { action, role: actor.role });
  }
}

/** True when an organisation (by its path) lies inside one of the actor's subtrees. */
export const isOrganisationInScope = (actor: Actor, organisationPath: string): boolean =>
  actor.unrestricted || actor.organisationPaths.some((p) => organisationPath.startsWith(p));

/** True when a node lies in the actor's scope: its organisation is in scope, or it was granted by id. */
export const isNodeInScope = (actor: Actor, node: { id: string; organisationPath: string }): boolean =>
  actor.unrestricted || actor.nodeIds.includes(node.id) || isOrganisationInScope(actor, node.organisationPath);

export function requireNodeScope(actor: Actor, action: Action, node: { id: string; organisationPath: string; code?: string }) {
  requireAction(actor, action);
  if (!isNodeInScope(actor, node)) {
    throw new AppError('FORBIDDEN_SCOPE', `Node ${node.code ?? node.id} is outside your scope`, { nodeId: node.id, action });
  }
}

export function requireOrganisationScope(actor: Actor, action: Action, organisation: { id: string; path: string }) {
  requireAction(actor, action);
  if (!isOrganisationInScope(actor, organisation.path)) {
    throw new AppError('FORBIDDEN_SCOPE', `Organisation ${organisation.id} is outside your scope`, {
      organisationId: organisation.id,
      action,
    });
  }
}
