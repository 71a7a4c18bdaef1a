import type { Translate } from '../../../lib/i18n/translate.ts';
import { Alert, Button, Card, Col, Descriptions, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import type { DispatchPlanView, PlanLine, PlanShortfall } from '../api/dispatch.api.ts';
import { durationText, formatNumber, lineReasonText, shortfallReasonText, whyText } from '../reason-text.ts';

type Props = {
  plan: DispatchPlanView;
  confirming: boolean;
  onConfirm: () => void;
};

const STATE_COLOUR: Record<DispatchPlanView['state'], string> = {
  draft: 'processing',
  confirmed: 'success',
  stale: 'error',
  superseded: 'default',
};

/** A plan in full: demand with its arithmetic, lines with reasons, shortfalls, transport, timings, and the confirm button. */
export function PlanPanel({ plan, confirming, onConfirm }: Props) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const tr: Translate = (key, vars) => t(key, vars);
  const name = (n: { nameZh: string; nameEn: string }) => (language === 'en' && n.nameEn ? n.nameEn : n.nameZh);
  const unit = (i: { unitZh: string; unitEn: string }) => (language === 'en' ? i.unitEn : i.unitZh);
  const incidentNumber = new Map(plan.incidents.map((i) => [i.id, i.number]));
  const joint = plan.incidents.length > 1;
  const demanded = plan.incidents.reduce((sum, i) => sum + i.demand.reduce((s, d) => s + d.qty, 0), 0);
  const delivered = plan.lines.reduce((sum, l) => sum + l.qty, 0);
  const isExercise = plan.incidents.some((i) => i.isExercise);

  function askConfirm() {
    Modal.confirm({
      title: t('dispatch.plan.confirmTitle', { number: plan.number }),
      content: t('dispatch.plan.confirmBody', { lines: plan.lines.length }),
      okText: t('dispatch.plan.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-plan-ok' } as Record<string, string>,
      onOk: onConfirm,
    });
  }

  return (
    <Card
      size="small"
      data-testid="plan-panel"
      data-plan-number={plan.number}
      data-plan-state={plan.state}
      title={
        <Space wrap>
          <span data-testid="plan-title">{t('dispatch.plan.title', { number: plan.number })}</span>
          <Tag color={STATE_COLOUR[plan.state]} data-testid="plan-state">
            {t(`dispatch.plan.state.${plan.state}`)}
          </Tag>
          {isExercise && <Tag color="purple">{t('dispatch.exercise')}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-timings">
            {t('dispatch.plan.timings', { build: formatNumber(plan.timings.buildMs), solve: formatNumber(plan.timings.solveMs) })}
          </Typography.Text>
        </Space>
      }
      extra={
        plan.state === 'draft' && (
          <Button
            type="primary"
            danger
            icon={<CheckCircleOutlined />}
            loading={confirming}
            disabled={plan.lines.length === 0}
            onClick={askConfirm}
            data-testid="confirm-plan"
          >
            {t('dispatch.plan.confirm')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {isExercise && plan.state === 'draft' && <Alert type="info" showIcon message={t('dispatch.plan.exerciseNote')} />}
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('dispatch.plan.delivered', { delivered, demanded })} value={delivered} suffix={`/ ${demanded}`} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('dispatch.plan.shortfalls')}
              value={plan.shortfalls.reduce((s, x) => s + x.qty, 0)}
              valueStyle={plan.shortfalls.length ? { color: '#cf1322' } : undefined}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('dispatch.plan.transport')} value={durationText(plan.transport.makespanMinutes, tr)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-makespan">
              {t('dispatch.plan.makespan', {
                makespan: durationText(plan.transport.makespanMinutes, tr),
                bound: durationText(plan.transport.makespanLowerBound, tr),
              })}
            </Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('dispatch.plan.reserveUnits', { count: plan.objective.reserveUnits })}
              value={plan.objective.reserveUnits}
            />
          </Col>
        </Row>

        {plan.shortfalls.length > 0 ? (
          <Alert
            type="error"
            showIcon
            icon={<WarningOutlined />}
            data-testid="plan-shortfalls"
            message={t('dispatch.plan.shortfalls')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {plan.shortfalls.map((s: PlanShortfall) => (
                  <li key={`${s.incidentId}-${s.item.id}`} data-testid="shortfall-row">
                    {joint && `${incidentNumber.get(s.incidentId)} · `}
                    <b>{name(s.item)}</b>：{shortfallReasonText(s, tr)}
                  </li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon message={t('dispatch.plan.noShortfalls')} />
        )}

        <div>
          <Typography.Title level={5}>{t('dispatch.plan.demand')}</Typography.Title>
          {plan.incidents.map((incident) => (
            <div key={incident.id} style={{ marginBottom: 8 }}>
              {joint && (
                <Typography.Text strong>
                  {incident.number} · {t('dispatch.priority', { priority: incident.priority })} ·{' '}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">
                {incident.prePlanCode ? t('dispatch.plan.prePlan', { code: incident.prePlanCode }) : t('dispatch.plan.noPrePlan')}
              </Typography.Text>
              <Table
                size="small"
                pagination={false}
                rowKey={(row) => row.item.id}
                dataSource={incident.demand}
                data-testid="demand-table"
                columns={[
                  { title: t('dispatch.plan.item'), key: 'item', render: (_, row) => `${name(row.item)} (${row.item.code})` },
                  {
                    title: t('dispatch.plan.qty'),
                    key: 'qty',
                    align: 'right',
                    width: 100,
                    render: (_, row) => `${row.qty} ${unit(row.item)}`,
                  },
                  { title: t('dispatch.plan.why'), key: 'why', render: (_, row) => whyText(row.why, tr) },
                ]}
              />
            </div>
          ))}
        </div>

        <div>
          <Typography.Title level={5}>{t('dispatch.plan.lines')}</Typography.Title>
          {plan.lines.length === 0 ? (
            <Typography.Text type="secondary">{t('dispatch.plan.noLines')}</Typography.Text>
          ) : (
            <Table<PlanLine>
              size="small"
              pagination={false}
              data-testid="plan-lines"
              rowKey={(row) => `${row.source.id}-${row.incidentId}-${row.item.id}`}
              dataSource={plan.lines}
              rowClassName={() => 'plan-line-row'}
              columns={[
                ...(joint
                  ? [
                      {
                        title: t('dispatch.plan.incident'),
                        key: 'incident',
                        render: (_: unknown, row: PlanLine) => incidentNumber.get(row.incidentId),
                      },
                    ]
                  : []),
                { title: t('dispatch.plan.item'), key: 'item', render: (_, row) => name(row.item) },
                {
                  title: t('dispatch.plan.qty'),
                  key: 'qty',
                  align: 'right',
                  width: 90,
                  render: (_, row) => (
                    <>
                      {`${row.qty} ${unit(row.item)}`}
                      {row.packedModules && row.packedModules.complete + row.packedModules.incomplete > 0 && (
                        <div data-testid="line-packed">
                          <Tag color={row.packedModules.incomplete > 0 ? 'warning' : 'success'} style={{ marginInlineEnd: 0 }}>
                            {t('dispatch.plan.packedModules', {
                              complete: row.packedModules.complete,
                              incomplete: row.packedModules.incomplete,
                            })}
                          </Tag>
                        </div>
                      )}
                    </>
                  ),
                },
                {
                  title: t('dispatch.plan.source'),
                  key: 'source',
                  render: (_, row) => `${name(row.source)} (${row.source.code})`,
                },
                {
                  title: t('dispatch.plan.minutes'),
                  key: 'minutes',
                  width: 100,
                  render: (_, row) => durationText(row.minutes, tr),
                },
                { title: t('dispatch.plan.eta'), key: 'eta', width: 90, render: (_, row) => dayjs(row.eta).format('HH:mm') },
                {
                  title: t('dispatch.plan.reason'),
                  key: 'reason',
                  render: (_, row) => (
                    <span data-testid="line-reason" style={row.fromReserve > 0 ? { color: '#ad4e00' } : undefined}>
                      {row.fromReserve > 0 && <WarningOutlined style={{ marginInlineEnd: 4 }} />}
                      {lineReasonText(row, tr)}
                    </span>
                  ),
                },
              ]}
            />
          )}
        </div>

        <div>
          <Typography.Title level={5}>{t('dispatch.plan.transport')}</Typography.Title>
          <Descriptions size="small" column={1} bordered data-testid="plan-transport">
            {plan.transport.vehicles.map((v) => (
              <Descriptions.Item key={v.vehicle} label={`${t('dispatch.plan.vehicle')} ${v.plate ?? v.nodeCode}`}>
                {t('dispatch.plan.trips')} {v.trips.length} · {durationText(v.minutes, tr)}
              </Descriptions.Item>
            ))}
            {plan.transport.note && <Descriptions.Item label="">{plan.transport.note}</Descriptions.Item>}
          </Descriptions>
        </div>
      </Space>
    </Card>
  );
}
