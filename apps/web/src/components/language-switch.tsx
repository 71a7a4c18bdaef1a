import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../lib/i18n/i18n.ts';
import { resolveLanguage, type Language } from '../lib/i18n/languages.ts';

/** 中文 / EN switch; one call to setLanguage() changes strings, dates, Ant Design, charts and <html lang>. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t('app.language')}
      data-testid="language-switch"
      size="small"
      value={resolveLanguage(i18n.language)}
      onChange={(value) => setLanguage(value)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
