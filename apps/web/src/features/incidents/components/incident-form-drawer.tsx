import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentCreate } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { alarmLevelText } from '../../dispatch/reason-text.ts';
import { createIncident, type Incident, type IncidentType } from '../api/incidents.api.ts';
import { incidentTypeTree } from '../incident-type-tree.ts';

type Values = {
  typeCode: string;
  alarmLevel: number;
  title?: string;
  address?: string;
  peopleCommitted?: number;
  scbaWearers?: number;
  expectedDurationHours?: number;
  isExercise: boolean;
};

type Props = {
  /** Where the dispatcher clicked on the map; the drawer is open while set. */
  position: { lat: number; lng: number } | undefined;
  types: IncidentType[];
  onClose: () => void;
  onCreated: (incident: Incident) => void;
};

/** Records an incident at a clicked map position: type (tree), alarm level, people, SCBA wearers, duration, exercise. */
export function IncidentFormDrawer({ position, types, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const tree = useMemo(() => incidentTypeTree(types, language), [types, language]);

  useEffect(() => {
    if (!position) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue({ alarmLevel: 3, isExercise: false });
  }, [position, form]);

  async function submit(values: Values) {
    if (!position) return;
    setSaving(true);
    setError(undefined);
    const body: IncidentCreate = {
      typeCode: values.typeCode,
      alarmLevel: values.alarmLevel,
      lat: Math.round(position.lat * 1e5) / 1e5,
      lng: Math.round(position.lng * 1e5) / 1e5,
      isExercise: values.isExercise,
      ...(values.title ? { title: values.title } : {}),
      ...(values.address ? { address: values.address } : {}),
      ...(values.peopleCommitted != null ? { peopleCommitted: values.peopleCommitted } : {}),
      ...(values.scbaWearers != null ? { scbaWearers: values.scbaWearers } : {}),
      ...(values.expectedDurationHours != null ? { expectedDurationHours: values.expectedDurationHours } : {}),
    };
    try {
      const incident = await createIncident(body);
      void message.success(t('dispatch.form.created', { number: incident.number }));
      onCreated(incident);
    } catch (cause) {
      const apiError = cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause));
      setError(apiError);
      const fields = fieldErrorsOf(apiError.details);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      open={position !== undefined}
      onClose={onClose}
      title={t('dispatch.form.title')}
      size={460}
      rootClassName="incident-drawer"
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose} data-testid="incident-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="incident-form-save">
            {t('dispatch.form.submit')}
          </Button>
        </Space>
      }
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={errorText(error, t)}
          data-testid="incident-form-error"
        />
      )}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark>
        <Form.Item label={t('dispatch.form.position')}>
          <Typography.Text data-testid="incident-form-position">
            {position ? `${position.lat.toFixed(4)}°N, ${position.lng.toFixed(4)}°E` : ''}
          </Typography.Text>
        </Form.Item>
        <Form.Item
          name="typeCode"
          label={t('dispatch.form.type')}
          rules={[{ required: true, message: t('dispatch.form.typeRequired') }]}
        >
          <TreeSelect
            treeData={tree}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            id="typeCode"
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="alarmLevel" label={t('dispatch.form.alarmLevel')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[1, 2, 3, 4, 5].map((level) => ({ value: level, label: alarmLevelText(level, (k, v) => t(k, v)) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('dispatch.form.titleField')}>
          <Input maxLength={200} id="incidentTitle" />
        </Form.Item>
        <Form.Item name="address" label={t('dispatch.form.address')}>
          <Input maxLength={500} id="incidentAddress" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="peopleCommitted" label={t('dispatch.form.people')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} id="peopleCommitted" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="scbaWearers" label={t('dispatch.form.scba')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} id="scbaWearers" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="expectedDurationHours" label={t('dispatch.form.duration')}>
              <InputNumber min={0.5} max={1440} step={0.5} style={{ width: '100%' }} id="expectedDurationHours" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="isExercise"
          label={t('dispatch.form.exercise')}
          valuePropName="checked"
          extra={t('dispatch.form.exerciseHint')}
        >
          <Switch id="isExercise" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
