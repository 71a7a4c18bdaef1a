import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Space, Steps, Table, Typography, Upload } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/error-text.ts';
import { importOpeningStock, openingTemplateUrl, type ImportResult } from '../api/stock.api.ts';
import { StockNav } from './pickers.tsx';

/** 期初导入: template → upload → dry-run preview with per-row errors → import. */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ImportResult>();
  const [imported, setImported] = useState<ImportResult>();
  const [busy, setBusy] = useState<'check' | 'import'>();
  const [error, setError] = useState<string>();

  const run = async (dryRun: boolean, chosen = file) => {
    if (!chosen) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(undefined);
    try {
      const result = await importOpeningStock(chosen, dryRun);
      if (dryRun || !result.ok) setPreview(result);
      else {
        setImported(result);
        setPreview(undefined);
        void message.success(t('stock.import.done', { count: result.receipts.length }));
      }
    } catch (cause) {
      setError(errorText(cause, t));
    } finally {
      setBusy(undefined);
    }
  };

  const step = imported ? 3 : preview ? 2 : file ? 1 : 0;
  const result = imported ?? preview;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('stock.import.title')}
      </Typography.Title>
      <StockNav active="/stock/import" />
      <Steps
        current={step}
        items={[
          { title: t('stock.import.step1') },
          { title: t('stock.import.step2') },
          { title: t('stock.import.step3') },
          { title: t('stock.import.step4') },
        ]}
      />
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button icon={<DownloadOutlined />} href={openingTemplateUrl()} data-testid="import-template">
            {t('stock.import.template')}
          </Button>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            showUploadList={file ? { showRemoveIcon: true } : false}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            onRemove={() => {
              setFile(undefined);
              setPreview(undefined);
              setImported(undefined);
            }}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setImported(undefined);
              void run(true, chosen);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('stock.import.drop')}</p>
          </Upload.Dragger>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <Card
          size="small"
          title={imported ? t('stock.import.imported') : t('stock.import.preview')}
          data-testid="import-result"
          data-ok={String(result.ok)}
        >
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'rows', label: t('stock.import.rows'), children: result.rows },
              {
                key: 'errors',
                label: t('stock.import.errors'),
                children: <Typography.Text type={result.errorCount ? 'danger' : 'success'}>{result.errorCount}</Typography.Text>,
              },
              { key: 'receipts', label: t('stock.import.receipts'), children: result.receipts.length },
            ]}
          />
          {result.errorCount > 0 && (
            <Table
              size="small"
              style={{ marginTop: 12 }}
              data-testid="import-errors"
              rowKey={(e) => `${e.row}|${e.column ?? ''}|${e.message}`}
              dataSource={result.errors}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { key: 'row', dataIndex: 'row', title: t('stock.import.row'), width: 80 },
                {
                  key: 'column',
                  dataIndex: 'column',
                  title: t('stock.import.column'),
                  width: 140,
                  render: (v: string | null) => v ?? '—',
                },
                { key: 'message', dataIndex: 'message', title: t('stock.import.message') },
              ]}
            />
          )}
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey={(r) => r.nodeCode}
            dataSource={result.receipts}
            pagination={false}
            columns={[
              { key: 'node', dataIndex: 'nodeCode', title: t('stock.node') },
              { key: 'lines', dataIndex: 'lines', title: t('stock.import.lines'), align: 'right' },
              { key: 'units', dataIndex: 'units', title: t('stock.import.units'), align: 'right' },
              { key: 'assets', dataIndex: 'assets', title: t('stock.import.assets'), align: 'right' },
              { key: 'number', dataIndex: 'number', title: t('stock.documentNumber'), render: (v?: string) => v ?? '—' },
            ]}
          />
          {!imported && (
            <Button
              type="primary"
              style={{ marginTop: 12 }}
              icon={<CloudUploadOutlined />}
              disabled={!result.ok || result.rows === 0}
              loading={busy === 'import'}
              onClick={() => void run(false)}
              data-testid="import-commit"
            >
              {t('stock.import.commit')}
            </Button>
          )}
        </Card>
      )}
    </Space>
  );
}
