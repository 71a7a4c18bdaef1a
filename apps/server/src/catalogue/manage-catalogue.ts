import { randomUUID } from 'node:crypto';
import type { ItemCreate, ItemListQuery, ItemUpdate } from '@zhanqin/contracts';
import { appendAudit } from '../audit/audit.repository.ts';
import { requireAction, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findCategory, findItem, insertItem, listItems, updateItem } from './catalogue.repository.ts';

function checkTemperatures(input: { storageTempMinC?: number | null; storageTempMaxC?: number | null }) {
  const { storageTempMinC: min, storageTempMaxC: max } = input;
  if (min != null && max != null && min > max) {
    throw new AppError('VALIDATION_FAILED', 'storageTempMinC is above storageTempMaxC');
  }
}

export async function listCatalogueItems(deps: Pick<Deps, 'db'>, actor: Actor, query: ItemListQuery) {
  requireAction(actor, 'network.read');
  return listItems(deps.db, query);
}

export async function getCatalogueItem(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  requireAction(actor, 'network.read');
  const item = await findItem(deps.db, id);
  if (!item) throw notFound('Item', id);
  return item;
}

/** Adds an item type to the catalogue; it belongs to the organisation that owns its category. */
export async function createCatalogueItem(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: ItemCreate) {
  requireAction(actor, 'catalogue.write');
  checkTemperatures(input);
  return deps.db.transaction(async (tx) => {
    const category = await findCategory(tx, input.categoryId);
    if (!category) throw new AppError('REFERENCE_NOT_FOUND', `Category ${input.categoryId} does not exist`);
    const [owner] = await tx.query<{ organisation_id: string }>('SELECT organisation_id FROM category WHERE id = $1', [
      category.id,
    ]);
    const id = randomUUID();
    await insertItem(tx, id, owner!.organisation_id, input);
    await appendAudit(
      tx,
      actor,
      {
        action: 'item.create',
        entityType: 'item',
        entityId: id,
        organisationId: owner!.organisation_id,
        summary: { after: { code: input.code, nameZh: input.nameZh, tracking: input.tracking } },
      },
      deps.clock.now(),
    );
    return (await findItem(tx, id))!;
  });
}

export async function changeCatalogueItem(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string, patch: ItemUpdate) {
  requireAction(actor, 'catalogue.write');
  return deps.db.transaction(async (tx) => {
    const before = await findItem(tx, id);
    if (!before) throw notFound('Item', id);
    checkTemperatures({ ...before, ...patch });
    if (patch.categoryId && !(await findCategory(tx, patch.categoryId))) {
      throw new AppError('REFERENCE_NOT_FOUND', `Category ${patch.categoryId} does not exist`);
    }
    await updateItem(tx, id, patch);
    const after = (await findItem(tx, id))!;
    const fields = Object.keys(patch) as (keyof ItemUpdate)[];
    const [owner] = await tx.query<{ organisation_id: string }>('SELECT organisation_id FROM item WHERE id = $1', [id]);
    await appendAudit(
      tx,
      actor,
      {
        action: 'item.update',
        entityType: 'item',
        entityId: id,
        organisationId: owner!.organisation_id,
        summary: {
          fields,
          before: Object.fromEntries(fields.map((k) => [k, before[k]])),
          after: Object.fromEntries(fields.map((k) => [k, after[k]])),
        },
      },
      deps.clock.now(),
    );
    return after;
  });
}
