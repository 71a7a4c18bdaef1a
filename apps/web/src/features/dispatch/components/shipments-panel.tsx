import { Card, Empty, Space, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import type { Shipment, ShipmentState } from '../api/dispatch.api.ts';
import type { Translate } from '../../../lib/i18n/translate.ts';
import { shipmentTimeText } from '../shipment-status.ts';

const FLOW: ShipmentState[] = ['picking', 'packed', 'in-transit', 'delivered'];
const STATE_COLOUR: Record<ShipmentState, string> = {
  picking: 'default',
  packed: 'blue',
  'in-transit': 'orange',
  delivered: 'green',
  cancelled: 'default',
};

/** Live shipments of the incidents on screen: state in words with a step bar, vehicle, and the ETA countdown. */
export function ShipmentsPanel({ shipments, now }: { shipments: Shipment[]; now: number }) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const tr: Translate = (key, vars) => t(key, vars);
  return (
    <Card
      size="small"
      title={t('dispatch.shipments.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dispatch.shipments.autoRefresh')}
        </Typography.Text>
      }
      data-testid="shipments-panel"
    >
      {shipments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.shipments.none')} />
      ) : (
        <Table<Shipment>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={shipments}
          onRow={(row) =>
            ({ 'data-shipment-number': row.number, 'data-shipment-state': row.state }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('dispatch.shipments.number'),
              dataIndex: 'number',
              width: 170,
              render: (value: string, row) => (
                <Space size={4} wrap>
                  {value}
                  {row.isCallOff && <Tag color="gold">{t('dispatch.shipments.callOff')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('dispatch.shipments.from'),
              key: 'from',
              render: (_, row) => (language === 'en' ? row.fromNodeNameEn || row.fromNodeNameZh : row.fromNodeNameZh),
            },
            {
              title: t('dispatch.shipments.vehicle'),
              dataIndex: 'vehiclePlate',
              width: 120,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('dispatch.shipments.status'),
              key: 'state',
              width: 380,
              render: (_, row) => (
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space size={6}>
                    <Tag color={STATE_COLOUR[row.state]} data-testid="shipment-state">
                      {t(`dispatch.shipments.state.${row.state}`)}
                    </Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="shipment-time">
                      {shipmentTimeText(row, now, tr, (iso) => dayjs(iso).format('HH:mm'))}
                    </Typography.Text>
                  </Space>
                  {row.state !== 'cancelled' && (
                    <Steps
                      size="small"
                      current={FLOW.indexOf(row.state)}
                      status={row.state === 'delivered' ? 'finish' : 'process'}
                      items={FLOW.map((state) => ({
                        title: <span style={{ fontSize: 11 }}>{t(`dispatch.shipments.state.${state}`)}</span>,
                      }))}
                      style={{ maxWidth: 360 }}
                    />
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
