import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NodeType } from '@zhanqin/contracts';
import { EChart, type EChartEvent } from '../../../components/echart.tsx';
import { echarts } from '../../../lib/echarts/echarts.ts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { useOrganisations } from '../../organisations/api/organisations.api.ts';
import { DemoTag, NodeDetailsDrawer, NodeTypeTag } from '../../nodes/components/node-details.tsx';
import { NODE_TYPE_ORDER, NODE_TYPE_STYLE } from '../../nodes/node-styles.ts';
import { listAllNodes } from '../api/network.api.ts';
import { buildNetworkMapOption, MAP_NAME, nodeNameOf, type MapPoint } from '../map-option.ts';
import { summariseNetwork } from '../network-summary.ts';
import geoJson from '../geo/liupanshui-schematic.json';

// Registered once per page load; the GeoJSON is bundled, so the map works offline.
echarts.registerMap(MAP_NAME, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);

const REGION_KEYS: Record<string, string> = { 钟山区: 'zhongshan', 水城区: 'shuicheng', 盘州市: 'panzhou', 六枝特区: 'liuzhi' };

/** Start page: the 1+8+N network on the schematic map of Liupanshui, with counts and a node list. */
export function NetworkPage() {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const nodesRequest = useRequest((signal) => listAllNodes(signal), 'network-nodes');
  const { byId: organisations } = useOrganisations();
  const [selectedId, setSelectedId] = useState<string>();

  const nodes = useMemo(() => nodesRequest.data ?? [], [nodesRequest.data]);
  const summary = useMemo(() => summariseNetwork(nodes), [nodes]);
  const option = useMemo(
    () =>
      buildNetworkMapOption(nodes, {
        language,
        demo: t('network.tooltipDemo'),
        typeName: Object.fromEntries(NODE_TYPE_ORDER.map((type) => [type, t(`nodeType.${type}`)])) as Record<NodeType, string>,
        regionName: Object.fromEntries(Object.entries(REGION_KEYS).map(([zhName, key]) => [zhName, t(`region.${key}`)])),
      }),
    [nodes, language, t],
  );
  const selected = nodes.find((node) => node.id === selectedId);

  function onMapClick(event: EChartEvent) {
    const point = event.data as MapPoint | undefined;
    if (point?.nodeId) setSelectedId(point.nodeId);
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="network-page">
      <Space align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('network.title')}
        </Typography.Title>
        {summary.demo > 0 && <DemoTag />}
      </Space>

      {nodesRequest.error && (
        <Alert
          type="error"
          showIcon
          message={errorText(nodesRequest.error, t)}
          action={<Button onClick={nodesRequest.reload}>{t('common.retry')}</Button>}
        />
      )}

      <Row gutter={[16, 16]}>
        <SummaryCard
          testId="summary-base"
          title={t('network.base')}
          value={summary.base}
          type="base"
          loading={nodesRequest.loading}
        />
        <SummaryCard
          testId="summary-sub-warehouses"
          title={t('network.subWarehouses')}
          value={summary.subWarehouses}
          type="sub-warehouse"
          loading={nodesRequest.loading}
        />
        <SummaryCard testId="summary-others" title={t('network.others')} value={summary.others} loading={nodesRequest.loading} />
        <SummaryCard
          testId="summary-total"
          title={t('network.totalNodes')}
          value={summary.total}
          loading={nodesRequest.loading}
        />
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card
            size="small"
            title={t('network.mapCaptionLong')}
            extra={
              <Tag color="orange" data-testid="map-caption">
                {t('network.mapCaption')}
              </Tag>
            }
          >
            <EChart
              option={option}
              language={language}
              onClick={onMapClick}
              ariaLabel={`${t('network.title')} — ${t('network.mapCaption')}`}
              testId="network-map"
              style={{ height: 560 }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('network.legendHint')}
              {summary.demo > 0 && ` · ${t('network.containsDemo')} · ${t('common.demoHint')}`}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={`${t('network.nodeList')} (${summary.total})`} styles={{ body: { padding: 0 } }}>
            {nodesRequest.loading ? (
              <Skeleton active style={{ padding: 12 }} />
            ) : nodes.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.noNodes')} />
            ) : (
              <ul
                data-testid="network-node-list"
                style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 590, overflowY: 'auto' }}
              >
                {[...nodes]
                  .sort(
                    (a, b) => NODE_TYPE_ORDER.indexOf(a.type) - NODE_TYPE_ORDER.indexOf(b.type) || a.code.localeCompare(b.code),
                  )
                  .map((node) => (
                    <li
                      key={node.id}
                      data-node-code={node.code}
                      data-node-type={node.type}
                      style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0', cursor: 'pointer' }}
                      onClick={() => setSelectedId(node.id)}
                    >
                      <Button type="link" style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}>
                        {nodeNameOf(node, language)}
                      </Button>
                      <div>
                        <Space size={4} wrap>
                          <NodeTypeTag type={node.type} />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {node.code}
                          </Typography.Text>
                          {node.isDemo && <Tag color="gold">{t('common.demo')}</Tag>}
                        </Space>
                      </div>
                    </li>
                  ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>

      <NodeDetailsDrawer
        node={selected}
        organisation={selected ? organisations.get(selected.organisationId) : undefined}
        onClose={() => setSelectedId(undefined)}
      />
    </Space>
  );
}

function SummaryCard(props: { testId: string; title: string; value: number; type?: NodeType; loading: boolean }) {
  const style = props.type ? NODE_TYPE_STYLE[props.type] : undefined;
  return (
    <Col xs={12} md={6}>
      <Card size="small" loading={props.loading} style={style ? { borderTop: `3px solid ${style.color}` } : undefined}>
        <Statistic
          title={props.title}
          value={props.value}
          valueRender={(node) => (
            <span data-testid={props.testId} data-value={props.value}>
              {node}
            </span>
          )}
        />
      </Card>
    </Col>
  );
}
