import { useRef, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Drawer,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleOutlined, DropboxOutlined, PrinterOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { KitView } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import { canPackKits } from '../../auth/permissions.ts';
import { getKit, newIdempotencyKey, unpackKit } from '../api/stock.api.ts';
import { dateState, type DateState } from '../kit-view.ts';
import { assetHref, AssetStatusTag } from './asset-page.tsx';
import { useNodeName, useNodes } from './pickers.tsx';
import { openLabels } from './receipt-page.tsx';

type Check = KitView['check']['lines'][number];
type Content = KitView['contents'][number];

const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** A date with its state in words beside it (never by colour alone). */
export function KitDate({ date, testId }: { date: string | null; testId?: string }) {
  const { t } = useTranslation();
  const state: DateState = dateState(date, localToday());
  if (state === 'none') return <span data-testid={testId}>—</span>;
  return (
    <Space size={4} data-testid={testId} data-state={state}>
      {date?.slice(0, 10)}
      {state === 'past' && (
        <Tag color="error" icon={<WarningOutlined />}>
          {t('stock.kits.date.past')}
        </Tag>
      )}
      {state === 'soon' && (
        <Tag color="warning" icon={<WarningOutlined />}>
          {t('stock.kits.date.soon')}
        </Tag>
      )}
    </Space>
  );
}

/** Complete or not, and whether anything inside needs attention, each in words with an icon. */
export function KitTags({ kit }: { kit: Pick<KitView['kit'], 'complete' | 'needsAttention' | 'state'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {kit.state === 'unpacked' ? (
        <Tag data-testid="kit-state" data-state="unpacked">
          {t('stock.kits.states.unpacked')}
        </Tag>
      ) : kit.complete ? (
        <Tag color="success" icon={<CheckCircleOutlined />} data-testid="kit-complete" data-complete="true">
          {t('stock.kits.complete')}
        </Tag>
      ) : (
        <Tag color="error" icon={<WarningOutlined />} data-testid="kit-complete" data-complete="false">
          {t('stock.kits.incomplete')}
        </Tag>
      )}
      {kit.needsAttention && (
        <Tag color="warning" icon={<WarningOutlined />} data-testid="kit-attention">
          {t('stock.kits.needsAttention')}
        </Tag>
      )}
    </Space>
  );
}

/** 箱组详情: the box, its contents, the check against its packing list, its label, and unpacking. */
export function KitDrawer({
  kitAssetId,
  onClose,
  onChanged,
}: {
  kitAssetId: string | undefined;
  onClose: () => void;
  /** after an unpack: the list behind the drawer refreshes */
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { message } = AntApp.useApp();
  const user = useUser();
  const { byId } = useNodes();
  const nodeName = useNodeName();
  const [unpacking, setUnpacking] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [error, setError] = useState<ApiError>();
  const key = useRef(newIdempotencyKey());
  const view = useRequest(
    (signal) => (kitAssetId ? getKit(kitAssetId, signal) : Promise.resolve(undefined)),
    ['kit', kitAssetId],
  );
  const data = kitAssetId ? view.data : undefined;
  const kit = data?.kit.assetId === kitAssetId ? data?.kit : undefined;
  const canUnpack = canPackKits(user.role) && kit?.state === 'packed' && kit.status === 'in-stock';

  const unpack = async () => {
    if (!kit) return;
    setUnpacking(true);
    setError(undefined);
    try {
      const doc = await unpackKit(kit.assetId, key.current);
      key.current = newIdempotencyKey();
      void message.success(t('stock.kits.unpacked', { number: doc.number, code: kit.code }));
      view.reload();
      onChanged();
    } catch (cause) {
      const apiError = cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause));
      if (apiError.status >= 400 && apiError.status < 500) key.current = newIdempotencyKey();
      setError(apiError);
    } finally {
      setUnpacking(false);
    }
  };
  const print = async () => {
    if (!kit) return;
    setPrinting(true);
    try {
      await openLabels({ assetIds: [kit.assetId] });
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));
    } finally {
      setPrinting(false);
    }
  };
  const itemName = (r: { itemNameZh: string; itemNameEn: string; itemCode: string }) => (
    <Space size={4}>
      {en ? r.itemNameEn : r.itemNameZh}
      <Typography.Text type="secondary">{r.itemCode}</Typography.Text>
    </Space>
  );

  return (
    <Drawer
      open={kitAssetId !== undefined}
      onClose={onClose}
      size={880}
      destroyOnHidden
      title={
        <Space wrap>
          <span>{t('stock.kits.detail')}</span>
          {kit && <Typography.Text code>{kit.code}</Typography.Text>}
        </Space>
      }
      extra={
        kit && (
          <Space>
            <Button icon={<PrinterOutlined />} loading={printing} onClick={() => void print()} data-testid="kit-label">
              {t('stock.kits.printLabel')}
            </Button>
            {canUnpack && (
              <Popconfirm
                title={t('stock.kits.unpackConfirm', { code: kit.code })}
                description={t('stock.kits.unpackHint')}
                okText={t('stock.kits.unpack')}
                okButtonProps={{ danger: true }}
                onConfirm={() => void unpack()}
              >
                <Button danger icon={<DropboxOutlined />} loading={unpacking} data-testid="kit-unpack">
                  {t('stock.kits.unpack')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      <div data-testid="kit-drawer" data-kit-id={kit?.assetId} data-state={kit?.state}>
        {view.error && (
          <Alert
            type="error"
            showIcon
            title={view.error.status === 404 ? t('stock.kits.notFound') : errorText(view.error, t)}
            data-testid="kit-error"
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setError(undefined)}
            title={errorText(error, t)}
            data-testid="kit-action-error"
            style={{ marginBottom: 12 }}
          />
        )}
        {!kit && !view.error && <Skeleton active />}
        {kit && data && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'item', label: t('stock.kits.kitItem'), children: itemName(kit), span: 2 },
                {
                  key: 'code',
                  label: t('stock.kits.boxCode'),
                  children: (
                    <a href={assetHref(kit.code)} data-testid="kit-code">
                      {kit.code}
                    </a>
                  ),
                },
                { key: 'serial', label: t('stock.asset.serialNo'), children: kit.serialNo },
                { key: 'module', label: t('stock.kits.moduleCode'), children: kit.moduleCode ?? '—' },
                { key: 'tags', label: t('stock.kits.check'), children: <KitTags kit={kit} /> },
                { key: 'status', label: t('stock.status'), children: <AssetStatusTag status={kit.status} /> },
                {
                  key: 'node',
                  label: t('stock.node'),
                  children: kit.nodeId ? nodeName(byId.get(kit.nodeId)) : '—',
                },
                { key: 'packedAt', label: t('stock.kits.packedAt'), children: new Date(kit.packedAt).toLocaleString() },
                {
                  key: 'unpackedAt',
                  label: t('stock.kits.unpackedAt'),
                  children: kit.unpackedAt ? new Date(kit.unpackedAt).toLocaleString() : '—',
                },
                { key: 'expiry', label: t('stock.kits.earliestExpiry'), children: <KitDate date={kit.earliestExpiry} /> },
                {
                  key: 'inspection',
                  label: t('stock.kits.earliestInspection'),
                  children: <KitDate date={kit.earliestInspectionDue} />,
                },
              ]}
            />
            <Card size="small" title={t('stock.kits.checkTitle')}>
              {data.check.short.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 8 }}
                  data-testid="kit-short-summary"
                  title={t('stock.kits.shortLines', { count: data.check.short.length })}
                />
              )}
              <Table<Check>
                rowKey="itemId"
                size="small"
                pagination={false}
                dataSource={data.check.lines}
                data-testid="kit-check"
                locale={{ emptyText: t('stock.kits.noPackingList') }}
                onRow={(r) =>
                  ({
                    'data-short': r.short,
                    style: r.short > 0 ? { background: 'rgba(255, 77, 79, 0.08)' } : {},
                  }) as object
                }
                columns={[
                  { key: 'item', title: t('stock.item'), render: (_v, r) => itemName(r) },
                  { key: 'required', dataIndex: 'required', title: t('stock.kits.required'), align: 'right' },
                  { key: 'packed', dataIndex: 'packed', title: t('stock.kits.packedQty'), align: 'right' },
                  {
                    key: 'short',
                    title: t('stock.status'),
                    render: (_v, r) =>
                      r.short > 0 ? (
                        <Tag color="error" icon={<WarningOutlined />} data-testid="kit-check-short">
                          {t('stock.kits.shortBy', { count: r.short })}
                        </Tag>
                      ) : r.required === 0 ? (
                        <Tag>{t('stock.kits.extra')}</Tag>
                      ) : (
                        <Tag color="success" icon={<CheckCircleOutlined />}>
                          {t('stock.kits.enough')}
                        </Tag>
                      ),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('stock.kits.contents')}>
              <Table<Content>
                rowKey={(r) => `${r.itemId}|${r.lotId ?? ''}|${r.assetId ?? ''}`}
                size="small"
                dataSource={data.contents}
                data-testid="kit-contents"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: t('stock.kits.empty') }}
                columns={[
                  { key: 'item', title: t('stock.item'), render: (_v, r) => itemName(r) },
                  { key: 'qty', dataIndex: 'qty', title: t('stock.qty'), align: 'right', width: 72 },
                  { key: 'lot', title: t('stock.kits.lot'), render: (_v, r) => r.lotNo ?? '—' },
                  { key: 'expiry', title: t('stock.kits.expiresOn'), render: (_v, r) => <KitDate date={r.expiresOn} /> },
                  {
                    key: 'asset',
                    title: t('stock.asset.code'),
                    render: (_v, r) =>
                      r.assetCode ? (
                        <a href={assetHref(r.assetCode)} style={{ whiteSpace: 'nowrap' }}>
                          {r.assetCode}
                        </a>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    key: 'inspection',
                    title: t('stock.asset.nextInspectionDue'),
                    render: (_v, r) => (
                      <Space size={4}>
                        <KitDate date={r.nextInspectionDue} />
                        {r.lastInspectionResult === 'fail' && (
                          <Tag color="error" icon={<WarningOutlined />}>
                            {t('stock.asset.inspection.failed')}
                          </Tag>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          </Space>
        )}
      </div>
    </Drawer>
  );
}
