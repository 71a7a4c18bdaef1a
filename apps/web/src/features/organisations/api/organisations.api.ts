import type { Organisation } from '@zhanqin/contracts';
import { api, itemsOf, type PageOf } from '../../../lib/api-client.ts';
import { useRequest } from '../../../lib/use-request.ts';

export async function listOrganisations(signal?: AbortSignal): Promise<Organisation[]> {
  return itemsOf(await api.get<PageOf<Organisation>>('/organisations', { limit: 500, sort: 'code' }, signal));
}

/** All organisations the user may see, by id (for names in tables and drawers). */
export function useOrganisations() {
  const request = useRequest((signal) => listOrganisations(signal), 'organisations');
  const byId = new Map((request.data ?? []).map((o) => [o.id, o]));
  return { ...request, organisations: request.data ?? [], byId };
}
