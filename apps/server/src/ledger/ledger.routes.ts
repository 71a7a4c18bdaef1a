import {
  AdjustmentCreate,
  ApprovalDecision,
  AssetListQuery,
  AssetPage,
  CountCreate,
  CountRecord,
  DocumentListQuery,
  DocumentPage,
  LedgerVerdict,
  QuarantineCreate,
  ReceiptBatchCreate,
  TransferBatchAdvance,
  TransferBatchCreate,
  TransferBatchDocuments,
  TransferBatchReceive,
  TransferBatchResult,
  ReceiptBatchResult,
  ReceiptCreate,
  ReserveStandardInput,
  ReserveStandardListQuery,
  ReserveStandardPage,
  StockDocument,
  StockListQuery,
  StockPage,
  TransferCreate,
  TransferReceive,
  WriteOffCreate,
} from '@zhanqin/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { requireAction, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/authenticate.ts';
import { IdParams, STANDARD_ERRORS } from '../http/schemas.ts';
import { postAdjustment, postQuarantine, quarantineExpiredLots } from './correct-stock.ts';
import type { Posted } from './idempotency.ts';
import { IdempotencyHeaders, idempotencyKeyOf, PostedResponses, sendPosted } from './posted-reply.ts';
import { verifyLedger } from './ledger.repository.ts';
import { listSlots, putAway, suggestForReceipt, suggestSlot, type PutAwayInput } from './put-away.ts';
import { getVisibleNode } from '../nodes/read-nodes.ts';
import { recordReceipt, recordReceipts } from './record-receipt.ts';
import { loadItems, nodeInScope } from './stock-context.ts';
import { listReserveStandards, proposeReplenishmentTransfers, setReserveStandard, shortfallReport } from './reserve-standards.ts';
import { approveCount, getCount, recordCount, startCount, submitCount } from './stock-counts.ts';
import { availabilityOf, getAsset, getDocument, listAssets, listDocuments, listStock, lookupCode } from './stock-queries.ts';
import {
  advanceTransfer,
  advanceTransfers,
  createTransfer,
  createTransfers,
  receiveTransfer,
  receiveTransfers,
} from './transfers.ts';
import { decideWriteOff, requestWriteOff } from './write-off.ts';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

const CountView = Type.Intersect([
  StockDocument,
  Type.Object({
    countLines: Type.Array(
      Type.Object({
        itemId: Type.String(),
        itemCode: Type.String(),
        lotId: Type.Union([Type.String(), Type.Null()]),
        assetId: Type.Union([Type.String(), Type.Null()]),
        expected: Type.Integer(),
        counted: Type.Union([Type.Integer(), Type.Null()]),
        difference: Type.Union([Type.Integer(), Type.Null()]),
      }),
    ),
  }),
]);

