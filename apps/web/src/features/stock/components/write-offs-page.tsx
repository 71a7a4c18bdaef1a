import { useRef, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Drawer,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StockDocument } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import { canApproveStock, canWriteStock } from '../../auth/permissions.ts';
import { decideWriteOff, listDocuments, newIdempotencyKey, requestWriteOff, type TransferLine } from '../api/stock.api.ts';
import {
  decisionBlock,
  toWriteOffBody,
  unitsOf,
  WRITE_OFF_STATES,
  writeOffProblems,
  writeOffStateColour,
  type WriteOffKind,
} from '../write-off-view.ts';
import { useItemsById } from './item-names.ts';
import { NodeSelect, StockNav, useNodeName, useNodes } from './pickers.tsx';
import { newStockLine, StockLineEditor } from './stock-line-editor.tsx';

export function WriteOffStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={writeOffStateColour(state)} data-testid="write-off-state" data-state={state}>
      {t(`stock.writeOff.states.${state}`, { defaultValue: state })}
    </Tag>
  );
}

const errorOf = (cause: unknown) => (cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));

function RequestWriteOffDrawer({
  open,
  onClose,
  onRequested,
}: {
  open: boolean;
  onClose: () => void;
  onRequested: (doc: StockDocument) => void;
}) {
  const { t } = useTranslation();
  const { nodes } = useNodes();
  const [nodeId, setNodeId] = useState<string>();
  const [kind, setKind] = useState<WriteOffKind>('scrap');
  const [reason, setReason] = useState('');
  const [lines, setLines] = useState(() => [newStockLine()]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const key = useRef(newIdempotencyKey());
  const draft = {
    nodeId,
    kind,
    reason,
    lines: lines.map((l) => ({ key: l.key, itemId: l.item?.id, qty: l.qty, unit: l.unit })),
  };
  const problems = writeOffProblems(draft);
  const submit = async () => {
    if (problems.length) return;
    setSaving(true);
    setError(undefined);
    try {
      const doc = await requestWriteOff(toWriteOffBody(draft), key.current);
      key.current = newIdempotencyKey();
      setLines([newStockLine()]);
      setReason('');
      onRequested(doc);
    } catch (cause) {
      const apiError = errorOf(cause);
      if (apiError.status >= 400 && apiError.status < 500) key.current = newIdempotencyKey();
      setError(apiError);
    } finally {
      setSaving(false);
    }
  };
  // Line problems are worth words once a line has an item; the others only keep the button disabled.
  const lineProblems = problems.filter(
    (p): p is Extract<typeof p, { line: number }> => 'line' in p && p.problem !== 'item' && Boolean(lines[p.line]?.item),
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t('stock.writeOff.request')}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          disabled={problems.length > 0}
          loading={saving}
          onClick={() => void submit()}
          data-testid="write-off-submit"
        >
          {t('stock.writeOff.submit')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="write-off-form">
        <Space wrap>
          <NodeSelect nodes={nodes} value={nodeId} onChange={setNodeId} allowClear={false} testId="write-off-node" />
          <Segmented<WriteOffKind>
            value={kind}
            onChange={setKind}
            options={(['scrap', 'write-off'] as const).map((k) => ({ value: k, label: t(`stock.writeOff.kinds.${k}`) }))}
            data-testid="write-off-kind"
          />
        </Space>
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('stock.writeOff.reasonPlaceholder')}
          aria-label={t('stock.writeOff.reason')}
          data-testid="write-off-reason"
        />
        <StockLineEditor lines={lines} setLines={setLines} testIdPrefix="write-off-line" units={{ onError: setError }} />
        {lineProblems.map((p) => (
          <Typography.Text key={`${p.problem}-${p.line}`} type="danger">
            {t(`stock.writeOff.problem.${p.problem}`, { line: p.line + 1 })}
          </Typography.Text>
        ))}
        {error && <Alert type="error" showIcon title={errorText(error, t)} data-testid="write-off-error" />}
      </Space>
    </Drawer>
  );
}

