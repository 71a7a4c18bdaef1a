import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { ROLES, type Role } from '../../auth/api/auth.api.ts';
import { useOrganisations } from '../../organisations/api/organisations.api.ts';
import { listAllNodes } from '../../network/api/network.api.ts';
import { createUser, listUsers, updateUser, type User } from '../api/users.api.ts';

type FormValues = {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  organisationIds: string[];
  nodeIds: string[];
  disabled: boolean;
};

/** Administrator's page: list, create and edit users (role, scope, disabled). */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const { message } = App.useApp();
  const [page, setPage] = useState({ limit: 20, offset: 0 });
  const users = useRequest((signal) => listUsers(page, signal), page);
  const { organisations, byId } = useOrganisations();
  const nodes = useRequest((signal) => listAllNodes(signal), 'user-nodes');
  const [editing, setEditing] = useState<{ user: User | undefined }>();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!editing) return;
    setError(undefined);
    form.resetFields();
    const user = editing.user;
    form.setFieldsValue(user ? { ...user } : { role: 'viewer', organisationIds: [], nodeIds: [], disabled: false });
  }, [editing, form]);

  async function save() {
    const values = await form.validateFields();
    setSaving(true);
    setError(undefined);
    try {
      if (editing?.user) {
        const { displayName, role, organisationIds, nodeIds, disabled } = values;
        await updateUser(editing.user.id, { displayName, role, organisationIds, nodeIds, disabled });
        void message.success(t('common.saved'));
      } else {
        const { username, password, displayName, role, organisationIds, nodeIds } = values;
        await createUser({ username, password, displayName, role, organisationIds, nodeIds });
        void message.success(t('common.created'));
      }
      setEditing(undefined);
      users.reload();
    } catch (cause) {
      const apiError = cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause));
      setError(apiError);
      const fields = fieldErrorsOf(apiError.details);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
    } finally {
      setSaving(false);
    }
  }

  const creating = editing !== undefined && editing.user === undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="users-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: undefined })}>
          {t('users.create')}
        </Button>
      </Space>
      {users.error && <Alert type="error" showIcon title={errorText(users.error, t)} />}
      <Table<User>
        rowKey="id"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        pagination={{
          current: Math.floor(page.offset / page.limit) + 1,
          pageSize: page.limit,
          total: users.data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (current, pageSize) => setPage({ limit: pageSize, offset: (current - 1) * pageSize }),
        }}
        columns={[
          { dataIndex: 'username', title: t('users.username') },
          { dataIndex: 'displayName', title: t('users.displayName') },
          {
            dataIndex: 'role',
            title: t('users.role'),
            render: (role: Role) => <Tag color={role === 'admin' ? 'red' : 'blue'}>{t(`roles.${role}`)}</Tag>,
          },
          {
            dataIndex: 'organisationIds',
            title: t('users.organisations'),
            render: (ids: string[]) =>
              ids.map((id) => {
                const org = byId.get(id);
                return <Tag key={id}>{org ? (language === 'en' ? org.nameEn : org.nameZh) : id.slice(0, 8)}</Tag>;
              }),
          },
          {
            dataIndex: 'disabled',
            title: t('users.state'),
            render: (disabled: boolean) =>
              disabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>,
          },
          { dataIndex: 'createdAt', title: t('users.createdAt'), render: (at?: string) => (at ? dayjs(at).format('L') : '—') },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v, user) => (
              <Button size="small" onClick={() => setEditing({ user })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={creating ? t('users.create') : `${t('users.edit')} · ${editing?.user?.username ?? ''}`}
        onCancel={() => setEditing(undefined)}
        onOk={() => void save().catch(() => undefined)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        destroyOnHidden
        forceRender
      >
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(error, t)} />}
        <Form form={form} layout="vertical">
          {creating && (
            <>
              <Form.Item
                name="username"
                label={t('users.username')}
                rules={[{ required: true }, { pattern: /^[A-Za-z0-9_.-]{3,64}$/ }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('users.password')}
                rules={[{ required: true }, { min: 10, message: t('auth.passwordTooShort', { min: 10 }) }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
            <Select options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
          </Form.Item>
          <Form.Item name="organisationIds" label={t('users.organisations')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={organisations.map((o) => ({ value: o.id, label: language === 'en' ? o.nameEn : o.nameZh }))}
            />
          </Form.Item>
          <Form.Item name="nodeIds" label={t('users.nodes')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(nodes.data ?? []).map((n) => ({
                value: n.id,
                label: `${language === 'en' ? n.nameEn : n.nameZh} (${n.code})`,
              }))}
            />
          </Form.Item>
          {!creating && (
            <Form.Item name="disabled" label={t('users.disabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
