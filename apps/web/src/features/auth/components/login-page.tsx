import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { navigate, useRoute } from '../../../lib/router.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { login } from '../api/auth.api.ts';
import { retryAfterSecondsOf } from '../permissions.ts';
import { useSession } from './session-provider.tsx';

type Values = { username: string; password: string };

/** Sign-in form; on success goes back to the page that asked for it (`?next=`). */
export function LoginPage() {
  const { t } = useTranslation();
  const { signedIn, expired } = useSession();
  const { query } = useRoute();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [waitSeconds, setWaitSeconds] = useState<number>();

  useEffect(() => {
    if (waitSeconds === undefined || waitSeconds <= 0) return undefined;
    const timer = window.setTimeout(() => setWaitSeconds(waitSeconds - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [waitSeconds]);

  async function submit(values: Values) {
    setSubmitting(true);
    setError(undefined);
    try {
      const { user } = await login(values.username, values.password);
      signedIn(user);
      const next = query.get('next');
      navigate(next && next.startsWith('/') && next !== '/login' ? next : '/');
    } catch (cause) {
      const apiError = cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause));
      setError(apiError);
      if (apiError.status === 429) setWaitSeconds(retryAfterSecondsOf(apiError.details));
    } finally {
      setSubmitting(false);
    }
  }

  let alertText: string | undefined;
  if (error?.status === 429) {
    alertText = t('auth.tooManyAttempts', { seconds: waitSeconds ?? retryAfterSecondsOf(error.details) ?? '—' });
  } else if (error?.status === 401) {
    alertText = t('auth.invalidCredentials');
  } else if (error) {
    alertText = errorText(error, t);
  }
  const blocked = error?.status === 429 && (waitSeconds ?? 0) > 0;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #7f1d1d 0%, #b91c1c 45%, #f5f5f5 45%)',
      }}
    >
      <Card style={{ width: 380 }} data-testid="login-card">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('auth.title')}
            </Typography.Title>
            <LanguageSwitch />
          </div>
          <Typography.Text type="secondary">{t('app.unit')}</Typography.Text>
          {expired && !error && <Alert type="info" showIcon title={t('auth.sessionExpired')} />}
          {alertText && <Alert type="error" showIcon title={alertText} data-testid="login-error" />}
          <Form<Values> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, message: t('auth.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} disabled={blocked} data-testid="login-submit">
              {t('auth.signIn')}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
