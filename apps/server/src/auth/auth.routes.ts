import { LoginRequest, LoginResponse, PasswordChange, User } from '@zhanqin/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../deps.ts';
import { actorOf, CSRF_COOKIE, SESSION_COOKIE } from '../http/authenticate.ts';
import { errorResponses, STANDARD_ERRORS } from '../http/schemas.ts';
import { getUser } from './manage-users.ts';
import { changeOwnPassword, signIn, signOut } from './sign-in.ts';

const tags = ['auth'];

function setSessionCookies(reply: FastifyReply, deps: Deps, token: string, csrfToken: string, expiresAt: Date) {
  const common = { path: '/', sameSite: 'strict' as const, secure: deps.config.secureCookies, expires: expiresAt };
  void reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in: returns a bearer token and sets the session cookie',
        body: LoginRequest,
        response: { 200: LoginResponse, ...errorResponses(400, 401, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const body = request.body as { username: string; password: string };
      const result = await signIn(deps, { ...body, clientAddress: request.ip ?? null });
      setSessionCookies(reply, deps, result.token, result.csrfToken, result.expiresAt);
      return { token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString(), user: result.user };
    },
  );
  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out: revokes this session', response: { 204: Type.Null(), ...STANDARD_ERRORS } } },
    async (request, reply) => {
      await signOut(deps, actorOf(request), request.sessionToken!);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The signed-in user', response: { 200: Type.Object({ user: User }), ...STANDARD_ERRORS } } },
    async (request) => {
      const actor = actorOf(request);
      return { user: await getUser(deps, actor, actor.userId!) };
    },
  );
  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password; other sessions are revoked',
        body: PasswordChange,
        response: { 204: Type.Null(), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        deps,
        actorOf(request),
        request.sessionToken!,
        request.body as { currentPassword: string; newPassword: string },
      );
      return reply.status(204).send();
    },
  );
}
