import { describe, expect, it } from 'vitest';
import { zh } from './zh.ts';
import { en } from './en.ts';
import { dayjsLocaleOf, echartsLocaleOf, keyPaths, placeholdersOf, resolveLanguage } from './languages.ts';

function valueAt(dictionary: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], dictionary);
}

describe('dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(keyPaths(en)).toEqual(keyPaths(zh));
  });

  it('have no empty string in either language', () => {
    for (const [name, dictionary] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      const empty = keyPaths(dictionary).filter((path) => String(valueAt(dictionary, path)).trim() === '');
      expect(empty, name).toEqual([]);
    }
  });

  it('use the same {{placeholders}} for each key in both languages', () => {
    const mismatched = keyPaths(zh).filter(
      (path) => placeholdersOf(String(valueAt(zh, path))).join() !== placeholdersOf(String(valueAt(en, path))).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('keep English free of Chinese characters', () => {
    const withHan = keyPaths(en).filter((path) => /\p{Script=Han}/u.test(String(valueAt(en, path))));
    expect(withHan).toEqual([]);
  });
});

describe('resolveLanguage', () => {
  it('defaults to Chinese and keeps a valid stored choice', () => {
    expect(resolveLanguage(null)).toBe('zh-CN');
    expect(resolveLanguage('fr')).toBe('zh-CN');
    expect(resolveLanguage('en')).toBe('en');
  });
  it('maps to the dayjs and ECharts locale names', () => {
    expect([dayjsLocaleOf('zh-CN'), echartsLocaleOf('zh-CN')]).toEqual(['zh-cn', 'ZH']);
    expect([dayjsLocaleOf('en'), echartsLocaleOf('en')]).toEqual(['en', 'EN']);
  });
});
