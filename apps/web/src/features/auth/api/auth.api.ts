import type { Role, User } from '@zhanqin/contracts';
import { api, apiRequest } from '../../../lib/api-client.ts';

export type { Role };

/** Roles of Zhanqin users, most privileged first (the contracts' Role union as a list for menus and forms). */
export const ROLES = [
  'admin',
  'logistics-officer',
  'warehouse-keeper',
  'station-officer',
  'dispatcher',
  'driver',
  'viewer',
] as const satisfies readonly Role[];

// Fails to compile when the contracts gain a role this list lacks.
type MissingRole = Exclude<Role, (typeof ROLES)[number]>;
const everyRoleListed: MissingRole extends never ? true : never = true;
void everyRoleListed;

/** The signed-in user, as GET /auth/me and POST /auth/login return it. */
export type SessionUser = User;

export type LoginResponse = { token: string; csrfToken: string; expiresAt: string; user: SessionUser };

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