/** 报废核销: write-off and scrap requests, approved or rejected by someone with the right other than the requester. */
export function WriteOffsPage() {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { message } = AntApp.useApp();
  const user = useUser();
  const { nodes, byId } = useNodes();
  const nodeName = useNodeName();
  const [filter, setFilter] = useState<{ state?: string; nodeId?: string; limit: number; offset: number }>({
    state: 'pending-approval',
    limit: 20,
    offset: 0,
  });
  const request = useRequest((signal) => listDocuments({ kind: 'write-off', ...filter }, signal), filter);
  const items = useItemsById(
    (request.data?.items ?? []).flatMap((d) => ((d.lines ?? []) as TransferLine[]).map((l) => l.itemId)),
  );
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<{ doc: StockDocument; approve: boolean }>();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const decide = async () => {
    if (!deciding) return;
    setSaving(true);
    try {
      const doc = await decideWriteOff(deciding.doc.id, deciding.approve, note);
      void message.success(t(deciding.approve ? 'stock.writeOff.approved' : 'stock.writeOff.rejected', { number: doc.number }));
      setDeciding(undefined);
      setNote('');
      request.reload();
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="write-offs-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stock.writeOff.title')}
        </Typography.Title>
        {canWriteStock(user.role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)} data-testid="write-off-create">
            {t('stock.writeOff.request')}
          </Button>
        )}
      </Space>
      <StockNav active="/stock/write-offs" />
      <Card size="small">
        <Space wrap>
          <NodeSelect
            nodes={nodes}
            value={filter.nodeId}
            onChange={(nodeId) => setFilter((f) => ({ ...f, nodeId, offset: 0 }))}
          />
          <Select<string>
            allowClear
            placeholder={t('stock.status')}
            style={{ width: 180 }}
            value={filter.state}
            onChange={(state) => setFilter((f) => ({ ...f, state, offset: 0 }))}
            options={WRITE_OFF_STATES.map((s) => ({ value: s, label: t(`stock.writeOff.states.${s}`) }))}
            data-testid="write-off-filter-state"
          />
        </Space>
      </Card>
      {request.error && <Alert type="error" showIcon title={errorText(request.error, t)} />}
      <Table<StockDocument>
        rowKey="id"
        size="middle"
        loading={request.loading}
        dataSource={request.data?.items ?? []}
        data-testid="write-offs-table"
        scroll={{ x: 1100 }}
        pagination={{
          current: Math.floor(filter.offset / filter.limit) + 1,
          pageSize: filter.limit,
          total: request.data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, limit: pageSize, offset: (page - 1) * pageSize })),
        }}
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
            key: 'kind',
            title: t('stock.writeOff.kind'),
            render: (_v, d) => (
              <Tag color={d.source === 'scrap' ? 'volcano' : 'gold'}>
                {t(`stock.writeOff.kinds.${d.source ?? 'write-off'}`, { defaultValue: d.source ?? '' })}
              </Tag>
            ),
          },
          {
            key: 'lines',
            title: t('stock.writeOff.lines'),
            render: (_v, d) => {
              // Serialised units are stored one line per asset: show one row per item.
              const byItem = new Map<string, number>();
              for (const l of (d.lines ?? []) as TransferLine[]) byItem.set(l.itemId, (byItem.get(l.itemId) ?? 0) + l.qty);
              return [...byItem].map(([itemId, qty]) => {
                const known = items.get(itemId);
                return (
                  <div key={itemId}>{`${known ? `${known.code} ${en ? known.nameEn : known.nameZh}` : itemId} × ${qty}`}</div>
                );
              });
            },
          },
          { key: 'units', title: t('stock.writeOff.units'), align: 'right', render: (_v, d) => unitsOf(d.lines) },
          { key: 'reason', dataIndex: 'reason', title: t('stock.writeOff.reason') },
          { key: 'state', title: t('stock.status'), render: (_v, d) => <WriteOffStateTag state={d.state} /> },
          { key: 'requestedBy', dataIndex: 'createdByName', title: t('stock.writeOff.requestedBy') },
          {
            key: 'createdAt',
            dataIndex: 'createdAt',
            title: t('stock.createdAt'),
            render: (v: string) => new Date(v).toLocaleString(),
          },
          {
            key: 'decidedBy',
            dataIndex: 'approvedByName',
            title: t('stock.writeOff.decidedBy'),
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v, d) => {
              const block = decisionBlock(d, user, canApproveStock);
              if (block === 'not-pending') return null;
              const buttons = (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    icon={<CheckOutlined />}
                    disabled={block !== undefined}
                    onClick={() => setDeciding({ doc: d, approve: true })}
                    data-testid="write-off-approve"
                  >
                    {t('stock.writeOff.approve')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<CloseOutlined />}
                    disabled={block !== undefined}
                    onClick={() => setDeciding({ doc: d, approve: false })}
                    data-testid="write-off-reject"
                  >
                    {t('stock.writeOff.reject')}
                  </Button>
                </Space>
              );
              return block ? <Tooltip title={t(`stock.writeOff.blocked.${block}`)}>{buttons}</Tooltip> : buttons;
            },
          },
        ]}
      />
      <RequestWriteOffDrawer
        open={requesting}
        onClose={() => setRequesting(false)}
        onRequested={(doc) => {
          setRequesting(false);
          void message.success(t('stock.writeOff.requested', { number: doc.number }));
          setFilter((f) => ({ ...f, offset: 0 }));
          request.reload();
        }}
      />
      <Modal
        open={deciding !== undefined}
        title={
          deciding
            ? t(deciding.approve ? 'stock.writeOff.approveTitle' : 'stock.writeOff.rejectTitle', { number: deciding.doc.number })
            : ''
        }
        onCancel={() => setDeciding(undefined)}
        onOk={() => void decide()}
        okText={deciding?.approve ? t('stock.writeOff.approve') : t('stock.writeOff.reject')}
        okButtonProps={{
          danger: deciding?.approve === false,
          loading: saving,
          ...({ 'data-testid': 'write-off-decide' } as object),
        }}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type={deciding?.approve ? 'warning' : 'info'}
            showIcon
            title={deciding?.approve ? t('stock.writeOff.approveHint') : t('stock.writeOff.rejectHint')}
          />
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('stock.writeOff.note')}
            data-testid="write-off-note"
          />
        </Space>
      </Modal>
    </Space>
  );
}
