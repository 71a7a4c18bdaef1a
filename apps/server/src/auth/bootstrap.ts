import { randomUUID } from 'node:crypto';
import { systemActor } from './actor.ts';
import type { Deps } from '../deps.ts';
import { createUser } from './manage-users.ts';
import { generatePassword } from './password.ts';
import { countAdmins } from './users.repository.ts';

/**
 * Makes a fresh database usable: a root organisation if there is none, and the first
 * administrator `admin` with ZHANQIN_ADMIN_PASSWORD or a random password returned to be printed once.
 */
export async function ensureFirstAdmin(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
): Promise<{ created: boolean; password: string | null; generated: boolean }> {
  if ((await countAdmins(deps.db)) > 0) return { created: false, password: null, generated: false };
  const [root] = await deps.db.query<{ id: string }>(
    'SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY created_at, code LIMIT 1',
  );
  if (!root) {
    const id = randomUUID();
    await deps.db.query(
      `INSERT INTO organisation (id, organisation_id, parent_id, path, code, kind, name_zh, name_en)
       VALUES ($1, $1, NULL, $2, 'ROOT', 'corps', '本级单位（请改名）', 'Root organisation (rename me)')`,
      [id, `/${id}/`],
    );
  }
  const generated = deps.config.adminPassword === null;
  const password = deps.config.adminPassword ?? generatePassword();
  await createUser(deps, systemActor('bootstrap'), {
    username: 'admin',
    password,
    displayName: '系统管理员 Administrator',
    role: 'admin',
    mustChangePassword: generated,
  });
  return { created: true, password, generated };
}
