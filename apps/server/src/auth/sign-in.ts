import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import type { Actor } from './actor.ts';
import { checkPasswordStrength, getDummyHash, hashPassword, verifyPassword } from './password.ts';
import {
  clearFailures,
  findAttempts,
  insertSession,
  recordFailure,
  revokeSession,
  revokeUserSessions,
} from './sessions.repository.ts';
import { findPasswordHash, findUserForLogin, setPasswordHash, type UserRecord } from './users.repository.ts';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export type SignInResult = { token: string; csrfToken: string; expiresAt: Date; user: UserRecord };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Checks a password and opens a server-side session. Failures are counted per user name and per
 * address: after a few they are slowed, at the threshold refused with 429 for a while — and while
 * refused, even the right password does not let the caller in.
 */
export async function signIn(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: { username: string; password: string; clientAddress: string | null },
): Promise<SignInResult> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const username = input.username.trim().toLowerCase();
  const userSubject = `user:${username}`;
  const addrSubject = `addr:${input.clientAddress ?? 'unknown'}`;
  const attempts = await findAttempts(db, [userSubject, addrSubject]);
  const lockedUntil = [...attempts.values()]
    .map((a) => a.locked_until)
    .filter((d): d is Date => d !== null && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (lockedUntil) {
    const retryAfterSeconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds });
  }

  const user = await findUserForLogin(db, username);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !valid || user.disabled) {
    const policy = { windowMinutes: config.loginWindowMinutes, lockMinutes: config.loginLockMinutes };
    const byUser = await recordFailure(db, userSubject, now, { ...policy, maxFailures: config.loginMaxFailures });
    const byAddr = await recordFailure(db, addrSubject, now, { ...policy, maxFailures: config.loginMaxFailures * 4 });
    const failures = Math.max(byUser.failures, byAddr.failures);
    // Slow down guessing before the lock: 250 ms per failure beyond the second, at most 2 s.
    if (failures > 2) await sleep(Math.min(2000, 250 * (failures - 2)));
    const lock = [byUser.lockedUntil, byAddr.lockedUntil].find((d) => d && d > now);
    if (lock) {
      throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-in attempts; try again later', {
        retryAfterSeconds: Math.ceil((lock.getTime() - now.getTime()) / 1000),
      });
    }
    throw new AppError('UNAUTHENTICATED', 'Wrong user name or password, or the account is disabled');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionTtlMinutes * 60_000);
  await db.transaction(async (tx) => {
    await clearFailures(tx, userSubject);
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      organisationId: user.organisationId,
      csrfToken,
      now,
      expiresAt,
      clientAddress: input.clientAddress,
    });
    await appendAudit(
      tx,
      {
        userId: user.id,
        username: user.username,
        role: user.role,
        organisationPaths: [],
        nodeIds: [],
        unrestricted: false,
        clientAddress: input.clientAddress,
      },
      {
        action: 'session.create',
        entityType: 'user',
        entityId: user.id,
        organisationId: user.organisationId,
        summary: { expiresAt: expiresAt.toISOString() },
      },
      now,
    );
  });
  const { passwordHash: _omit, ...record } = user;
  return { token, csrfToken, expiresAt, user: record };
}

export async function signOut(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, token: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, hashToken(token), deps.clock.now());
    await appendAudit(
      tx,
      actor,
      { action: 'session.revoke', entityType: 'user', entityId: actor.userId, organisationId: null, summary: {} },
      deps.clock.now(),
    );
  });
}

/** Changes one's own password after checking the current one; other sessions of the user are revoked. */
export async function changeOwnPassword(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  token: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const stored = await findPasswordHash(deps.db, actor.userId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    throw new AppError('UNPROCESSABLE', 'The current password is wrong');
  }
  const weakness = checkPasswordStrength(input.newPassword);
  if (weakness) throw new AppError('VALIDATION_FAILED', `The new password is too weak: ${weakness}`);
  if (input.newPassword === input.currentPassword)
    throw new AppError('VALIDATION_FAILED', 'The new password must differ from the current one');
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, actor.userId!, hash, false);
    await revokeUserSessions(tx, actor.userId!, deps.clock.now(), hashToken(token));
    await appendAudit(
      tx,
      actor,
      { action: 'user.password-change', entityType: 'user', entityId: actor.userId, organisationId: null, summary: {} },
      deps.clock.now(),
    );
  });
}
