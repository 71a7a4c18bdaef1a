import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Input, InputNumber, Modal, Result, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, DeleteOutlined, PrinterOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Item, StockDocument } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { listItems, listModules } from '../../catalogue/api/catalogue.api.ts';
import { getAvailability, newIdempotencyKey, packKit } from '../api/stock.api.ts';
import { moduleOfKitItem, packedBoxOf, packProblems, packRows, toPackBody } from '../kit-view.ts';
import { useItemsById } from './item-names.ts';
import { ItemSelect, NodeSelect, useNodes } from './pickers.tsx';
import { openLabels } from './receipt-page.tsx';

const errorOf = (cause: unknown) => (cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));
type EditedLine = { itemId: string; itemCode: string; qty: number | null };

/**
 * 封箱: choose the node and the module's box item, see its packing list against what is free at the
 * node, then pack the list as it stands (FEFO on the server) or the lines as edited here.
 */
export function PackKitModal({
  start,
  onClose,
  onPacked,
  onOpenKit,
}: {
  start: { nodeId?: string };
  onClose: () => void;
  /** after a pack is posted: the page refreshes its list at that node */
  onPacked: (doc: StockDocument) => void;
  onOpenKit: (kitAssetId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { nodes } = useNodes();
  const [nodeId, setNodeId] = useState(start.nodeId);
  const [kitItemId, setKitItemId] = useState<string>();
  const [mode, setMode] = useState<'list' | 'lines'>('list');
  const [edited, setEdited] = useState<EditedLine[]>([]);
  const [serial, setSerial] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [posted, setPosted] = useState<StockDocument>();
  const [printing, setPrinting] = useState(false);
  const key = useRef(newIdempotencyKey());

  const kitItems = useRequest(
    (signal) => listItems({ limit: 200, offset: 0, sort: 'code', order: 'asc', tracking: 'kit' }, signal),
    'kit-items',
  );
  const modules = useRequest((signal) => listModules(signal), 'kit-modules');
  const kitItem = kitItems.data?.items.find((i) => i.id === kitItemId);
  const module = kitItem ? moduleOfKitItem(modules.data ?? [], kitItem) : undefined;
  const listLines = useMemo(() => module?.lines ?? [], [module]);
  const lines = mode === 'list' ? listLines.map((l) => ({ ...l })) : edited.map((l) => ({ ...l, qty: l.qty ?? 0 }));
  const itemIds = [...new Set([...listLines, ...edited].map((l) => l.itemId))].sort();
  const names = useItemsById(itemIds);
  const free = useRequest(
    async (signal) =>
      nodeId
        ? new Map(
            await Promise.all(itemIds.map(async (id) => [id, (await getAvailability(nodeId, id, signal)).dispatchable] as const)),
          )
        : new Map<string, number>(),
    ['kit-free', nodeId, itemIds],
  );
  const rows = packRows(lines, free.loading ? new Map() : (free.data ?? new Map()));
  const draft = { nodeId, kitItemId, mode, rows, serial, hasPackingList: listLines.length > 0 };
  const problems = packProblems(draft);
  const box = posted ? packedBoxOf(posted.meta) : undefined;

  const chooseKit = (id: string) => {
    setKitItemId(id);
    const item = kitItems.data?.items.find((i) => i.id === id);
    const found = item ? moduleOfKitItem(modules.data ?? [], item) : undefined;
    setEdited((found?.lines ?? []).map((l) => ({ itemId: l.itemId, itemCode: l.itemCode, qty: l.qty })));
    setMode(found?.lines.length ? 'list' : 'lines');
  };
  const addLine = (item: Item | undefined) => {
    if (!item || edited.some((l) => l.itemId === item.id)) return;
    setEdited((e) => [...e, { itemId: item.id, itemCode: item.code, qty: 1 }]);
  };
  const submit = async () => {
    if (problems.length) return;
    setSaving(true);
    setError(undefined);
    try {
      const doc = await packKit(toPackBody(draft), key.current);
      key.current = newIdempotencyKey();
      setPosted(doc);
      onPacked(doc);
    } catch (cause) {
      const apiError = errorOf(cause);
      if (apiError.status >= 400 && apiError.status < 500) key.current = newIdempotencyKey();
      setError(apiError);
      free.reload();
    } finally {
      setSaving(false);
    }
  };
  const print = async (assetId: string) => {
    setPrinting(true);
    try {
      await openLabels({ assetIds: [assetId] });
    } catch (cause) {
      setError(errorOf(cause));
    } finally {
      setPrinting(false);
    }
  };

  if (posted)
    return (
      <Modal open title={t('stock.kits.packTitle')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
        <Result
          status="success"
          data-testid="kit-packed"
          title={t('stock.kits.packed', { number: posted.number })}
          subTitle={
            box && (
              <span>
                {t('stock.kits.boxCode')}{' '}
                <Typography.Text code copyable data-testid="kit-packed-code">
                  {box.code}
                </Typography.Text>
              </span>
            )
          }
          extra={
            box && [
              <Button
                key="label"
                icon={<PrinterOutlined />}
                loading={printing}
                onClick={() => void print(box.assetId)}
                data-testid="kit-packed-label"
              >
                {t('stock.kits.printLabel')}
              </Button>,
              <Button key="open" type="primary" onClick={() => onOpenKit(box.assetId)} data-testid="kit-packed-open">
                {t('stock.kits.openBox')}
              </Button>,
            ]
          }
        />
        {error && <Alert type="error" showIcon title={errorText(error, t)} />}
      </Modal>
    );

  return (
    <Modal
      open
      title={t('stock.kits.packTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('stock.kits.pack')}
      okButtonProps={{
        disabled: problems.length > 0 || free.loading,
        loading: saving,
        ...({ 'data-testid': 'kit-pack-submit' } as object),
      }}
      width={820}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="kit-pack-form">
        <Space wrap>
          <NodeSelect nodes={nodes} value={nodeId} onChange={setNodeId} allowClear={false} testId="kit-pack-node" />
          <Select<string>
            showSearch
            optionFilterProp="label"
            placeholder={t('stock.kits.kitItem')}
            style={{ width: 360 }}
            loading={kitItems.loading || modules.loading}
            value={kitItemId}
            onChange={chooseKit}
            data-testid="kit-pack-item"
            options={(kitItems.data?.items ?? []).map((i) => ({
              value: i.id,
              label: `${i.code} · ${en ? i.nameEn : i.nameZh}`,
            }))}
          />
        </Space>
        {kitItem && (
          <Space wrap align="center">
            <Segmented<'list' | 'lines'>
              value={mode}
              onChange={setMode}
              data-testid="kit-pack-mode"
              options={[
                { value: 'list', label: t('stock.kits.fromList'), disabled: !listLines.length },
                { value: 'lines', label: t('stock.kits.editLines') },
              ]}
            />
            <Typography.Text type="secondary">
              {module
                ? t('stock.kits.module', { code: module.code, name: en ? module.nameEn : module.nameZh })
                : t('stock.kits.noList')}
            </Typography.Text>
          </Space>
        )}
        {kitItem && (
          <Table
            rowKey="itemId"
            size="small"
            pagination={false}
            dataSource={rows}
            loading={free.loading}
            data-testid="kit-pack-lines"
            onRow={(r) =>
              ({ 'data-short': r.short, style: r.short > 0 ? { background: 'rgba(255, 77, 79, 0.08)' } : {} }) as object
            }
            locale={{ emptyText: t('stock.kits.noLines') }}
            columns={[
              {
                key: 'item',
                title: t('stock.item'),
                render: (_v, r) => {
                  const item = names.get(r.itemId);
                  return (
                    <Space size={4}>
                      {item ? (en ? item.nameEn : item.nameZh) : ''}
                      <Typography.Text type="secondary">{r.itemCode}</Typography.Text>
                    </Space>
                  );
                },
              },
              {
                key: 'qty',
                title: t('stock.kits.toPack'),
                align: 'right',
                render: (_v, r) =>
                  mode === 'list' ? (
                    r.qty
                  ) : (
                    <InputNumber
                      min={0}
                      precision={0}
                      size="small"
                      value={edited.find((l) => l.itemId === r.itemId)?.qty ?? null}
                      onChange={(qty) => setEdited((e) => e.map((l) => (l.itemId === r.itemId ? { ...l, qty } : l)))}
                      data-testid="kit-pack-qty"
                    />
                  ),
              },
              {
                key: 'free',
                title: t('stock.kits.free'),
                align: 'right',
                render: (_v, r) => <span data-testid="kit-pack-free">{r.free ?? '…'}</span>,
              },
              {
                key: 'check',
                title: t('stock.status'),
                render: (_v, r) =>
                  r.free === undefined ? null : r.short > 0 ? (
                    <Tag color="error" icon={<WarningOutlined />} data-testid="kit-pack-short">
                      {t('stock.kits.shortBy', { count: r.short })}
                    </Tag>
                  ) : (
                    <Tag color="success" icon={<CheckCircleOutlined />}>
                      {t('stock.kits.enough')}
                    </Tag>
                  ),
              },
              ...(mode === 'lines'
                ? [
                    {
                      key: 'remove',
                      title: '',
                      render: (_v: unknown, r: { itemId: string }) => (
                        <Button
                          size="small"
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('common.remove')}
                          onClick={() => setEdited((e) => e.filter((l) => l.itemId !== r.itemId))}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {kitItem && mode === 'lines' && (
          <Space wrap>
            <Typography.Text>{t('stock.kits.addLine')}</Typography.Text>
            <ItemSelect value={undefined} onChange={addLine} testId="kit-pack-add" />
          </Space>
        )}
        {kitItem && (
          <Input
            style={{ maxWidth: 360 }}
            maxLength={100}
            value={serial}
            onChange={(e) => setSerial(e.target.value)}
            placeholder={t('stock.kits.serialPlaceholder')}
            aria-label={t('stock.kits.serial')}
            data-testid="kit-pack-serial"
          />
        )}
        {problems
          .filter((p) => p !== 'node' && p !== 'kit')
          .map((p) => (
            <Typography.Text key={p} type="danger" data-testid="kit-pack-problem" data-problem={p}>
              <WarningOutlined /> {t(`stock.kits.problem.${p}`)}
            </Typography.Text>
          ))}
        {error && <Alert type="error" showIcon title={errorText(error, t)} data-testid="kit-pack-error" />}
      </Space>
    </Modal>
  );
}
