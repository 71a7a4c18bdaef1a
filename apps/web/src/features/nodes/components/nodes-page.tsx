import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Node, NodeType } from '@zhanqin/contracts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import { canEditNodes } from '../../auth/permissions.ts';
import { useOrganisations } from '../../organisations/api/organisations.api.ts';
import { listNodes, type NodeFilter, type NodeSort } from '../api/nodes.api.ts';
import { NODE_TYPE_ORDER } from '../node-styles.ts';
import { DemoTag, NodeDetailsDrawer, NodeTypeTag } from './node-details.tsx';
import { NodeFormDrawer } from './node-form-drawer.tsx';

const SORTABLE: Record<string, NodeSort> = {
  code: 'code',
  nameZh: 'nameZh',
  nameEn: 'nameEn',
  type: 'type',
  createdAt: 'createdAt',
};

/** Nodes of the network: server-side paging, sorting and filters, details and (for officers) create/edit. */
export function NodesPage() {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const user = useUser();
  const editable = canEditNodes(user.role);
  const { organisations, byId } = useOrganisations();
  const [filter, setFilter] = useState<NodeFilter>({ limit: 20, offset: 0, sort: 'code', order: 'asc' });
  const [search, setSearch] = useState('');
  const request = useRequest((signal) => listNodes(filter, signal), filter);
  const [selected, setSelected] = useState<Node>();
  const [editing, setEditing] = useState<{ node: Node | undefined } | undefined>();

  const nameKey = language === 'en' ? 'nameEn' : 'nameZh';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="nodes-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.nodes')}
        </Typography.Title>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ node: undefined })}>
            {t('node.create')}
          </Button>
        )}
      </Space>
      <Card size="small">
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('node.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined, offset: 0 }))}
            style={{ width: 260 }}
          />
          <Select<NodeType>
            allowClear
            placeholder={t('node.type')}
            style={{ width: 180 }}
            value={filter.type}
            onChange={(type) => setFilter((f) => ({ ...f, type, offset: 0 }))}
            options={NODE_TYPE_ORDER.map((type) => ({ value: type, label: t(`nodeType.${type}`) }))}
          />
          <Select<'open' | 'closed'>
            allowClear
            placeholder={t('node.status')}
            style={{ width: 120 }}
            value={filter.status}
            onChange={(status) => setFilter((f) => ({ ...f, status, offset: 0 }))}
            options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`nodeStatus.${s}`) }))}
          />
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('node.organisation')}
            style={{ width: 220 }}
            value={filter.organisationId}
            onChange={(organisationId) => setFilter((f) => ({ ...f, organisationId, offset: 0 }))}
            options={organisations.map((o) => ({ value: o.id, label: language === 'en' ? o.nameEn : o.nameZh }))}
          />
        </Space>
      </Card>
      {request.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(request.error, t)}
          action={<Button onClick={request.reload}>{t('common.retry')}</Button>}
        />
      )}
      <Table<Node>
        rowKey="id"
        size="middle"
        loading={request.loading}
        dataSource={request.data?.items ?? []}
        onRow={(node) => ({ onClick: () => setSelected(node), style: { cursor: 'pointer' } })}
        pagination={{
          current: Math.floor(filter.offset / filter.limit) + 1,
          pageSize: filter.limit,
          total: request.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { count: total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Node> | undefined;
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
          {
            key: 'code',
            dataIndex: 'code',
            title: t('node.code'),
            sorter: true,
            sortOrder: filter.sort === 'code' ? (filter.order === 'desc' ? 'descend' : 'ascend') : null,
          },
          {
            key: nameKey,
            dataIndex: nameKey,
            title: t('node.name'),
            sorter: true,
            sortOrder: filter.sort === nameKey ? (filter.order === 'desc' ? 'descend' : 'ascend') : null,
            render: (_value, node) => (
              <Space size={4}>
                {language === 'en' ? node.nameEn : node.nameZh}
                {node.isDemo && <DemoTag />}
              </Space>
            ),
          },
          {
            key: 'type',
            dataIndex: 'type',
            title: t('node.type'),
            sorter: true,
            sortOrder: filter.sort === 'type' ? (filter.order === 'desc' ? 'descend' : 'ascend') : null,
            render: (type: NodeType) => <NodeTypeTag type={type} />,
          },
          {
            key: 'organisation',
            title: t('node.organisation'),
            render: (_v, node) => {
              const org = byId.get(node.organisationId);
              return org ? (language === 'en' ? org.nameEn : org.nameZh) : '—';
            },
          },
          {
            key: 'status',
            dataIndex: 'status',
            title: t('node.status'),
            render: (status: Node['status'], node) => (
              <Space size={4}>
                <Tag color={status === 'open' ? 'green' : 'default'}>{t(`nodeStatus.${status}`)}</Tag>
                {node.is24h && <Tag>24h</Tag>}
              </Space>
            ),
          },
          {
            key: 'capacitySlots',
            dataIndex: 'capacitySlots',
            title: t('node.capacitySlots'),
            align: 'right',
            render: (v: number | null) => v ?? '—',
          },
        ]}
      />
      <NodeDetailsDrawer
        node={selected}
        organisation={selected ? byId.get(selected.organisationId) : undefined}
        onClose={() => setSelected(undefined)}
        onEdit={editable ? (node) => setEditing({ node }) : undefined}
      />
      <NodeFormDrawer
        open={editing !== undefined}
        node={editing?.node}
        organisations={organisations}
        onClose={() => setEditing(undefined)}
        onSaved={(node) => {
          setEditing(undefined);
          setSelected((current) => (current ? node : current));
          request.reload();
        }}
      />
    </Space>
  );
}
