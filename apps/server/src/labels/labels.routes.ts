import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/authenticate.ts';
import { errorResponses, STANDARD_ERRORS } from '../http/schemas.ts';
import { MAX_LABELS_PER_REQUEST, printLabels, type PrintLabelsInput } from './print-labels.ts';
import { MAX_NOTES_PER_REQUEST, printTransferNotes, type PrintedNotes } from './print-transfer-notes.ts';

const Id = Type.String({ format: 'uuid' });

export const LabelRequest = Type.Object(
  {
    assetIds: Type.Optional(
      Type.Array(Id, { minItems: 1, maxItems: MAX_LABELS_PER_REQUEST, description: 'assets to label, in this order' }),
    ),
    receiptId: Type.Optional(Type.String({ format: 'uuid', description: 'or every asset this receipt note created, by code' })),
    offset: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_000_000,
        description: `receipt only: labels to skip (print large receipts in batches of ${MAX_LABELS_PER_REQUEST})`,
      }),
    ),
    layout: Type.Optional(
      Type.Union([Type.Literal('label'), Type.Literal('a4')], {
        description: "'label': one label per page, page = label (label printers); 'a4': 3 × 8 per A4 sheet",
      }),
    ),
    widthMm: Type.Optional(Type.Number({ minimum: 20, maximum: 200, description: 'label width in mm (default 50; 70 on A4)' })),
    heightMm: Type.Optional(Type.Number({ minimum: 10, maximum: 200, description: 'label height in mm (default 30; 37 on A4)' })),
  },
  { additionalProperties: false },
);

/** Label printing (存 一物一码): QR labels of assets as a PDF of exact physical size. */
export function registerLabelRoutes(app: FastifyInstance, deps: Deps): void {
  app.post(
    '/labels',
    {
      schema: {
        tags: ['存 receive'],
        summary: 'Print QR labels of assets (by ids or by receipt) as a PDF',
        description:
          'Answers application/pdf. Header x-label-total gives how many labels the selection has in all (receipts print in batches).',
        body: LabelRequest,
        response: { ...STANDARD_ERRORS, ...errorResponses(503) },
      },
    },
    async (request, reply) => {
      const printed = await printLabels(deps, actorOf(request), request.body as PrintLabelsInput);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${printed.filename}"`)
        .header('x-label-count', String(printed.count))
        .header('x-label-total', String(printed.total))
        .send(printed.pdf);
    },
  );

  const sendNotes = (reply: FastifyReply, printed: PrintedNotes) =>
    reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${printed.filename}"`)
      .header('x-note-count', String(printed.count))
      .send(printed.pdf);
  app.post(
    '/transfers/notes',
    {
      schema: {
        tags: ['运 transport'],
        summary: 'Print transfer notes (调拨单) of several transfers or dispatches as one A4 PDF',
        description:
          'One note per transfer, in the order given: sender, destination, every line with lot numbers and asset codes, signature boxes for sender, carrier and receiver, and a QR code of the number.',
        body: Type.Object(
          { ids: Type.Array(Id, { minItems: 1, maxItems: MAX_NOTES_PER_REQUEST, uniqueItems: true }) },
          { additionalProperties: false },
        ),
        response: { ...STANDARD_ERRORS, ...errorResponses(503) },
      },
    },
    async (request, reply) =>
      sendNotes(reply, await printTransferNotes(deps, actorOf(request), (request.body as { ids: string[] }).ids)),
  );
  app.get(
    '/transfers/:id/note',
    {
      schema: {
        tags: ['运 transport'],
        summary: 'Print the transfer note (调拨单) of one transfer or dispatch as an A4 PDF',
        params: Type.Object({ id: Id }, { additionalProperties: false }),
        response: { ...STANDARD_ERRORS, ...errorResponses(503) },
      },
    },
    async (request, reply) =>
      sendNotes(reply, await printTransferNotes(deps, actorOf(request), [(request.params as { id: string }).id])),
  );
}
