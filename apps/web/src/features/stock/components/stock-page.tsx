import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import {
  CheckCircleOutlined,
  DownloadOutlined,
  EditOutlined,
  SafetyCertificateOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { NodeType, StockRow } from '@zhanqin/contracts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRoute } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { listCategories } from '../../catalogue/api/catalogue.api.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import { canEditStandards } from '../../auth/permissions.ts';
import { NODE_TYPE_ORDER } from '../../nodes/node-styles.ts';
import {
  listStock,
  stockExportUrl,
  verifyLedger,
  type LedgerVerdict,
  type StockFilter,
  type StockSort,
} from '../api/stock.api.ts';
import { pageableTotal, standardStatus } from '../stock-view.ts';
import { AssetList } from './asset-list.tsx';
import { NodeSelect, PartnerTag, StockNav, useNodes } from './pickers.tsx';
import { StandardModal, type StandardStart } from './standard-modal.tsx';
import { StockChart } from './stock-chart.tsx';

/** Marks a row against its standard with an icon and words, never colour alone. */
export function StandardBadge({ row }: { row: Pick<StockRow, 'available' | 'minReserve' | 'target'> }) {
  const { t } = useTranslation();
  const status = standardStatus(row);
  if (status === 'below-minimum')
    return (
      <Tag color="error" icon={<WarningOutlined />} data-testid="below-minimum">
        {t('stock.belowMinimum')}
      </Tag>
    );
  if (status === 'below-target') return <Tag color="warning">{t('stock.belowTarget')}</Tag>;
  if (status === 'ok')
    return (
      <Tag color="success" icon={<CheckCircleOutlined />}>
        {t('stock.meetsStandard')}
      </Tag>
    );
  return <Typography.Text type="secondary">{t('stock.noStandard')}</Typography.Text>;
}

/** 库存: stock per node × item with availability, standards, filters, chart, export and ledger check. */
export function StockPage() {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { query } = useRoute();
  const { nodes } = useNodes();
  const categories = useRequest((signal) => listCategories(signal), 'stock-categories');
  const [view, setView] = useState<'node' | 'item'>('node');
  const [filter, setFilter] = useState<StockFilter>({
    limit: 20,
    offset: 0,
    sort: 'node',
    order: 'asc',
    nodeId: query.get('nodeId') ?? undefined,
  });
  const [search, setSearch] = useState('');
  const request = useRequest((signal) => listStock(filter, signal), filter);
  const chartRows = useRequest(
    (signal) =>
      filter.nodeId
        ? listStock({ limit: 500, offset: 0, nodeId: filter.nodeId, sort: 'item' }, signal)
        : Promise.resolve(undefined),
    ['chart', filter.nodeId],
  );
  const [verdict, setVerdict] = useState<LedgerVerdict>();
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<string>();
  const canEdit = canEditStandards(useUser().role);
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState<StandardStart & { key: number }>();

  const runVerify = async () => {
    setVerifying(true);
    setVerifyError(undefined);
    try {
      setVerdict(await verifyLedger());
    } catch (error) {
      setVerifyError(errorText(error, t));
    } finally {
      setVerifying(false);
    }
  };

  const nodeColumn = {
    key: 'node',
    title: t('stock.node'),
    sorter: true,
    sortOrder: filter.sort === 'node' ? (filter.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
    render: (_: unknown, r: StockRow) => (
      <Space size={4} wrap>
        <span>{en ? r.nodeNameEn : r.nodeNameZh}</span>
        <Typography.Text type="secondary">{r.nodeCode}</Typography.Text>
        {r.isPartnerStock && <PartnerTag />}
      </Space>
    ),
  };
  const itemColumn = {
    key: 'item',
    title: t('stock.item'),
    sorter: true,
    sortOrder: filter.sort === 'item' ? (filter.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
    render: (_: unknown, r: StockRow) => (
      <Space size={4} wrap>
        <span>{en ? r.itemNameEn : r.itemNameZh}</span>
        <Typography.Text type="secondary">{r.itemCode}</Typography.Text>
        <Tag>{t(`stock.tracking.${r.tracking}`, { defaultValue: r.tracking })}</Tag>
      </Space>
    ),
  };
  const num = (key: keyof StockRow, title: string, sortKey?: StockSort) => ({
    key,
    dataIndex: key,
    title,
    align: 'right' as const,
    sorter: sortKey !== undefined,
    sortOrder: sortKey && filter.sort === sortKey ? (filter.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
    render: (v: number | null) => (v === null ? '—' : v),
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="stock-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stock.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={stockExportUrl(filter)} data-testid="stock-export">
            {t('stock.export')}
          </Button>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verifying}
            onClick={() => void runVerify()}
            data-testid="ledger-verify"
          >
            {t('stock.verifyLedger')}
          </Button>
        </Space>
      </Space>
      <StockNav active="/stock" />
      <Card size="small">
        <Space wrap>
          <NodeSelect
            nodes={nodes}
            value={filter.nodeId}
            onChange={(nodeId) => setFilter((f) => ({ ...f, nodeId, offset: 0 }))}
            testId="stock-filter-node"
          />
          <Select<NodeType>
            allowClear
            placeholder={t('node.type')}
            style={{ width: 160 }}
            value={filter.nodeType as NodeType | undefined}
            onChange={(nodeType) => setFilter((f) => ({ ...f, nodeType, offset: 0 }))}
            options={NODE_TYPE_ORDER.map((type) => ({ value: type, label: t(`nodeType.${type}`) }))}
          />
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('stock.category')}
            style={{ width: 220 }}
            value={filter.categoryId}
            onChange={(categoryId) => setFilter((f) => ({ ...f, categoryId, offset: 0 }))}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: `${c.code} ${en ? c.nameEn : c.nameZh}` }))}
          />
          <Input.Search
            allowClear
            placeholder={t('stock.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined, offset: 0 }))}
            style={{ width: 240 }}
            data-testid="stock-search"
          />
          <Checkbox
            checked={filter.belowMinimum === true}
            onChange={(e) => setFilter((f) => ({ ...f, belowMinimum: e.target.checked || undefined, offset: 0 }))}
            data-testid="stock-filter-below"
          >
            <WarningOutlined /> {t('stock.onlyBelowMinimum')}
          </Checkbox>
        </Space>
      </Card>
      {verifyError && <Alert type="error" showIcon closable title={verifyError} />}
      {request.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(request.error, t)}
          action={<Button onClick={request.reload}>{t('common.retry')}</Button>}
        />
      )}
      {filter.nodeId && chartRows.data && chartRows.data.items.length > 0 && (
        <Card size="small" title={t('stock.chartTitle')}>
          <StockChart rows={chartRows.data.items} />
        </Card>
      )}
      <Tabs
        activeKey={view}
        onChange={(key) => {
          const next = key === 'item' ? 'item' : 'node';
          setView(next);
          setFilter((f) => ({ ...f, sort: next, order: 'asc', offset: 0 }));
        }}
        items={[
          { key: 'node', label: t('stock.byNode') },
          { key: 'item', label: t('stock.byItem') },
        ]}
      />
      <Table<StockRow>
        rowKey={(r) => `${r.nodeId}|${r.itemId}`}
        size="middle"
        data-testid="stock-table"
        loading={request.loading}
        dataSource={request.data?.items ?? []}
        scroll={{ x: 1100 }}
        expandable={{
          // Serialised items and sealed kits list their assets, each linking to its life history.
          rowExpandable: (r) => r.tracking === 'serialised' || r.tracking === 'kit',
          expandedRowRender: (r) => <AssetList nodeId={r.nodeId} itemId={r.itemId} />,
        }}
        pagination={{
          current: Math.floor(filter.offset / filter.limit) + 1,
          pageSize: filter.limit,
          total: pageableTotal(request.data?.total ?? 0, filter.limit),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: () => {
            const total = request.data?.total ?? 0;
            const count = request.data?.totalIsEstimate
              ? t('stock.totalEstimate', { count: total })
              : t('common.total', { count: total });
            return pageableTotal(total, filter.limit) < total ? `${count} · ${t('stock.narrowToBrowse')}` : count;
          },
        }}
        onChange={(pagination, _filters, sorter) => {
          const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<StockRow> | undefined;
          const key = single?.columnKey;
          const sort: StockSort | undefined =
            key === 'node' || key === 'item' || key === 'available' || key === 'onHand' ? key : undefined;
          const pageSize = pagination.pageSize ?? filter.limit;
          setFilter((f) => ({
            ...f,
            limit: pageSize,
            offset: ((pagination.current ?? 1) - 1) * pageSize,
            sort: single?.order && sort ? sort : view,
            order: single?.order === 'descend' ? 'desc' : 'asc',
          }));
        }}
        columns={[
          ...(view === 'node' ? [nodeColumn, itemColumn] : [itemColumn, nodeColumn]),
          num('onHand', t('stock.onHand'), 'onHand'),
          num('reserved', t('stock.reserved')),
          num('inTransit', t('stock.inTransit')),
          num('quarantined', t('stock.quarantined')),
          {
            ...num('available', t('stock.available'), 'available'),
            render: (v: number, r: StockRow) => (
              <Typography.Text strong>
                {v} <Typography.Text type="secondary">{en ? r.unitEn : r.unitZh}</Typography.Text>
              </Typography.Text>
            ),
          },
          {
            key: 'standard',
            title: t('stock.standard'),
            render: (_: unknown, r: StockRow) => (
              <Space size={4}>
                {r.minReserve === null && r.target === null ? (
                  '—'
                ) : (
                  <Tooltip title={`${t('stock.minReserve')} ${r.minReserve ?? '—'} · ${t('stock.target')} ${r.target ?? '—'}`}>
                    <span>
                      {r.minReserve ?? '—'} / {r.target ?? '—'}
                    </span>
                  </Tooltip>
                )}
                {canEdit && !r.isPartnerStock && (
                  <Tooltip title={t('stock.standardEdit.edit')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={t('stock.standardEdit.edit')}
                      onClick={() =>
                        setEditing({
                          nodeId: r.nodeId,
                          itemId: r.itemId,
                          minReserve: r.minReserve,
                          target: r.target,
                          key: Date.now(),
                        })
                      }
                      data-testid="stock-standard-edit"
                    />
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { key: 'status', title: t('stock.status'), render: (_: unknown, r: StockRow) => <StandardBadge row={r} /> },
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
        open={verdict !== undefined}
        onCancel={() => setVerdict(undefined)}
        onOk={() => setVerdict(undefined)}
        cancelButtonProps={{ style: { display: 'none' } }}
        title={t('stock.verifyLedger')}
      >
        {verdict && (
          <div data-testid="ledger-verdict" data-ok={String(verdict.ok)}>
            <Alert
              type={verdict.ok ? 'success' : 'error'}
              showIcon
              title={
                verdict.ok
                  ? t('stock.verifyOk', { balances: verdict.balancesChecked, movements: verdict.movementsChecked })
                  : t('stock.verifyBroken', { count: verdict.differences.length })
              }
            />
            {!verdict.ok && (
              <Table
                size="small"
                style={{ marginTop: 12 }}
                rowKey={(d) => `${d.stockKey}|${d.bucket}`}
                pagination={false}
                dataSource={verdict.differences.slice(0, 50)}
                columns={[
                  { key: 'stockKey', dataIndex: 'stockKey', title: 'key' },
                  { key: 'bucket', dataIndex: 'bucket', title: t('stock.bucket') },
                  { key: 'stored', dataIndex: 'stored', title: t('stock.stored') },
                  { key: 'fromMovements', dataIndex: 'fromMovements', title: t('stock.fromMovements') },
                ]}
              />
            )}
          </div>
        )}
      </Modal>
    </Space>
  );
}
