import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute } from '../lib/router.ts';
import { useSession } from '../features/auth/components/session-provider.tsx';
import { LoginPage } from '../features/auth/components/login-page.tsx';
import { Providers } from './providers.tsx';
import { AppLayout } from './layout.tsx';
import { ROUTES } from './routes.tsx';

function Screens() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { path } = useRoute();

  if (user === undefined) {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description={t('common.loading')}>
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  }
  if (user === null || path === '/login') {
    if (user && path === '/login') {
      navigate('/');
      return null;
    }
    return <LoginPage />;
  }

  const route = ROUTES.find((r) => r.path === path);
  let content;
  if (!route) {
    content = (
      <Result
        status="404"
        title="404"
        subTitle={t('common.notFound')}
        extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
      />
    );
  } else if (route.allowed && !route.allowed(user.role)) {
    content = (
      <Result
        status="403"
        title="403"
        subTitle={t('common.forbidden')}
        extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
      />
    );
  } else {
    content = route.element();
  }
  return <AppLayout activePath={route?.path ?? ''}>{content}</AppLayout>;
}

export function App() {
  return (
    <Providers>
      <Screens />
    </Providers>
  );
}
