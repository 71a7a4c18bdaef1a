import { DocumentListQuery, StockListQuery } from '@zhanqin/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { actorOf } from '../http/authenticate.ts';
import { STANDARD_ERRORS } from '../http/schemas.ts';
import { exportDocuments, type DocumentExportQuery } from './export-documents.ts';
import { exportShortfalls } from './export-shortfalls.ts';
import { exportStock, type StockExportQuery } from './export-stock.ts';
import { importOpeningStock } from './import-opening-stock.ts';
import { openingStockTemplate } from './opening-stock-template.ts';
import { MAX_IMPORT_BYTES } from './read-opening-stock.ts';
import { XLSX_MEDIA_TYPE } from './sheet-writer.ts';

/** The stock list's filters without its paging: an export holds every matching row. */
const { limit: _limit, offset: _offset, cursor: _cursor, ...stockFilters } = StockListQuery.properties;
const StockExportQuerySchema = Type.Object(stockFilters, { additionalProperties: false });
const { limit: _dl, offset: _do, order: _dr, ...documentFilters } = DocumentListQuery.properties;
const DocumentExportQuerySchema = Type.Object(documentFilters, { additionalProperties: false });
const ShortfallExportQuery = Type.Object(
  { nodeId: Type.Optional(Type.String({ format: 'uuid' })), belowMinimum: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
const ImportQuery = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Boolean({ default: true, description: 'true (default): check and preview only; false: post when there is no error' }),
    ),
  },
  { additionalProperties: false },
);
const RowError = Type.Object({ row: Type.Integer(), column: Type.Union([Type.String(), Type.Null()]), message: Type.String() });
const ImportResult = Type.Object({
  ok: Type.Boolean(),
  dryRun: Type.Boolean(),
  rows: Type.Integer({ description: 'data rows read' }),
  errorCount: Type.Integer(),
  errors: Type.Array(RowError, { description: 'the first 1,000 problems, by row' }),
  receipts: Type.Array(
    Type.Object({
      nodeCode: Type.String(),
      lines: Type.Integer(),
      units: Type.Integer(),
      assets: Type.Integer(),
      documentId: Type.Optional(Type.String()),
      number: Type.Optional(Type.String()),
    }),
  ),
});

const stamp = (date: Date) => date.toISOString().slice(0, 10);
const sendXlsx = (reply: FastifyReply, filename: string, bytes: Buffer) =>
  reply.type(XLSX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(bytes);

/** Excel in and out: stock and shortfall exports, the opening-stock template and its import. */
export function registerExcelRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/exports/stock.xlsx',
    {
      schema: {
        tags: ['监 monitor'],
        summary: 'Stock per node × item as an Excel workbook (same filters as GET /stock, every row)',
        querystring: StockExportQuerySchema,
        response: STANDARD_ERRORS,
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        `stock-${stamp(deps.clock.now())}.xlsx`,
        await exportStock(deps, actorOf(request), request.query as StockExportQuery),
      ),
  );
  app.get(
    '/exports/documents.xlsx',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'The document register (单据台账) as an Excel workbook: documents and their lines',
        description:
          'Same filters and scope as GET /documents (kind, state, node, number, createdFrom/createdTo in Beijing days), oldest first; 413 beyond 20,000 documents.',
        querystring: DocumentExportQuerySchema,
        response: STANDARD_ERRORS,
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        `documents-${stamp(deps.clock.now())}.xlsx`,
        await exportDocuments(deps, actorOf(request), request.query as DocumentExportQuery),
      ),
  );
  app.get(
    '/exports/shortfalls.xlsx',
    {
      schema: {
        tags: ['储 reserve'],
        summary: 'Shortfalls against the reserve standard as an Excel workbook',
        querystring: ShortfallExportQuery,
        response: STANDARD_ERRORS,
      },
    },
    async (request, reply) => {
      const q = request.query as { nodeId?: string; belowMinimum?: boolean };
      return sendXlsx(
        reply,
        `shortfalls-${stamp(deps.clock.now())}.xlsx`,
        await exportShortfalls(deps, actorOf(request), { nodeId: q.nodeId, onlyBelowMinimum: q.belowMinimum }),
      );
    },
  );
  app.get(
    '/imports/opening-stock/template.xlsx',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'The opening-stock template, with instructions and the node and item codes you may use',
        response: STANDARD_ERRORS,
      },
    },
    async (request, reply) => sendXlsx(reply, 'opening-stock-template.xlsx', await openingStockTemplate(deps, actorOf(request))),
  );

  // The upload is the raw .xlsx body; its parser and 10 MB limit stay inside this scope.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      [XLSX_MEDIA_TYPE, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/imports/opening-stock',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags: ['存 receive'],
          summary: 'Import opening stock from the template (.xlsx as the request body); dry run by default',
          description: `Send the workbook as the body with Content-Type ${XLSX_MEDIA_TYPE}. A dry run answers 200 with the preview; posting answers 201, or 422 with the same preview when any row has a problem (nothing is posted).`,
          querystring: ImportQuery,
          response: { 200: ImportResult, 201: ImportResult, ...STANDARD_ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            `Send the .xlsx file as the request body with Content-Type ${XLSX_MEDIA_TYPE}`,
            { expected: XLSX_MEDIA_TYPE },
          );
        }
        const dryRun = (request.query as { dryRun?: boolean }).dryRun ?? true;
        const result = await importOpeningStock(deps, actor, request.body, { dryRun });
        return reply.status(dryRun ? 200 : 201).send(result);
      },
    );
  });
}
