import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { navigate, useRoute } from '../../../lib/router.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import { departShipment, getShipment, listShipments, pickCodes, type Shipment } from '../../dispatch/api/dispatch.api.ts';
import { pickCodeOf, pickProgress } from '../../dispatch/shipment-status.ts';
import { ScanInput, type ScanInputHandle } from '../../stock/components/scan-input.tsx';

type Feedback = { ok: boolean; text: string };

/** A short buzz for a good scan, a double one for a rejected code, where the phone can vibrate. */
function vibrate(ok: boolean): void {
  try {
    if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') navigator.vibrate(ok ? 60 : [120, 60, 120]);
  } catch {
    // Vibration is a nicety; some browsers refuse it outside a user gesture.
  }
}

/** The keeper's phone page: shipments to pick, then one pick list with an always-focused scan field. */
export function PickingPage() {
  const { query } = useRoute();
  const shipmentId = query.get('shipment');
  return shipmentId ? <PickList shipmentId={shipmentId} /> : <PickQueue />;
}

function PickQueue() {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const user = useUser();
  const [shipments, setShipments] = useState<Shipment[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let cancelled = false;
    // Keepers and drivers see their own nodes' shipments; dispatchers and administrators everything in scope.
    const mine = user.role === 'warehouse-keeper' || user.role === 'driver' || user.role === 'station-officer';
    const load = async () => {
      try {
        const lists = await Promise.all(
          (['picking', 'packed'] as const).map((state) => listShipments({ state, mine: mine || undefined })),
        );
        if (!cancelled) setShipments(lists.flat().sort((a, b) => a.number.localeCompare(b.number)));
      } catch (cause) {
        if (!cancelled) setError(cause);
      }
    };
    void load();
    const timer = window.setInterval(() => void load(), 10_000);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [user.role]);

  return (
    <div data-testid="picking-page" style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('dispatch.picking.list')}
      </Typography.Title>
      {error !== undefined && <Alert type="error" showIcon message={errorText(error, t)} />}
      {shipments && shipments.length === 0 && <Empty description={t('dispatch.picking.none')} />}
      <List
        loading={!shipments && error === undefined}
        dataSource={shipments ?? []}
        renderItem={(s) => {
          const progress = pickProgress(s);
          return (
            <Card
              size="small"
              hoverable
              style={{ marginBottom: 12 }}
              onClick={() => navigate(`/picking?shipment=${s.id}`)}
              data-testid="pick-shipment"
              data-shipment-number={s.number}
              data-incident-number={s.incidentNumber}
            >
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap size={6}>
                  <Typography.Text strong>{s.number}</Typography.Text>
                  <Tag color={s.state === 'packed' ? 'blue' : 'default'}>{t(`dispatch.shipments.state.${s.state}`)}</Tag>
                  {s.isExercise && <Tag color="purple">{t('dispatch.exercise')}</Tag>}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {s.incidentNumber} · {language === 'en' ? s.fromNodeNameEn || s.fromNodeNameZh : s.fromNodeNameZh}
                  {s.vehiclePlate ? ` · ${s.vehiclePlate}` : ''}
                </Typography.Text>
                <Progress percent={progress.percent} size="small" format={() => t('dispatch.picking.progress', progress)} />
              </Space>
            </Card>
          );
        }}
      />
    </div>
  );
}

