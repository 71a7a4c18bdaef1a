import type { Category, Item, ModuleKit, TrackingKind } from '@zhanqin/contracts';
import { api, itemsOf, type PageOf } from '../../../lib/api-client.ts';

export type ItemSort = 'code' | 'nameZh' | 'nameEn' | 'tracking';
export type ItemFilter = {
  limit: number;
  offset: number;
  sort?: ItemSort;
  order?: 'asc' | 'desc';
  categoryId?: string;
  tracking?: TrackingKind;
  q?: string;
};

export async function listCategories(signal?: AbortSignal): Promise<Category[]> {
  return itemsOf(await api.get<PageOf<Category> | Category[]>('/categories', { limit: 500 }, signal));
}

export function listItems(filter: ItemFilter, signal?: AbortSignal): Promise<PageOf<Item>> {
  return api.get<PageOf<Item>>('/items', filter, signal);
}

export async function listModules(signal?: AbortSignal): Promise<ModuleKit[]> {
  return itemsOf(await api.get<PageOf<ModuleKit> | ModuleKit[]>('/modules', { limit: 500 }, signal));
}
