import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, fromDatabaseError } from './app-error.ts';

/** Converts every failure into `{code, message, details}`: 4xx for the caller's mistakes, 500 only for ours. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, appError.message);
    if (appError.code === 'TOO_MANY_REQUESTS') {
      const retry = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry) void reply.header('retry-after', String(retry));
    }
    return reply.status(appError.status).send({
      code: appError.code,
      message: appError.message,
      ...(appError.details === undefined ? {} : { details: appError.details }),
    });
  });
}

/** Unknown routes answer 404 with the error body; with a web app, other GETs get its shell (client-side routes). */
export function installNotFound(app: FastifyInstance, options: { serveAppShell: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    if (options.serveAppShell && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply.status(404).send({ code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` });
  });
}

function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: unknown[]; validationContext?: string };
  if (fe.validation) {
    return new AppError('VALIDATION_FAILED', `Invalid ${fe.validationContext ?? 'request'}: ${fe.message}`, {
      part: fe.validationContext,
      issues: fe.validation.map((v) => {
        const issue = v as { instancePath?: string; message?: string; keyword?: string; params?: unknown };
        return { path: issue.instancePath ?? '', message: issue.message ?? '', keyword: issue.keyword, params: issue.params };
      }),
    });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', 'Content-Length does not match the body');
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return new AppError('BAD_REQUEST', 'The URL is malformed');
    default:
      break;
  }
  if (error instanceof SyntaxError && typeof fe.statusCode === 'number' && fe.statusCode === 400) {
    return new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
  }
  const fromDb = fromDatabaseError(error);
  if (fromDb) return fromDb;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 429) return new AppError('TOO_MANY_REQUESTS', fe.message);
    if (fe.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', fe.message);
    if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', fe.message);
    if (fe.statusCode === 404) return new AppError('NOT_FOUND', fe.message);
    return new AppError('BAD_REQUEST', fe.message);
  }
  return new AppError('INTERNAL', 'An unexpected error occurred; it has been logged');
}
