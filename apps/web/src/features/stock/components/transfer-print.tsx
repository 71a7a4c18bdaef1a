import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StockDocument } from '@zhanqin/contracts';
import { errorText } from '../../../lib/error-text.ts';
import { openPdf, type PdfFile } from '../../../lib/open-pdf.ts';
import { printTransferNote } from '../api/stock.api.ts';

/**
 * Prints transfer notes (调拨单) into a new tab, one request at a time; a failure shows the server's
 * message. `printing` is the key of the print under way (a transfer id, or 'batch').
 */
export function usePrintTransferNotes() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [printing, setPrinting] = useState<string>();
  const print = async (key: string, fetchNotes: () => Promise<PdfFile>) => {
    setPrinting(key);
    try {
      openPdf(await fetchNotes());
    } catch (cause) {
      void message.error({
        content: t('stock.transfer.print.failed', {
          message: errorText(cause, t),
        }),
        key: 'transfer-print-error',
      });
    } finally {
      setPrinting(undefined);
    }
  };
  return { printing, print };
}

/** Prints one transfer's note (a row action, and on the document card); printing changes nothing, so every state offers it. */
export function PrintNoteButton({
  doc,
  printing,
  print,
}: {
  doc: StockDocument;
} & ReturnType<typeof usePrintTransferNotes>) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      icon={<PrinterOutlined />}
      loading={printing === doc.id}
      disabled={printing !== undefined && printing !== doc.id}
      onClick={() => void print(doc.id, () => printTransferNote(doc.id))}
      data-testid="transfer-action-print"
    >
      {t('stock.transfer.print.action')}
    </Button>
  );
}
