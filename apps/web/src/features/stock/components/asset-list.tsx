import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@zhanqin/contracts';
import { errorText } from '../../../lib/error-text.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { listAssets } from '../api/stock.api.ts';
import { AssetStatusTag, assetHref } from './asset-page.tsx';

const SHOWN = 50;

/** The serialised assets of one item at one node, each linking to its card and life history. */
export function AssetList({ nodeId, itemId }: { nodeId: string; itemId: string }) {
  const { t } = useTranslation();
  const request = useRequest(
    (signal) => listAssets({ nodeId, itemId, limit: SHOWN, offset: 0 }, signal),
    ['assets-of', nodeId, itemId],
  );
  if (request.error) return <Alert type="error" showIcon title={errorText(request.error, t)} />;
  const total = request.data?.total ?? 0;
  return (
    <Table<Asset>
      size="small"
      rowKey="id"
      loading={request.loading}
      dataSource={request.data?.items ?? []}
      data-testid="stock-assets"
      pagination={false}
      title={() => (
        <Typography.Text type="secondary">
          {t('stock.asset.list')}
          {total > SHOWN ? ` · ${t('stock.asset.listMore', { total, shown: SHOWN })}` : ''}
        </Typography.Text>
      )}
      columns={[
        {
          key: 'code',
          dataIndex: 'code',
          title: t('stock.asset.code'),
          render: (code: string) => (
            <a href={assetHref(code)} data-testid="stock-asset-link">
              {code}
            </a>
          ),
        },
        { key: 'serial', dataIndex: 'serialNo', title: t('stock.asset.serialNo') },
        { key: 'status', dataIndex: 'status', title: t('stock.status'), render: (s: string) => <AssetStatusTag status={s} /> },
        { key: 'slot', dataIndex: 'slotCode', title: t('stock.asset.slot'), render: (v: string | null) => v ?? '—' },
        {
          key: 'due',
          dataIndex: 'nextInspectionDue',
          title: t('stock.asset.nextInspectionDue'),
          render: (v: string | null) => v?.slice(0, 10) ?? '—',
        },
        {
          key: 'open',
          title: t('common.actions'),
          render: (_v, a) => <a href={assetHref(a.code)}>{t('stock.asset.open')}</a>,
        },
      ]}
    />
  );
}
