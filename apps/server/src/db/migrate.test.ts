import { describe, expect, it } from 'vitest';
import { openPglite } from './database.ts';
import { loadMigrations, migrate, MigrationError } from './migrate.ts';

describe('migrate', () => {
  it('applies every migration once and refuses an edited one', async () => {
    const db = await openPglite(null);
    try {
      const migrations = loadMigrations();
      const versions = migrations.map((m) => m.version);
      expect(new Set(versions).size).toBe(versions.length);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect((await migrate(db, migrations)).applied).toHaveLength(migrations.length);
      expect((await migrate(db, migrations)).applied).toEqual([]);
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'changed' } : m));
      await expect(migrate(db, edited)).rejects.toBeInstanceOf(MigrationError);
      for (const m of migrations) expect(m.sql.split('\n')[0]).toMatch(/^-- \S/);
    } finally {
      await db.close();
    }
  });

  it('returns the same JavaScript values as the pg driver: int8 and numeric as numbers, dates as text', async () => {
    const db = await openPglite(null);
    try {
      const [row] = await db.query<{ n: unknown; d: unknown; m: unknown }>(
        "SELECT count(*) AS n, DATE '2026-01-02' AS d, 1.5::numeric AS m",
      );
      expect(row).toEqual({ n: 1, d: '2026-01-02', m: 1.5 });
    } finally {
      await db.close();
    }
  });
});
