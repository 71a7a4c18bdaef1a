import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { hashToken } from '../auth/sign-in.ts';
import { findLiveSession, touchSession } from '../auth/sessions.repository.ts';
import type { Deps } from '../deps.ts';
import { AppError } from './app-error.ts';

export const SESSION_COOKIE = 'zq_session';
export const CSRF_COOKIE = 'zq_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, login, API docs). Everything else under /api needs a session. */
    public?: boolean;
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match?.[1] ?? null;
}

/**
 * Resolves the caller on every /api request: a bearer token, or the session cookie plus a CSRF
 * header on unsafe methods (double submit). Routes not marked public refuse anonymous callers.
 */
export function installAuthentication(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock'>): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const isPublic = request.routeOptions.config?.public === true || request.is404;
    const bearer = bearerToken(request);
    const cookie = request.cookies?.[SESSION_COOKIE] ?? null;
    const token = bearer ?? cookie;
    if (!token) {
      if (isPublic) return;
      throw new AppError('UNAUTHENTICATED', 'Sign in first (POST /api/v1/auth/login)');
    }
    const now = deps.clock.now();
    const session = await findLiveSession(deps.db, hashToken(token), now);
    if (!session) {
      if (isPublic) return;
      throw new AppError('UNAUTHENTICATED', 'The session has expired or was revoked; sign in again');
    }
    if (!bearer && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== session.csrfToken) {
        throw new AppError('CSRF_REJECTED', 'Cookie-authenticated changes need the x-csrf-token header');
      }
    }
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(deps.db, hashToken(token), now);
    request.sessionToken = token;
    request.actor = {
      userId: session.userId,
      username: session.username,
      role: session.role,
      organisationPaths: session.organisationPaths,
      nodeIds: session.nodeIds,
      unrestricted: session.role === 'admin',
      clientAddress: request.ip ?? null,
    };
  });
}

/** The signed-in caller; public routes that need one call this too. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first (POST /api/v1/auth/login)');
  return request.actor;
}