export function registerLedgerRoutes(app: FastifyInstance, deps: Deps): void {
  const posted = PostedResponses;
  const doc = { 200: StockDocument, ...STANDARD_ERRORS };
  /** A document-creating route: idempotency key header, 201 when posted, 200 when a retry replays it. */
  const postDocument = <Input>(
    url: string,
    tag: string,
    summary: string,
    body: TSchema,
    post: (actor: Actor, input: Input, idempotencyKey: string | undefined) => Promise<Posted>,
  ) =>
    app.post(
      url,
      { schema: { tags: [tag], summary, headers: IdempotencyHeaders, body, response: posted } },
      async (request, reply) => sendPosted(reply, await post(actorOf(request), request.body as Input, idempotencyKeyOf(request))),
    );

  postDocument<ReceiptCreate>(
    '/receipts',
    '存 receive',
    'Post a receipt note (purchase, return, donation, transfer-in)',
    ReceiptCreate,
    (actor, input, key) => recordReceipt(deps, actor, input, key),
  );

  app.post(
    '/receipts/batch',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'Post up to 500 receipt notes at once, all or none (offline queues, imports)',
        description:
          'Each receipt may carry its own idempotency key; receipts posted before with the same key are replayed, not posted again. 201 when anything was posted, 200 when every receipt was a replay.',
        body: ReceiptBatchCreate,
        response: { 200: ReceiptBatchResult, 201: ReceiptBatchResult, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const body = request.body as ReceiptBatchCreate;
      const results = await recordReceipts(
        deps,
        actorOf(request),
        body.receipts.map((r) => ({ input: r.receipt, idempotencyKey: r.idempotencyKey })),
      );
      return reply.status(results.every((r) => r.replayed) ? 200 : 201).send({ results });
    },
  );

  postDocument<TransferCreate>(
    '/transfers',
    '运 transport',
    'Create a transfer; reserves at the source at once (409 INSUFFICIENT_STOCK)',
    TransferCreate,
    (actor, input, key) => createTransfer(deps, actor, input, key),
  );
  app.post(
    '/transfers/batch',
    {
      schema: {
        tags: ['运 transport'],
        summary: 'Create up to 200 transfers at once, all or none (replenishment rounds, offline queues)',
        description:
          'Each transfer reserves at its source; transfers from one node never pick the same unit. Each may carry its own idempotency key; transfers created before with the same key are replayed. 201 when anything was created, 200 when every transfer was a replay; 409 INSUFFICIENT_STOCK names every short transfer line.',
        body: TransferBatchCreate,
        response: { 200: TransferBatchResult, 201: TransferBatchResult, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const body = request.body as TransferBatchCreate;
      const results = await createTransfers(
        deps,
        actorOf(request),
        body.transfers.map((t) => ({ input: t.transfer, idempotencyKey: t.idempotencyKey })),
      );
      return reply.status(results.every((r) => r.replayed) ? 200 : 201).send({ results });
    },
  );
  for (const event of ['start-picking', 'ship', 'cancel'] as const) {
    app.post(
      `/transfers/batch/${event}`,
      {
        schema: {
          tags: ['运 transport'],
          summary: `Transfers: ${event}, up to 200 at once, all or none`,
          body: TransferBatchAdvance,
          response: { 200: TransferBatchDocuments, ...STANDARD_ERRORS },
        },
      },
      async (request) => ({
        documents: await advanceTransfers(deps, actorOf(request), (request.body as TransferBatchAdvance).ids, event),
      }),
    );
  }
  app.post(
    '/transfers/batch/receive',
    {
      schema: {
        tags: ['运 transport'],
        summary: 'Receive up to 200 shipped transfers at once, each in full or as reported, all or none',
        body: TransferBatchReceive,
        response: { 200: TransferBatchDocuments, ...STANDARD_ERRORS },
      },
    },
    async (request) => ({
      documents: await receiveTransfers(deps, actorOf(request), (request.body as TransferBatchReceive).transfers),
    }),
  );
  for (const event of ['start-picking', 'ship', 'cancel'] as const) {
    app.post(
      `/transfers/:id/${event}`,
      { schema: { tags: ['运 transport'], summary: `Transfer: ${event}`, params: IdParams, response: doc } },
      async (request) => advanceTransfer(deps, actorOf(request), idOf(request), event),
    );
  }
  app.post(
    '/transfers/:id/receive',
    {
      schema: {
        tags: ['运 transport'],
        summary: 'Receive a shipped transfer in full or in part',
        params: IdParams,
        body: TransferReceive,
        response: doc,
      },
    },
    async (request) => receiveTransfer(deps, actorOf(request), idOf(request), (request.body ?? {}) as TransferReceive),
  );

  postDocument<AdjustmentCreate>(
    '/adjustments',
    '储 reserve',
    'Post a signed stock adjustment with a reason',
    AdjustmentCreate,
    (actor, input, key) => postAdjustment(deps, actor, input, key),
  );
  postDocument<QuarantineCreate>(
    '/quarantines',
    '防 protect',
    'Put stock into quarantine',
    QuarantineCreate,
    (actor, input, key) => postQuarantine(deps, actor, input, 'quarantine', key),
  );
  postDocument<QuarantineCreate>(
    '/releases',
    '防 protect',
    'Release stock from quarantine',
    QuarantineCreate,
    (actor, input, key) => postQuarantine(deps, actor, input, 'release', key),
  );
  app.post(
    '/quarantines/expired',
    {
      schema: {
        tags: ['防 protect'],
        summary: 'Quarantine every expired lot now (also runs daily)',
        response: { 200: Type.Object({ documents: Type.Integer(), units: Type.Integer() }), ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireAction(actor, 'stock.approve');
      return quarantineExpiredLots(deps, actor);
    },
  );

  postDocument<WriteOffCreate>(
    '/write-offs',
    '防 protect',
    'Request a write-off or scrap (needs approval)',
    WriteOffCreate,
    (actor, input, key) => requestWriteOff(deps, actor, input, key),
  );
  app.post(
    '/write-offs/:id/decision',
    {
      schema: {
        tags: ['防 protect'],
        summary: 'Approve or reject a write-off',
        params: IdParams,
        body: ApprovalDecision,
        response: doc,
      },
    },
    async (request) => {
      const body = request.body as { approve: boolean; note?: string };
      return decideWriteOff(deps, actorOf(request), idOf(request), body.approve, body.note);
    },
  );

  app.post(
    '/counts',
    {
      schema: {
        tags: ['储 reserve'],
        summary: 'Open a stock count at a node (one open count per node)',
        body: CountCreate,
        response: { 201: StockDocument, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(await startCount(deps, actorOf(request), request.body as CountCreate)),
  );
  app.get(
    '/counts/:id',
    {
      schema: {
        tags: ['储 reserve'],
        summary: 'A count with expected, counted and differences',
        params: IdParams,
        response: { 200: CountView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getCount(deps, actorOf(request), idOf(request)),
  );
  app.post(
    '/counts/:id/lines',
    {
      schema: {
        tags: ['储 reserve'],
        summary: 'Record counted quantities',
        params: IdParams,
        body: CountRecord,
        response: { 200: CountView, ...STANDARD_ERRORS },
      },
    },
    async (request) => recordCount(deps, actorOf(request), idOf(request), request.body as CountRecord),
  );
  app.post(
    '/counts/:id/submit',
    {
      schema: {
        tags: ['储 reserve'],
        summary: 'Close counting',
        params: IdParams,
        response: { 200: CountView, ...STANDARD_ERRORS },
      },
    },
    async (request) => submitCount(deps, actorOf(request), idOf(request)),
  );
  app.post(
    '/counts/:id/decision',
    {
      schema: {
        tags: ['储 reserve'],
        summary: 'Approve (post corrections) or reject a submitted count',
        params: IdParams,
        body: ApprovalDecision,
        response: { 200: CountView, ...STANDARD_ERRORS },
      },
    },
    async (request) => approveCount(deps, actorOf(request), idOf(request), (request.body as { approve: boolean }).approve),
  );

  app.get(
    '/stock',
    {
      schema: {
        tags: ['监 monitor'],
        summary: 'Stock per node × item with availability and standards',
        querystring: StockListQuery,
        response: { 200: StockPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const q = request.query as StockListQuery;
      return { ...(await listStock(deps, actorOf(request), q)), limit: q.limit ?? 50, offset: q.offset ?? 0 };
    },
  );
  app.get(
    '/stock/availability',
    {
      schema: {
        tags: ['监 monitor'],
        summary: 'What can be sent of one item at one node, and why the rest cannot',
        querystring: Type.Object(
          { nodeId: Type.String({ format: 'uuid' }), itemId: Type.String({ format: 'uuid' }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const q = request.query as { nodeId: string; itemId: string };
      return availabilityOf(deps, actorOf(request), q.nodeId, q.itemId);
    },
  );
  app.get(
    '/assets',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'Serialised assets (一物一码)',
        querystring: AssetListQuery,
        response: { 200: AssetPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const q = request.query as AssetListQuery;
      return { ...(await listAssets(deps, actorOf(request), q)), limit: q.limit ?? 50, offset: q.offset ?? 0 };
    },
  );
  app.get(
    '/assets/:id',
    { schema: { tags: ['存 receive'], summary: 'One asset with its life history', params: IdParams } },
    async (request) => getAsset(deps, actorOf(request), idOf(request)),
  );
  app.get(
    '/codes/:code',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'Look up a scanned code (asset, RFID EPC, serial, lot, item or node)',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      },
    },
    async (request) => lookupCode(deps, actorOf(request), (request.params as { code: string }).code),
  );
  app.get(
    '/documents',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'Stock documents, newest first',
        querystring: DocumentListQuery,
        response: { 200: DocumentPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const q = request.query as DocumentListQuery;
      return { ...(await listDocuments(deps, actorOf(request), q)), limit: q.limit ?? 50, offset: q.offset ?? 0 };
    },
  );
  app.get(
    '/documents/:id',
    { schema: { tags: ['存 receive'], summary: 'One stock document', params: IdParams, response: doc } },
    async (request) => getDocument(deps, actorOf(request), idOf(request)),
  );

  app.get(
    '/reserve-standards',
    {
      schema: {
        tags: ['储 reserve'],
        summary: 'Reserve standards in scope (minimum, target, backup-ratio override), by node and item',
        querystring: ReserveStandardListQuery,
        response: { 200: ReserveStandardPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listReserveStandards(deps, actorOf(request), request.query as ReserveStandardListQuery),
  );
  app.put(
    '/reserve-standards',
    { schema: { tags: ['储 reserve'], summary: 'Set the reserve standard of an item at a node', body: ReserveStandardInput } },
    async (request) => setReserveStandard(deps, actorOf(request), request.body as ReserveStandardInput),
  );
  app.get(
    '/reserve-standards/shortfalls',
    {
      schema: {
        tags: ['储 reserve'],
        summary: 'Shortfalls against the standard across the network in scope',
        querystring: Type.Object(
          { nodeId: Type.Optional(Type.String({ format: 'uuid' })), belowMinimum: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const q = request.query as { nodeId?: string; belowMinimum?: boolean };
      return { items: await shortfallReport(deps, actorOf(request), { nodeId: q.nodeId, onlyBelowMinimum: q.belowMinimum }) };
    },
  );
  app.post(
    '/replenishment-proposals',
    {
      schema: {
        tags: ['储 reserve'],
        summary: 'Propose replenishment up the hierarchy as draft transfers',
        body: Type.Object(
          { nodeId: Type.Optional(Type.String({ format: 'uuid' })), dryRun: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      proposeReplenishmentTransfers(deps, actorOf(request), request.body as { nodeId?: string; dryRun?: boolean }),
  );

  app.get(
    '/nodes/:id/slots',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'Slots of a node (zone-rack-level-position) and what each holds',
        params: IdParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireAction(actor, 'stock.read');
      await getVisibleNode(deps, actor, idOf(request));
      return listSlots(deps.db, idOf(request));
    },
  );
  app.get(
    '/put-away/suggestion',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'Suggested slot for an item at a node',
        querystring: Type.Object(
          {
            nodeId: Type.String({ format: 'uuid' }),
            itemId: Type.String({ format: 'uuid' }),
            lotId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const q = request.query as { nodeId: string; itemId: string; lotId?: string };
      await nodeInScope(deps.db, actorOf(request), q.nodeId, 'stock.read');
      const items = await loadItems(deps.db, [q.itemId]);
      return { slot: await suggestSlot(deps.db, q.nodeId, items.get(q.itemId)!, q.lotId ?? null) };
    },
  );
  app.get(
    '/receipts/:id/put-away',
    { schema: { tags: ['存 receive'], summary: 'A suggested slot for every line of a receipt', params: IdParams } },
    async (request) => suggestForReceipt(deps.db, actorOf(request), idOf(request)),
  );
  app.post(
    '/put-away',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'Record where stock was put away',
        body: Type.Object(
          {
            nodeId: Type.String({ format: 'uuid' }),
            assignments: Type.Array(
              Type.Object(
                {
                  slotId: Type.String({ format: 'uuid' }),
                  itemId: Type.String({ format: 'uuid' }),
                  lotId: Type.Optional(Type.String({ format: 'uuid' })),
                  assetIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10_000 })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 2000 },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => putAway(deps, actorOf(request), request.body as PutAwayInput),
  );

  app.get(
    '/ledger/verify',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'Recompute every balance from the movements and list differences',
        response: { 200: LedgerVerdict, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      requireAction(actorOf(request), 'stock.read');
      const result = await verifyLedger(deps.db);
      return { ok: result.differences.length === 0 && result.danglingReferences.length === 0, ...result };
    },
  );
}
