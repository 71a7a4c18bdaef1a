import { useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ClockCircleOutlined, StopOutlined, UnlockOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Item, StockDocument, StockRow } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRoute } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import { canApproveStock, canWriteStock } from '../../auth/permissions.ts';
import {
  getAvailability,
  getItem,
  listDocuments,
  listStock,
  newIdempotencyKey,
  postQuarantine,
  quarantineExpired,
  type TransferLine,
} from '../api/stock.api.ts';
import { quarantinedRows, quarantineProblems, readPages, toQuarantineBody } from '../quarantine-view.ts';
import type { StockUnit } from '../stock-unit.ts';
import { useItemsById } from './item-names.ts';
import { ItemSelect, NodeSelect, StockNav, useNodeName, useNodes } from './pickers.tsx';
import { LineUnitPicker } from './stock-line-editor.tsx';

type Direction = 'quarantine' | 'release';
/** Quarantined node × item rows shown at most; the server filters, so this is a guard, not a sample. */
const ROWS_READ = 5000;
const PAGE = 500;
const errorOf = (cause: unknown) => (cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));

/** The form behind both buttons: quarantine stock, or release it, with a reason. */
function QuarantineModal({
  direction,
  start,
  onClose,
  onPosted,
}: {
  direction: Direction | undefined;
  start: { nodeId?: string; item?: Item };
  onClose: () => void;
  onPosted: (doc: StockDocument) => void;
}) {
  const { t } = useTranslation();
  const { nodes } = useNodes();
  const [nodeId, setNodeId] = useState(start.nodeId);
  const [item, setItem] = useState(start.item);
  const [unit, setUnit] = useState<StockUnit>();
  const [qty, setQty] = useState<number | null>(1);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const key = useRef(newIdempotencyKey());
  const balance = useRequest(
    (signal) => (nodeId && item ? getAvailability(nodeId, item.id, signal) : Promise.resolve(undefined)),
    ['quarantine-balance', nodeId, item?.id, direction],
  );
  // Named assets and lots are checked by the server; the item's total bounds the rest.
  const limit = balance.data ? (direction === 'release' ? balance.data.quarantined : balance.data.available) : undefined;
  const draft = { nodeId, itemId: item?.id, qty, reason, unit };
  const problems = quarantineProblems(draft, limit);

  const submit = async () => {
    if (!direction || problems.length) return;
    setSaving(true);
    setError(undefined);
    try {
      const doc = await postQuarantine(direction, toQuarantineBody(draft), key.current);
      key.current = newIdempotencyKey();
      onPosted(doc);
    } catch (cause) {
      const apiError = errorOf(cause);
      if (apiError.status >= 400 && apiError.status < 500) key.current = newIdempotencyKey();
      setError(apiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={direction !== undefined}
      title={direction === 'release' ? t('stock.quarantine.releaseTitle') : t('stock.quarantine.quarantineTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={direction === 'release' ? t('stock.quarantine.release') : t('stock.quarantine.quarantine')}
      okButtonProps={{
        disabled: problems.length > 0,
        loading: saving,
        danger: direction === 'quarantine',
        ...({ 'data-testid': 'quarantine-submit' } as object),
      }}
      width={640}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quarantine-form">
        <NodeSelect nodes={nodes} value={nodeId} onChange={setNodeId} allowClear={false} testId="quarantine-node" />
        <ItemSelect
          value={item?.id}
          initial={item}
          onChange={(next) => {
            setItem(next);
            setUnit(undefined);
          }}
          testId="quarantine-item"
        />
        <LineUnitPicker
          item={item}
          unit={unit}
          onUnitChange={(next) => {
            setUnit(next);
            if (next?.kind === 'asset') setQty(1);
          }}
          onItemChange={setItem}
          onError={setError}
          testId="quarantine-unit"
        />
        <Space wrap align="center">
          <Typography.Text>{t('stock.qty')}</Typography.Text>
          <InputNumber
            min={1}
            max={limit && limit > 0 ? limit : undefined}
            precision={0}
            value={qty}
            onChange={setQty}
            status={problems.includes('too-many') ? 'error' : undefined}
            data-testid="quarantine-qty"
          />
          {balance.data && (
            <Typography.Text type="secondary" data-testid="quarantine-limit">
              {direction === 'release' ? t('stock.quarantined') : t('stock.available')} {limit} ·{' '}
              {t('stock.quarantine.limit', { count: limit })}
            </Typography.Text>
          )}
        </Space>
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('stock.quarantine.reasonPlaceholder')}
          aria-label={t('stock.quarantine.reason')}
          data-testid="quarantine-reason"
        />
        {problems.includes('too-many') && (
          <Typography.Text type="danger">
            <WarningOutlined /> {t('stock.quarantine.problem.too-many')}
          </Typography.Text>
        )}
        {problems.includes('asset-qty') && (
          <Typography.Text type="danger">
            <WarningOutlined /> {t('stock.quarantine.problem.asset-qty')}
          </Typography.Text>
        )}
        {error && <Alert type="error" showIcon title={errorText(error, t)} data-testid="quarantine-error" />}
      </Space>
    </Modal>
  );
}

/** 隔离: what is quarantined where, quarantine and release with a reason, and the expired-lot sweep. */
export function QuarantinePage() {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { message } = AntApp.useApp();
  const user = useUser();
  const canWrite = canWriteStock(user.role);
  const { query } = useRoute();
  const { nodes, byId } = useNodes();
  const nodeName = useNodeName();
  const [nodeId, setNodeId] = useState<string | undefined>(query.get('nodeId') ?? undefined);
  const [modal, setModal] = useState<{ direction: Direction; nodeId?: string; item?: Item; key: number }>();
  const [sweeping, setSweeping] = useState(false);
  const [swept, setSwept] = useState<{ documents: number; units: number }>();
  const [opening, setOpening] = useState<string>();

  const stock = useRequest(
    async (signal) => {
      const read = await readPages(
        (cursor) => listStock({ limit: PAGE, offset: 0, cursor, sort: 'node', order: 'asc', nodeId, quarantined: true }, signal),
        ROWS_READ,
      );
      return { rows: quarantinedRows(read.rows), capped: read.capped };
    },
    ['quarantine-stock', nodeId],
  );
  const recent = useRequest(
    async (signal) => {
      const [q, r] = await Promise.all(
        (['quarantine', 'release'] as const).map((kind) => listDocuments({ kind, nodeId, limit: 10, offset: 0 }, signal)),
      );
      return [...(q?.items ?? []), ...(r?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 10);
    },
    ['quarantine-docs', nodeId],
  );
  const docItems = useItemsById((recent.data ?? []).flatMap((d) => ((d.lines ?? []) as TransferLine[]).map((l) => l.itemId)));
  const rows = useMemo(() => stock.data?.rows ?? [], [stock.data]);

  const open = async (direction: Direction, row?: StockRow) => {
    if (!row) {
      setModal({ direction, nodeId, key: Date.now() });
      return;
    }
    setOpening(`${row.nodeId}|${row.itemId}|${direction}`);
    try {
      setModal({ direction, nodeId: row.nodeId, item: await getItem(row.itemId), key: Date.now() });
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setOpening(undefined);
    }
  };
  const sweep = async () => {
    setSweeping(true);
    try {
      const result = await quarantineExpired();
      setSwept(result);
      stock.reload();
      recent.reload();
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setSweeping(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quarantine-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stock.quarantine.title')}
        </Typography.Title>
        <Space wrap>
          {canApproveStock(user.role) && (
            <Popconfirm title={t('stock.quarantine.moveExpiredConfirm')} onConfirm={() => void sweep()}>
              <Button icon={<ClockCircleOutlined />} loading={sweeping} data-testid="quarantine-expired">
                {t('stock.quarantine.moveExpired')}
              </Button>
            </Popconfirm>
          )}
          {canWrite && (
            <Button
              type="primary"
              danger
              icon={<StopOutlined />}
              onClick={() => void open('quarantine')}
              data-testid="quarantine-create"
            >
              {t('stock.quarantine.quarantine')}
            </Button>
          )}
        </Space>
      </Space>
      <StockNav active="/stock/quarantine" />
      <Typography.Text type="secondary">{t('stock.quarantine.hint')}</Typography.Text>
      <Card size="small">
        <NodeSelect nodes={nodes} value={nodeId} onChange={setNodeId} testId="quarantine-filter-node" />
      </Card>
      {swept && (
        <Alert
          type={swept.units > 0 ? 'success' : 'info'}
          showIcon
          closable
          onClose={() => setSwept(undefined)}
          title={
            <span data-testid="quarantine-expired-result" data-documents={swept.documents} data-units={swept.units}>
              {swept.units > 0 ? t('stock.quarantine.moved', swept) : t('stock.quarantine.movedNone')}
            </span>
          }
        />
      )}
      {stock.error && <Alert type="error" showIcon title={errorText(stock.error, t)} />}
      {stock.data?.capped && <Alert type="info" showIcon title={t('stock.quarantine.capped', { count: ROWS_READ })} />}
      <Table<StockRow>
        rowKey={(r) => `${r.nodeId}|${r.itemId}`}
        size="middle"
        loading={stock.loading}
        dataSource={rows}
        data-testid="quarantine-table"
        locale={{ emptyText: t('stock.quarantine.empty') }}
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { count: total }) }}
        columns={[
          {
            key: 'node',
            title: t('stock.node'),
            render: (_v, r) => (
              <Space size={4}>
                {en ? r.nodeNameEn : r.nodeNameZh}
                <Typography.Text type="secondary">{r.nodeCode}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'item',
            title: t('stock.item'),
            render: (_v, r) => (
              <Space size={4}>
                {en ? r.itemNameEn : r.itemNameZh}
                <Typography.Text type="secondary">{r.itemCode}</Typography.Text>
              </Space>
            ),
          },
          { key: 'onHand', dataIndex: 'onHand', title: t('stock.onHand'), align: 'right' },
          {
            key: 'quarantined',
            dataIndex: 'quarantined',
            title: t('stock.quarantined'),
            align: 'right',
            render: (v: number, r) => (
              <Tag color="warning" icon={<StopOutlined />} data-testid="quarantined-qty">
                {v} {en ? r.unitEn : r.unitZh}
              </Tag>
            ),
          },
          { key: 'available', dataIndex: 'available', title: t('stock.available'), align: 'right' },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_v: unknown, r: StockRow) => (
                    <Space size={4} wrap>
                      <Button
                        size="small"
                        icon={<UnlockOutlined />}
                        loading={opening === `${r.nodeId}|${r.itemId}|release`}
                        onClick={() => void open('release', r)}
                        data-testid="quarantine-release"
                      >
                        {t('stock.quarantine.release')}
                      </Button>
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<StopOutlined />}
                        loading={opening === `${r.nodeId}|${r.itemId}|quarantine`}
                        onClick={() => void open('quarantine', r)}
                      >
                        {t('stock.quarantine.quarantine')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Card size="small" title={t('stock.quarantine.recent')}>
        {recent.error && <Alert type="error" showIcon title={errorText(recent.error, t)} />}
        <Table<StockDocument>
          rowKey="id"
          size="small"
          pagination={false}
          loading={recent.loading}
          dataSource={recent.data ?? []}
          data-testid="quarantine-docs"
          columns={[
            {
              key: 'number',
              dataIndex: 'number',
              title: t('stock.documentNumber'),
              render: (v: string) => (
                <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                  {v}
                </Typography.Text>
              ),
            },
            {
              key: 'kind',
              title: t('stock.writeOff.kind'),
              render: (_v, d) => (
                <Tag color={d.kind === 'quarantine' ? 'warning' : 'success'}>
                  {t(`stock.quarantine.kinds.${d.kind}`, { defaultValue: d.kind })}
                </Tag>
              ),
            },
            { key: 'node', title: t('stock.node'), render: (_v, d) => nodeName(byId.get(d.nodeId)) },
            {
              key: 'lines',
              title: t('stock.item'),
              render: (_v, d) =>
                ((d.lines ?? []) as TransferLine[]).map((l, i) => {
                  const known = docItems.get(l.itemId);
                  return (
                    <div key={i}>{`${known ? `${known.code} ${en ? known.nameEn : known.nameZh}` : l.itemId} × ${l.qty}`}</div>
                  );
                }),
            },
            { key: 'reason', dataIndex: 'reason', title: t('stock.quarantine.reason') },
            { key: 'createdBy', dataIndex: 'createdByName', title: t('stock.createdBy') },
            {
              key: 'createdAt',
              dataIndex: 'createdAt',
              title: t('stock.createdAt'),
              render: (v: string) => new Date(v).toLocaleString(),
            },
          ]}
        />
      </Card>
      {modal && (
        <QuarantineModal
          key={modal.key}
          direction={modal.direction}
          start={{ nodeId: modal.nodeId, item: modal.item }}
          onClose={() => setModal(undefined)}
          onPosted={(doc) => {
            setModal(undefined);
            void message.success(t('stock.quarantine.posted', { number: doc.number }));
            stock.reload();
            recent.reload();
          }}
        />
      )}
    </Space>
  );
}
