import { StockDocument } from '@zhanqin/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { STANDARD_ERRORS } from '../http/schemas.ts';
import type { Posted } from './idempotency.ts';

/** The header every document-creating route accepts, so a retried request never posts twice. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 200,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: 'makes a retry return the first result instead of posting twice',
    }),
  ),
});

export const idempotencyKeyOf = (request: FastifyRequest) =>
  (request.headers as { 'idempotency-key'?: string })['idempotency-key'];

/** 201 with the new document, or 200 with the first one when the key was posted before. */
export const sendPosted = (reply: FastifyReply, posted: Posted) =>
  reply
    .status(posted.replayed ? 200 : 201)
    .header('idempotent-replayed', String(posted.replayed))
    .send(posted.document);

/** Responses of a document-creating route. */
export const PostedResponses = { 201: StockDocument, 200: StockDocument, ...STANDARD_ERRORS };
