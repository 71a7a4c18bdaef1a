/** The languages the UI ships; Chinese first. Pure so it can be tested without a browser. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'zhanqin.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The stored choice when valid, else Chinese — the default does not follow the browser on purpose. */
export function resolveLanguage(stored: string | null | undefined): Language {
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

/** dayjs locale name for a UI language. */
export function dayjsLocaleOf(language: Language): 'zh-cn' | 'en' {
  return language === 'zh-CN' ? 'zh-cn' : 'en';
}

/** ECharts built-in locale name for a UI language. */
export function echartsLocaleOf(language: Language): 'ZH' | 'EN' {
  return language === 'zh-CN' ? 'ZH' : 'EN';
}

/** Lists every dotted key path of a nested string dictionary, sorted. */
export function keyPaths(dictionary: object, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(dictionary)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) paths.push(...keyPaths(value as object, path));
    else paths.push(path);
  }
  return paths.sort();
}

/** Names the `{{placeholders}}` a string uses, so both languages can be checked to use the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}
