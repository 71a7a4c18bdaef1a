import { useRef, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Item, ReceiptCreate, StockDocument } from '@zhanqin/contracts';
import { api, ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { openPdf } from '../../../lib/open-pdf.ts';
import { lookupCode, newIdempotencyKey, postReceipt, printLabels } from '../api/stock.api.ts';
import {
  assetCodesOf,
  emptyLine,
  isSerialised,
  lineProblems,
  receiptScanOf,
  toReceiptBody,
  type FormLine,
} from '../receipt-form.ts';
import { appendSerials } from '../scan.ts';
import { ItemSelect, NodeSelect, StockNav, useNodes } from './pickers.tsx';
import { ScanInput } from './scan-input.tsx';

const SOURCES: ReceiptCreate['source'][] = ['purchase', 'return', 'donation', 'transfer', 'opening'];

/** Opens the labels PDF in a new tab (falls back to a download when pop-ups are blocked). */
export async function openLabels(body: { receiptId?: string; assetIds?: string[] }): Promise<void> {
  openPdf({ blob: await printLabels(body), filename: 'labels.pdf' });
}

/** 入库登记: receipt note with lot fields, serials by scan (handheld or camera), then labels. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { nodes } = useNodes();
  const [nodeId, setNodeId] = useState<string>();
  const [source, setSource] = useState<ReceiptCreate['source']>('purchase');
  const [reference, setReference] = useState('');
  const nextKey = useRef(1);
  const [lines, setLines] = useState<FormLine[]>([emptyLine('l0')]);
  const [items, setItems] = useState<Map<string, Item>>(new Map());
  const [activeKey, setActiveKey] = useState<string>('l0');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [showProblems, setShowProblems] = useState(false);
  const [posted, setPosted] = useState<StockDocument>();
  const [printing, setPrinting] = useState(false);
  // One key per submission: a retry after a network failure replays instead of posting twice.
  const submissionKey = useRef(newIdempotencyKey());

  const update = (key: string, patch: Partial<FormLine>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const addLine = (patch: Partial<FormLine> = {}) => {
    const key = `l${nextKey.current++}`;
    setLines((ls) => [...ls, { ...emptyLine(key), ...patch }]);
    setActiveKey(key);
    return key;
  };
  const setItem = (key: string, item: Item | undefined) => {
    if (item) setItems((m) => new Map(m).set(item.id, item));
    update(key, { itemId: item?.id, itemCode: item?.code, tracking: item?.tracking, serials: [] });
    setActiveKey(key);
  };

  const activeSerialLine = () => {
    const active = lines.find((l) => l.key === activeKey);
    if (active && isSerialised(active.tracking)) return active;
    return [...lines].reverse().find((l) => isSerialised(l.tracking));
  };

  const onScan = async (code: string) => {
    let found: Awaited<ReturnType<typeof lookupCode>> | undefined;
    try {
      found = await lookupCode(code);
    } catch (cause) {
      if (!(cause instanceof ApiError && cause.status === 404)) {
        void message.error(errorText(cause, t));
        return;
      }
    }
    const scan = receiptScanOf(found);
    if (scan.action === 'set-node') {
      setNodeId(scan.nodeId);
      void message.success(t('stock.scan.nodeSet'));
      return;
    }
    if (scan.action === 'add-item') {
      const item = await api.get<Item>(`/items/${encodeURIComponent(scan.itemId)}`);
      const empty = lines.find((l) => !l.itemId);
      if (empty) setItem(empty.key, item);
      else {
        setItems((m) => new Map(m).set(item.id, item));
        addLine({ itemId: item.id, itemCode: item.code, tracking: item.tracking });
      }
      return;
    }
    if (scan.action === 'already-registered') {
      void message.warning(t('stock.scan.alreadyRegistered', { code, asset: scan.assetCode }));
      return;
    }
    if (scan.action === 'document') {
      void message.warning(t('stock.scan.isDocument', { code: scan.number }));
      return;
    }
    const target = activeSerialLine();
    if (!target) {
      void message.warning(t('stock.scan.noSerialLine', { code }));
      return;
    }
    const { serials, duplicates } = appendSerials(target.serials, [code]);
    if (duplicates.length) void message.warning(t('stock.scan.duplicate', { code }));
    update(target.key, { serials });
  };

  const problems = lineProblems(lines);
  const submit = async () => {
    setShowProblems(true);
    if (!nodeId || problems.length) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const doc = await postReceipt(toReceiptBody({ nodeId, source, reference }, lines), submissionKey.current);
      setPosted(doc);
    } catch (cause) {
      // A refusal (4xx) posted nothing: the corrected form is a new submission. A network failure or 5xx
      // keeps the key, so pressing again replays the first post instead of receiving twice.
      if (cause instanceof ApiError && cause.status >= 400 && cause.status < 500) submissionKey.current = newIdempotencyKey();
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));
    } finally {
      setSubmitting(false);
    }
  };
  const reset = () => {
    submissionKey.current = newIdempotencyKey();
    setPosted(undefined);
    setLines([emptyLine(`l${nextKey.current}`)]);
    setActiveKey(`l${nextKey.current++}`);
    setReference('');
    setShowProblems(false);
    setError(undefined);
  };

  if (posted) {
    const codes = assetCodesOf(posted.lines);
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="receipt-page">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stock.receipt.title')}
        </Typography.Title>
        <StockNav active="/stock/receive" />
        <Result
          status="success"
          title={<span data-testid="receipt-number">{t('stock.receipt.posted', { number: posted.number })}</span>}
          subTitle={
            codes.length ? t('stock.receipt.assetsCreated', { count: codes.reduce((s, c) => s + c.codes.length, 0) }) : undefined
          }
          extra={[
            codes.length > 0 && (
              <Button
                key="print"
                type="primary"
                icon={<PrinterOutlined />}
                loading={printing}
                data-testid="print-labels"
                onClick={() => {
                  setPrinting(true);
                  openLabels({ receiptId: posted.id })
                    .catch((cause: unknown) => void message.error(errorText(cause, t)))
                    .finally(() => setPrinting(false));
                }}
              >
                {t('stock.receipt.printLabels')}
              </Button>
            ),
            <Button key="again" onClick={reset} data-testid="receipt-again">
              {t('stock.receipt.another')}
            </Button>,
          ]}
        >
          {codes.length > 0 && (
            <Space orientation="vertical" data-testid="asset-codes">
              {codes.map((c) => (
                <div key={c.itemId}>
                  <Typography.Text strong>{items.get(c.itemId)?.code ?? c.itemId}: </Typography.Text>
                  {c.codes.map((code) => (
                    <Tag key={code} data-testid="asset-code" style={{ fontFamily: 'monospace' }}>
                      {code}
                    </Tag>
                  ))}
                </div>
              ))}
            </Space>
          )}
        </Result>
      </Space>
    );
  }

  const problemOf = (index: number) =>
    showProblems ? problems.filter((p) => p.line === index).map((p) => t(`stock.receipt.problem.${p.problem}`)) : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="receipt-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('stock.receipt.title')}
      </Typography.Title>
      <StockNav active="/stock/receive" />
      <Card size="small">
        <Space wrap align="start">
          <div>
            <Typography.Text>{t('stock.node')}</Typography.Text>
            <br />
            <NodeSelect nodes={nodes} value={nodeId} onChange={setNodeId} testId="receipt-node" />
            {showProblems && !nodeId && (
              <div>
                <Typography.Text type="danger">{t('stock.receipt.problem.node')}</Typography.Text>
              </div>
            )}
          </div>
          <div>
            <Typography.Text>{t('stock.receipt.source')}</Typography.Text>
            <br />
            <Select
              value={source}
              onChange={setSource}
              style={{ width: 160 }}
              data-testid="receipt-source"
              options={SOURCES.map((s) => ({ value: s, label: t(`stock.receipt.sources.${s}`) }))}
            />
          </div>
          <div>
            <Typography.Text>{t('stock.receipt.reference')}</Typography.Text>
            <br />
            <Input
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              maxLength={200}
              style={{ width: 260 }}
              placeholder={t('stock.receipt.referencePlaceholder')}
              data-testid="receipt-reference"
            />
          </div>
        </Space>
      </Card>
      <Card size="small" title={t('stock.scan.title')}>
        <ScanInput onScan={onScan} autoFocus testId="receipt-scan" />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('stock.scan.receiptHint')}
        </Typography.Paragraph>
      </Card>
      <Table<FormLine>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={lines}
        data-testid="receipt-lines"
        rowClassName={(l) => (l.key === activeKey ? 'ant-table-row-selected' : '')}
        columns={[
          {
            key: 'active',
            width: 48,
            title: t('stock.receipt.scanTarget'),
            render: (_v, l) =>
              isSerialised(l.tracking) ? (
                <Radio
                  checked={l.key === activeKey}
                  onChange={() => setActiveKey(l.key)}
                  aria-label={t('stock.receipt.scanTarget')}
                />
              ) : null,
          },
          {
            key: 'item',
            title: t('stock.item'),
            render: (_v, l, index) => (
              <Space orientation="vertical" size={2}>
                <ItemSelect
                  value={l.itemId}
                  initial={l.itemId ? items.get(l.itemId) : undefined}
                  onChange={(item) => setItem(l.key, item)}
                  testId={`receipt-line-item-${index}`}
                />
                {l.tracking && <Tag>{t(`stock.tracking.${l.tracking}`)}</Tag>}
              </Space>
            ),
          },
          {
            key: 'qty',
            title: t('stock.qty'),
            width: 110,
            render: (_v, l, index) =>
              isSerialised(l.tracking) ? (
                <Typography.Text strong data-testid={`receipt-line-qty-${index}`}>
                  {l.serials.length}
                </Typography.Text>
              ) : (
                <InputNumber
                  min={1}
                  precision={0}
                  value={l.qty}
                  onChange={(v) => update(l.key, { qty: v ?? 0 })}
                  style={{ width: 90 }}
                  data-testid={`receipt-line-qty-${index}`}
                />
              ),
          },
          {
            key: 'detail',
            title: t('stock.receipt.detail'),
            render: (_v, l, index) => (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                {(l.tracking === 'lot' || (l.tracking && !isSerialised(l.tracking) && l.lotNo)) && (
                  <Space wrap>
                    <Input
                      placeholder={t('stock.receipt.lotNo')}
                      value={l.lotNo}
                      onChange={(e) => update(l.key, { lotNo: e.target.value })}
                      style={{ width: 150 }}
                      data-testid={`receipt-line-lot-${index}`}
                    />
                    <DatePicker
                      placeholder={t('stock.receipt.producedOn')}
                      value={l.producedOn ? dayjs(l.producedOn) : null}
                      onChange={(d) => update(l.key, { producedOn: d ? d.format('YYYY-MM-DD') : '' })}
                    />
                    <DatePicker
                      placeholder={t('stock.receipt.expiresOn')}
                      value={l.expiresOn ? dayjs(l.expiresOn) : null}
                      onChange={(d) => update(l.key, { expiresOn: d ? d.format('YYYY-MM-DD') : '' })}
                    />
                  </Space>
                )}
                {isSerialised(l.tracking) && (
                  <Select
                    mode="tags"
                    open={false}
                    value={l.serials}
                    onChange={(serials: string[]) => update(l.key, { serials: appendSerials([], serials).serials })}
                    placeholder={t('stock.receipt.serialsPlaceholder')}
                    style={{ minWidth: 320 }}
                    data-testid={`receipt-line-serials-${index}`}
                    tokenSeparators={[',', ' ', '\n']}
                  />
                )}
                {problemOf(index).map((p) => (
                  <Typography.Text key={p} type="danger">
                    {p}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            key: 'remove',
            width: 56,
            render: (_v, l) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={lines.length === 1}
                aria-label={t('common.remove')}
                onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
              />
            ),
          },
        ]}
      />
      <Button icon={<PlusOutlined />} onClick={() => addLine()} data-testid="receipt-add-line">
        {t('stock.receipt.addLine')}
      </Button>
      {error && <Alert type="error" showIcon title={errorText(error, t)} data-testid="receipt-error" />}
      <Space>
        <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="receipt-submit">
          {t('stock.receipt.submit')}
        </Button>
      </Space>
    </Space>
  );
}
