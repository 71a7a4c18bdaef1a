import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Item, StockDocument } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRoute } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import {
  getAvailability,
  listDocuments,
  newIdempotencyKey,
  postAdjustment,
  type Availability,
  type TransferLine,
} from '../api/stock.api.ts';
import { adjustmentProblems, balanceAfter, toAdjustmentBody, type AdjustmentProblem } from '../adjustment-form.ts';
import type { StockUnit } from '../stock-unit.ts';
import { useItemsById } from './item-names.ts';
import { ItemSelect, NodeSelect, StockNav, useNodeName, useNodes } from './pickers.tsx';
import { LineUnitPicker } from './stock-line-editor.tsx';

/** Problems worth saying in words at once; the others (a field not filled yet) only keep the button disabled. */
const EXPLAINED: AdjustmentProblem[] = ['lot', 'serialised-add', 'asset-qty'];
const errorOf = (cause: unknown) => (cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));

/** 库存调整: a signed correction of one item at one node with a reason, confirmed against the balance it leaves. */
export function AdjustmentsPage() {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { message } = AntApp.useApp();
  const { query } = useRoute();
  const { nodes, byId } = useNodes();
  const nodeName = useNodeName();
  const [nodeId, setNodeId] = useState<string | undefined>(query.get('nodeId') ?? undefined);
  const [item, setItem] = useState<Item>();
  const [unit, setUnit] = useState<StockUnit>();
  const [qty, setQty] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [balance, setBalance] = useState<Availability>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [posted, setPosted] = useState<StockDocument>();
  const key = useRef(newIdempotencyKey());
  const recent = useRequest(
    (signal) => listDocuments({ kind: 'adjustment', limit: 10, offset: 0 }, signal),
    'recent-adjustments',
  );
  const items = useItemsById((recent.data?.items ?? []).flatMap((d) => ((d.lines ?? []) as TransferLine[]).map((l) => l.itemId)));

  const draft = { nodeId, itemId: item?.id, tracking: item?.tracking, qty, reason, unit };
  const problems = adjustmentProblems(draft);

  const openConfirm = async () => {
    if (problems.length || !nodeId || !item) return;
    setError(undefined);
    setBalance(undefined);
    setConfirming(true);
    try {
      setBalance(await getAvailability(nodeId, item.id));
    } catch (cause) {
      setConfirming(false);
      setError(errorOf(cause));
    }
  };

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const doc = await postAdjustment(toAdjustmentBody(draft), key.current);
      key.current = newIdempotencyKey();
      setPosted(doc);
      setConfirming(false);
      setQty(null);
      setReason('');
      setUnit(undefined);
      void message.success(t('stock.adjustment.posted', { number: doc.number }));
      recent.reload();
    } catch (cause) {
      const apiError = errorOf(cause);
      // A refusal posted nothing, so the next attempt is a new submission; after a network failure the key replays.
      if (apiError.status >= 400 && apiError.status < 500) key.current = newIdempotencyKey();
      setError(apiError);
      setConfirming(false);
    } finally {
      setSaving(false);
    }
  };

  const after = balance && qty ? balanceAfter(balance, qty) : undefined;
  const itemLabel = item ? `${item.code} ${en ? item.nameEn : item.nameZh}` : '';
  const unitName = item ? (en ? item.unitEn : item.unitZh) : '';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="adjustments-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('stock.adjustment.title')}
      </Typography.Title>
      <StockNav active="/stock/adjustments" />
      <Card size="small">
        <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }} data-testid="adjust-form">
          <Typography.Text type="secondary">{t('stock.adjustment.hint')}</Typography.Text>
          <Space wrap>
            <NodeSelect nodes={nodes} value={nodeId} onChange={setNodeId} allowClear={false} testId="adjust-node" />
            <ItemSelect
              value={item?.id}
              initial={item}
              onChange={(next) => {
                setItem(next);
                setUnit(undefined);
              }}
              testId="adjust-item"
            />
          </Space>
          {/* An asset is not set to one unit here: its sign (a removal) is for the user to give. */}
          <LineUnitPicker
            item={item}
            unit={unit}
            onUnitChange={setUnit}
            onItemChange={setItem}
            onError={setError}
            testId="adjust-unit"
            label={t('stock.unit.label')}
          />
          <Space wrap align="center">
            <Typography.Text>{t('stock.adjustment.qty')}</Typography.Text>
            <InputNumber
              precision={0}
              value={qty}
              onChange={(v) => setQty(v)}
              style={{ width: 160 }}
              data-testid="adjust-qty"
              suffix={unitName || undefined}
            />
          </Space>
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('stock.adjustment.reasonPlaceholder')}
            aria-label={t('stock.adjustment.reason')}
            data-testid="adjust-reason"
          />
          {problems
            .filter((p) => EXPLAINED.includes(p))
            .map((p) => (
              <Typography.Text key={p} type="danger" data-testid={`adjust-problem-${p}`}>
                <WarningOutlined /> {t(`stock.adjustment.problem.${p}`)}
              </Typography.Text>
            ))}
          {error && <Alert type="error" showIcon title={errorText(error, t)} data-testid="adjust-error" />}
          {posted && (
            <Alert
              type="success"
              showIcon
              closable
              onClose={() => setPosted(undefined)}
              title={<span data-testid="adjust-posted">{t('stock.adjustment.posted', { number: posted.number })}</span>}
            />
          )}
          <Button
            type="primary"
            icon={<EditOutlined />}
            disabled={problems.length > 0}
            onClick={() => void openConfirm()}
            data-testid="adjust-submit"
          >
            {t('stock.adjustment.submit')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('stock.adjustment.recent')}>
        {recent.error && <Alert type="error" showIcon title={errorText(recent.error, t)} />}
        <Table<StockDocument>
          rowKey="id"
          size="small"
          loading={recent.loading}
          dataSource={recent.data?.items ?? []}
          pagination={false}
          data-testid="adjustments-table"
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
            { key: 'node', title: t('stock.node'), render: (_v, d) => nodeName(byId.get(d.nodeId)) },
            {
              key: 'lines',
              title: t('stock.item'),
              render: (_v, d) =>
                ((d.lines ?? []) as TransferLine[]).map((l, i) => {
                  const known = items.get(l.itemId);
                  return (
                    <div key={i}>
                      {known ? `${known.code} ${en ? known.nameEn : known.nameZh}` : l.itemId}{' '}
                      <Typography.Text strong type={l.qty < 0 ? 'danger' : 'success'}>
                        {l.qty > 0 ? `+${l.qty}` : l.qty}
                      </Typography.Text>
                    </div>
                  );
                }),
            },
            { key: 'reason', dataIndex: 'reason', title: t('stock.adjustment.reason') },
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
      <Modal
        open={confirming}
        title={t('stock.adjustment.confirmTitle')}
        onCancel={() => setConfirming(false)}
        onOk={() => void submit()}
        okText={t('stock.adjustment.confirm')}
        okButtonProps={{ disabled: !after, loading: saving, ...({ 'data-testid': 'adjust-post' } as object) }}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="adjust-confirm">
          <Typography.Text>
            {nodeName(nodeId ? byId.get(nodeId) : undefined)} · {itemLabel}
            {unit ? ` · ${t(unit.kind === 'asset' ? 'stock.unit.asset' : 'stock.unit.lot', { label: unit.label })}` : ''}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('stock.adjustment.reason')}: {reason.trim()}
          </Typography.Text>
          {balance && after && qty !== null ? (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                data-testid="adjust-balance"
                dataSource={[
                  { key: 'onHand', label: t('stock.onHand'), now: balance.onHand, after: after.onHand },
                  { key: 'available', label: t('stock.available'), now: balance.available, after: after.available },
                ]}
                columns={[
                  { key: 'label', dataIndex: 'label', title: '' },
                  { key: 'now', dataIndex: 'now', title: t('stock.adjustment.current'), align: 'right' },
                  {
                    key: 'change',
                    title: t('stock.adjustment.change'),
                    align: 'right',
                    render: () => (qty > 0 ? `+${qty}` : qty),
                  },
                  {
                    key: 'after',
                    dataIndex: 'after',
                    title: t('stock.adjustment.after'),
                    align: 'right',
                    render: (v: number, row) => (
                      <Typography.Text strong data-testid={`adjust-after-${row.key}`}>
                        {v} {unitName}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
              {after.exceedsAvailable && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('stock.adjustment.exceeds', { available: balance.available })}
                  data-testid="adjust-exceeds"
                />
              )}
            </>
          ) : (
            <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
          )}
        </Space>
      </Modal>
    </Space>
  );
}
