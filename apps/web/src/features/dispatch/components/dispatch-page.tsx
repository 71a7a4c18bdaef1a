import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { Alert, App, Button, Card, Col, Row, Space, Switch, Tag, Typography } from 'antd';
import { ApartmentOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartEvent } from '../../../components/echart.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { echarts } from '../../../lib/echarts/echarts.ts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { hrefOf } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { listAllNodes } from '../../network/api/network.api.ts';
import { MAP_NAME } from '../../network/map-option.ts';
import geoJson from '../../network/geo/liupanshui-schematic.json';
import { listIncidents, listIncidentTypes } from '../../incidents/api/incidents.api.ts';
import { IncidentFormDrawer } from '../../incidents/components/incident-form-drawer.tsx';
import {
  confirmPlan,
  freshPlanIdOf,
  getPlan,
  listPlansOf,
  listShipments,
  planIncident,
  planJointly,
  type DispatchPlanView,
  type Shipment,
  type ShipmentState,
} from '../api/dispatch.api.ts';
import { buildPlanMapOption, type PlanMapDatum } from '../plan-map-option.ts';
import { alarmLevelText } from '../reason-text.ts';
import { IncidentList } from './incident-list.tsx';
import { PlanPanel } from './plan-panel.tsx';
import { ShipmentsPanel } from './shipments-panel.tsx';

// The network page registers the same map; registering again is harmless and keeps this page self-sufficient.
echarts.registerMap(MAP_NAME, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);

const REGION_KEYS: Record<string, string> = { 钟山区: 'zhongshan', 水城区: 'shuicheng', 盘州市: 'panzhou', 六枝特区: 'liuzhi' };
const POLL_MS = 5_000;

/**
 * The dispatch console: incidents beside the map; a click on the map records an incident there;
 * one click plans it (or several jointly), the plan shows as routes and as a table with reasons;
 * confirming reserves the stock, and the shipments then move live on the map and in the list.
 */
