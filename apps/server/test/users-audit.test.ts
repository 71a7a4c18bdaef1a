import { expect, it } from 'vitest';
import { bearer, describeEachDatabase, useTestApp } from './support.ts';

describeEachDatabase('users and the audit log', (kind) => {
  const ctx = useTestApp(kind);
  const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, token = ctx.adminToken) =>
    ctx.app.inject({ method, url, payload, headers: bearer(token) });

  it('lets an administrator create, re-scope and disable a user; a disabled user is signed out', async () => {
    const [node] = await ctx.db.query<{ id: string }>("SELECT id FROM node WHERE code = 'LPS-SW-LZ1'");
    const created = await as('POST', '/api/v1/users', {
      username: 'lz.keeper',
      password: 'Keeper-Pass-42',
      displayName: '六枝保管员',
      role: 'warehouse-keeper',
      nodeIds: [node!.id],
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ role: 'warehouse-keeper', nodeIds: [node!.id], disabled: false });
    expect(JSON.stringify(user)).not.toContain('Keeper-Pass-42');
    const token = await ctx.login('lz.keeper', 'Keeper-Pass-42');
    const noScope = await as('POST', '/api/v1/users', {
      username: 'no.scope',
      password: 'Keeper-Pass-42',
      displayName: 'x',
      role: 'viewer',
    });
    expect(noScope.statusCode).toBe(400);
    const disabled = await as('PATCH', `/api/v1/users/${user.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await as('GET', '/api/v1/auth/me', undefined, token)).statusCode).toBe(401);
    const relogin = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'lz.keeper', password: 'Keeper-Pass-42' },
    });
    expect(relogin.statusCode).toBe(401);
  });

  it('refuses to disable the last administrator', async () => {
    const [admin] = await ctx.db.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'admin'");
    const res = await as('PATCH', `/api/v1/users/${admin!.id}`, { disabled: true });
    expect(res.statusCode).toBe(422);
  });

  it('verifies an intact chain', async () => {
    const verdict = (await as('GET', '/api/v1/audit/verify')).json();
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThan(5);
  });

  it('names the altered entry when a row is changed directly in the database', async () => {
    const [victim] = await ctx.db.query<{ seq: number; summary: unknown }>(
      "SELECT seq, summary FROM audit_event WHERE action = 'user.create' ORDER BY seq LIMIT 1 OFFSET 1",
    );
    await ctx.db.query(`UPDATE audit_event SET summary = '{"after":{"role":"admin"}}' WHERE seq = $1`, [victim!.seq]);
    const verdict = (await as('GET', '/api/v1/audit/verify')).json();
    expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: Number(victim!.seq), reason: 'hash-mismatch' });
    // Putting the original value back makes the chain whole again: the hash covers content, not row versions.
    await ctx.db.query('UPDATE audit_event SET summary = $2 WHERE seq = $1', [victim!.seq, JSON.stringify(victim!.summary)]);
    expect((await as('GET', '/api/v1/audit/verify')).json().ok).toBe(true);
  });

  it('names the missing entry when a row is deleted', async () => {
    const [{ seq }] = (await ctx.db.query<{ seq: number }>(
      "SELECT min(seq) AS seq FROM audit_event WHERE action = 'session.create'",
    )) as [{ seq: number }];
    await ctx.db.query('DELETE FROM audit_event WHERE seq = $1', [seq]);
    const verdict = (await as('GET', '/api/v1/audit/verify')).json();
    expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: Number(seq), reason: 'missing-entry' });
  });

  it('filters the audit log by actor and entity, newest first', async () => {
    const page = (await as('GET', '/api/v1/audit?actor=admin&entityType=user&limit=5')).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(
      page.items.every(
        (e: { actorUsername: string; entityType: string }) => e.actorUsername === 'admin' && e.entityType === 'user',
      ),
    ).toBe(true);
    const seqs = page.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });
});
