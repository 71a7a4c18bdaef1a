import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Modal, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, NodeExpandOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import { canEditStandards } from '../../auth/permissions.ts';
import {
  listShortfalls,
  proposeReplenishment,
  shortfallExportUrl,
  type ProposalResult,
  type ShortfallRow,
} from '../api/stock.api.ts';
import { worstFirst } from '../shortfall-view.ts';
import { useItemsById } from './item-names.ts';
import { NodeSelect, StockNav, useNodeName, useNodes } from './pickers.tsx';
import { StandardModal, type StandardStart } from './standard-modal.tsx';

/** 储备缺口: shortfalls against the reserve standard, worst first; replenishment proposals. */
export function ShortfallsPage() {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { message } = AntApp.useApp();
  const { nodes, byId } = useNodes();
  const nodeName = useNodeName();
  const [filter, setFilter] = useState<{ nodeId?: string; belowMinimum?: boolean }>({});
  const request = useRequest((signal) => listShortfalls(filter, signal), filter);
  const rows = useMemo(() => worstFirst(request.data?.items ?? []), [request.data]);
  const [preview, setPreview] = useState<ProposalResult>();
  const [busy, setBusy] = useState<'preview' | 'create'>();
  const items = useItemsById(preview?.proposals.map((p) => p.itemId) ?? []);
  const canEdit = canEditStandards(useUser().role);
  const [editing, setEditing] = useState<StandardStart & { key: number }>();

  const propose = async (dryRun: boolean) => {
    setBusy(dryRun ? 'preview' : 'create');
    try {
      const result = await proposeReplenishment({ ...(filter.nodeId ? { nodeId: filter.nodeId } : {}), dryRun });
      if (dryRun) setPreview(result);
      else {
        setPreview(undefined);
        void message.success(
          t('stock.shortfall.created', {
            count: result.transfers.length,
            numbers: result.transfers.map((x) => x.number).join(', '),
          }),
        );
        request.reload();
      }
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="shortfalls-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stock.shortfall.title')}
        </Typography.Title>
        <Space wrap>
          {canEdit && (
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing({ nodeId: filter.nodeId, key: Date.now() })}
              data-testid="standard-new"
            >
              {t('stock.standardEdit.newTitle')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={shortfallExportUrl(filter)} data-testid="shortfall-export">
            {t('stock.export')}
          </Button>
          <Button
            type="primary"
            icon={<NodeExpandOutlined />}
            loading={busy === 'preview'}
            onClick={() => void propose(true)}
            data-testid="shortfall-propose"
          >
            {t('stock.shortfall.propose')}
          </Button>
        </Space>
      </Space>
      <StockNav active="/stock/shortfalls" />
      <Card size="small">
        <Space wrap>
          <NodeSelect
            nodes={nodes}
            value={filter.nodeId}
            onChange={(nodeId) => setFilter((f) => ({ ...f, nodeId }))}
            testId="shortfall-filter-node"
          />
          <Checkbox
            checked={filter.belowMinimum === true}
            onChange={(e) => setFilter((f) => ({ ...f, belowMinimum: e.target.checked || undefined }))}
          >
            <WarningOutlined /> {t('stock.onlyBelowMinimum')}
          </Checkbox>
        </Space>
      </Card>
      {request.error && <Alert type="error" showIcon title={errorText(request.error, t)} />}
      <Table<ShortfallRow>
        rowKey={(r) => `${r.nodeId}|${r.itemId}`}
        size="middle"
        loading={request.loading}
        dataSource={rows}
        data-testid="shortfalls-table"
        pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { count: total }) }}
        columns={[
          { key: 'node', title: t('stock.node'), render: (_v, r) => nodeName(byId.get(r.nodeId)) || r.nodeCode },
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
          { key: 'available', dataIndex: 'available', title: t('stock.available'), align: 'right' },
          { key: 'minReserve', dataIndex: 'minReserve', title: t('stock.minReserve'), align: 'right' },
          { key: 'target', dataIndex: 'target', title: t('stock.target'), align: 'right' },
          {
            key: 'toTarget',
            dataIndex: 'toTarget',
            title: t('stock.shortfall.toTarget'),
            align: 'right',
            render: (v: number) => <Typography.Text strong>{v}</Typography.Text>,
          },
          {
            key: 'status',
            title: t('stock.status'),
            render: (_v, r) =>
              r.belowMinimum ? (
                <Tag color="error" icon={<WarningOutlined />} data-testid="below-minimum">
                  {t('stock.belowMinimum')}
                </Tag>
              ) : (
                <Tag color="warning">{t('stock.belowTarget')}</Tag>
              ),
          },
          ...(canEdit
            ? [
                {
                  key: 'edit',
                  title: t('common.actions'),
                  render: (_v: unknown, r: ShortfallRow) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() =>
                        setEditing({
                          nodeId: r.nodeId,
                          itemId: r.itemId,
                          minReserve: r.minReserve,
                          target: r.target,
                          key: Date.now(),
                        })
                      }
                      data-testid="standard-edit"
                    >
                      {t('stock.standardEdit.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <StandardModal
        key={editing?.key}
        start={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void message.success(t('stock.standardEdit.saved'));
          request.reload();
        }}
      />
      <Modal
        open={preview !== undefined}
        title={t('stock.shortfall.previewTitle')}
        width={760}
        onCancel={() => setPreview(undefined)}
        okText={t('stock.shortfall.createTransfers')}
        okButtonProps={{
          disabled: !preview?.proposals.length,
          loading: busy === 'create',
          ...({ 'data-testid': 'shortfall-create' } as object),
        }}
        onOk={() => void propose(false)}
      >
        {preview && preview.proposals.length === 0 ? (
          <Alert type="info" showIcon title={t('stock.shortfall.nothing')} />
        ) : (
          <Table
            size="small"
            pagination={false}
            data-testid="shortfall-preview"
            rowKey={(p) => `${p.fromNodeId}|${p.toNodeId}|${p.itemId}`}
            dataSource={preview?.proposals ?? []}
            columns={[
              { key: 'from', title: t('stock.transfer.from'), render: (_v, p) => nodeName(byId.get(p.fromNodeId)) },
              { key: 'to', title: t('stock.transfer.to'), render: (_v, p) => nodeName(byId.get(p.toNodeId)) },
              {
                key: 'item',
                title: t('stock.item'),
                render: (_v, p) => {
                  const item = items.get(p.itemId);
                  return item ? `${item.code} ${en ? item.nameEn : item.nameZh}` : p.itemId;
                },
              },
              { key: 'qty', dataIndex: 'qty', title: t('stock.qty'), align: 'right' },
            ]}
          />
        )}
      </Modal>
    </Space>
  );
}
