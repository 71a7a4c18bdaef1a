import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/error-text.ts';
import { changePassword } from '../api/auth.api.ts';

type Values = { currentPassword: string; newPassword: string; confirm: string };
// The server refuses shorter passwords for new accounts; the same floor applies to changes.
const MIN_PASSWORD_LENGTH = 10;

type Props = {
  open: boolean;
  /** True when the server asks the user to replace a generated or reset password. */
  required?: boolean;
  onClose: () => void;
  onChanged?: () => void;
};

export function ChangePasswordModal({ open, required, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    setError(undefined);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      void message.success(t('auth.passwordChanged'));
      form.resetFields();
      onChanged?.();
      onClose();
    } catch (cause) {
      setError(errorText(cause, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {required && <Alert type="warning" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
