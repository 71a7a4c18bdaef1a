import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { listAudit, verifyAudit, type AuditEntry, type AuditFilter, type AuditVerification } from '../api/audit.api.ts';

type FilterValues = { actor?: string; entityType?: string; entityId?: string; range?: [Dayjs | null, Dayjs | null] | null };

/** The hash-chained audit log with filters and a chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({ limit: 50, offset: 0 });
  const entries = useRequest((signal) => listAudit(filter, signal), filter);
  const [verification, setVerification] = useState<AuditVerification>();
  const [verifyError, setVerifyError] = useState<ApiError>();
  const [verifying, setVerifying] = useState(false);

  async function verify() {
    setVerifying(true);
    setVerifyError(undefined);
    setVerification(undefined);
    try {
      setVerification(await verifyAudit());
    } catch (cause) {
      setVerifyError(cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));
    } finally {
      setVerifying(false);
    }
  }

  function applyFilter(values: FilterValues) {
    const [from, to] = values.range ?? [null, null];
    setFilter({
      limit: filter.limit,
      offset: 0,
      actor: values.actor?.trim() || undefined,
      entityType: values.entityType?.trim() || undefined,
      entityId: values.entityId?.trim() || undefined,
      from: from ? from.toISOString() : undefined,
      to: to ? to.toISOString() : undefined,
    });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="audit-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Button icon={<SafetyOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify">
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </Button>
      </Space>
      {verification && (
        <Alert
          data-testid="audit-verify-result"
          type={verification.ok ? 'success' : 'error'}
          showIcon
          title={
            verification.ok
              ? t('audit.verifyOk', { checked: verification.checked })
              : t('audit.verifyBroken', { seq: verification.firstBrokenSeq ?? '?', checked: verification.checked })
          }
          description={
            !verification.ok && verification.reason ? t('audit.verifyReason', { reason: verification.reason }) : undefined
          }
        />
      )}
      {verifyError && <Alert type="error" showIcon title={errorText(verifyError, t)} />}
      <Card size="small">
        <Form<FilterValues> layout="inline" onFinish={applyFilter} onReset={() => setFilter({ limit: filter.limit, offset: 0 })}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="entityType" label={t('audit.entityType')}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.entityId')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="range" label={t('audit.timeRange')}>
            <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button htmlType="reset">{t('common.reset')}</Button>
          </Space>
        </Form>
      </Card>
      {entries.error && <Alert type="error" showIcon title={errorText(entries.error, t)} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={entries.loading}
        dataSource={entries.data?.items ?? []}
        scroll={{ x: 1200 }}
        pagination={{
          current: Math.floor(filter.offset / filter.limit) + 1,
          pageSize: filter.limit,
          total: entries.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (current, pageSize) => setFilter((f) => ({ ...f, limit: pageSize, offset: (current - 1) * pageSize })),
        }}
        columns={[
          { dataIndex: 'seq', title: t('audit.seq'), width: 70, align: 'right' },
          { dataIndex: 'at', title: t('audit.at'), width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          {
            key: 'actor',
            title: t('audit.actor'),
            width: 190,
            render: (_v, entry) => (
              <Space size={4}>
                {entry.actorUsername ?? '—'}
                {entry.actorRole && <Tag>{t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole })}</Tag>}
              </Space>
            ),
          },
          {
            dataIndex: 'action',
            title: t('audit.action'),
            width: 170,
            render: (a: string) => <Typography.Text code>{a}</Typography.Text>,
          },
          {
            key: 'entity',
            title: t('audit.entityType'),
            width: 150,
            render: (_v, entry) => (
              <Tooltip title={entry.entityId}>
                {entry.entityType}
                {entry.entityId ? ` · ${entry.entityId.slice(0, 8)}` : ''}
              </Tooltip>
            ),
          },
          {
            dataIndex: 'summary',
            title: t('audit.summary'),
            render: (summary: unknown) => {
              const text = summaryText(summary);
              return (
                <Tooltip
                  title={
                    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', maxHeight: 400, overflow: 'auto' }}>
                      {summaryText(summary, 2)}
                    </pre>
                  }
                >
                  <Typography.Text style={{ fontSize: 12 }}>{text.length > 80 ? `${text.slice(0, 80)}…` : text}</Typography.Text>
                </Tooltip>
              );
            },
          },
          { dataIndex: 'clientAddress', title: t('audit.clientAddress'), width: 120, render: (a: string | null) => a ?? '—' },
          {
            dataIndex: 'hash',
            title: t('audit.hash'),
            width: 150,
            render: (hash: string, entry) => (
              <Tooltip title={`${t('audit.hash')}: ${hash} · ${t('audit.prevHash')}: ${entry.prevHash || '—'}`}>
                <Typography.Text code style={{ fontSize: 11 }}>
                  {hash.slice(0, 12)}…
                </Typography.Text>
              </Tooltip>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** The audit summary as text: strings as they are, objects as compact (or indented) JSON. */
function summaryText(summary: unknown, indent?: number): string {
  if (summary === null || summary === undefined) return '—';
  if (typeof summary === 'string') return summary;
  return JSON.stringify(summary, null, indent);
}
