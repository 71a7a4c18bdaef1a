import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ErrorBody } from '@zhanqin/contracts';
import type { Deps } from '../deps.ts';
import { registerAuditRoutes } from '../audit/audit.routes.ts';
import { registerAuthRoutes } from '../auth/auth.routes.ts';
import { registerUserRoutes } from '../auth/users.routes.ts';
import { registerCatalogueRoutes } from '../catalogue/catalogue.routes.ts';
import { registerExcelRoutes } from '../excel/excel.routes.ts';
import { registerHealthRoutes } from '../health/health.routes.ts';
import { registerLabelRoutes } from '../labels/labels.routes.ts';
import { registerDispatchRoutes } from '../dispatch/dispatch.routes.ts';
import { registerKitRoutes } from '../ledger/kits.routes.ts';
import { registerLedgerRoutes } from '../ledger/ledger.routes.ts';
import { registerNodeRoutes } from '../nodes/nodes.routes.ts';
import { registerOrganisationRoutes } from '../organisations/organisations.routes.ts';
import { installAuthentication } from './authenticate.ts';
import { installErrorHandling, installNotFound } from './error-handler.ts';
import { validatorCompiler } from './validation.ts';

export type App = FastifyInstance;

export type RouteEntry = {
  method: string;
  url: string;
  schema: { body?: unknown; querystring?: unknown; params?: unknown; hide?: boolean };
  isPublic: boolean;
};

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}
export const VERSION = '0.1.0';

/** Extra route sets contributed by features (dispatch, ledger…) so the app stays one composition. */
export type RouteModule = (app: FastifyInstance, deps: Deps) => void | Promise<void>;

/** Builds the HTTP application from explicit dependencies; no network listening happens here. */
export async function buildApp(
  deps: Deps,
  options: { logger?: FastifyServerOptions['logger']; extraRoutes?: RouteModule[] } = {},
) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // An empty body sent as JSON means "no body" (action routes such as confirm take none); anything
  // else goes through Fastify's own parser, which refuses __proto__ and constructor.prototype keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) return done(null, undefined);
    void parseJson(request, body as string, done);
  });
  // The route table, kept so tests can enumerate every route (authentication, bad input) and none is forgotten.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    // The browsable API documentation is public, like the OpenAPI document it shows.
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routeTable.push({
        method,
        url: route.url,
        schema: (route.schema ?? {}) as RouteEntry['schema'],
        isPublic: (route.config as { public?: boolean } | undefined)?.public === true,
      });
    }
  });
  installErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design and ECharts set inline styles; Swagger UI needs them too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, {
    origin: deps.config.corsOrigins.length > 0 ? [...deps.config.corsOrigins] : false,
    credentials: true,
  });
  await app.register(cookie);
  installAuthentication(app, deps);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Zhanqin 战勤 API', version: VERSION, description: 'Fire-rescue equipment logistics for a 1+8+N network' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'zq_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  app.addSchema(ErrorBody);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: false });

  await app.register(
    async (api) => {
      registerHealthRoutes(api, deps);
      registerAuthRoutes(api, deps);
      registerUserRoutes(api, deps);
      registerAuditRoutes(api, deps);
      registerOrganisationRoutes(api, deps);
      registerNodeRoutes(api, deps);
      registerCatalogueRoutes(api, deps);
      registerLedgerRoutes(api, deps);
      registerKitRoutes(api, deps);
      registerDispatchRoutes(api, deps);
      registerLabelRoutes(api, deps);
      registerExcelRoutes(api, deps);
      for (const extra of options.extraRoutes ?? []) await extra(api, deps);
    },
    { prefix: '/api/v1' },
  );

  const webDist = deps.config.webDistDir;
  const serveAppShell = existsSync(path.join(webDist, 'index.html'));
  if (serveAppShell) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  installNotFound(app, { serveAppShell });
  return app;
}
