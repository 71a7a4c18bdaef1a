import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssueCreate } from '@zhanqin/contracts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { navigate, useRoute } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { listAllNodes } from '../../network/api/network.api.ts';
import { getIncident, listIncidents, type Incident } from '../../incidents/api/incidents.api.ts';
import { IncidentStateTag } from '../../incidents/components/incident-state-tag.tsx';
import { arriveShipment, listShipments, type Shipment } from '../../dispatch/api/dispatch.api.ts';
import { shipmentTimeText } from '../../dispatch/shipment-status.ts';
import {
  closeIncident,
  getDepot,
  issueFromDepot,
  listDepotAssets,
  returnFromScene,
  type ConsumptionReport,
  type DepotAsset,
  type DepotItem,
} from '../api/depot.api.ts';
import dayjs from 'dayjs';

/** The forward depot (前进保障点) of an incident: arrivals, stock, issues and consumption, returns, and closing with the report. */
export function DepotPage() {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const { query } = useRoute();
  const incidentId = query.get('incident') ?? undefined;
  const incidentsRequest = useRequest((signal) => listIncidents({ state: 'dispatched', limit: 200 }, signal), 'depot-incidents');
  const incidentRequest = useRequest(
    (signal) => (incidentId ? getIncident(incidentId, signal) : Promise.resolve(undefined)),
    ['depot-incident', incidentId],
  );
  const incident = incidentRequest.data;

  const options = useMemo(() => {
    const list: Incident[] = [...(incidentsRequest.data?.items ?? [])];
    if (incident && !list.some((i) => i.id === incident.id)) list.unshift(incident);
    return list.map((i) => ({ value: i.id, label: `${i.number} · ${language === 'en' ? i.typeNameEn : i.typeNameZh}` }));
  }, [incidentsRequest.data, incident, language]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="depot-page">
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dispatch.depot.title')}
        </Typography.Title>
        <Select
          style={{ minWidth: 280 }}
          placeholder={t('dispatch.depot.chooseIncident')}
          value={incidentId}
          options={options}
          onChange={(id: string) => navigate(`/depot?incident=${id}`)}
          data-testid="depot-incident-select"
        />
        {incident && <IncidentStateTag state={incident.state} isExercise={incident.isExercise} />}
      </Space>
      {!incidentId && <Empty description={t('dispatch.depot.noIncident')} />}
      {incident && <DepotOf key={incident.id} incident={incident} onChanged={incidentRequest.reload} />}
    </Space>
  );
}

