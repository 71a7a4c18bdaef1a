import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../lib/download-file.ts';
import { errorText } from '../../../lib/error-text.ts';
import { exportDocuments } from '../api/stock.api.ts';
import type { DocumentFilter } from '../document-filter.ts';

/**
 * Downloads the document register (单据台账) for the filters a list shows. It spins while the workbook
 * is built; a refusal shows the server's message (beyond 20,000 documents it asks for a narrower filter).
 */
export function ExportRegisterButton({ filter, testId }: { filter: DocumentFilter; testId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [exporting, setExporting] = useState(false);
  const run = async () => {
    setExporting(true);
    try {
      downloadFile(await exportDocuments(filter));
    } catch (cause) {
      void message.error({
        content: t('stock.register.failed', {
          message: errorText(cause, t),
        }),
        key: 'register-export-error',
      });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void run()} data-testid={testId}>
      {t('stock.register.export')}
    </Button>
  );
}
