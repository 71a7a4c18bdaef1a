import { api, apiRequest } from '../../../lib/api-client.ts';

/** Roles of Zhanqin users, most privileged first. */
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

/** The signed-in user as the auth routes return it (not yet in @zhanqin/contracts). */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Organisations whose records the user may see and change. */
  organisationIds: string[];
  /** Nodes the user works at (keepers, station officers); empty means all in their organisations. */
  nodeIds: string[];
};

export type LoginResponse = { token: string; csrfToken: string; user: SessionUser };

export function login(username: string, password: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('POST', '/auth/login', { body: { username, password }, noAuthRedirect: true });
}

/** The current session's user, or undefined when nobody is signed in. */
export async function fetchMe(): Promise<SessionUser | undefined> {
  try {
    const { user } = await apiRequest<{ user: SessionUser }>('GET', '/auth/me', { noAuthRedirect: true });
    return user;
  } catch (error) {
    if (error instanceof Error && 'status' in error && (error as { status: number }).status === 401) return undefined;
    throw error;
  }
}

export function logout(): Promise<unknown> {
  return apiRequest('POST', '/auth/logout', { body: {}, noAuthRedirect: true });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<unknown> {
  return api.post('/auth/password', { currentPassword, newPassword });
}
