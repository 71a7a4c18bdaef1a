import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Node, Organisation } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { createNode, updateNode } from '../api/nodes.api.ts';
import { NODE_TYPE_ORDER } from '../node-styles.ts';
import { formValuesOf, toNodeCreate, toNodeUpdate, type NodeFormValues } from '../node-form-values.ts';

type Props = {
  open: boolean;
  /** The node to edit; undefined to create one. */
  node: Node | undefined;
  organisations: Organisation[];
  onClose: () => void;
  onSaved: (node: Node) => void;
};

/** Create/edit form for a node; the API's validation details land on the fields they name. */
export function NodeFormDrawer({ open, node, organisations, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const { message } = App.useApp();
  const [form] = Form.useForm<NodeFormValues>();
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const hasAgreement = Form.useWatch('hasAgreement', form);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(formValuesOf(node) as NodeFormValues);
  }, [open, node, form]);

  async function submit(values: NodeFormValues) {
    setSaving(true);
    setError(undefined);
    try {
      const saved = node ? await updateNode(node.id, toNodeUpdate(values)) : await createNode(toNodeCreate(values));
      void message.success(node ? t('common.saved') : t('common.created'));
      onSaved(saved);
    } catch (cause) {
      const apiError = cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause));
      setError(apiError);
      const fields = fieldErrorsOf(apiError.details);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
    } finally {
      setSaving(false);
    }
  }

  const required = [{ required: true, message: t('node.required') }];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={node ? `${t('node.edit')} · ${node.code}` : t('node.create')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose} data-testid="node-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="node-form-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText(error, t)}
          description={
            fieldErrorsOf(error.details).length
              ? fieldErrorsOf(error.details)
                  .map((f) => `${f.name.join('.')}: ${f.errors.join('; ')}`)
                  .join(' · ')
              : undefined
          }
          data-testid="node-form-error"
        />
      )}
      <Form<NodeFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        // A partner holds stock only under an agent-storage agreement, so choosing the type opens its fields.
        onValuesChange={(changed: Partial<NodeFormValues>) => {
          if (changed.type === 'partner') form.setFieldValue('hasAgreement', true);
        }}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('node.code')}
              rules={[...required, { pattern: /^[A-Za-z0-9_.-]+$/, message: t('node.codePattern') }, { max: 64 }]}
            >
              <Input disabled={Boolean(node)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="type" label={t('node.type')} rules={required}>
              <Select options={NODE_TYPE_ORDER.map((type) => ({ value: type, label: t(`nodeType.${type}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameZh" label={t('node.nameZh')} rules={[...required, { max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('node.nameEn')} rules={[...required, { max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="organisationId" label={t('node.organisation')} rules={required}>
              <Select
                showSearch
                optionFilterProp="label"
                options={organisations.map((o) => ({
                  value: o.id,
                  label: `${language === 'en' ? o.nameEn : o.nameZh} (${o.code})`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lat" label={t('node.lat')} rules={required}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lng" label={t('node.lng')} rules={required}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('node.address')} rules={[{ max: 500 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('node.status')}>
              <Select options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`nodeStatus.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capacitySlots" label={t('node.capacitySlots')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="areaM2" label={t('node.areaM2')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="is24h" label={t('node.is24h')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('node.zones')}</Divider>
        <Form.List name="zones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'code']} rules={required}>
                    <Input placeholder={t('node.zoneCode')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={required}>
                    <Input placeholder={t('node.zoneName')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'slots']} rules={required}>
                    <InputNumber placeholder={t('node.slots')} min={0} precision={0} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'tempMinC']}>
                    <InputNumber placeholder={t('node.tempMinC')} min={-60} max={80} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'tempMaxC']}>
                    <InputNumber placeholder={t('node.tempMaxC')} min={-60} max={80} style={{ width: 120 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ slots: 0 })}>
                {t('common.add')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('node.contacts')}</Divider>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} rules={required}>
                    <Input placeholder={t('node.contactName')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']}>
                    <Input placeholder={t('node.contactRole')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']} rules={[{ pattern: /^[0-9+() -]*$/, message: t('node.contactPhone') }]}>
                    <Input placeholder={t('node.contactPhone')} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('common.add')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('node.agreement')}</Divider>
        <Form.Item name="hasAgreement" valuePropName="checked">
          <Checkbox>{t('node.hasAgreement')}</Checkbox>
        </Form.Item>
        {hasAgreement && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name={['agreement', 'reference']} label={t('node.agreementReference')} rules={required}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['agreement', 'partnerName']} label={t('node.partnerName')} rules={required}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={['agreement', 'scope']} label={t('node.scope')} rules={[{ max: 500 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={['agreement', 'itemCodes']} label={t('node.itemCodes')}>
                <Select mode="tags" tokenSeparators={[',', ' ']} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['agreement', 'responseMinutes']} label={t('node.responseMinutes')} rules={required}>
                <InputNumber min={0} max={10080} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name={['agreement', 'validFrom']}
                label={t('node.validFrom')}
                rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
              >
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name={['agreement', 'validUntil']}
                label={t('node.validUntil')}
                rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
              >
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Drawer>
  );
}