function PickList({ shipmentId }: { shipmentId: string }) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const { message } = App.useApp();
  const [shipment, setShipment] = useState<Shipment>();
  const [error, setError] = useState<unknown>();
  const [feedback, setFeedback] = useState<Feedback[]>([]);
  const [sending, setSending] = useState(false);
  const [departing, setDeparting] = useState(false);
  const scanRef = useRef<ScanInputHandle>(null);

  useEffect(() => {
    const controller = new AbortController();
    getShipment(shipmentId, controller.signal).then(setShipment, (cause: unknown) => {
      if (!controller.signal.aborted) setError(cause);
    });
    return () => controller.abort();
  }, [shipmentId]);

  // The scan field keeps the focus, so a handheld (keyboard wedge) can scan the next code at once.
  const focus = () => window.setTimeout(() => scanRef.current?.focus(), 0);

  async function scan(codes: string[]) {
    if (!codes.length || !shipment) return;
    setSending(true);
    try {
      const result = await pickCodes(shipment.id, codes);
      setShipment(result.shipment);
      const reasonText = (reason: string) =>
        reason === 'not on this pick list'
          ? t('dispatch.picking.notOnList')
          : reason === 'already picked'
            ? t('dispatch.picking.alreadyPicked')
            : reason;
      const next: Feedback[] = [
        ...result.accepted.map((code) => ({ ok: true, text: t('dispatch.picking.accepted', { code }) })),
        ...result.rejected.map((r) => ({
          ok: false,
          text: t('dispatch.picking.rejected', { code: r.code, reason: reasonText(r.reason) }),
        })),
      ];
      setFeedback((old) => [...next.reverse(), ...old].slice(0, 6));
      vibrate(result.rejected.length === 0);
    } catch (cause) {
      setFeedback((old) => [{ ok: false, text: errorText(cause, t) }, ...old].slice(0, 6));
      vibrate(false);
    } finally {
      setSending(false);
      focus();
    }
  }

  async function depart() {
    if (!shipment) return;
    setDeparting(true);
    try {
      const next = await departShipment(shipment.id);
      setShipment(next);
      void message.success(t('dispatch.picking.departed', { number: next.number }));
    } catch (cause) {
      void message.error(errorText(cause, t));
    } finally {
      setDeparting(false);
    }
  }

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/picking')} data-testid="pick-back">
      {t('dispatch.picking.back')}
    </Button>
  );
  if (error !== undefined)
    return (
      <Space orientation="vertical">
        {back}
        <Alert type="error" showIcon message={errorText(error, t)} />
      </Space>
    );
  if (!shipment) return <Card loading />;

  const progress = pickProgress(shipment);
  const canScan = shipment.state === 'picking' || shipment.state === 'packed';
  const last = feedback[0];

  return (
    <div data-testid="pick-list" data-shipment-state={shipment.state} style={{ maxWidth: 560, margin: '0 auto' }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          {back}
          <Tag
            color={shipment.state === 'packed' ? 'blue' : shipment.state === 'in-transit' ? 'orange' : 'default'}
            data-testid="pick-state"
          >
            {t(`dispatch.shipments.state.${shipment.state}`)}
          </Tag>
        </Space>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {shipment.number}
          </Typography.Title>
          <Typography.Text type="secondary">
            {shipment.incidentNumber} ·{' '}
            {language === 'en' ? shipment.fromNodeNameEn || shipment.fromNodeNameZh : shipment.fromNodeNameZh}
            {shipment.vehiclePlate ? ` · ${shipment.vehiclePlate}` : ''}
          </Typography.Text>
        </div>
        <Progress
          percent={progress.percent}
          format={() => <span data-testid="pick-progress">{t('dispatch.picking.progress', progress)}</span>}
        />

        {canScan && (
          <div>
            <Typography.Text strong>{t('dispatch.picking.scanLabel')}</Typography.Text>
            <ScanInput
              ref={scanRef}
              autoFocus
              placeholder={t('dispatch.picking.scanPlaceholder')}
              testId="pick-scan"
              onScan={(code) => scan([code])}
            />
          </div>
        )}

        {last && (
          <Alert
            type={last.ok ? 'success' : 'error'}
            showIcon
            icon={last.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
            message={
              <span data-testid="pick-feedback" data-ok={last.ok}>
                {last.text}
              </span>
            }
            description={
              feedback.length > 1 ? (
                <ul style={{ margin: 0, paddingInlineStart: 16, fontSize: 12 }}>
                  {feedback.slice(1).map((f, index) => (
                    <li key={index} style={{ color: f.ok ? '#389e0d' : '#cf1322' }}>
                      {f.ok ? '✓' : '✗'} {f.text}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}

        {shipment.state === 'packed' && <Alert type="info" showIcon message={t('dispatch.picking.allPicked')} />}
        {shipment.state === 'packed' && (
          <Button
            type="primary"
            size="large"
            block
            icon={<SendOutlined />}
            loading={departing}
            onClick={() => void depart()}
            data-testid="pick-depart"
          >
            {t('dispatch.picking.depart')}
          </Button>
        )}

        {canScan && shipment.state === 'picking' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dispatch.picking.tapHint')}
          </Typography.Text>
        )}
        <List
          bordered
          dataSource={shipment.lines}
          data-testid="pick-lines"
          renderItem={(line) => {
            const code = pickCodeOf(line);
            return (
              <List.Item
                data-testid="pick-line"
                data-code={code}
                data-picked={line.picked}
                onClick={() => {
                  if (!line.picked && shipment.state === 'picking') void scan([code]);
                }}
                style={{
                  cursor: line.picked ? 'default' : 'pointer',
                  background: line.picked ? '#f6ffed' : undefined,
                  padding: '10px 12px',
                }}
              >
                <Space orientation="vertical" size={0} style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong>
                    {language === 'en' ? line.itemNameEn || line.itemNameZh : line.itemNameZh}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {code} · × {line.qty}
                  </Typography.Text>
                </Space>
                {line.picked ? (
                  <Tag color="success" icon={<CheckCircleFilled />}>
                    {t('dispatch.picking.picked')}
                  </Tag>
                ) : (
                  <Tag>{t('dispatch.picking.toPick')}</Tag>
                )}
              </List.Item>
            );
          }}
        />
      </Space>
    </div>
  );
}
