/** What pure text helpers take to translate: i18next's `t`, or any function of the same shape. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A translate function over a dictionary, with i18next's {{name}} interpolation: for unit tests of text helpers. */
export function translator(dictionary: object): Translate {
  return (key, vars = {}) => {
    const template = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dictionary);
    if (typeof template !== 'string') throw new Error(`missing key ${key}`);
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
  };
}
