import { Button, Descriptions, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Node, Organisation } from '@zhanqin/contracts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { NODE_TYPE_STYLE } from '../node-styles.ts';

/** A node-type tag that shows the type in words with its map colour (never colour alone). */
export function NodeTypeTag({ type }: { type: Node['type'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={NODE_TYPE_STYLE[type].color} data-node-type={type}>
      {t(`nodeType.${type}`)}
    </Tag>
  );
}

export function DemoTag() {
  const { t } = useTranslation();
  return (
    <Tag color="gold" title={t('common.demoHint')} data-testid="demo-tag">
      {t('common.demo')}
    </Tag>
  );
}

type Props = {
  node: Node | undefined;
  organisation: Organisation | undefined;
  onClose: () => void;
  onEdit?: (node: Node) => void;
};

/** Drawer with everything known about one node: type, organisation, place, capacity, zones, contacts, agreement. */
export function NodeDetailsDrawer({ node, organisation, onClose, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const name = node ? (language === 'en' ? node.nameEn : node.nameZh) : '';
  const orgName = organisation ? (language === 'en' ? organisation.nameEn : organisation.nameZh) : node?.organisationId;
  const dash = '—';

  return (
    <Drawer
      open={Boolean(node)}
      onClose={onClose}
      size={560}
      title={
        <Space wrap>
          <span data-testid="node-drawer-title">{name}</span>
          {node?.isDemo && <DemoTag />}
        </Space>
      }
      extra={
        node && onEdit ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(node)}>
            {t('common.edit')}
          </Button>
        ) : undefined
      }
      data-testid="node-drawer"
      rootClassName="node-drawer"
    >
      {node && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
            <Descriptions.Item label={t('node.code')}>
              <Typography.Text code>{node.code}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('node.type')}>
              <span data-testid="node-drawer-type">
                <NodeTypeTag type={node.type} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('node.name')}>
              {node.nameZh} / {node.nameEn}
            </Descriptions.Item>
            <Descriptions.Item label={t('node.organisation')}>{orgName}</Descriptions.Item>
            <Descriptions.Item label={t('node.address')}>{node.address || dash}</Descriptions.Item>
            <Descriptions.Item label={t('node.coordinates')}>
              {node.lat.toFixed(5)}°N, {node.lng.toFixed(5)}°E
            </Descriptions.Item>
            <Descriptions.Item label={t('node.status')}>
              <Tag color={node.status === 'open' ? 'green' : 'default'}>{t(`nodeStatus.${node.status}`)}</Tag>
              {node.is24h && <Tag>{t('node.is24h')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('node.capacitySlots')}>{node.capacitySlots ?? dash}</Descriptions.Item>
            <Descriptions.Item label={t('node.areaM2')}>{node.areaM2 ?? dash}</Descriptions.Item>
            <Descriptions.Item label={t('node.updatedAt')}>{dayjs(node.updatedAt).format('LLL')}</Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('node.zones')}</Typography.Title>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={node.zones}
              locale={{ emptyText: t('common.none') }}
              columns={[
                { title: t('node.zoneCode'), dataIndex: 'code' },
                { title: t('node.zoneName'), dataIndex: 'name' },
                { title: t('node.slots'), dataIndex: 'slots', align: 'right' },
                {
                  title: t('node.tempRange'),
                  render: (_, zone) =>
                    zone.tempMinC === undefined && zone.tempMaxC === undefined
                      ? dash
                      : `${zone.tempMinC ?? '…'} ~ ${zone.tempMaxC ?? '…'}`,
                },
              ]}
            />
          </div>

          <div>
            <Typography.Title level={5}>{t('node.contacts')}</Typography.Title>
            {node.contacts.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
            ) : (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0, border: '1px solid #f0f0f0', borderRadius: 6 }}>
                {node.contacts.map((contact, index) => (
                  <li
                    key={`${contact.name}-${index}`}
                    style={{ padding: '8px 12px', borderTop: index ? '1px solid #f0f0f0' : undefined }}
                  >
                    <Space wrap>
                      <b>{contact.name}</b>
                      {contact.role && <span>{contact.role}</span>}
                      {contact.phone && <a href={`tel:${contact.phone}`}>{contact.phone}</a>}
                    </Space>
                  </li>
                ))}
              </ul>
            )}
          </div>

          {node.agreement && (
            <div>
              <Typography.Title level={5}>{t('node.agreement')}</Typography.Title>
              <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
                <Descriptions.Item label={t('node.agreementReference')}>{node.agreement.reference}</Descriptions.Item>
                <Descriptions.Item label={t('node.partnerName')}>{node.agreement.partnerName}</Descriptions.Item>
                <Descriptions.Item label={t('node.scope')}>{node.agreement.scope || dash}</Descriptions.Item>
                <Descriptions.Item label={t('node.responseMinutes')}>{node.agreement.responseMinutes}</Descriptions.Item>
                <Descriptions.Item label={t('node.validity')}>
                  {node.agreement.validFrom ?? '…'} ~ {node.agreement.validUntil ?? '…'}
                </Descriptions.Item>
                <Descriptions.Item label={t('node.itemCodes')}>
                  {node.agreement.itemCodes.length ? node.agreement.itemCodes.map((code) => <Tag key={code}>{code}</Tag>) : dash}
                </Descriptions.Item>
              </Descriptions>
            </div>
          )}
        </Space>
      )}
    </Drawer>
  );
}
