import { api, type PageOf } from '../../../lib/api-client.ts';
import type { Role } from '../../auth/api/auth.api.ts';

/** A user as the admin routes return it (not yet in @zhanqin/contracts). */
export type User = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisationIds: string[];
  nodeIds: string[];
  disabled: boolean;
  createdAt?: string;
  updatedAt?: string;
};

export type UserCreate = {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  organisationIds?: string[];
  nodeIds?: string[];
};

export type UserUpdate = Partial<Pick<User, 'displayName' | 'role' | 'organisationIds' | 'nodeIds' | 'disabled'>>;

export function listUsers(query: { limit: number; offset: number }, signal?: AbortSignal): Promise<PageOf<User>> {
  return api.get<PageOf<User>>('/users', query, signal);
}

export function createUser(body: UserCreate): Promise<User> {
  return api.post<User>('/users', body);
}

export function updateUser(id: string, body: UserUpdate): Promise<User> {
  return api.patch<User>(`/users/${encodeURIComponent(id)}`, body);
}
