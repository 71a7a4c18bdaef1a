import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tree,
  Typography,
  Empty,
  Collapse,
} from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Item, ModuleKit, TrackingKind } from '@zhanqin/contracts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage, type Language } from '../../../lib/i18n/languages.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { listCategories, listItems, listModules, type ItemFilter, type ItemSort } from '../api/catalogue.api.ts';
import { buildCategoryTree, formatTempRange } from '../category-tree.ts';

const TRACKING: TrackingKind[] = ['serialised', 'lot', 'bulk', 'kit'];
const SORTABLE: Record<string, ItemSort> = { code: 'code', nameZh: 'nameZh', nameEn: 'nameEn', tracking: 'tracking' };

/** Equipment catalogue: category tree, items with their rules (life, inspection, storage), and modules with packing lists. */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const categories = useRequest((signal) => listCategories(signal), 'categories');
  const tree = useMemo(() => buildCategoryTree(categories.data ?? [], language), [categories.data, language]);
  const categoryName = useMemo(
    () => new Map((categories.data ?? []).map((c) => [c.id, language === 'en' ? c.nameEn : c.nameZh])),
    [categories.data, language],
  );
  const [filter, setFilter] = useState<ItemFilter>({ limit: 20, offset: 0, sort: 'code', order: 'asc' });
  const [search, setSearch] = useState('');
  const items = useRequest((signal) => listItems(filter, signal), filter);
  const [selected, setSelected] = useState<Item>();
  const nameKey = language === 'en' ? 'nameEn' : 'nameZh';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="catalogue-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('catalogue.title')}
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'items',
            label: t('catalogue.items'),
            children: (
              <Row gutter={16}>
                <Col xs={24} lg={6}>
                  <Card size="small" title={t('catalogue.categories')} loading={categories.loading}>
                    {categories.error && <Alert type="error" showIcon title={errorText(categories.error, t)} />}
                    <Button
                      type={filter.categoryId ? 'link' : 'primary'}
                      size="small"
                      onClick={() => setFilter((f) => ({ ...f, categoryId: undefined, offset: 0 }))}
                    >
                      {t('catalogue.allCategories')}
                    </Button>
                    <Tree
                      blockNode
                      defaultExpandAll
                      treeData={tree}
                      selectedKeys={filter.categoryId ? [filter.categoryId] : []}
                      onSelect={(keys) =>
                        setFilter((f) => ({ ...f, categoryId: (keys[0] as string | undefined) ?? undefined, offset: 0 }))
                      }
                    />
                  </Card>
                </Col>
                <Col xs={24} lg={18}>
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Space wrap>
                      <Input.Search
                        allowClear
                        placeholder={t('catalogue.searchPlaceholder')}
                        value={search}
                        onChange={(e) => setSearch(e.target.value)}
                        onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined, offset: 0 }))}
                        style={{ width: 260 }}
                      />
                      <Select<TrackingKind>
                        allowClear
                        placeholder={t('catalogue.tracking')}
                        style={{ width: 200 }}
                        value={filter.tracking}
                        onChange={(tracking) => setFilter((f) => ({ ...f, tracking, offset: 0 }))}
                        options={TRACKING.map((k) => ({ value: k, label: t(`tracking.${k}`) }))}
                      />
                    </Space>
                    {items.error && <Alert type="error" showIcon title={errorText(items.error, t)} />}
                    <Table<Item>
                      rowKey="id"
                      size="middle"
                      loading={items.loading}
                      dataSource={items.data?.items ?? []}
                      onRow={(item) => ({ onClick: () => setSelected(item), style: { cursor: 'pointer' } })}
                      pagination={{
                        current: Math.floor(filter.offset / filter.limit) + 1,
                        pageSize: filter.limit,
                        total: items.data?.total ?? 0,
                        showSizeChanger: true,
                        showTotal: (total) => t('common.total', { count: total }),
                      }}
                      onChange={(pagination, _filters, sorter) => {
                        const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Item> | undefined;
                        const field = typeof single?.field === 'string' ? SORTABLE[single.field] : undefined;
                        const pageSize = pagination.pageSize ?? filter.limit;
                        setFilter((f) => ({
                          ...f,
                          limit: pageSize,
                          offset: ((pagination.current ?? 1) - 1) * pageSize,
                          sort: single?.order && field ? field : 'code',
                          order: single?.order === 'descend' ? 'desc' : 'asc',
                        }));
                      }}
                      columns={[
                        { key: 'code', dataIndex: 'code', title: t('catalogue.code'), sorter: true },
                        {
                          key: nameKey,
                          dataIndex: nameKey,
                          title: t('catalogue.name'),
                          sorter: true,
                          render: (_v, item) => (
                            <Space size={4}>
                              {language === 'en' ? item.nameEn : item.nameZh}
                              {item.safetyCritical && (
                                <Tag icon={<SafetyCertificateOutlined />} color="red">
                                  {t('catalogue.safetyCritical')}
                                </Tag>
                              )}
                            </Space>
                          ),
                        },
                        {
                          key: 'category',
                          title: t('catalogue.category'),
                          render: (_v, item) => categoryName.get(item.categoryId) ?? '—',
                        },
                        {
                          key: 'unit',
                          title: t('catalogue.unit'),
                          render: (_v, item) => (language === 'en' ? item.unitEn : item.unitZh),
                        },
                        {
                          key: 'tracking',
                          dataIndex: 'tracking',
                          title: t('catalogue.tracking'),
                          sorter: true,
                          render: (k: TrackingKind) => <Tag>{t(`tracking.${k}`)}</Tag>,
                        },
                        {
                          key: 'serviceLifeMonths',
                          title: t('catalogue.serviceLife'),
                          render: (_v, item) =>
                            item.serviceLifeMonths === null ? '—' : t('catalogue.months', { count: item.serviceLifeMonths }),
                        },
                      ]}
                    />
                  </Space>
                </Col>
              </Row>
            ),
          },
          { key: 'modules', label: t('catalogue.modules'), children: <ModulesPanel language={language} /> },
        ]}
      />
      <ItemDrawer
        item={selected}
        categoryName={selected ? categoryName.get(selected.categoryId) : undefined}
        onClose={() => setSelected(undefined)}
      />
    </Space>
  );
}

