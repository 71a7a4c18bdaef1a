import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { resolveLanguage } from '../lib/i18n/languages.ts';
import { SessionProvider } from '../features/auth/components/session-provider.tsx';

/** Fire-service red, slightly muted so it does not read as an alarm everywhere. */
const theme = {
  token: {
    colorPrimary: '#b42318',
    colorLink: '#b42318',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: { Layout: { headerBg: '#1f1f1f', siderBg: '#ffffff' } },
};

/** The one place that sets Ant Design's theme and locale; the locale follows setLanguage() via i18next. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  return (
    <ConfigProvider theme={theme} locale={language === 'en' ? enUS : zhCN}>
      <AntApp>
        <SessionProvider>{children}</SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