export function DispatchPage() {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const { message } = App.useApp();
  const [showFinished, setShowFinished] = useState(false);
  const incidentsRequest = useRequest((signal) => listIncidents({ limit: 200 }, signal), 'dispatch-incidents');
  const typesRequest = useRequest((signal) => listIncidentTypes(signal), 'incident-types');
  const nodesRequest = useRequest((signal) => listAllNodes(signal), 'dispatch-nodes');
  const [activeId, setActiveId] = useState<string>();
  const [checkedIds, setCheckedIds] = useState<string[]>([]);
  const [plan, setPlan] = useState<DispatchPlanView>();
  const [busy, setBusy] = useState<'plan' | 'joint' | 'confirm'>();
  const [staleNotice, setStaleNotice] = useState<string>();
  const [clicked, setClicked] = useState<{ lat: number; lng: number }>();
  const [shipments, setShipments] = useState<Shipment[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const markerClickAt = useRef(0);

  const allIncidents = useMemo(() => incidentsRequest.data?.items ?? [], [incidentsRequest.data]);
  const incidents = useMemo(
    () => allIncidents.filter((i) => showFinished || i.state === 'open' || i.state === 'dispatched' || i.id === activeId),
    [allIncidents, showFinished, activeId],
  );
  const active = allIncidents.find((i) => i.id === activeId);
  const tr = useCallback((key: string, vars?: Record<string, string | number>) => t(key, vars), [t]);

  // The incidents whose shipments are followed: the plan's, else the selected one.
  const followed = useMemo(() => (plan ? plan.incidents.map((i) => i.id) : activeId ? [activeId] : []), [plan, activeId]);
  const followedKey = followed.join(',');
  useEffect(() => {
    if (!followedKey) {
      setShipments([]);
      return undefined;
    }
    let cancelled = false;
    const load = async () => {
      try {
        const lists = await Promise.all(followedKey.split(',').map((incidentId) => listShipments({ incidentId })));
        if (!cancelled) {
          setShipments(lists.flat().sort((a, b) => a.number.localeCompare(b.number)));
          setNow(Date.now());
        }
      } catch {
        // A failed poll keeps the last picture; the next one retries.
      }
    };
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [followedKey, plan?.state]);

  const option = useMemo(
    () =>
      buildPlanMapOption({
        nodes: nodesRequest.data ?? [],
        incidents: incidents.map((i) => ({
          id: i.id,
          number: i.number,
          lat: i.lat,
          lng: i.lng,
          alarmLevel: i.alarmLevel,
          typeName: language === 'en' ? i.typeNameEn : i.typeNameZh,
          isExercise: i.isExercise,
        })),
        selectedIds: [...new Set([...(activeId ? [activeId] : []), ...checkedIds])],
        plan: plan && plan.state !== 'confirmed' ? plan : undefined,
        shipments,
        now,
        labels: {
          language,
          nodes: t('dispatch.plan.legendNodes'),
          incidents: t('dispatch.plan.legendIncidents'),
          sources: t('dispatch.plan.legendSources'),
          lines: t('dispatch.plan.legendLines'),
          shipments: t('dispatch.plan.legendShipments'),
          trucks: t('dispatch.plan.legendTrucks'),
          regionName: Object.fromEntries(Object.entries(REGION_KEYS).map(([zhName, key]) => [zhName, t(`region.${key}`)])),
          alarmText: (level) => alarmLevelText(level, tr),
          shipmentState: (state: ShipmentState) => t(`dispatch.shipments.state.${state}`),
        },
      }),
    [nodesRequest.data, incidents, activeId, checkedIds, plan, shipments, now, language, t, tr],
  );

  async function activate(id: string) {
    setActiveId(id);
    setStaleNotice(undefined);
    if (plan?.incidents.some((i) => i.id === id) && plan.incidents.length === 1) return;
    setPlan(undefined);
    try {
      const plans = await listPlansOf(id);
      const latest = plans.find((p) => p.state === 'confirmed') ?? plans.find((p) => p.state === 'draft');
      setPlan((current) => current ?? latest);
    } catch {
      // No plan to show; the one-click button still works.
    }
  }

  function onMarkerClick(event: EChartEvent) {
    const datum = (event.data as { datum?: PlanMapDatum } | undefined)?.datum;
    // Only an incident marker takes the click; on a faint node or a route the click still records an incident there.
    if (datum?.kind !== 'incident') return;
    markerClickAt.current = Date.now();
    void activate(datum.incidentId);
  }

  /** A click on the map that hit no marker records an incident at that spot. */
  function onMapAreaClick(event: MouseEvent<HTMLDivElement>) {
    if (Date.now() - markerClickAt.current < 300) return;
    const element = event.currentTarget.querySelector<HTMLElement>('[data-testid="dispatch-map"]');
    const chart = element ? echarts.getInstanceByDom(element) : undefined;
    if (!element || !chart) return;
    const box = element.getBoundingClientRect();
    const pixel = [event.clientX - box.left, event.clientY - box.top];
    if (!chart.containPixel({ geoIndex: 0 }, pixel)) return;
    const value = chart.convertFromPixel({ geoIndex: 0 }, pixel) as number[] | undefined;
    if (!value || !Number.isFinite(value[0]) || !Number.isFinite(value[1])) return;
    setClicked({ lng: value[0]!, lat: value[1]! });
  }

  async function run(kind: 'plan' | 'joint') {
    setBusy(kind);
    setStaleNotice(undefined);
    try {
      const next = kind === 'plan' && activeId ? await planIncident(activeId) : await planJointly(checkedIds);
      setPlan(next);
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setBusy(undefined);
    }
  }

  async function confirm() {
    if (!plan) return;
    setBusy('confirm');
    try {
      const result = await confirmPlan(plan.id);
      setPlan(result.plan);
      void message.success(t('dispatch.plan.confirmed', { count: result.shipments.length }));
      incidentsRequest.reload();
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'STALE_PLAN') {
        const fresh = freshPlanIdOf(cause.details);
        const notice = t('dispatch.plan.stale', { old: plan.number, fresh: fresh?.number ?? '' });
        setStaleNotice(notice);
        void message.warning(notice);
        if (fresh) setPlan(await getPlan(fresh.id));
      } else if (cause instanceof ApiError && cause.code === 'INVALID_STATE') {
        void message.error(t('dispatch.plan.invalidState', { message: cause.message }));
      } else {
        void message.error(errorText(cause, t));
      }
    } finally {
      setBusy(undefined);
    }
  }

  const canPlan = active !== undefined && (active.state === 'open' || active.state === 'dispatched');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dispatch-page">
      <Space align="center" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dispatch.title')}
        </Typography.Title>
        <Space wrap>
          <Button
            type="primary"
            danger
            size="large"
            icon={<ThunderboltOutlined />}
            disabled={!canPlan}
            loading={busy === 'plan'}
            onClick={() => void run('plan')}
            data-testid="one-click"
          >
            {t('dispatch.oneClick')}
          </Button>
          <Button
            size="large"
            icon={<ApartmentOutlined />}
            disabled={checkedIds.length < 2}
            loading={busy === 'joint'}
            onClick={() => void run('joint')}
            data-testid="plan-jointly"
          >
            {t('dispatch.planJointly', { count: checkedIds.length })}
          </Button>
          {active?.stagingNodeId && (
            <Button href={hrefOf(`/depot?incident=${active.id}`)} data-testid="open-depot">
              {t('dispatch.openDepot')}
            </Button>
          )}
        </Space>
      </Space>

      {incidentsRequest.error && (
        <Alert
          type="error"
          showIcon
          message={errorText(incidentsRequest.error, t)}
          action={<Button onClick={incidentsRequest.reload}>{t('common.retry')}</Button>}
        />
      )}
      {staleNotice && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setStaleNotice(undefined)}
          message={staleNotice}
          data-testid="stale-notice"
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card
            size="small"
            title={`${t('dispatch.incidents')} (${incidents.length})`}
            extra={
              <Space size={4}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('dispatch.showFinished')}
                </Typography.Text>
                <Switch size="small" checked={showFinished} onChange={setShowFinished} />
              </Space>
            }
            styles={{ body: { padding: 0 } }}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 12px' }}>
              {t('dispatch.selectHint')}
            </Typography.Paragraph>
            <IncidentList
              incidents={incidents}
              activeId={activeId}
              checkedIds={checkedIds}
              onActivate={(id) => void activate(id)}
              onToggle={(id, checked) => setCheckedIds((ids) => (checked ? [...ids, id] : ids.filter((x) => x !== id)))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={t('dispatch.mapTitle')}
            extra={
              <Tag color="orange" data-testid="dispatch-map-caption">
                {t('network.mapCaption')}
              </Tag>
            }
          >
            <div onClick={onMapAreaClick} style={{ cursor: 'crosshair' }}>
              <EChart
                option={option}
                language={language}
                onClick={onMarkerClick}
                ariaLabel={`${t('dispatch.mapTitle')} — ${t('network.mapCaption')}`}
                testId="dispatch-map"
                style={{ height: 560 }}
              />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dispatch.mapHint')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>

      {plan && <PlanPanel plan={plan} confirming={busy === 'confirm'} onConfirm={() => confirm()} />}
      {followed.length > 0 && <ShipmentsPanel shipments={shipments} now={now} />}

      <IncidentFormDrawer
        position={clicked}
        types={typesRequest.data ?? []}
        onClose={() => setClicked(undefined)}
        onCreated={(incident) => {
          setClicked(undefined);
          incidentsRequest.reload();
          setActiveId(incident.id);
          setPlan(undefined);
        }}
      />
    </Space>
  );
}
