import type { Item } from '@zhanqin/contracts';
import { api } from '../../../lib/api-client.ts';
import { useRequest } from '../../../lib/use-request.ts';

/** Loads the catalogue entries of the given item ids (documents carry ids only). */
export function useItemsById(ids: readonly string[]) {
  const unique = [...new Set(ids)].sort();
  const request = useRequest(
    async (signal) =>
      new Map(
        (
          await Promise.all(
            unique.map((id) => api.get<Item>(`/items/${encodeURIComponent(id)}`, undefined, signal).catch(() => undefined)),
          )
        )
          .filter((i): i is Item => i !== undefined)
          .map((i) => [i.id, i]),
      ),
    ['items-by-id', unique],
  );
  return request.data ?? new Map<string, Item>();
}
