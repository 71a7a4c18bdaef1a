import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Segmented, Space, Table, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { navigate, useRoute } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import { canPackKits } from '../../auth/permissions.ts';
import { listKits, type KitState, type KitSummary } from '../api/stock.api.ts';
import { sortKits } from '../kit-view.ts';
import { KitDate, KitDrawer, KitTags } from './kit-drawer.tsx';
import { PackKitModal } from './pack-kit-modal.tsx';
import { NodeSelect, StockNav, useNodes } from './pickers.tsx';

/** The page's address: the node shown, the state filter and the box open in the drawer live in the query. */
function kitsPath(query: { nodeId?: string; state?: KitState; kit?: string }): string {
  const params = new URLSearchParams();
  if (query.nodeId) params.set('nodeId', query.nodeId);
  if (query.state && query.state !== 'packed') params.set('state', query.state);
  if (query.kit) params.set('kit', query.kit);
  const text = params.toString();
  return text ? `/stock/kits?${text}` : '/stock/kits';
}
const STATES: KitState[] = ['packed', 'unpacked', 'all'];

/** 模块封箱: the kit boxes at a node, complete or not and what falls due first inside; packing and unpacking. */
export function KitsPage() {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { message } = AntApp.useApp();
  const user = useUser();
  const { query } = useRoute();
  const { nodes } = useNodes();
  const nodeId = query.get('nodeId') ?? undefined;
  const stateParam = query.get('state');
  const state: KitState = STATES.includes(stateParam as KitState) ? (stateParam as KitState) : 'packed';
  const openKit = query.get('kit') ?? undefined;
  const [packing, setPacking] = useState<number>();
  const go = (next: { nodeId?: string; state?: KitState; kit?: string }) => navigate(kitsPath(next));

  const kits = useRequest(
    (signal) => (nodeId ? listKits(nodeId, state, signal) : Promise.resolve(undefined)),
    ['kits', nodeId, state],
  );
  const rows = useMemo(() => sortKits(kits.data?.items ?? []), [kits.data]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="kits-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stock.kits.title')}
        </Typography.Title>
        {canPackKits(user.role) && (
          <Button type="primary" icon={<InboxOutlined />} onClick={() => setPacking(Date.now())} data-testid="kit-pack">
            {t('stock.kits.pack')}
          </Button>
        )}
      </Space>
      <StockNav active="/stock/kits" />
      <Typography.Text type="secondary">{t('stock.kits.hint')}</Typography.Text>
      <Card size="small">
        <Space wrap>
          <NodeSelect
            nodes={nodes}
            value={nodeId}
            onChange={(id) => go({ nodeId: id, state })}
            allowClear={false}
            testId="kits-node"
          />
          <Segmented<KitState>
            value={state}
            onChange={(next) => go({ nodeId, state: next })}
            data-testid="kits-state"
            options={STATES.map((s) => ({ value: s, label: t(`stock.kits.filter.${s}`) }))}
          />
        </Space>
      </Card>
      {kits.error && <Alert type="error" showIcon title={errorText(kits.error, t)} />}
      {!nodeId ? (
        <Card size="small">
          <Empty description={t('stock.kits.chooseNode')} />
        </Card>
      ) : (
        <Table<KitSummary>
          rowKey="assetId"
          size="middle"
          loading={kits.loading}
          dataSource={rows}
          data-testid="kits-table"
          onRow={(r) => ({ 'data-kit-id': r.assetId, 'data-code': r.code }) as object}
          locale={{ emptyText: t('stock.kits.none') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { count: total }) }}
          columns={[
            {
              key: 'code',
              title: t('stock.kits.boxCode'),
              render: (_v, r) => (
                <Button type="link" size="small" onClick={() => go({ nodeId, state, kit: r.assetId })} data-testid="kit-open">
                  <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                    {r.code}
                  </Typography.Text>
                </Button>
              ),
            },
            {
              key: 'item',
              title: t('stock.kits.kitItem'),
              render: (_v, r) => (
                <Space size={4}>
                  {en ? r.itemNameEn : r.itemNameZh}
                  <Typography.Text type="secondary">{r.itemCode}</Typography.Text>
                </Space>
              ),
            },
            { key: 'check', title: t('stock.kits.check'), render: (_v, r) => <KitTags kit={r} /> },
            {
              key: 'expiry',
              title: t('stock.kits.earliestExpiry'),
              render: (_v, r) => <KitDate date={r.earliestExpiry} testId="kit-expiry" />,
            },
            {
              key: 'inspection',
              title: t('stock.kits.earliestInspection'),
              render: (_v, r) => <KitDate date={r.earliestInspectionDue} testId="kit-inspection" />,
            },
            {
              key: 'packedAt',
              title: t('stock.kits.packedAt'),
              render: (_v, r) => new Date(r.packedAt).toLocaleString(),
            },
          ]}
        />
      )}
      {packing !== undefined && (
        <PackKitModal
          key={packing}
          start={{ nodeId }}
          onClose={() => setPacking(undefined)}
          onPacked={(doc) => {
            void message.success(t('stock.kits.packed', { number: doc.number }));
            if (doc.nodeId === nodeId && state !== 'unpacked') kits.reload();
            else go({ nodeId: doc.nodeId, state: 'packed' });
          }}
          onOpenKit={(kit) => {
            setPacking(undefined);
            go({ nodeId, state, kit });
          }}
        />
      )}
      <KitDrawer kitAssetId={openKit} onClose={() => go({ nodeId, state })} onChanged={() => kits.reload()} />
    </Space>
  );
}