function DepotOf({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const depotRequest = useRequest((signal) => getDepot(incident.id, signal), ['depot', incident.id, version]);
  const nodesRequest = useRequest((signal) => listAllNodes(signal), 'depot-nodes');
  const [shipments, setShipments] = useState<Shipment[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [report, setReport] = useState<ConsumptionReport>();
  const refresh = () => setVersion((v) => v + 1);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      listShipments({ incidentId: incident.id }).then(
        (list) => {
          if (!cancelled) {
            setShipments(list);
            setNow(Date.now());
          }
        },
        () => undefined,
      );
    void load();
    const timer = window.setInterval(() => void load(), 5_000);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [incident.id, version]);

  const depot = depotRequest.data;
  const items = depot?.items ?? [];
  const nodes = useMemo(
    () => (nodesRequest.data ?? []).filter((n) => n.type !== 'staging' && n.type !== 'vehicle' && n.status === 'open'),
    [nodesRequest.data],
  );
  const nodeName = (id: string | null) => {
    const node = (nodesRequest.data ?? []).find((n) => n.id === id);
    return node ? (language === 'en' && node.nameEn ? node.nameEn : node.nameZh) : (id ?? '');
  };
  const nodeOptions = nodes.map((n) => ({
    value: n.id,
    label: `${language === 'en' && n.nameEn ? n.nameEn : n.nameZh} (${n.code})`,
  }));
  const itemName = (i: { itemNameZh: string; itemNameEn: string }) =>
    language === 'en' && i.itemNameEn ? i.itemNameEn : i.itemNameZh;
  const itemOptions = items
    .filter((i) => i.available > 0)
    .map((i) => ({ value: i.itemId, label: `${itemName(i)} (${i.itemCode}) · ${i.available}` }));
  const baseId = nodes.find((n) => n.type === 'base')?.id;

  async function arrive(shipment: Shipment) {
    try {
      await arriveShipment(shipment.id);
      void message.success(t('dispatch.depot.arrived', { number: shipment.number }));
      refresh();
    } catch (cause) {
      void message.error(errorText(cause, t));
    }
  }

  async function close(returnRemainingTo: string | undefined) {
    try {
      const result = await closeIncident(incident.id, returnRemainingTo);
      setReport(result);
      void message.success(t('dispatch.depot.closed'));
      refresh();
      onChanged();
    } catch (cause) {
      void message.error(errorText(cause, t));
    }
  }

  if (depotRequest.error) return <Alert type="error" showIcon message={errorText(depotRequest.error, t)} />;
  if (depot && !depot.depotNodeId) return <Alert type="info" showIcon message={t('dispatch.depot.noDepot')} />;
  const open = incident.state === 'dispatched';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('dispatch.depot.shipments')}>
        <Table<Shipment>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={shipments}
          data-testid="depot-shipments"
          onRow={(row) =>
            ({ 'data-shipment-number': row.number, 'data-shipment-state': row.state }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('dispatch.shipments.number'), dataIndex: 'number' },
            {
              title: t('dispatch.shipments.from'),
              key: 'from',
              render: (_, row) => (language === 'en' ? row.fromNodeNameEn || row.fromNodeNameZh : row.fromNodeNameZh),
            },
            { title: t('dispatch.shipments.vehicle'), dataIndex: 'vehiclePlate', render: (v: string | null) => v ?? '—' },
            {
              title: t('dispatch.shipments.status'),
              key: 'state',
              render: (_, row) => (
                <Space size={4} wrap>
                  <Tag data-testid="depot-shipment-state">{t(`dispatch.shipments.state.${row.state}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {shipmentTimeText(
                      row,
                      now,
                      (k, v) => t(k, v),
                      (iso) => dayjs(iso).format('HH:mm'),
                    )}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, row) =>
                row.state === 'in-transit' ? (
                  <Button type="primary" size="small" onClick={() => void arrive(row)} data-testid="depot-arrive">
                    {t('dispatch.depot.arrive')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('dispatch.depot.stock')}>
        <Table<DepotItem>
          size="small"
          pagination={false}
          rowKey="itemId"
          loading={depotRequest.loading}
          dataSource={items}
          data-testid="depot-stock"
          onRow={(row) => ({ 'data-item-code': row.itemCode }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('dispatch.depot.item'), key: 'item', render: (_, row) => `${itemName(row)} (${row.itemCode})` },
            {
              title: t('dispatch.depot.onHand'),
              dataIndex: 'onHand',
              align: 'right',
              render: (v: number, row) => `${v} ${row.unitZh && language !== 'en' ? row.unitZh : ''}`,
            },
            { title: t('dispatch.depot.available'), dataIndex: 'available', align: 'right' },
            { title: t('dispatch.depot.inTransit'), dataIndex: 'inTransit', align: 'right' },
          ]}
        />
      </Card>

      {open && depot?.depotNodeId && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <IssueForm incidentId={incident.id} itemOptions={itemOptions} onDone={refresh} />
          </Col>
          <Col xs={24} xl={12}>
            <ReturnForm
              incidentId={incident.id}
              depotNodeId={depot.depotNodeId}
              itemOptions={itemOptions}
              nodeOptions={nodeOptions}
              defaultNodeId={baseId}
              onDone={refresh}
            />
          </Col>
        </Row>
      )}

      {open && <CloseForm nodeOptions={nodeOptions} defaultNodeId={baseId} onClose={close} />}

      {report && (
        <Card size="small" title={t('dispatch.depot.report', { number: report.incidentNumber })} data-testid="depot-report">
          <Table
            size="small"
            pagination={false}
            rowKey="itemId"
            dataSource={report.items}
            data-testid="report-items"
            columns={[
              { title: t('dispatch.depot.item'), key: 'item', render: (_, row) => `${itemName(row)} (${row.itemCode})` },
              { title: t('dispatch.depot.dispatched'), dataIndex: 'dispatched', align: 'right' },
              { title: t('dispatch.depot.consumed'), dataIndex: 'consumed', align: 'right' },
              { title: t('dispatch.depot.issuedCol'), dataIndex: 'issued', align: 'right' },
              { title: t('dispatch.depot.returnedOk'), dataIndex: 'returnedOk', align: 'right' },
              { title: t('dispatch.depot.returnedForInspection'), dataIndex: 'returnedForInspection', align: 'right' },
              { title: t('dispatch.depot.notReturned'), dataIndex: 'notReturned', align: 'right' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('dispatch.depot.replenishment')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(row) => `${row.fromNodeId ?? '-'}-${row.toNodeId}-${row.itemId}`}
            dataSource={report.replenishment}
            data-testid="report-replenishment"
            locale={{ emptyText: t('dispatch.depot.noReplenishment') }}
            columns={[
              {
                title: t('dispatch.depot.item'),
                key: 'item',
                render: (_, row) => {
                  const item = report.items.find((i) => i.itemId === row.itemId);
                  return item ? itemName(item) : row.itemId;
                },
              },
              { title: t('dispatch.depot.qty'), dataIndex: 'qty', align: 'right' },
              {
                title: t('dispatch.depot.from'),
                key: 'from',
                render: (_, row) =>
                  row.fromNodeId ? nodeName(row.fromNodeId) : <Tag color="gold">{t('dispatch.depot.purchase')}</Tag>,
              },
              { title: t('dispatch.depot.to'), key: 'to', render: (_, row) => nodeName(row.toNodeId) },
              { title: t('dispatch.depot.note'), dataIndex: 'note' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

type Option = { value: string; label: string };

function IssueForm({ incidentId, itemOptions, onDone }: { incidentId: string; itemOptions: Option[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'issue' | 'consumption'; recipient?: string; itemId: string; qty: number }>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);

  async function submit(values: { kind: 'issue' | 'consumption'; recipient?: string; itemId: string; qty: number }) {
    setSaving(true);
    try {
      const body: IssueCreate = {
        kind: values.kind,
        lines: [{ itemId: values.itemId, qty: values.qty }],
        ...(values.recipient ? { recipient: values.recipient } : {}),
      };
      const document = await issueFromDepot(incidentId, body);
      void message.success(t('dispatch.depot.issued', { number: document.number }));
      form.resetFields(['itemId', 'qty', 'recipient']);
      onDone();
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={t('dispatch.depot.issueTitle')} data-testid="depot-issue">
      <Form form={form} layout="vertical" initialValues={{ kind: 'issue', qty: 1 }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('dispatch.depot.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'issue', label: t('dispatch.depot.kindIssue') },
              { value: 'consumption', label: t('dispatch.depot.kindConsumption') },
            ]}
          />
        </Form.Item>
        {kind !== 'consumption' && (
          <Form.Item name="recipient" label={t('dispatch.depot.recipient')}>
            <Input maxLength={200} id="issueRecipient" />
          </Form.Item>
        )}
        <Form.Item
          name="itemId"
          label={t('dispatch.depot.item')}
          rules={[{ required: true, message: t('dispatch.depot.required') }]}
        >
          <Select options={itemOptions} showSearch optionFilterProp="label" id="issueItem" />
        </Form.Item>
        <Form.Item name="qty" label={t('dispatch.depot.qty')} rules={[{ required: true, message: t('dispatch.depot.required') }]}>
          <InputNumber min={1} precision={0} id="issueQty" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="issue-submit">
          {t('dispatch.depot.submitIssue')}
        </Button>
      </Form>
    </Card>
  );
}

type ReturnValues = { toNodeId: string; itemId: string; qty: number; assetIds?: string[]; condition: 'ok' | 'used' | 'damaged' };

function ReturnForm(props: {
  incidentId: string;
  depotNodeId: string;
  itemOptions: Option[];
  nodeOptions: Option[];
  defaultNodeId: string | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReturnValues>();
  const [saving, setSaving] = useState(false);
  const [assets, setAssets] = useState<DepotAsset[]>([]);
  const itemId = Form.useWatch('itemId', form);
  const assetIds = Form.useWatch('assetIds', form);

  useEffect(() => {
    if (props.defaultNodeId && !form.getFieldValue('toNodeId')) form.setFieldValue('toNodeId', props.defaultNodeId);
  }, [props.defaultNodeId, form]);

  useEffect(() => {
    setAssets([]);
    form.setFieldValue('assetIds', []);
    if (!itemId) return undefined;
    const controller = new AbortController();
    listDepotAssets(props.depotNodeId, itemId, controller.signal).then(
      (page) => setAssets(page.items.filter((a) => a.status === 'in-stock' || a.status === 'issued')),
      () => undefined,
    );
    return () => controller.abort();
  }, [itemId, props.depotNodeId, form]);

  // Serial units fix the quantity: one unit each.
  useEffect(() => {
    if (assetIds && assetIds.length > 0) form.setFieldValue('qty', assetIds.length);
  }, [assetIds, form]);

  async function submit(values: ReturnValues) {
    setSaving(true);
    try {
      const document = await returnFromScene(props.incidentId, {
        toNodeId: values.toNodeId,
        lines: [
          {
            itemId: values.itemId,
            qty: values.qty,
            condition: values.condition,
            ...(values.assetIds?.length ? { assetIds: values.assetIds } : {}),
          },
        ],
      });
      void message.success(t('dispatch.depot.returned', { number: document.number }));
      form.resetFields(['itemId', 'qty', 'assetIds']);
      props.onDone();
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={t('dispatch.depot.returnTitle')} data-testid="depot-return">
      <Form form={form} layout="vertical" initialValues={{ condition: 'used', qty: 1 }} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="toNodeId"
          label={t('dispatch.depot.toNode')}
          rules={[{ required: true, message: t('dispatch.depot.required') }]}
        >
          <Select options={props.nodeOptions} showSearch optionFilterProp="label" id="returnNode" />
        </Form.Item>
        <Form.Item
          name="itemId"
          label={t('dispatch.depot.item')}
          rules={[{ required: true, message: t('dispatch.depot.required') }]}
        >
          <Select options={props.itemOptions} showSearch optionFilterProp="label" id="returnItem" />
        </Form.Item>
        {assets.length > 0 && (
          <Form.Item name="assetIds" label={t('dispatch.depot.units')}>
            <Select
              mode="multiple"
              options={assets.map((a) => ({ value: a.id, label: a.serialNo ? `${a.code} · ${a.serialNo}` : a.code }))}
              optionFilterProp="label"
              id="returnUnits"
            />
          </Form.Item>
        )}
        <Form.Item name="qty" label={t('dispatch.depot.qty')} rules={[{ required: true, message: t('dispatch.depot.required') }]}>
          <InputNumber min={1} precision={0} disabled={(assetIds?.length ?? 0) > 0} id="returnQty" />
        </Form.Item>
        <Form.Item name="condition" label={t('dispatch.depot.condition')} extra={t('dispatch.depot.conditionNote')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'ok', label: t('dispatch.depot.conditionOk') },
              { value: 'used', label: t('dispatch.depot.conditionUsed') },
              { value: 'damaged', label: t('dispatch.depot.conditionDamaged') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="return-submit">
          {t('dispatch.depot.submitReturn')}
        </Button>
      </Form>
    </Card>
  );
}

function CloseForm({
  nodeOptions,
  defaultNodeId,
  onClose,
}: {
  nodeOptions: Option[];
  defaultNodeId: string | undefined;
  onClose: (to: string | undefined) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState<string | undefined>();
  const [closing, setClosing] = useState(false);
  const target = to ?? defaultNodeId;
  return (
    <Card size="small" title={t('dispatch.depot.closeTitle')} data-testid="depot-close">
      <Space wrap>
        <Typography.Text>{t('dispatch.depot.returnRestTo')}</Typography.Text>
        <Select
          style={{ minWidth: 320 }}
          options={nodeOptions}
          value={target}
          onChange={setTo}
          showSearch
          optionFilterProp="label"
          allowClear
          data-testid="close-return-to"
        />
        <Popconfirm
          title={t('dispatch.depot.closeConfirm')}
          okText={t('dispatch.depot.closeButton')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'close-confirm-ok' } as ButtonProps}
          onConfirm={async () => {
            setClosing(true);
            try {
              await onClose(target);
            } finally {
              setClosing(false);
            }
          }}
        >
          <Button danger loading={closing} data-testid="close-incident">
            {t('dispatch.depot.closeButton')}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
