import { api, type PageOf } from '../../../lib/api-client.ts';
import type { User, UserCreate, UserUpdate } from '@zhanqin/contracts';

export type { User, UserCreate, UserUpdate };

export function listUsers(query: { limit: number; offset: number }, signal?: AbortSignal): Promise<PageOf<User>> {
  return api.get<PageOf<User>>('/users', query, signal);
}

export function createUser(body: UserCreate): Promise<User> {
  return api.post<User>('/users', body);
}

export function updateUser(id: string, body: UserUpdate): Promise<User> {
  return api.patch<User>(`/users/${encodeURIComponent(id)}`, body);
}