function ItemDrawer({
  item,
  categoryName,
  onClose,
}: {
  item: Item | undefined;
  categoryName: string | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const dash = '—';
  return (
    <Drawer
      open={Boolean(item)}
      onClose={onClose}
      size={560}
      title={item ? (language === 'en' ? item.nameEn : item.nameZh) : ''}
      data-testid="item-drawer"
    >
      {item && (
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 190 } }}>
          <Descriptions.Item label={t('catalogue.code')}>
            <Typography.Text code>{item.code}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.name')}>
            {item.nameZh} / {item.nameEn}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.category')}>{categoryName ?? dash}</Descriptions.Item>
          <Descriptions.Item label={t('catalogue.unit')}>
            {item.unitZh} / {item.unitEn}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.tracking')}>{t(`tracking.${item.tracking}`)}</Descriptions.Item>
          {item.tracking === 'bulk' && (
            <Descriptions.Item label={t('catalogue.baseUnitsPerUnit')}>{item.baseUnitsPerUnit}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('catalogue.serviceLife')}>
            {item.serviceLifeMonths === null ? dash : t('catalogue.months', { count: item.serviceLifeMonths })}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.shelfLife')}>
            {item.shelfLifeMonths === null ? dash : t('catalogue.months', { count: item.shelfLifeMonths })}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.inspectionInterval')}>
            {item.inspectionIntervalDays === null ? dash : t('catalogue.days', { count: item.inspectionIntervalDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.safetyCritical')}>
            {item.safetyCritical ? (
              <Tag icon={<SafetyCertificateOutlined />} color="red" title={t('catalogue.safetyCriticalHint')}>
                {t('common.yes')} — {t('catalogue.safetyCriticalHint')}
              </Tag>
            ) : (
              t('common.no')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.storageTemp')}>
            {formatTempRange(item.storageTempMinC, item.storageTempMaxC) ?? dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.weight')}>
            {item.weightKg === null ? dash : `${item.weightKg} kg`}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.volume')}>
            {item.volumeL === null ? dash : `${item.volumeL} L`}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.backupRatio')}>{item.backupRatio ?? dash}</Descriptions.Item>
          <Descriptions.Item label={t('catalogue.standards')}>
            {item.standardRefs.length ? item.standardRefs.map((ref) => <Tag key={ref}>{ref}</Tag>) : dash}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}

function ModulesPanel({ language }: { language: Language }) {
  const { t } = useTranslation();
  const modules = useRequest((signal) => listModules(signal), 'modules');
  if (modules.error) return <Alert type="error" showIcon title={errorText(modules.error, t)} />;
  if (!modules.loading && (modules.data ?? []).length === 0) return <Empty description={t('catalogue.noModules')} />;
  return (
    <Collapse
      data-testid="modules-list"
      items={(modules.data ?? []).map((kit: ModuleKit) => ({
        key: kit.id,
        label: (
          <Space wrap>
            <Typography.Text code>{kit.code}</Typography.Text>
            <b>{language === 'en' ? kit.nameEn : kit.nameZh}</b>
            <Tag>{t('catalogue.lines', { count: kit.lines.length })}</Tag>
          </Space>
        ),
        children: (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {kit.description && <Typography.Paragraph>{kit.description}</Typography.Paragraph>}
            <Typography.Text strong>{t('catalogue.packingList')}</Typography.Text>
            <Table
              size="small"
              rowKey="itemId"
              pagination={false}
              dataSource={kit.lines}
              columns={[
                { dataIndex: 'itemCode', title: t('catalogue.code') },
                { dataIndex: 'qty', title: t('catalogue.quantity'), align: 'right' },
              ]}
            />
          </Space>
        ),
      }))}
    />
  );
}
