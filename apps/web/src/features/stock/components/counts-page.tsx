import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, ExclamationCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Asset, StockDocument } from '@zhanqin/contracts';
import { api, ApiError, type PageOf } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import {
  decideCount,
  getCount,
  listDocuments,
  lookupCode,
  recordCount,
  startCount,
  submitCount,
  type CountLine,
} from '../api/stock.api.ts';
import { applyScan, countKeyOf, countScanOf, differenceOf } from '../count-view.ts';
import { ItemsSelect, NodeSelect, StockNav, useNodeName, useNodes } from './pickers.tsx';
import { ScanInput } from './scan-input.tsx';

const COUNT_STATE_COLOURS: Record<string, string> = {
  counting: 'processing',
  submitted: 'warning',
  approved: 'success',
  rejected: 'error',
};

export function CountStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COUNT_STATE_COLOURS[state] ?? 'default'} data-testid="count-state" data-state={state}>
      {t(`stock.count.states.${state}`, { defaultValue: state })}
    </Tag>
  );
}

function Difference({ value }: { value: number | undefined }) {
  const { t } = useTranslation();
  if (value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  if (value === 0) return <Typography.Text type="success">0</Typography.Text>;
  return (
    <Typography.Text type="danger" strong data-testid="count-difference">
      <ExclamationCircleOutlined /> {value > 0 ? `+${value}` : value}{' '}
      {value > 0 ? t('stock.count.surplus') : t('stock.count.missing')}
    </Typography.Text>
  );
}

function CountDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const user = useUser();
  const canApprove = user.role === 'admin' || user.role === 'logistics-officer';
  const request = useRequest((signal) => getCount(id, signal), ['count', id]);
  const count = request.data;
  // Serialised lines name assets by id; load the node's asset codes (paged, up to 10,000) to show them.
  const assets = useRequest(
    async (signal) => {
      if (!count) return undefined;
      const all: Asset[] = [];
      for (let offset = 0; offset < 10_000; offset += 500) {
        const page = await api.get<PageOf<Asset>>('/assets', { nodeId: count.nodeId, limit: 500, offset }, signal);
        all.push(...page.items);
        if (page.items.length < 500) break;
      }
      return { items: all };
    },
    ['count-assets', count?.nodeId],
  );
  const assetCodes = useMemo(() => new Map((assets.data?.items ?? []).map((a) => [a.id, a.code])), [assets.data]);
  const [entered, setEntered] = useState<Map<string, number>>(new Map());
  const [busy, setBusy] = useState<string>();
  // Lines scanned last come first, so a keeper with a handheld sees each scan land.
  const [scannedKeys, setScannedKeys] = useState<string[]>([]);
  const lines = useMemo(() => count?.countLines ?? [], [count]);
  const shown = useMemo(() => {
    const rank = new Map(scannedKeys.map((k, i) => [k, i]));
    return [...lines].sort((a, b) => (rank.get(countKeyOf(b)) ?? -1) - (rank.get(countKeyOf(a)) ?? -1));
  }, [lines, scannedKeys]);
  const editable = count?.state === 'counting';

  const save = async () => {
    if (!count || entered.size === 0) return;
    const body = lines
      .filter((l) => entered.has(countKeyOf(l)))
      .map((l) => ({
        itemId: l.itemId,
        ...(l.lotId ? { lotId: l.lotId } : {}),
        ...(l.assetId ? { assetId: l.assetId } : {}),
        counted: entered.get(countKeyOf(l)) ?? 0,
      }));
    await recordCount(count.id, { lines: body });
    setEntered(new Map());
  };
  const act = async (name: string, action: () => Promise<unknown>) => {
    setBusy(name);
    try {
      await action();
      request.reload();
      onChanged();
      void message.success(t(`stock.count.done.${name}`));
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setBusy(undefined);
    }
  };

  const onScan = async (code: string) => {
    try {
      const scanned = countScanOf(await lookupCode(code));
      if (!scanned.ok) {
        void message.warning(
          t(scanned.problem === 'document' ? 'stock.scan.isDocument' : 'stock.count.scanNotInCount', { code }),
        );
        return;
      }
      const result = applyScan(lines, entered, scanned.scan);
      if (!result.key) void message.warning(t('stock.count.scanNotInCount', { code }));
      else {
        setEntered(result.counted);
        const key = result.key;
        setScannedKeys((keys) => [...keys.filter((k) => k !== key), key]);
        void message.success(t('stock.count.scanned', { code }));
      }
    } catch (cause) {
      void message.error(
        cause instanceof ApiError && cause.status === 404 ? t('stock.scan.unknown', { code }) : errorText(cause, t),
      );
    }
  };

  if (request.error) return <Alert type="error" showIcon title={errorText(request.error, t)} />;
  if (!count) return null;
  const differences = lines.filter((l) => (differenceOf(l, entered) ?? 0) !== 0).length;

  return (
    <Card
      size="small"
      data-testid="count-detail"
      title={
        <Space>
          <Typography.Text code>{count.number}</Typography.Text>
          <CountStateTag state={count.state} />
        </Space>
      }
      extra={
        <Space wrap>
          {editable && (
            <>
              <Button
                disabled={entered.size === 0}
                loading={busy === 'save'}
                onClick={() => void act('save', save)}
                data-testid="count-save"
              >
                {t('common.save')}
              </Button>
              <Popconfirm
                title={t('stock.count.submitConfirm')}
                onConfirm={() =>
                  void act('submit', async () => {
                    await save();
                    await submitCount(count.id);
                  })
                }
              >
                <Button type="primary" loading={busy === 'submit'} data-testid="count-submit">
                  {t('stock.count.submit')}
                </Button>
              </Popconfirm>
            </>
          )}
          {count.state === 'submitted' && canApprove && (
            <>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={busy === 'approve'}
                onClick={() => void act('approve', () => decideCount(count.id, true))}
                data-testid="count-approve"
              >
                {t('stock.count.approve')}
              </Button>
              <Button
                danger
                icon={<CloseOutlined />}
                loading={busy === 'reject'}
                onClick={() => void act('reject', () => decideCount(count.id, false))}
                data-testid="count-reject"
              >
                {t('stock.count.reject')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      {editable && (
        <div style={{ marginBottom: 12 }}>
          <ScanInput onScan={onScan} testId="count-scan" placeholder={t('stock.count.scanPlaceholder')} />
        </div>
      )}
      {count.state === 'submitted' && !canApprove && (
        <Alert type="info" showIcon title={t('stock.count.waitingApproval')} style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph>
        {differences > 0 ? (
          <Typography.Text type="danger">
            <ExclamationCircleOutlined /> {t('stock.count.differences', { count: differences })}
          </Typography.Text>
        ) : (
          t('stock.count.noDifferences')
        )}
      </Typography.Paragraph>
      <Table<CountLine>
        size="small"
        rowKey={(l) => countKeyOf(l)}
        dataSource={shown}
        data-testid="count-lines"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowClassName={(l) => ((differenceOf(l, entered) ?? 0) !== 0 ? 'zq-count-diff' : '')}
        onRow={(l) => ({ style: (differenceOf(l, entered) ?? 0) !== 0 ? { background: '#fff1f0' } : undefined })}
        columns={[
          { key: 'item', dataIndex: 'itemCode', title: t('stock.item') },
          {
            key: 'unit',
            title: t('stock.count.unit'),
            render: (_v, l) =>
              l.assetId ? (
                <Typography.Text code>{assetCodes.get(l.assetId) ?? l.assetId.slice(0, 8)}</Typography.Text>
              ) : l.lotId ? (
                t('stock.count.lot')
              ) : (
                '—'
              ),
          },
          { key: 'expected', dataIndex: 'expected', title: t('stock.count.expected'), align: 'right' },
          {
            key: 'counted',
            title: t('stock.count.counted'),
            render: (_v, l, index) => {
              const value = entered.get(countKeyOf(l)) ?? l.counted;
              return editable ? (
                <InputNumber
                  min={0}
                  max={l.assetId ? 1 : undefined}
                  precision={0}
                  value={value}
                  onChange={(v) =>
                    setEntered((m) => {
                      const next = new Map(m);
                      if (v === null) next.delete(countKeyOf(l));
                      else next.set(countKeyOf(l), v);
                      return next;
                    })
                  }
                  data-testid={`count-counted-${index}`}
                />
              ) : (
                (value ?? '—')
              );
            },
          },
          {
            key: 'difference',
            title: t('stock.count.difference'),
            render: (_v, l) => <Difference value={differenceOf(l, entered)} />,
          },
        ]}
      />
    </Card>
  );
}

/** 盘点: start a count at a node, count (by hand or scan), submit; officers approve or reject. */
export function CountsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { nodes, byId } = useNodes();
  const nodeName = useNodeName();
  const [nodeId, setNodeId] = useState<string>();
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [selected, setSelected] = useState<string>();
  const [starting, setStarting] = useState(false);
  const list = useRequest((signal) => listDocuments({ kind: 'count', limit: 20, offset: 0 }, signal), 'counts');

  const start = async () => {
    if (!nodeId) return;
    setStarting(true);
    try {
      const doc = await startCount({ nodeId, ...(itemIds.length ? { itemIds } : {}) });
      setSelected(doc.id);
      list.reload();
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setStarting(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="counts-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('stock.count.title')}
      </Typography.Title>
      <StockNav active="/stock/counts" />
      <Card size="small">
        <Space wrap>
          <NodeSelect nodes={nodes} value={nodeId} onChange={setNodeId} testId="count-node" />
          <ItemsSelect value={itemIds} onChange={setItemIds} placeholder={t('stock.count.itemsPlaceholder')} width={380} />
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            disabled={!nodeId}
            loading={starting}
            onClick={() => void start()}
            data-testid="count-start"
          >
            {t('stock.count.start')}
          </Button>
        </Space>
      </Card>
      {selected && <CountDetail key={selected} id={selected} onChanged={list.reload} />}
      <Table<StockDocument>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        data-testid="counts-table"
        onRow={(d) => ({ onClick: () => setSelected(d.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'number',
            dataIndex: 'number',
            title: t('stock.documentNumber'),
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { key: 'node', title: t('stock.node'), render: (_v, d) => nodeName(byId.get(d.nodeId)) },
          { key: 'state', title: t('stock.status'), render: (_v, d) => <CountStateTag state={d.state} /> },
          { key: 'by', dataIndex: 'createdByName', title: t('stock.createdBy') },
          {
            key: 'createdAt',
            dataIndex: 'createdAt',
            title: t('stock.createdAt'),
            render: (v: string) => new Date(v).toLocaleString(),
          },
        ]}
      />
    </Space>
  );
}
