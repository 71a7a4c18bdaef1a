import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import 'dayjs/locale/zh-cn';
import { zh } from './zh.ts';
import { en } from './en.ts';
import { LANGUAGE_STORAGE_KEY, dayjsLocaleOf, resolveLanguage, type Language } from './languages.ts';

dayjs.extend(localizedFormat);

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function applyDocumentLanguage(language: Language): void {
  dayjs.locale(dayjsLocaleOf(language));
  document.documentElement.lang = language;
  document.title = language === 'zh-CN' ? '战勤 Zhanqin' : 'Zhanqin';
}

/** Starts i18next with the stored language (Chinese by default). Call once before rendering. */
export function initI18n(): Language {
  const language = resolveLanguage(readStoredLanguage());
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyDocumentLanguage(language);
  return language;
}

/**
 * Switches the whole UI at once: i18next strings, dayjs dates, `<html lang>` and the stored choice here;
 * Ant Design's locale and ECharts' labels follow because they re-render on i18next's change event.
 */
export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode may refuse storage; the switch still applies to this tab.
  }
  applyDocumentLanguage(language);
  void i18next.changeLanguage(language);
}

/** The current UI language as one of ours. */
export function currentLanguage(): Language {
  return resolveLanguage(i18next.language);
}
